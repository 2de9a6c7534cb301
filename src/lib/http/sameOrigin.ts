import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';

/**
 * Refuses a state-changing request another site's page made the browser send (a cross-site form
 * planting tips, signing staff in or out). Hono's csrf check: the browser's Sec-Fetch-Site must say
 * same-origin or its Origin must be ours. Browsers send one or both with every POST, including a
 * same-origin form sent without JavaScript. A request with neither comes from no browser (curl, a
 * script, a monitoring probe); no other site can make a browser send it, so it is let through.
 */
export function sameOriginPosts(): MiddlewareHandler {
  const check = csrf();
  return async (c, next) => {
    if (c.req.header('Origin') === undefined && c.req.header('Sec-Fetch-Site') === undefined) return next();
    return check(c, next);
  };
}
