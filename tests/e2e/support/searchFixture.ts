import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const fixtureSite = path.resolve('tests/fixtures/search-site');

/**
 * Indexes the fixture site with the site's own indexing script (the same code `npm run build`
 * runs) into a fresh directory, and returns that directory. Each test file and worker gets its own.
 */
export function buildFixtureIndex(): string {
  const output = path.join(mkdtempSync(path.join(tmpdir(), 'search-fixture-')), 'pagefind');
  execFileSync(process.execPath, ['scripts/index-search.mjs', '--site', fixtureSite, '--out', output], { stdio: 'pipe' });
  return output;
}

/**
 * Serves a Pagefind bundle in place of the built site's /pagefind/, so the real search page
 * searches the fixture pages (which exist nowhere in dist/).
 */
export async function useSearchIndex(page: Page, indexDirectory: string): Promise<void> {
  await page.route('**/pagefind/**', (route) => {
    const file = new URL(route.request().url()).pathname.replace(/^\/pagefind\//, '');
    return route.fulfill({ path: path.join(indexDirectory, file) });
  });
}
