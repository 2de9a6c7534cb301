// What JavaScript a built page makes the browser load: its module scripts and everything they
// import statically. Chunks a script imports only when needed (import('…')) are listed apart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';

/** The tip form's budget (the developers' guide): at most this much JavaScript, uncompressed. */
export const tipFormScriptBudgetBytes = 30 * 1024;

/**
 * The JavaScript a page loads from `distDirectory`, with sizes raw and brotli-compressed.
 * @param {string} distDirectory
 * @param {string} pageHtml
 * @returns {{ files: string[], raw: number, brotli: number, lazyFiles: string[], lazyRaw: number }}
 */
export function pageScripts(distDirectory, pageHtml) {
  const loaded = new Set();
  const lazy = new Set();
  const read = (sitePath) => readFileSync(path.join(distDirectory, sitePath));
  const visit = (sitePath) => {
    if (loaded.has(sitePath)) return;
    loaded.add(sitePath);
    const code = read(sitePath).toString('utf8');
    const resolve = (specifier) => new URL(specifier, `https://site${sitePath}`).pathname;
    for (const match of code.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g)) visit(resolve(match[1]));
    for (const match of code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) lazy.add(resolve(match[1]));
  };
  for (const match of pageHtml.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) if (match[1].startsWith('/')) visit(match[1]);
  const files = [...loaded];
  const lazyFiles = [...lazy].filter((file) => !loaded.has(file));
  const sizes = files.map((file) => read(file));
  return {
    files,
    raw: sizes.reduce((sum, bytes) => sum + bytes.byteLength, 0),
    brotli: sizes.reduce((sum, bytes) => sum + brotliCompressSync(bytes).byteLength, 0),
    lazyFiles,
    lazyRaw: lazyFiles.reduce((sum, file) => sum + read(file).byteLength, 0),
  };
}
