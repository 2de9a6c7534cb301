import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { handleTipRequest } from '../lib/tips/handleTipRequest';
import { handleStaffRequest } from '../lib/staff/handleStaffRequest';
import type { StaffConfig } from '../lib/staff/config';
import { headersForPath, parseHeadersFile, type HeaderRule } from '../lib/headersFile';
import { preferredLocale } from '../lib/preferredLocale';
import { localizedPath } from '../i18n/locales';
import type { AttachmentStore, PageShells, StaffStore, TipConfig, TipStore } from '../lib/tips/storage';
import type { PgDatabase } from '../lib/tips/postgres/database';
import { clientAddressOf, sendWebResponse, toWebRequest } from './httpBridge';
import { contentTypeFor, entityTag, findStaticFile } from './staticSite';

export interface SiteServerOptions {
  /** The built site (dist/), with its _headers file. */
  siteDir: string;
  database: PgDatabase;
  store: TipStore;
  attachments: AttachmentStore;
  shells: PageShells;
  tipConfig: TipConfig;
  /** Staff review (/api/staff/*), as functions/api/staff/ serves it on Cloudflare; absent: those paths answer 404. */
  staff?: { store: StaffStore; config: StaffConfig };
  publicOrigin?: string;
  clientAddressHeader?: string;
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

/**
 * One Node process for the whole self-hosted site: the static pages with the headers of
 * _headers, the 404 page, the "/" language redirect, the tip service and /healthz. It keeps nothing
 * in memory that another process would need, so several can run behind one load balancer.
 */
export async function createSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const headersFile = join(options.siteDir, '_headers');
  const rules = parseHeadersFile(
    await readFile(headersFile, 'utf8').catch(() => {
      throw new Error(`${headersFile} is missing: the site's security headers come from it (public/_headers, copied by npm run build).`);
    }),
  );
  const log = options.log ?? ((line: string) => console.log(line));
  let inFlight = 0;
  let stopping = false;

  const server = createServer((incoming, outgoing) => {
    inFlight += 1;
    // Once shutdown has begun, every answer also closes its connection, so no client is left
    // holding an idle keep-alive connection that the server would close under its next request.
    if (stopping) outgoing.setHeader('Connection', 'close');
    outgoing.on('close', () => {
      inFlight -= 1;
    });
    answer(incoming, outgoing).catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!outgoing.headersSent) {
        outgoing.statusCode = 500;
        outgoing.end();
      } else outgoing.destroy();
    });
  });

  async function answer(incoming: IncomingMessage, outgoing: ServerResponse) {
    const url = new URL(incoming.url ?? '/', 'http://site.invalid');
    const path = url.pathname;
    const headOnly = incoming.method === 'HEAD';
    if (path === '/healthz') return sendWebResponse(await health(), outgoing, headOnly);
    if (path === '/api/tips' || path.startsWith('/api/tips/')) {
      const response = await handleTipRequest(toWebRequest(incoming, options.publicOrigin), {
        store: options.store,
        attachments: options.attachments,
        shells: options.shells,
        config: options.tipConfig,
        clientAddress: clientAddressOf(incoming, options.clientAddressHeader),
      });
      return sendWebResponse(withSiteHeaders(response, rules, path), outgoing, headOnly);
    }
    if (path === '/api/staff' || path.startsWith('/api/staff/')) {
      const response = options.staff
        ? await handleStaffRequest(toWebRequest(incoming, options.publicOrigin), { store: options.staff.store, attachments: options.attachments, config: options.staff.config, clientAddress: clientAddressOf(incoming, options.clientAddressHeader) })
        : Response.json({ error: 'not_found', message: '此服务器未开启工作人员审阅（未设置 STAFF_SESSION_SECRET）。' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
      return sendWebResponse(withSiteHeaders(response, rules, path), outgoing, headOnly);
    }
    if (incoming.method !== 'GET' && !headOnly) {
      return sendWebResponse(withSiteHeaders(new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } }), rules, path), outgoing);
    }
    if (path === '/') {
      const locale = preferredLocale(incoming.headers['accept-language']);
      if (locale) {
        const redirect = new Response(null, { status: 302, headers: { Location: localizedPath(locale), Vary: 'Accept-Language', 'Cache-Control': 'private, max-age=0' } });
        return sendWebResponse(withSiteHeaders(redirect, rules, path), outgoing, headOnly);
      }
    }
    return serveStatic(incoming, outgoing, path, url.search, headOnly);
  }

  async function serveStatic(incoming: IncomingMessage, outgoing: ServerResponse, path: string, search: string, headOnly: boolean) {
    let found = await findStaticFile(options.siteDir, path);
    let status = 200;
    if (found.kind === 'redirect') {
      const redirect = new Response(null, { status: 308, headers: { Location: `${found.location}${search}` } });
      return sendWebResponse(withSiteHeaders(redirect, rules, path), outgoing, headOnly);
    }
    if (found.kind === 'missing') {
      status = 404;
      found = await findStaticFile(options.siteDir, '/404.html');
      if (found.kind !== 'file') return sendWebResponse(withSiteHeaders(new Response('Not found', { status: 404 }), rules, path), outgoing, headOnly);
    }
    const tag = entityTag(found.size, found.modified);
    for (const [name, value] of headersForPath(rules, path)) outgoing.setHeader(name, value);
    outgoing.setHeader('Content-Type', contentTypeFor(found.file));
    if (status === 200) {
      outgoing.setHeader('ETag', tag);
      outgoing.setHeader('Last-Modified', found.modified.toUTCString());
      if (incoming.headers['if-none-match'] === tag) {
        outgoing.statusCode = 304;
        outgoing.end();
        return;
      }
    }
    outgoing.statusCode = status;
    outgoing.setHeader('Content-Length', found.size);
    if (headOnly) {
      outgoing.end();
      return;
    }
    await pipeline(createReadStream(found.file), outgoing);
  }

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

/** The site's headers from _headers for this path, added to a function's answer where it set none. */
export function withSiteHeaders(response: Response, rules: HeaderRule[], path: string): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of headersForPath(rules, path)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
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
