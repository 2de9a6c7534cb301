import { Hono } from 'hono';
import { lookUpStatus, powChallenge, showReceipt, submitTip, tipServiceUnavailable } from '../../tips/handleTipRequest';
import type { TipEnvironment } from '../../tips/storage';
import { oneMethod } from './oneMethod';

type TipRoutes = { Bindings: { tips: TipEnvironment } };

const noStore = { 'Cache-Control': 'no-store' };
const refuse = (allowed: string) => new Response('Method not allowed', { status: 405, headers: { ...noStore, Allow: allowed } });

/**
 * The tip service: submit a tip, show its receipt once, hand out a proof-of-work challenge, look
 * up a status. A trailing slash names the same route (strict: false).
 */
export const tipRoutes = new Hono<TipRoutes>({ strict: false });
oneMethod(tipRoutes, 'POST', '/api/tips', (c) => submitTip(c.req.raw, c.env.tips), refuse);
oneMethod(tipRoutes, 'GET', '/api/tips/received', (c) => showReceipt(c.req.raw, c.env.tips), refuse);
oneMethod(tipRoutes, 'GET', '/api/tips/challenge', (c) => powChallenge(c.env.tips), refuse);
oneMethod(tipRoutes, 'POST', '/api/tips/status', (c) => lookUpStatus(c.req.raw, c.env.tips), refuse);
tipRoutes.notFound(() => new Response('Not found', { status: 404, headers: noStore }));
tipRoutes.onError((error, c) => {
  console.error('tip service failed', error instanceof Error ? error.message : error);
  return tipServiceUnavailable(c.req.raw, c.env.tips);
});

/** One tip request on Web-standard Request/Response, for the site app and for tests. */
export const handleTipRequest = (request: Request, tips: TipEnvironment): Promise<Response> => Promise.resolve(tipRoutes.fetch(request, { tips }));
