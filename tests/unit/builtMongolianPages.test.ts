import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findForbiddenCharacters } from '../../src/lib/scriptCheck';
import { plainSpaceSuffixes, retiredProcuratorateTerm } from './support/mongolianText';

const mongolianTree = path.resolve('dist/mn');

async function htmlFilesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
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
      expect(
        findForbiddenCharacters(html).map((found) => `${found.codePoint} near "${found.context}"`),
        file,
      ).toEqual([]);
    }
  });

  it('join every case suffix with U+202F and no longer use the retired procuratorate term', async () => {
    const found: string[] = [];
    for (const file of await htmlFilesUnder(mongolianTree)) {
      const html = await readFile(file, 'utf8');
      for (const context of plainSpaceSuffixes(html)) found.push(`${path.relative(mongolianTree, file)}: …${context}…`);
      if (html.includes(retiredProcuratorateTerm)) found.push(`${path.relative(mongolianTree, file)}: retired term`);
    }
    expect(found).toEqual([]);
  });

  it('give interpolated numbers the suffix of their reading (page 1 ᠳ᠋ᠦ᠋ᠭᠡᠷ, not ᠳ᠋ᠤᠭᠠᠷ)', async () => {
    const pages = (await Promise.all((await htmlFilesUnder(mongolianTree)).map((file) => readFile(file, 'utf8')))).join('');
    expect(pages).toContain('1\u202Fᠳ᠋ᠦ᠋ᠭᠡᠷ ᠨᠢᠭᠤᠷ');
    expect(pages).toContain('4\u202Fᠳ᠋ᠦ᠋ᠭᠡᠷ ᠰᠠᠷ᠎ᠠ');
    expect(pages).not.toMatch(/>1[ \u202F]ᠳ᠋ᠤᠭᠠᠷ ᠨᠢᠭᠤᠷ</u);
    expect(pages).not.toMatch(/\b(1|4|9|11)[ \u202F]ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ/u);
  });
});
