import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { findForbiddenCharacters } from '../../src/lib/scriptCheck';
import { validateEntry, locateEntryFile } from '../../src/lib/publications/validateEntry';

const contentRoot = 'src/content';

async function publicationFiles(): Promise<string[]> {
  const entries = await readdir(contentRoot, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => path.join(entry.parentPath, entry.name).replaceAll(path.sep, '/'));
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
      expect(found.map((character) => `${character.codePoint} (${character.kind}) near "${character.context}"`), file).toEqual([]);
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
