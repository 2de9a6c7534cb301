// The tip form page (/mn/tip/) reaches the site's one request layer, which gives each copy of the
// form a key of its own (src/lib/http/app.ts). One file per language, not functions/[locale]/:
// a dynamic first segment makes Pages' _routes.json send every path (every static file) to a function.
import { handle } from 'hono/cloudflare-pages';
import { cloudflareApp } from '../../../src/lib/http/cloudflare';

export const onRequest = handle(cloudflareApp);
