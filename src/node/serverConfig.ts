import { z } from 'zod';
import { tipConfigFromEnv } from '../lib/tips/config';
import { nodePlatform, staffConfigFromEnv, type StaffConfig } from '../lib/staff/config';
import type { TipConfig } from '../lib/tips/storage';
import { parseProxyCidrs } from '../lib/http/clientAddress';

/** Settings of the self-hosted server, from environment variables (README: "Deploying in mainland China"). */
export interface NodeServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  databasePoolSize: number;
  uploadDir: string;
  siteDir: string;
  publicOrigin?: string;
  clientAddressHeader?: string;
  /** The proxies CLIENT_ADDRESS_HEADER is believed from (comma-separated CIDRs). */
  trustedProxyCidrs?: string;
  shutdownDrainMs: number;
  shutdownTimeoutMs: number;
  tips: TipConfig;
  /** Staff review, on when STAFF_SESSION_SECRET is set (variables as on Cloudflare, .dev.vars.example). */
  staff?: StaffConfig;
}

const serverSchema = z.object({
  PORT: z.coerce.number({ error: 'PORT must be a port number, e.g. 8080.' }).int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is not set: give the PostgreSQL URL, e.g. postgres://tips:secret@db.internal:5432/tips.' })
    .regex(/^(postgres(ql)?:\/\/|pglite:)/, { error: 'DATABASE_URL must start with postgres:// (or pglite: for a local trial).' }),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  UPLOAD_DIR: z.string({ error: 'UPLOAD_DIR is not set: give a directory for evidence files, on a disk that is backed up.' }).min(1),
  SITE_DIR: z.string().default('dist'),
  PUBLIC_ORIGIN: z.url({ error: "PUBLIC_ORIGIN must be the site's address, e.g. https://www.example.gov.cn" }).optional(),
  CLIENT_ADDRESS_HEADER: z.string().optional(),
  TRUSTED_PROXY_CIDRS: z
    .string()
    .refine(
      (text) => {
        try {
          parseProxyCidrs(text);
          return true;
        } catch {
          return false;
        }
      },
      { error: 'TRUSTED_PROXY_CIDRS must be comma-separated addresses or CIDRs of your load balancers, e.g. 10.0.0.0/8, fd00::/8.' },
    )
    .optional(),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().nonnegative().default(2000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
});

/** The server's settings; a missing or wrong one stops the start with a message naming the variable. */
export function nodeServerConfigFromEnv(env: Record<string, string | undefined>): NodeServerConfig {
  const parsed = serverSchema.safeParse(env);
  let tips: TipConfig | undefined;
  const issues = parsed.success ? [] : [...parsed.error.issues];
  // The tip service's own variables (sealing key, secrets) are reported in the same list, so one
  // failed start names everything that is missing.
  try {
    tips = tipConfigFromEnv(env);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    issues.push(...error.issues);
  }
  let staff: StaffConfig | undefined;
  if (env.STAFF_SESSION_SECRET !== undefined) {
    try {
      staff = staffConfigFromEnv(env, nodePlatform);
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (parsed.success && parsed.data.CLIENT_ADDRESS_HEADER && !parsed.data.TRUSTED_PROXY_CIDRS) {
    issues.push({
      path: ['TRUSTED_PROXY_CIDRS'],
      message:
        "CLIENT_ADDRESS_HEADER is set but TRUSTED_PROXY_CIDRS is not: list your load balancers' addresses (e.g. 10.0.0.0/8), or the header, which any client can write, is never believed.",
      code: 'custom',
      input: undefined,
    } as z.core.$ZodIssue);
  }
  if (!parsed.success || !tips || issues.length > 0) {
    throw new Error(issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const value = parsed.data;
  return {
    port: value.PORT,
    host: value.HOST,
    databaseUrl: value.DATABASE_URL,
    databasePoolSize: value.DATABASE_POOL_SIZE,
    uploadDir: value.UPLOAD_DIR,
    siteDir: value.SITE_DIR,
    publicOrigin: value.PUBLIC_ORIGIN?.replace(/\/+$/, ''),
    clientAddressHeader: value.CLIENT_ADDRESS_HEADER || undefined,
    trustedProxyCidrs: value.TRUSTED_PROXY_CIDRS || undefined,
    shutdownDrainMs: value.SHUTDOWN_DRAIN_MS,
    shutdownTimeoutMs: value.SHUTDOWN_TIMEOUT_MS,
    tips,
    ...(staff ? { staff } : {}),
  };
}
