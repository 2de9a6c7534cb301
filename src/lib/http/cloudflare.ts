import type { Context } from 'hono';
import { createSiteApp } from './app';
import { bindingRateLimiter, memoryRateLimiter, type RateLimitBinding, type RateLimiter } from './rateLimit';
import { rateLimitSubject } from './clientAddress';
import { sqlTipStore } from '../tips/sqlTipStore';
import { sqlStaffStore } from '../staff/sqlStaffStore';
import { sqlConversationStore } from '../conversation/sqlConversationStore';
import { d1Driver } from '../sql/d1Driver';
import { r2AttachmentStore } from '../tips/cloudflare/r2AttachmentStore';
import type { D1Database, R2Bucket } from '../tips/cloudflare/bindings';
import { reviewerKeysFrom, tipConfigFromEnv, type TipEnvVars } from '../tips/config';
import { staffConfigFromEnv, type StaffEnvVars } from '../staff/config';
import type { PageShells } from '../tips/storage';

/** What Cloudflare Pages gives every function: bindings from wrangler.toml and env vars. */
export interface CloudflareEnv extends TipEnvVars, StaffEnvVars {
  TIPS_DB: D1Database;
  TIPS_FILES: R2Bucket;
  ASSETS: { fetch(request: Request | string): Promise<Response> };
  /** Workers rate limiting (`[[ratelimits]]` in wrangler.toml); absent: counted in this isolate. */
  TIP_RATE_LIMITER?: RateLimitBinding;
}

type PagesContext = Context<{ Bindings: CloudflareEnv }>;

/** The period the binding is configured with (wrangler.toml); Cloudflare allows only 10 or 60 s. */
const bindingPeriodSeconds = 60;
const shellCache = new Map<string, string>();
let isolateLimiter: { key: string; limiter: RateLimiter } | undefined;

function shells(env: CloudflareEnv, origin: string): PageShells {
  return {
    async load(path) {
      const cached = shellCache.get(path);
      if (cached) return cached;
      const response = await env.ASSETS.fetch(new Request(new URL(path, origin)));
      if (!response.ok) throw new Error(`page shell ${path} answered ${response.status}`);
      const html = await response.text();
      shellCache.set(path, html);
      return html;
    },
  };
}

/**
 * Without the binding (it is not available to every Pages project), each isolate counts alone:
 * Cloudflare runs many isolates, so this only slows a single abuser, it does not cap them.
 */
function tipLimiter(env: CloudflareEnv): RateLimiter {
  if (env.TIP_RATE_LIMITER) return bindingRateLimiter(env.TIP_RATE_LIMITER, bindingPeriodSeconds);
  const config = tipConfigFromEnv(env);
  const key = `${config.rateLimitMax}/${config.rateLimitWindowSeconds}`;
  if (isolateLimiter?.key !== key) isolateLimiter = { key, limiter: memoryRateLimiter({ max: config.rateLimitMax, windowSeconds: config.rateLimitWindowSeconds }) };
  return isolateLimiter.limiter;
}

/** The one app on Cloudflare Pages Functions (functions/ only hands requests to it). */
export const cloudflareApp = createSiteApp({
  tips: (c) => {
    const { env } = c as PagesContext;
    return {
      store: sqlTipStore(d1Driver(env.TIPS_DB)),
      conversations: sqlConversationStore(d1Driver(env.TIPS_DB)),
      attachments: r2AttachmentStore(env.TIPS_FILES),
      shells: shells(env, new URL(c.req.url).origin),
      config: tipConfigFromEnv(env),
      // Cloudflare's edge sets this; nothing derived from it is stored.
      clientAddress: c.req.header('CF-Connecting-IP') ?? 'unknown',
    };
  },
  staff: (c) => {
    const { env } = c as PagesContext;
    return {
      store: sqlStaffStore(d1Driver(env.TIPS_DB)),
      conversations: sqlConversationStore(d1Driver(env.TIPS_DB)),
      attachments: r2AttachmentStore(env.TIPS_FILES),
      config: staffConfigFromEnv(env),
      // Staff messages are sealed to the reviewers every new tip is sealed to.
      reviewerKeys: reviewerKeysFrom(env),
      // Failed sign-ins per client are counted in this isolate's memory only, never stored.
      clientAddress: c.req.header('CF-Connecting-IP') ?? 'unknown',
    };
  },
  tipRateLimiter: (c) => tipLimiter((c as PagesContext).env),
  clientSubject: (c) => rateLimitSubject(c.req.header('CF-Connecting-IP') ?? ''),
  // Only "/" and the API paths reach a function (functions/); "/" for a browser that asks for
  // neither language is the static bilingual page.
  staticFiles: (c) => (c as PagesContext).env.ASSETS.fetch(c.req.raw),
});
