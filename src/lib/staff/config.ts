import { z } from 'zod';
import type { AccessSettings } from './accessJwt';
import type { DeadlineRules } from '../tips/storage';

/** Environment variables of staff review (documented in .dev.vars.example). */
export interface StaffEnvVars {
  STAFF_SESSION_SECRET?: string;
  STAFF_SESSION_HOURS?: string;
  STAFF_PASSWORD_LOGIN?: string;
  STAFF_ACCESS_JWKS_URL?: string;
  STAFF_ACCESS_AUDIENCE?: string;
  STAFF_ACCESS_ISSUER?: string;
  STAFF_ACCESS_SERVICE_TOKENS?: string;
  STAFF_LOGIN_MAX_ATTEMPTS?: string;
  STAFF_LOGIN_WINDOW_SECONDS?: string;
  TIP_ACKNOWLEDGE_DAYS?: string;
  TIP_ANSWER_MONTHS?: string;
  ATTACHMENT_RETENTION_DAYS?: string;
}

export interface StaffConfig {
  sessionSecret: string;
  sessionTtlSeconds: number;
  passwordLogin: boolean;
  access?: AccessSettings;
  loginMaxAttempts: number;
  loginWindowSeconds: number;
  deadlines: DeadlineRules;
  retentionDays: number;
}

const schema = z
  .object({
    STAFF_SESSION_SECRET: z.string({ error: 'STAFF_SESSION_SECRET is not set: add a long random secret (see .dev.vars.example).' })
      .min(32, { error: 'STAFF_SESSION_SECRET is shorter than 32 characters: use a long random secret.' }),
    STAFF_SESSION_HOURS: z.coerce.number().positive().max(24).default(8),
    STAFF_PASSWORD_LOGIN: z.enum(['0', '1']).default('1'),
    STAFF_ACCESS_JWKS_URL: z.url({ error: 'STAFF_ACCESS_JWKS_URL is not a URL: use https://<team>.cloudflareaccess.com/cdn-cgi/access/certs.' }).optional(),
    STAFF_ACCESS_AUDIENCE: z.string().min(1).optional(),
    STAFF_ACCESS_ISSUER: z.url().optional(),
    STAFF_ACCESS_SERVICE_TOKENS: z.string().default(''),
    STAFF_LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
    STAFF_LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
    TIP_ACKNOWLEDGE_DAYS: z.coerce.number().int().positive().default(7),
    TIP_ANSWER_MONTHS: z.coerce.number().int().positive().default(3),
    ATTACHMENT_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  })
  .refine((env) => [env.STAFF_ACCESS_JWKS_URL, env.STAFF_ACCESS_AUDIENCE, env.STAFF_ACCESS_ISSUER].filter(Boolean).length % 3 === 0, {
    error: 'Cloudflare Access needs all three of STAFF_ACCESS_JWKS_URL, STAFF_ACCESS_AUDIENCE and STAFF_ACCESS_ISSUER, or none.',
  });

export function staffConfigFromEnv(env: StaffEnvVars): StaffConfig {
  const parsed = schema.parse(env);
  return {
    sessionSecret: parsed.STAFF_SESSION_SECRET,
    sessionTtlSeconds: Math.round(parsed.STAFF_SESSION_HOURS * 3600),
    passwordLogin: parsed.STAFF_PASSWORD_LOGIN === '1',
    ...(parsed.STAFF_ACCESS_JWKS_URL && parsed.STAFF_ACCESS_AUDIENCE && parsed.STAFF_ACCESS_ISSUER
      ? {
          access: {
            jwksUrl: parsed.STAFF_ACCESS_JWKS_URL,
            audience: parsed.STAFF_ACCESS_AUDIENCE,
            issuer: parsed.STAFF_ACCESS_ISSUER,
            serviceTokens: parsed.STAFF_ACCESS_SERVICE_TOKENS.split(',').map((id) => id.trim()).filter(Boolean),
          },
        }
      : {}),
    loginMaxAttempts: parsed.STAFF_LOGIN_MAX_ATTEMPTS,
    loginWindowSeconds: parsed.STAFF_LOGIN_WINDOW_SECONDS,
    deadlines: { acknowledgeDays: parsed.TIP_ACKNOWLEDGE_DAYS, answerMonths: parsed.TIP_ANSWER_MONTHS },
    retentionDays: parsed.ATTACHMENT_RETENTION_DAYS,
  };
}
