import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { judgeTranslation, markTranslatedFrom, translationHash } from '../../src/lib/publications/translationState';
import { validateEntry } from '../../src/lib/publications/validateEntry';

const original = `---
title: "怎样申请司法救助"
summary: "一两句话。"
date: 2025-03-01
topic: judicial-aid
audience: [general]
readingMinutes: 3
lang: zh
translationKey: how-to-apply
translationStatus: original
draft: false
---

正文第一段。
`;

const translation = `---
title: "ᠬᠡᠷᠬᠢᠨ ᠬᠦᠰᠡᠬᠦ"
summary: "ᠲᠣᠪᠴᠢ᠃"
date: 2025-03-01
topic: judicial-aid
audience: [general]
readingMinutes: 3
lang: mn
translationKey: how-to-apply
translationStatus: unreviewed
draft: false
---

ᠡᠬᠢᠨ᠃
`;

/** A content folder of one article and its translation, like src/content. */
function contentFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'translations-'));
  for (const lang of ['zh', 'mn']) mkdirSync(join(root, 'articles', lang), { recursive: true });
  writeFileSync(join(root, 'articles/zh/how-to-apply.mdx'), original);
  writeFileSync(join(root, 'articles/mn/how-to-apply.mdx'), translation);
  return root;
}

function report(contentDir: string, ...args: string[]) {
  return execFileSync('node', ['scripts/translations.mjs', ...args], { env: { ...process.env, CONTENT_DIR: contentDir }, encoding: 'utf8' });
}
const stateOf = (contentDir: string) => (JSON.parse(report(contentDir, '--json')) as Array<{ state: string; tracked: boolean }>)[0];

describe('translation hash', () => {
  it('is the same whether a date was read as a Date (the build) or as text (the CMS)', async () => {
    const body = '正文';
    expect(await translationHash({ title: 'a', date: new Date('2025-03-01T00:00:00Z') }, body)).toBe(
      await translationHash({ title: 'a', date: '2025-03-01', figures: [] }, `${body}\r\n`),
    );
  });

  it('changes with the text and the facts, not with bookkeeping fields', async () => {
    const base = await translationHash({ title: 'a', region: 'horqin', draft: true }, '正文');
    expect(await translationHash({ title: 'a', region: 'horqin', draft: false, translationStatus: 'original' }, '正文')).toBe(base);
    expect(await translationHash({ title: 'b', region: 'horqin' }, '正文')).not.toBe(base);
    expect(await translationHash({ title: 'a', region: 'jarud' }, '正文')).not.toBe(base);
    expect(await translationHash({ title: 'a', region: 'horqin' }, '正文改')).not.toBe(base);
  });
});

describe('npm run translations', () => {
  it('reports a translation without a record as not tracked, then outdated once the original changes after --mark', () => {
    const folder = contentFolder();
    expect(stateOf(folder)).toMatchObject({ state: 'unreviewed', tracked: false });

    expect(report(folder, '--mark', 'how-to-apply')).toContain('translatedFrom');
    expect(stateOf(folder)).toMatchObject({ state: 'unreviewed', tracked: true });

    const originalFile = join(folder, 'articles/zh/how-to-apply.mdx');
    writeFileSync(originalFile, original.replace('正文第一段。', '正文第一段，已修改。'));
    expect(stateOf(folder)).toMatchObject({ state: 'outdated', tracked: true });
    expect(report(folder)).toMatch(/articles\/how-to-apply\s+outdated \(original changed \d{4}-\d{2}-\d{2}\)/);

    report(folder, '--mark', 'articles/how-to-apply');
    expect(stateOf(folder)).toMatchObject({ state: 'unreviewed', tracked: true });

    const translationFile = join(folder, 'articles/mn/how-to-apply.mdx');
    writeFileSync(
      translationFile,
      readFileSync(translationFile, 'utf8').replace('translationStatus: unreviewed', 'translationStatus: reviewed\nreviewedBy: "Bater"\nreviewedOn: 2026-12-01'),
    );
    expect(stateOf(folder)).toMatchObject({ state: 'reviewed', tracked: true });
    expect(report(folder)).toContain('reviewed (by Bater, 2026-12-01)');
  }, 60_000);

  it('lists an original without a translation as missing and refuses to mark it', () => {
    const folder = contentFolder();
    writeFileSync(join(folder, 'articles/zh/only-chinese.mdx'), original.replace('how-to-apply', 'only-chinese'));
    expect(report(folder)).toMatch(/articles\/only-chinese\s+missing/);
    expect(() => report(folder, '--mark', 'only-chinese')).toThrow(/no Mongolian file/);
  }, 30_000);
});

describe('translation record in the frontmatter', () => {
  it('is written by --mark in a form the build accepts, keeping every other line', async () => {
    const marked = markTranslatedFrom(translation, 'abcdef012345');
    expect(marked.replace('translatedFrom: "abcdef012345"\n', '')).toBe(translation);
    const { frontmatter } = parseFrontmatter(marked);
    expect(validateEntry('articles', 'src/content/articles/mn/how-to-apply.mdx', frontmatter)).toEqual([]);
    expect(markTranslatedFrom(marked, '111111111111')).toContain('translatedFrom: "111111111111"');
    expect(markTranslatedFrom(marked, '111111111111')).not.toContain('abcdef012345');
  });

  it('needs a reviewer and a date for a reviewed translation, and is refused on an original', async () => {
    const reviewed = parseFrontmatter(translation.replace('unreviewed', 'reviewed')).frontmatter;
    expect(validateEntry('articles', 'src/content/articles/mn/how-to-apply.mdx', reviewed)).toEqual([
      expect.stringContaining('field "reviewedBy" is missing'),
      expect.stringContaining('field "reviewedOn" is missing'),
    ]);
    const originalWithRecord = parseFrontmatter(markTranslatedFrom(original, 'abcdef012345')).frontmatter;
    expect(validateEntry('articles', 'src/content/articles/zh/how-to-apply.mdx', originalWithRecord)).toEqual([
      expect.stringContaining('field "translatedFrom" belongs to translations only'),
    ]);
  });

  it('judges with the same rules the report uses', async () => {
    const facts = { original: { frontmatter: parseFrontmatter(original).frontmatter, body: parseFrontmatter(original).content } };
    expect((await judgeTranslation(facts)).state).toBe('missing');
  });
});
