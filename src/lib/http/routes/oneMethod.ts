import type { Context, Env, Hono } from 'hono';

/**
 * Declares a path that takes one method; any other method there gets `refuse(method)`, a 405
 * naming it in Allow. HEAD on a GET path is refused too: Hono would run the GET handler for it,
 * and a handler that audits (a download) must not run for an answer nobody reads.
 */
export function oneMethod<E extends Env, P extends string>(
  app: Hono<E>,
  method: 'GET' | 'POST',
  path: P,
  handler: (c: Context<E, P>) => Response | Promise<Response>,
  refuse: (allowed: string) => Response,
): void {
  app.all(path, (c) => (c.req.method === method ? handler(c) : refuse(method)));
}
