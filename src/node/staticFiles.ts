import { lstat, readFile, realpath } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** Files Cloudflare Pages reads as configuration and never serves. */
const configurationFiles = new Set(['/_headers', '/_redirects', '/_routes.json', '/_worker.js']);

export type StaticLookup = { kind: 'file'; relative: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

/**
 * What a canonical URL path names in the built site, the way Cloudflare Pages does: "/zh/" is
 * zh/index.html, "/zh" redirects to "/zh/", "/about" may be about.html. Nothing outside the
 * directory, none of Pages' configuration files, and no symbolic link (a link in dist/ could point
 * anywhere on the host).
 */
export async function findStaticFile(siteDir: string, path: string): Promise<StaticLookup> {
  if (configurationFiles.has(path) || path.split('/').includes('..')) return { kind: 'missing' };
  const root = await realpath(siteDir);
  const plainFile = async (relative: string) => {
    const candidate = resolve(join(root, relative));
    if (!candidate.startsWith(root + sep)) return 'none';
    const stats = await lstat(candidate).catch(() => undefined);
    if (!stats || stats.isSymbolicLink()) return 'none';
    // A link in a parent directory: the real path then differs from the one asked for.
    if ((await realpath(candidate).catch(() => '')) !== candidate) return 'none';
    return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'none';
  };
  if (path.endsWith('/index.html')) return { kind: 'redirect', location: path.slice(0, -'index.html'.length) };
  if (path.endsWith('/')) return (await plainFile(`${path}index.html`)) === 'file' ? { kind: 'file', relative: `${path}index.html` } : { kind: 'missing' };
  const exact = await plainFile(path);
  if (exact === 'file') return { kind: 'file', relative: path };
  if (exact === 'directory' && (await plainFile(`${path}/index.html`)) === 'file') return { kind: 'redirect', location: `${path}/` };
  if ((await plainFile(`${path}.html`)) === 'file') return { kind: 'file', relative: `${path}.html` };
  return { kind: 'missing' };
}

/**
 * The built site as Hono answers: @hono/node-server's serveStatic streams each file (Range,
 * HEAD, a precompressed .br/.gz twin when the browser takes it), and this adds what Pages also
 * does: the trailing-slash 308s, the 404 page, and a validator so a repeat visit gets 304.
 */
export function staticFiles(siteDir: string): (c: Context) => Promise<Response> {
  let notFoundPage: Promise<string> | undefined;
  return async (c) => {
    const path = new URL(c.req.url).pathname;
    const found = await findStaticFile(siteDir, decodeURIComponent(path));
    if (found.kind === 'redirect') return c.redirect(`${encodeURI(found.location)}${new URL(c.req.url).search}`, 308);
    if (found.kind === 'missing') {
      notFoundPage ??= readFile(join(siteDir, '404.html'), 'utf8');
      return c.html(await notFoundPage.catch(() => 'Not found'), 404);
    }
    // The file is already found and checked: serveStatic only streams it (a fixed path, so its own
    // path decoding, which refuses any "%", does not apply).
    const serve: MiddlewareHandler = serveStatic({ path: join(resolve(siteDir), found.relative), precompressed: true });
    const answer = (await serve(c, async () => undefined)) ?? c.res;
    return withValidator(c, answer);
  };
}

/** A weak ETag from size and modification time; a matching If-None-Match gets 304 with no body. */
function withValidator(c: Context, response: Response): Response {
  const length = response.headers.get('Content-Length');
  const modified = response.headers.get('Last-Modified');
  if (response.status !== 200 || !length || !modified) return response;
  const encoding = response.headers.get('Content-Encoding') ?? 'identity';
  const tag = `W/"${Number(length).toString(36)}-${Date.parse(modified).toString(36)}-${encoding}"`;
  response.headers.set('ETag', tag);
  if (
    c.req
      .header('If-None-Match')
      ?.split(',')
      .some((given) => given.trim() === tag)
  ) {
    void response.body?.cancel();
    const headers = new Headers(response.headers);
    headers.delete('Content-Length');
    return new Response(null, { status: 304, headers });
  }
  return response;
}
