import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { maxBodyBytes, tipRateLimitedAnswer } from '../tips/handleTipRequest';
import { conversationRateLimitedAnswer, handleConversationRequest, oversizedReplyAnswer } from '../conversation/handleConversationRequest';
import { staffProblem, staffTranslations, type StaffEnvironment } from '../staff/handleStaffRequest';
import { handleStaffRequest } from './routes/staff';
import { handleTipRequest } from './routes/tips';
import type { TipEnvironment } from '../tips/storage';
import { preferredLocale } from '../preferredLocale';
import { isLocale, localizedPath } from '../../i18n/locales';
import { withFormKey } from '../../components/tip/tipFormTemplate';
import { canonicalPath, encodePath } from './canonicalPath';
import { rateLimit, type RateLimiter } from './rateLimit';
import { sameOriginPosts } from './sameOrigin';
import { securityHeaders } from './securityHeaders';

/** What a platform gives the one app: its storage, its way to tell clients apart, its static files. */
export interface SitePlatform {
  tips(c: Context): TipEnvironment;
  /** Staff review; undefined: /api/staff/* answers 404. */
  staff(c: Context): StaffEnvironment | undefined;
  tipRateLimiter(c: Context): RateLimiter;
  /** Who is asking, for rate limits only: an address (an IPv6 /64), never stored. */
  clientSubject(c: Context): string | undefined;
  /** Everything the app does not answer itself: static files and the 404 page. */
  staticFiles(c: Context): Response | Promise<Response>;
  /** Extra routes of one platform (Node's /healthz). */
  extraRoutes?(app: Hono): void;
  log?(line: string): void;
}

/** Bodies nobody needs more of: a status lookup, a sign-in, a status change (text fields only). */
const smallBodyBytes = 64 * 1024;
/** Above the tip core's own limit, so its answer (the form, in the reader's language) wins. */
const tipBodyBytes = maxBodyBytes + 64 * 1024;
const methods = new Set(['GET', 'HEAD', 'POST']);

const pathOf = (url: string) => canonicalPath(new URL(url).pathname) ?? '/';

/**
 * The site's one request layer, the same on Cloudflare Pages Functions and on Node: every answer
 * goes through the same middleware (canonical paths, security headers, body limits, same-origin
 * POSTs, rate limits), then to the tip core, the staff core or the platform's static files.
 */
