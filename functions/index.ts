// The bare domain: send each reader straight to the language their browser asks for. Readers whose
// browser asks for neither language get the static bilingual page (dist/index.html).
import { preferredLocale } from '../src/lib/preferredLocale';
import { localizedPath } from '../src/i18n/locales';

interface PagesContext {
  request: Request;
  next: () => Promise<Response>;
}

export const onRequestGet = async ({ request, next }: PagesContext): Promise<Response> => {
  const locale = preferredLocale(request.headers.get('Accept-Language'));
  if (!locale) return next();
  return new Response(null, {
    status: 302,
    headers: { Location: localizedPath(locale), Vary: 'Accept-Language', 'Cache-Control': 'private, max-age=0' },
  });
};
