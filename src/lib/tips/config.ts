import { z } from 'zod';
import type { TipConfig } from './storage';
import { defaultAcknowledgeDays } from './renderPages';

/** Environment variables of the tip service (documented in .dev.vars.example). */
export interface TipEnvVars {
  RATE_LIMIT_MAX?: string;
  RATE_LIMIT_WINDOW_SECONDS?: string;
  STATUS_MINIMUM_MS?: string;
  TIPS_TEST_HOOKS?: string;
  TIP_REVIEWER_KEYS?: string;
  /** The single key of before per-reviewer keys; still accepted as a one-reviewer list. */
  TIP_SEALING_PUBLIC_KEY?: string;
  POW_HMAC_KEY?: string;
  POW_MAX_NUMBER?: string;
  TIPSTER_SESSION_SECRET?: string;
  TIP_ACKNOWLEDGE_DAYS?: string;
}

const configSchema = z.object({
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
  STATUS_MINIMUM_MS: z.coerce.number().int().nonnegative().default(150),
  TIPS_TEST_HOOKS: z.enum(['0', '1']).default('0'),
  TIP_REVIEWER_KEYS: z.string().optional(),
  TIP_SEALING_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'TIP_SEALING_PUBLIC_KEY is not a 43-character base64url X25519 key: set TIP_REVIEWER_KEYS from `npm run keys -- list` instead.' })
    .optional(),
  POW_HMAC_KEY: z
    .string({ error: 'POW_HMAC_KEY is not set: add a long random secret (see .dev.vars.example).' })
    .min(16, { error: 'POW_HMAC_KEY is shorter than 16 characters: use a long random secret.' }),
  POW_MAX_NUMBER: z.coerce.number().int().min(1000).max(10_000_000).default(100_000),
  TIP_ACKNOWLEDGE_DAYS: z.coerce.number().int().positive().default(defaultAcknowledgeDays),
  TIPSTER_SESSION_SECRET: z
    .string()
    .min(32, { error: 'TIPSTER_SESSION_SECRET is shorter than 32 characters: use a long random secret (`openssl rand -base64 48`), or leave it unset to show the status only.' })
    .optional(),
});

const reviewerList = z
  .array(z.strictObject({ name: z.string().trim().min(1).max(64), publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }))
  .min(1)
  .max(255);

/**
 * The active reviewers every new tip is sealed to. They live in an env var, not in the database, on
 * purpose: whoever can write to the database must not be able to add a key of their own and read
 * the tips that follow. `npm run keys -- list` prints the value.
 */
export function reviewerKeysFrom(env: { TIP_REVIEWER_KEYS?: string; TIP_SEALING_PUBLIC_KEY?: string }): TipConfig['reviewerKeys'] {
  const missing =
    'TIP_REVIEWER_KEYS is not set: run `npm run keys -- add <reviewer>` and set the value `npm run keys -- list` prints (see .dev.vars.example). Tips are never stored unsealed.';
  if (env.TIP_REVIEWER_KEYS === undefined || env.TIP_REVIEWER_KEYS.trim() === '') {
    if (env.TIP_SEALING_PUBLIC_KEY) return [{ name: 'procuratorate', publicKey: env.TIP_SEALING_PUBLIC_KEY }];
    throw new Error(missing);
  }
  let json: unknown;
  try {
    json = JSON.parse(env.TIP_REVIEWER_KEYS);
  } catch {
    throw new Error('TIP_REVIEWER_KEYS is not JSON: copy the whole value `npm run keys -- list` prints, e.g. [{"name":"wang","publicKey":"…"}].');
  }
  const parsed = reviewerList.safeParse(json);
  if (!parsed.success)
    throw new Error('TIP_REVIEWER_KEYS must be a list of 1 to 255 {"name", "publicKey"} entries, each key 43 base64url characters: copy it again from `npm run keys -- list`.');
  return parsed.data;
}

/** The service's settings from env vars; a missing or weak secret stops it with a message saying what to set. */
export function tipConfigFromEnv(env: TipEnvVars): TipConfig {
  const parsed = configSchema.parse(env);
  return {
    rateLimitMax: parsed.RATE_LIMIT_MAX,
    rateLimitWindowSeconds: parsed.RATE_LIMIT_WINDOW_SECONDS,
    statusMinimumMs: parsed.STATUS_MINIMUM_MS,
    trustTestClientHeader: parsed.TIPS_TEST_HOOKS === '1',
    reviewerKeys: reviewerKeysFrom(parsed),
    powHmacKey: parsed.POW_HMAC_KEY,
    powMaxNumber: parsed.POW_MAX_NUMBER,
    acknowledgeDays: parsed.TIP_ACKNOWLEDGE_DAYS,
    ...(parsed.TIPSTER_SESSION_SECRET ? { tipsterSessionSecret: parsed.TIPSTER_SESSION_SECRET } : {}),
  };
}