export function createSiteApp(platform: SitePlatform): Hono {
  const app = new Hono({ strict: true });
  const log = platform.log ?? ((line: string) => console.error(line));

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    log(`request failed: ${c.req.method} ${pathOf(c.req.url)}: ${error instanceof Error ? error.message : String(error)}`);
    return c.text('Server error', 500, { 'Cache-Control': 'no-store' });
  });

  app.use(securityHeaders(pathOf));
  app.use(async (c, next) => {
    // TRACE, PUT and the like: nothing here takes them, and none may reach a handler.
    if (!methods.has(c.req.method)) return c.text('Method not allowed', 405, { Allow: 'GET, HEAD, POST' });
    const url = new URL(c.req.url);
    const canonical = canonicalPath(url.pathname);
    if (canonical === undefined) return c.text('Bad request', 400);
    const spelled = encodePath(canonical);
    // One spelling per page: any other is sent there (308 keeps a POST a POST). The Location is
    // always a path on this site: the canonical path starts with exactly one "/".
    if (spelled !== url.pathname) return c.redirect(`${spelled}${url.search}`, 308);
    await next();
  });
  app.use(async (c, next) => (c.req.method === 'POST' ? sameOriginPosts()(c, next) : next()));

  // The tip core reads "/api/tips/" as "/api/tips": so does every check here.
  const isTipSubmission = (c: Context) => c.req.method === 'POST' && c.req.path.replace(/\/+$/, '') === '/api/tips';
  // Code attempts and tipster replies count in the tips' per-client window: guessing codes is as slow as sending tips.
  const isConversationPost = (c: Context) => c.req.method === 'POST' && ['/api/tips/status', '/api/tips/status/reply'].includes(c.req.path.replace(/\/+$/, ''));
  const isTipsterReply = (c: Context) => c.req.method === 'POST' && c.req.path.replace(/\/+$/, '') === '/api/tips/status/reply';
  const limitTips = rateLimit({
    limiter: (c) => platform.tipRateLimiter(c),
    subject: (c) => (platform.tips(c).config.trustTestClientHeader ? testClient(c) : undefined) ?? platform.clientSubject(c),
    onLimited: (c, retryAfter) =>
      isConversationPost(c) ? conversationRateLimitedAnswer(c.req.raw, platform.tips(c), retryAfter) : tipRateLimitedAnswer(c.req.raw, platform.tips(c), retryAfter),
  });
  const limitTipBody = bodyLimit({
    maxSize: tipBodyBytes,
    // The core's own "too large" answer (in the reader's language), from a request that says its size.
    onError: (c) => {
      if (isTipsterReply(c)) return oversizedReplyAnswer(c.req.raw, platform.tips(c));
      const headers = new Headers(c.req.raw.headers);
      headers.set('Content-Length', String(maxBodyBytes + 1));
      return handleTipRequest(new Request(c.req.url, { method: 'POST', headers }), platform.tips(c));
    },
  });
  const limitSmallBody = bodyLimit({ maxSize: smallBodyBytes });
  app.use('/api/*', async (c, next) => {
    if (isTipSubmission(c) || isTipsterReply(c)) {
      return limitTips(c, async () => {
        const refused = await limitTipBody(c, next);
        // bodyLimit hands back its own answer when it refuses, and next()'s result when it does not.
        if (refused instanceof Response) c.res = refused;
      });
    }
    if (isConversationPost(c))
      return limitTips(c, async () => {
        const refused = await limitSmallBody(c, next);
        if (refused instanceof Response) c.res = refused;
      });
    return limitSmallBody(c, next);
  });
  app.all('/api/tips', (c) => handleTipRequest(c.req.raw, platform.tips(c)));
  // The status lookup itself (POST /api/tips/status) stays the tip core's; the session's pages are the conversation's.
  app.get('/api/tips/status', (c) => handleConversationRequest(c.req.raw, platform.tips(c)));
  app.all('/api/tips/status/:page', (c) => handleConversationRequest(c.req.raw, platform.tips(c)));
  app.all('/api/tips/*', (c) => handleTipRequest(c.req.raw, platform.tips(c)));
  const staff = (c: Context) => {
    const environment = platform.staff(c);
    if (!environment) return staffProblem(staffTranslations(c.req.raw), 404, 'not_found', 'staff.api.reviewOff');
    return handleStaffRequest(c.req.raw, environment);
  };
  app.all('/api/staff', staff);
  app.all('/api/staff/*', staff);

  platform.extraRoutes?.(app);
  app.get('/', async (c) => {
    const locale = preferredLocale(c.req.header('Accept-Language'));
    if (!locale) return platform.staticFiles(c);
    return c.body(null, 302, { Location: localizedPath(locale), Vary: 'Accept-Language', 'Cache-Control': 'private, max-age=0' });
  });
  // The tip form: the built page (the same shell the tip core fills in), with a key of its own in
  // every copy (withFormKey). On Pages this path runs the function (functions/zh/tip/, functions/mn/tip/)
  // before any static file.
  app.get('/:locale/tip/', async (c, next) => {
    const locale = c.req.param('locale');
    if (!isLocale(locale)) return next();
    const page = await platform.tips(c).shells.load(localizedPath(locale, '/tip/'));
    return new Response(withFormKey(page, crypto.randomUUID()), { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
  });
  app.get('*', (c) => platform.staticFiles(c));
  app.all('*', (c) => c.text('Method not allowed', 405, { Allow: 'GET, HEAD' }));
  return app;
}

/** Test servers only (TIPS_TEST_HOOKS): a test names its client, so parallel tests don't share a limit. */
function testClient(c: Context): string | undefined {
  const named = c.req.header('X-Test-Client');
  return named ? `test:${named}` : undefined;
}
