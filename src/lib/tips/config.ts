import { z } from 'zod';
import type { TipConfig } from './storage';

/** Environment variables of the tip service (documented in .dev.vars.example). */
export interface TipEnvVars {
  RATE_LIMIT_SALT?: string;
  RATE_LIMIT_MAX?: string;
  RATE_LIMIT_WINDOW_SECONDS?: string;
  STATUS_MINIMUM_MS?: string;
  TIPS_TEST_HOOKS?: string;
  TIP_SEALING_PUBLIC_KEY?: string;
  POW_HMAC_KEY?: string;
  POW_MAX_NUMBER?: string;
}

const configSchema = z.object({
  RATE_LIMIT_SALT: z.string({ error: 'RATE_LIMIT_SALT is not set: add a long random secret (see .dev.vars.example).' })
    .min(16, { error: 'RATE_LIMIT_SALT is shorter than 16 characters: use a long random secret.' }),
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
  STATUS_MINIMUM_MS: z.coerce.number().int().nonnegative().default(150),
  TIPS_TEST_HOOKS: z.enum(['0', '1']).default('0'),
  TIP_SEALING_PUBLIC_KEY: z.string({ error: 'TIP_SEALING_PUBLIC_KEY is not set: run `npm run keys -- generate` and set the public key it prints (see .dev.vars.example). Tips are never stored unsealed.' })
    .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'TIP_SEALING_PUBLIC_KEY is not a 43-character base64url X25519 key: copy it again from `npm run keys -- generate`.' }),
  POW_HMAC_KEY: z.string({ error: 'POW_HMAC_KEY is not set: add a long random secret (see .dev.vars.example).' })
    .min(16, { error: 'POW_HMAC_KEY is shorter than 16 characters: use a long random secret.' }),
  POW_MAX_NUMBER: z.coerce.number().int().min(1000).max(10_000_000).default(100_000),
});

/** The service's settings from env vars; a missing or weak secret stops it with a message saying what to set. */
export function tipConfigFromEnv(env: TipEnvVars): TipConfig {
  const parsed = configSchema.parse(env);
  return {
    rateLimitSalt: parsed.RATE_LIMIT_SALT,
    rateLimitMax: parsed.RATE_LIMIT_MAX,
    rateLimitWindowSeconds: parsed.RATE_LIMIT_WINDOW_SECONDS,
    statusMinimumMs: parsed.STATUS_MINIMUM_MS,
    trustTestClientHeader: parsed.TIPS_TEST_HOOKS === '1',
    sealingPublicKey: parsed.TIP_SEALING_PUBLIC_KEY,
    powHmacKey: parsed.POW_HMAC_KEY,
    powMaxNumber: parsed.POW_MAX_NUMBER,
  };
}
