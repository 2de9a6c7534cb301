import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findForbiddenCharacters } from '../../src/lib/scriptCheck';

const mongolianTree = path.resolve('dist/mn');

async function htmlFilesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('built Mongolian pages', () => {
  it('exist (npm test builds the site before the unit tests)', () => {
    expect(existsSync(mongolianTree), 'dist/mn is missing: run `npm run build` first').toBe(true);
  });

  it('contain no Cyrillic and no private-use characters, and declare mn-Mong', async () => {
    const files = await htmlFilesUnder(mongolianTree);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      expect(html, file).toMatch(/<html[^>]*\slang="mn-Mong"/);
      expect(findForbiddenCharacters(html).map((found) => `${found.codePoint} near "${found.context}"`), file).toEqual([]);
    }
  });
});
