import type { Context, MiddlewareHandler } from 'hono';

/**
 * Counting requests per client without writing anything about the client anywhere: counters live
 * in memory only (Node: this process; Cloudflare: the Workers rate-limiting binding, or this
 * isolate when the binding is absent) and vanish with their window.
 */
export interface RateLimiter {
  /** Counts one request of `subject`; says whether it is within the limit and, if not, for how long. */
  hit(subject: string): Promise<RateVerdict>;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed windows in a Map: one counter per subject for the current window, all dropped when the
 * window ends (so memory holds at most one window's clients). Per process: with several Node
 * processes behind a load balancer, a client gets the limit once per process.
 */
export function memoryRateLimiter(limit: { max: number; windowSeconds: number }, now: () => number = Date.now): RateLimiter {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    async hit(subject) {
      const seconds = Math.floor(now() / 1000);
      const start = seconds - (seconds % limit.windowSeconds);
      if (start !== windowStart) {
        windowStart = start;
        counts = new Map();
      }
      const count = (counts.get(subject) ?? 0) + 1;
      counts.set(subject, count);
      return count <= limit.max ? { allowed: true } : { allowed: false, retryAfterSeconds: start + limit.windowSeconds - seconds };
    },
  };
}

/** Cloudflare's rate-limiting binding (`[[ratelimits]]` in wrangler.toml), as far as we use it. */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The binding as a RateLimiter; Cloudflare counts per location and only in 10 or 60 s periods. */
export function bindingRateLimiter(binding: RateLimitBinding, periodSeconds: number): RateLimiter {
  return {
    async hit(subject) {
      const { success } = await binding.limit({ key: subject });
      return success ? { allowed: true } : { allowed: false, retryAfterSeconds: periodSeconds };
    },
  };
}

/**
 * Middleware: counts the request under its client's subject and, over the limit, answers with
 * `onLimited` instead of going on. A request whose client cannot be told (no address) is counted
 * under one shared subject, so it cannot escape the limit.
 */
export function rateLimit(options: {
  limiter: (c: Context) => RateLimiter;
  subject: (c: Context) => string | undefined;
  onLimited: (c: Context, retryAfterSeconds: number) => Response | Promise<Response>;
}): MiddlewareHandler {
  return async (c, next) => {
    const verdict = await options.limiter(c).hit(options.subject(c) ?? 'unknown');
    if (!verdict.allowed) return options.onLimited(c, verdict.retryAfterSeconds);
    await next();
  };
}
