import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import zh from '../../src/i18n/zh.json';
import mn from '../../src/i18n/mn.json';
import { uiStringsSchema } from '../../src/i18n/schema';
import { useTranslations } from '../../src/i18n';
import { findForbiddenCharacters } from '../../src/lib/scriptCheck';
import { plainSpaceSuffixes, retiredProcuratorateTerm } from './support/mongolianText';

describe('UI strings', () => {
  it('has every key, non-empty, in both languages', () => {
    expect(uiStringsSchema.safeParse(zh).success).toBe(true);
    const result = uiStringsSchema.safeParse(mn);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(Object.keys(mn).sort()).toEqual(Object.keys(zh).sort());
  });

  it('rejects a language file with a missing, an empty or an unknown key, naming the key', () => {
    const { 'nav.home': _removed, ...missing } = mn;
    const missingResult = uiStringsSchema.safeParse(missing);
    expect(missingResult.success).toBe(false);
    expect(missingResult.error?.issues[0]?.message).toContain('"nav.home" is missing');

    const emptyResult = uiStringsSchema.safeParse({ ...mn, 'nav.search': '  ' });
    expect(emptyResult.error?.issues[0]?.message).toContain('"nav.search" is empty');

    const extraResult = uiStringsSchema.safeParse({ ...mn, 'nav.typo': 'x' });
    expect(extraResult.success).toBe(false);
  });

  it('writes the Mongolian strings in traditional script, without Cyrillic or private-use characters', () => {
    for (const [key, text] of Object.entries(mn)) {
      expect(findForbiddenCharacters(text), key).toEqual([]);
      expect(text, key).toMatch(/\p{Script=Mongolian}|^[\d\s+\-A-Za-z]+$/u);
    }
  });

  it('joins every case suffix to its word with U+202F, never a plain space', () => {
    const found = Object.entries(mn).flatMap(([key, text]) => plainSpaceSuffixes(text).map((context) => `${key}: …${context}…`));
    expect(found).toEqual([]);
  });

  it('no longer uses the retired procuratorate term, and writes the known suffix errors right', () => {
    expect(JSON.stringify(mn)).not.toContain(retiredProcuratorateTerm);
    expect(mn['publications.unreviewedNotice']).toContain('ᠵᠥᠷᠢᠴᠡᠯ\u202Fᠲᠡᠢ');
    for (const wrong of ['ᠨᠢᠭᠡ\u202Fᠢ ', 'ᠡᠨᠡ\u202Fᠢ ', 'ᠦᠭᠡᠢ\u202Fᠢ ', 'ᠨᠡᠶᠢᠲᠡ\u202Fᠳᠠᠭᠠᠨ', 'ᠰᠠᠢᠲ ', 'ᠰᠠᠢᠲ\u202F', 'ᠨᠢᠭᠡᠳᠦᠭᠡᠷ']) {
      expect(
        Object.values(mn).filter((text) => text.includes(wrong)),
        wrong,
      ).toEqual([]);
    }
  });

  it('puts no fixed suffix after an interpolated number: the reading decides it', () => {
    const fixedSuffix = /\}\}[\s\u202F](ᠡᠴᠡ|ᠠᠴᠠ|ᠳ᠋ᠤᠭᠠᠷ|ᠳ᠋ᠦ᠋ᠭᠡᠷ|ᠤ|ᠦ|ᠤᠨ|ᠦᠨ|ᠳᠤ|ᠳᠦ|ᠲᠤ|ᠲᠦ)(?![\u1820-\u1878])/u;
    expect(
      Object.entries(mn)
        .filter(([, text]) => fixedSuffix.test(text))
        .map(([key]) => key),
    ).toEqual([]);
  });

  it('translates through the one translate function in each language', () => {
    expect(useTranslations('zh')('nav.search')).toBe('搜索');
    expect(useTranslations('mn')('nav.search')).toBe('ᠬᠠᠢᠯᠲᠠ');
  });

  it('fills placeholders and picks the strings a page hands its script', () => {
    expect(useTranslations('zh')('publications.pageNumber', { number: 3 })).toBe('第 3 页');
    const picked = useTranslations('mn').pick('tip.error');
    expect(Object.keys(picked).length).toBeGreaterThan(10);
    expect(Object.keys(picked).every((key) => key.startsWith('tip.error'))).toBe(true);
    expect(picked['tip.error.consent']).toBe(mn['tip.error.consent']);
  });

  it('gives the staff pages every string they use, in both languages', () => {
    const staffKeys = Object.keys(zh).filter((key) => key.startsWith('staff.'));
    expect(staffKeys.length).toBeGreaterThan(100);
    for (const key of staffKeys) expect(mn[key as keyof typeof mn], key).toMatch(/\p{Script=Mongolian}/u);
  });

  it('keeps no Chinese text in the staff page or its scripts: every string comes from the string files', () => {
    // Such text once drifted there from zh.json (the key intro, the passphrase label, the file lines).
    const files = [
      'src/pages/staff/index.astro',
      'src/pages/staff/login/index.astro',
      ...readdirSync('src/scripts')
        .filter((name) => name.startsWith('staff'))
        .map((name) => `src/scripts/${name}`),
    ];
    const found = files.flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .filter((line) => /\p{Script=Han}/u.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});

/** Source text without its comments (line, block and HTML), which may well be Chinese. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}
