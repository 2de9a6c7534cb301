import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findStaticFile } from './staticFiles';
import type { PageShells } from '../lib/tips/storage';

/**
 * The built pages the tip core fills in, read from the site directory (on Cloudflare they come from
 * env.ASSETS). Cached per process: a deploy replaces the directory and restarts the processes.
 */
export function distShells(siteDir: string): PageShells {
  const cache = new Map<string, Promise<string>>();
  return {
    load(path) {
      let html = cache.get(path);
      if (!html) {
        html = findStaticFile(siteDir, path).then((found) => {
          if (found.kind !== 'file') throw new Error(`page shell ${path} is not in ${siteDir}: build the site first (npm run build)`);
          return readFile(join(siteDir, found.relative), 'utf8');
        });
        html.catch(() => cache.delete(path));
        cache.set(path, html);
      }
      return html;
    },
  };
}
