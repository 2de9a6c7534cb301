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
  STAFF_LOGIN_FREE_ATTEMPTS?: string;
  STAFF_LOGIN_MAX_DELAY_SECONDS?: string;
  STAFF_LOGIN_CLIENT_MAX_DELAY_SECONDS?: string;
  STAFF_LOGIN_CHECKS_PER_MINUTE?: string;
  TIP_ACKNOWLEDGE_DAYS?: string;
  TIP_ANSWER_MONTHS?: string;
  ATTACHMENT_RETENTION_DAYS?: string;
}

export interface StaffConfig {
  sessionSecret: string;
  sessionTtlSeconds: number;
  passwordLogin: boolean;
  access?: AccessSettings;
  /** Failed passwords before delays start (per account and per client). */
  loginFreeAttempts: number;
  /** Longest wait an account's failures impose: short, so nobody can keep a reviewer out. */
  loginMaxDelaySeconds: number;
  /** Longest wait a client's failures impose on that client (counted in memory only). */
  loginClientMaxDelaySeconds: number;
  /** Password checks per minute for all clients together (PBKDF2 costs CPU; guessing at scale stops here). */
  loginChecksPerMinute: number;
  /** PBKDF2 iterations for new hashes and the decoy: 600,000 on Node, 100,000 (workerd's cap) on Cloudflare. */
  passwordIterations: number;
  deadlines: DeadlineRules;
  retentionDays: number;
}

const schema = z
  .object({
    STAFF_SESSION_SECRET: z
      .string({ error: 'STAFF_SESSION_SECRET is not set: add a long random secret (see .dev.vars.example).' })
      .min(32, { error: 'STAFF_SESSION_SECRET is shorter than 32 characters: use a long random secret.' }),
    STAFF_SESSION_HOURS: z.coerce.number().positive().max(24).default(8),
    STAFF_PASSWORD_LOGIN: z.enum(['0', '1']).optional(),
    STAFF_ACCESS_JWKS_URL: z.url({ error: 'STAFF_ACCESS_JWKS_URL is not a URL: use https://<team>.cloudflareaccess.com/cdn-cgi/access/certs.' }).optional(),
    STAFF_ACCESS_AUDIENCE: z.string().min(1).optional(),
    STAFF_ACCESS_ISSUER: z.url().optional(),
    STAFF_ACCESS_SERVICE_TOKENS: z.string().default(''),
    STAFF_LOGIN_FREE_ATTEMPTS: z.coerce.number().int().positive().default(3),
    STAFF_LOGIN_MAX_DELAY_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .max(300, { error: 'STAFF_LOGIN_MAX_DELAY_SECONDS over 300 would let anyone keep a reviewer out for long: use at most 300.' })
      .default(60),
    STAFF_LOGIN_CLIENT_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(900),
    STAFF_LOGIN_CHECKS_PER_MINUTE: z.coerce.number().int().positive().default(60),
    TIP_ACKNOWLEDGE_DAYS: z.coerce.number().int().positive().default(7),
    TIP_ANSWER_MONTHS: z.coerce.number().int().positive().default(3),
    ATTACHMENT_RETENTION_DAYS: z.coerce.number().int().positive().default(365),
  })
  .refine((env) => [env.STAFF_ACCESS_JWKS_URL, env.STAFF_ACCESS_AUDIENCE, env.STAFF_ACCESS_ISSUER].filter(Boolean).length % 3 === 0, {
    error: 'Cloudflare Access needs all three of STAFF_ACCESS_JWKS_URL, STAFF_ACCESS_AUDIENCE and STAFF_ACCESS_ISSUER, or none.',
  });

/** What differs by platform: how many PBKDF2 iterations its WebCrypto allows. */
export interface StaffPlatform {
  passwordIterations: number;
}
/** workerd's PBKDF2 refuses more than 100,000 iterations. */
export const cloudflarePlatform: StaffPlatform = { passwordIterations: 100_000 };
/** OWASP's figure for PBKDF2-SHA-256 (2023), which Node's WebCrypto runs. */
export const nodePlatform: StaffPlatform = { passwordIterations: 600_000 };

export function staffConfigFromEnv(env: StaffEnvVars, platform: StaffPlatform = cloudflarePlatform): StaffConfig {
  const parsed = schema.parse(env);
  const accessConfigured = Boolean(parsed.STAFF_ACCESS_JWKS_URL);
  return {
    sessionSecret: parsed.STAFF_SESSION_SECRET,
    sessionTtlSeconds: Math.round(parsed.STAFF_SESSION_HOURS * 3600),
    // With Cloudflare Access in front, passwords are off unless asked for explicitly.
    passwordLogin: (parsed.STAFF_PASSWORD_LOGIN ?? (accessConfigured ? '0' : '1')) === '1',
    ...(parsed.STAFF_ACCESS_JWKS_URL && parsed.STAFF_ACCESS_AUDIENCE && parsed.STAFF_ACCESS_ISSUER
      ? {
          access: {
            jwksUrl: parsed.STAFF_ACCESS_JWKS_URL,
            audience: parsed.STAFF_ACCESS_AUDIENCE,
            issuer: parsed.STAFF_ACCESS_ISSUER,
            serviceTokens: parsed.STAFF_ACCESS_SERVICE_TOKENS.split(',')
              .map((id) => id.trim())
              .filter(Boolean),
          },
        }
      : {}),
    loginFreeAttempts: parsed.STAFF_LOGIN_FREE_ATTEMPTS,
    loginMaxDelaySeconds: parsed.STAFF_LOGIN_MAX_DELAY_SECONDS,
    loginClientMaxDelaySeconds: parsed.STAFF_LOGIN_CLIENT_MAX_DELAY_SECONDS,
    loginChecksPerMinute: parsed.STAFF_LOGIN_CHECKS_PER_MINUTE,
    passwordIterations: platform.passwordIterations,
    deadlines: { acknowledgeDays: parsed.TIP_ACKNOWLEDGE_DAYS, answerMonths: parsed.TIP_ANSWER_MONTHS },
    retentionDays: parsed.ATTACHMENT_RETENTION_DAYS,
  };
}
