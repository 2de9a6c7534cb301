import type { MiddlewareHandler } from 'hono';
import { siteHeadersFor } from './siteHeaders';

/**
 * Gives every answer the headers of the site's rules for its (canonical) path, function-made
 * HTML and error answers included. A header the handler set itself wins, except Cache-Control
 * no-store, which no handler can weaken on a path the rules keep out of caches.
 */
export function securityHeaders(pathOf: (url: string) => string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const wanted = siteHeadersFor(pathOf(c.req.url));
    const noStore = wanted.get('cache-control') === 'no-store';
    // Answers made elsewhere (a fetched static file) can have immutable headers: copy them first.
    const response = new Response(c.res.body, c.res);
    for (const [name, value] of wanted) {
      if (!response.headers.has(name) || (noStore && name === 'cache-control')) response.headers.set(name, value);
    }
    c.res = undefined as unknown as Response;
    c.res = response;
  };
}
