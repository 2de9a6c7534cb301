import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { findForbiddenCharacters } from '../../src/lib/scriptCheck';
import { validateEntry, locateEntryFile } from '../../src/lib/publications/validateEntry';
import { plainSpaceSuffixes, retiredProcuratorateTerm } from './support/mongolianText';
import { chineseNumeral, missingFacts } from './support/translationFacts';

const contentRoot = 'src/content';

async function publicationFiles(): Promise<string[]> {
  const entries = await readdir(contentRoot, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.mdx')).map((entry) => path.join(entry.parentPath, entry.name).replaceAll(path.sep, '/'));
}

describe('published content', () => {
  it('has at least 12 typical cases, 4 open-day notices and 6 legal-education articles in Chinese', async () => {
    const files = await publicationFiles();
    const count = (kind: string) => files.filter((file) => file.startsWith(`${contentRoot}/${kind}/zh/`)).length;
    expect(count('cases')).toBeGreaterThanOrEqual(12);
    expect(count('notices')).toBeGreaterThanOrEqual(4);
    expect(count('articles')).toBeGreaterThanOrEqual(6);
  });

  it('passes its schema (the same check the build runs)', async () => {
    for (const file of await publicationFiles()) {
      const { kind } = locateEntryFile(file)!;
      const { frontmatter } = parseFrontmatter(await readFile(file, 'utf8'));
      expect(validateEntry(kind, file, frontmatter)).toEqual([]);
    }
  });

  it('has no Cyrillic and no private-use characters in Mongolian files', async () => {
    const mongolian = (await publicationFiles()).filter((file) => file.includes('/mn/'));
    expect(mongolian.length).toBeGreaterThan(0);
    for (const file of mongolian) {
      const found = findForbiddenCharacters(await readFile(file, 'utf8'));
      expect(
        found.map((character) => `${character.codePoint} (${character.kind}) near "${character.context}"`),
        file,
      ).toEqual([]);
    }
  });

  it('writes Mongolian text in the Mongolian script and marks it unreviewed unless it was reviewed', async () => {
    for (const file of (await publicationFiles()).filter((candidate) => candidate.includes('/mn/'))) {
      const { frontmatter, content } = parseFrontmatter(await readFile(file, 'utf8'));
      const data = frontmatter as { title: string; translationStatus: string };
      expect(data.title, file).toMatch(/\p{Script=Mongolian}/u);
      expect(content, file).not.toMatch(/\p{Script=Han}/u);
      expect(['unreviewed', 'reviewed'], file).toContain(data.translationStatus);
    }
  });

  it('carries every figure, date, article number and section of the original in each translation', async () => {
    const problems: string[] = [];
    for (const file of (await publicationFiles()).filter((candidate) => candidate.includes('/mn/'))) {
      const original = await readFile(file.replace('/mn/', '/zh/'), 'utf8');
      for (const problem of missingFacts(original, await readFile(file, 'utf8'))) problems.push(`${file}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('notices a translation that drops a figure, an article or a section', () => {
    const original = '---\nlegalBasis:\n  - "《某法》第一百零六条"\n---\n\n## 一\n\n2021年至2023年5月，2395.34万元。\n\n## 二\n\n88%';
    const abridged = '---\nlegalBasis:\n  - "︽ᠬᠠᠤᠯᠢ︾ ᠶᠢᠨ 106 ᠳ᠋ᠤᠭᠠᠷ ᠵᠦᠢᠯ"\n---\n\n## ᠨᠢᠭᠡ\n\n2021 2395.34';
    expect(missingFacts(original, abridged)).toEqual(['figures or dates missing: 2023, 5, 88', '2 sections in the original, 1 in the translation']);
    expect(chineseNumeral('二十五')).toBe(25);
    expect(chineseNumeral('一百一十')).toBe(110);
  });

  it('joins every case suffix in Mongolian files with U+202F, and never uses the retired term', async () => {
    const found: string[] = [];
    for (const file of (await publicationFiles()).filter((candidate) => candidate.includes('/mn/'))) {
      const text = await readFile(file, 'utf8');
      for (const context of plainSpaceSuffixes(text)) found.push(`${file}: …${context}…`);
      if (text.includes(retiredProcuratorateTerm)) found.push(`${file}: retired term`);
    }
    expect(found).toEqual([]);
  });

  it('gives every Mongolian translation a Chinese original with the same file name', async () => {
    for (const file of (await publicationFiles()).filter((candidate) => candidate.includes('/mn/'))) {
      const original = file.replace('/mn/', '/zh/');
      expect(existsSync(original), `${file} has no original at ${original}`).toBe(true);
    }
  });

  it('leaves some entries Chinese-only, so the untranslated path is exercised', async () => {
    const files = await publicationFiles();
    const chineseOnly = files.filter((file) => file.includes('/zh/') && !files.includes(file.replace('/zh/', '/mn/')));
    expect(chineseOnly.length).toBeGreaterThanOrEqual(3);
  });
});
