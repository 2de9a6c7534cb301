import { createServer, type Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { StaffConfig } from '../lib/staff/config';
import type { AttachmentStore, PageShells, StaffStore, TipConfig, TipStore } from '../lib/tips/storage';
import type { PgDatabase } from '../lib/tips/postgres/database';
import type { ConversationStore } from '../lib/conversation/store';
import { createSiteApp } from '../lib/http/app';
import { siteHeadersFor } from '../lib/http/siteHeaders';
import { memoryRateLimiter } from '../lib/http/rateLimit';
import { clientAddressOf, parseProxyCidrs, proxyHeaders, rateLimitSubject, type ClientAddressPolicy } from '../lib/http/clientAddress';
import { staticFiles } from './staticFiles';

export interface SiteServerOptions {
  /** The built site (dist/). */
  siteDir: string;
  database: PgDatabase;
  store: TipStore;
  /** The conversation by receipt code; on when tipConfig has a tipsterSessionSecret. */
  conversations?: ConversationStore;
  attachments: AttachmentStore;
  shells: PageShells;
  tipConfig: TipConfig;
  /** Staff review (/api/staff/*), as functions/api/staff/ serves it on Cloudflare; absent: those paths answer 404. */
  staff?: { store: StaffStore; config: StaffConfig };
  publicOrigin?: string;
  /** The header a load balancer names the client in (CLIENT_ADDRESS_HEADER). */
  clientAddressHeader?: string;
  /** The proxies allowed to set it (TRUSTED_PROXY_CIDRS, comma-separated). */
  trustedProxyCidrs?: string;
  /**
   * How long, after a stop is asked for, the server goes on answering (with /healthz 503 and every
   * connection closed after its answer) so the load balancer stops sending here before the port closes.
   */
  drainMs?: number;
  /** How long shutdown then waits for requests in flight before cutting connections. */
  shutdownTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface SiteServer {
  server: Server;
  /** Stops taking connections, lets every request in flight finish, then closes the database. */
  shutdown(): Promise<void>;
}

type NodeContext = Context<{ Bindings: HttpBindings }>;

/**
 * One Node process for the whole self-hosted site: the site's one Hono app (src/lib/http/app.ts)
 * over @hono/node-server, with the built pages, /healthz and a graceful stop. Rate limits are
 * counted in this process's memory, so with several processes a client gets the limit once per process.
 */
export async function createSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  if (!existsSync(join(options.siteDir, '404.html'))) throw new Error(`${options.siteDir}/404.html is missing: build the site first (npm run build).`);
  const log = options.log ?? ((line: string) => console.log(line));
  const addressPolicy: ClientAddressPolicy = { header: options.clientAddressHeader?.toLowerCase(), trustedProxies: parseProxyCidrs(options.trustedProxyCidrs) };
  const tipLimiter = memoryRateLimiter({ max: options.tipConfig.rateLimitMax, windowSeconds: options.tipConfig.rateLimitWindowSeconds });
  let inFlight = 0;
  let stopping = false;
  let warnedAboutProxy = false;

  const clientAddress = (c: NodeContext) => {
    const incoming = c.env.incoming;
    const header = addressPolicy.header ? incoming.headers[addressPolicy.header] : undefined;
    return clientAddressOf(incoming.socket.remoteAddress, Array.isArray(header) ? header.join(',') : header, addressPolicy);
  };
  const app = createSiteApp({
    tips: (c) => ({
      store: options.store,
      ...(options.conversations ? { conversations: options.conversations } : {}),
      attachments: options.attachments,
      shells: options.shells,
      config: options.tipConfig,
      clientAddress: clientAddress(c as NodeContext) ?? 'unknown',
    }),
    staff: (c) =>
      options.staff
        ? {
            store: options.staff.store,
            ...(options.conversations ? { conversations: options.conversations } : {}),
            attachments: options.attachments,
            config: options.staff.config,
            clientAddress: clientAddress(c as NodeContext) ?? 'unknown',
            // Staff messages are sealed to the reviewers every new tip is sealed to.
            reviewerKeys: options.tipConfig.reviewerKeys,
          }
        : undefined,
    tipRateLimiter: () => tipLimiter,
    clientSubject: (c) => {
      const address = clientAddress(c as NodeContext);
      return address ? rateLimitSubject(address) : undefined;
    },
    staticFiles: staticFiles(options.siteDir),
    extraRoutes: (routes) => routes.get('/healthz', () => health()),
    log,
  });

  const listener = getRequestListener(
    (request, env) => {
      const bindings = env as HttpBindings;
      // Behind a proxy that is not configured, every tipster would count as the proxy: one abuser
      // would block them all. Whether a proxy is in front shows only in requests, so the first
      // such request is refused with a line in the log saying what to set.
      if (!addressPolicy.header && proxyHeaders.some((name) => bindings.incoming.headers[name] !== undefined)) {
        if (!warnedAboutProxy)
          log(
            'refusing requests: they come through a proxy (X-Forwarded-For or the like) but CLIENT_ADDRESS_HEADER and TRUSTED_PROXY_CIDRS are not set; set them (deploy/selfhost.env.example) so each client gets its own rate limit.',
          );
        warnedAboutProxy = true;
        return plainAnswer(503, 'This server is behind a proxy it has not been told about (CLIENT_ADDRESS_HEADER, TRUSTED_PROXY_CIDRS).\n');
      }
      const url = new URL(request.url);
      // The public origin (behind a TLS-terminating load balancer: https://) is what cookies and
      // the same-origin check see.
      const seen = options.publicOrigin && url.origin !== options.publicOrigin ? new Request(`${options.publicOrigin}${url.pathname}${url.search}`, withBody(request)) : request;
      return app.fetch(seen, bindings);
    },
    {
      // A request Node could not turn into a URL (a bad Host header): the client's mistake.
      errorHandler: () => plainAnswer(400, 'Bad request\n'),
    },
  );

  const server = createServer((incoming, outgoing) => {
    inFlight += 1;
    // Once shutdown has begun, every answer also closes its connection, so no client is left
    // holding an idle keep-alive connection that the server would close under its next request.
    if (stopping) outgoing.setHeader('Connection', 'close');
    outgoing.on('close', () => {
      inFlight -= 1;
    });
    void listener(incoming, outgoing);
  });

  async function health(): Promise<Response> {
    const headers = { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' };
    // A stopping process says so, so the load balancer sends new requests elsewhere.
    if (stopping) return new Response('shutting down\n', { status: 503, headers });
    try {
      await withTimeout(options.database.query('SELECT 1'), 2000);
      return new Response('ok\n', { status: 200, headers });
    } catch (error) {
      log(`health check: database unreachable: ${error instanceof Error ? error.message : String(error)}`);
      return new Response('database unreachable\n', { status: 503, headers });
    }
  }

  let shutdownPromise: Promise<void> | undefined;
  function shutdown(): Promise<void> {
    shutdownPromise ??= (async () => {
      stopping = true;
      await sleep(options.drainMs ?? 0);
      // Stop accepting. net.Server's close, not http.Server's: that one also drops "idle"
      // connections at once, which includes ones accepted a moment ago whose request is on its way.
      const closed = new Promise<void>((done) => NetServer.prototype.close.call(server, () => done()));
      await sleep(settleMs);
      // What is idle now stays idle; everything else closes after its answer (Connection: close).
      server.closeIdleConnections();
      const timeout = options.shutdownTimeoutMs ?? 30_000;
      const deadline = Date.now() + timeout;
      while (inFlight > 0 && Date.now() < deadline) await sleep(25);
      if (inFlight > 0) log(`shutdown: ${inFlight} request(s) still running after ${timeout} ms; closing their connections`);
      server.closeAllConnections();
      await closed;
      await options.database.close();
    })();
    return shutdownPromise;
  }

  return { server, shutdown };
}

/** An answer made before the app (no path to trust yet): the site-wide headers only. */
function plainAnswer(status: number, text: string): Response {
  const headers = siteHeadersFor('/');
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  return new Response(text, { status, headers });
}

function withBody(request: Request): RequestInit {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  // duplex: Node needs it for a streamed request body.
  return { method: request.method, headers: request.headers, ...(hasBody ? { body: request.body, duplex: 'half' } : {}) } as RequestInit;
}

/** After the port closes, how long connections accepted just before get to deliver their request. */
const settleMs = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
