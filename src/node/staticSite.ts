import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** What a static file is sent as; Pagefind's index files and anything unknown are plain bytes. */
export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Files Cloudflare Pages reads as configuration and never serves. */
const configurationFiles = new Set(['/_headers', '/_redirects', '/_routes.json', '/_worker.js']);

export type StaticLookup =
  | { kind: 'file'; file: string; size: number; modified: Date }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

/**
 * Finds what a URL path names in the built site, the way Cloudflare Pages does: "/zh/" is
 * zh/index.html, "/zh" redirects to "/zh/", "/about" may be about.html; nothing outside the
 * directory and none of Pages' configuration files.
 */
export async function findStaticFile(siteDir: string, pathname: string): Promise<StaticLookup> {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { kind: 'missing' };
  }
  if (!path.startsWith('/') || path.includes('\0') || path.split('/').includes('..') || configurationFiles.has(path)) return { kind: 'missing' };
  const root = resolve(siteDir);
  const inside = (candidate: string) => candidate === root || candidate.startsWith(root + sep);
  const fileAt = async (relative: string) => {
    const candidate = resolve(join(root, relative));
    if (!inside(candidate)) return undefined;
    const stats = await stat(candidate).catch(() => undefined);
    return stats ? { candidate, stats } : undefined;
  };

  if (path.endsWith('/')) {
    const index = await fileAt(`${path}index.html`);
    return index?.stats.isFile() ? { kind: 'file', file: index.candidate, size: index.stats.size, modified: index.stats.mtime } : { kind: 'missing' };
  }
  if (path.endsWith('/index.html')) return { kind: 'redirect', location: path.slice(0, -'index.html'.length) };
  const exact = await fileAt(path);
  if (exact?.stats.isFile()) return { kind: 'file', file: exact.candidate, size: exact.stats.size, modified: exact.stats.mtime };
  if (exact?.stats.isDirectory() && (await fileAt(`${path}/index.html`))?.stats.isFile()) return { kind: 'redirect', location: `${path}/` };
  const page = await fileAt(`${path}.html`);
  if (page?.stats.isFile()) return { kind: 'file', file: page.candidate, size: page.stats.size, modified: page.stats.mtime };
  return { kind: 'missing' };
}

/** A validator that changes whenever the file does (size and modification time). */
export function entityTag(size: number, modified: Date): string {
  return `W/"${size.toString(36)}-${Math.floor(modified.getTime()).toString(36)}"`;
}
