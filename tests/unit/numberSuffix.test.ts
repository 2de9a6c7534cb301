import { describe, expect, it } from 'vitest';
import { formatInterpolation, numberSuffix, withNumberSuffix } from '../../src/lib/mongolian/numberSuffix';
import { useTranslations } from '../../src/i18n';
import { translator } from '../../src/i18n/translate';

const NNBSP = '\u202F';

// Read aloud, these end in a front-vowel word: ᠨᠢᠭᠡ (1), ᠳᠥᠷᠪᠡ (4), ᠶᠢᠰᠦ (9); all others 1–31 end in
// a back-vowel word (ᠬᠣᠶᠠᠷ, ᠭᠤᠷᠪᠠ, ᠲᠠᠪᠤ, ᠵᠢᠷᠭᠤᠭ᠎ᠠ, ᠳᠣᠯᠣᠭ᠎ᠠ, ᠨᠠᠢᠮᠠ, ᠠᠷᠪᠠ(ᠨ), ᠬᠣᠷᠢ(ᠨ), ᠭᠤᠴᠢ(ᠨ)).
const frontVowelReadings = new Set([1, 4, 9, 11, 14, 19, 21, 24, 29, 31]);
// Read aloud, these end in ᠬᠣᠶᠠᠷ, a consonant other than n.
const endingInR = new Set([2, 12, 22]);
const oneToThirtyOne = Array.from({ length: 31 }, (_, index) => index + 1);

describe('suffixes after a number, by its Mongolian reading', () => {
  it('gives the ordinal ᠳ᠋ᠤᠭᠠᠷ or ᠳ᠋ᠦ᠋ᠭᠡᠷ for 1–31 (1 ᠳ᠋ᠦ᠋ᠭᠡᠷ, 2 ᠳ᠋ᠤᠭᠠᠷ)', () => {
    for (const value of oneToThirtyOne) {
      expect(numberSuffix(value, 'ordinal'), String(value)).toBe(frontVowelReadings.has(value) ? 'ᠳ᠋ᠦ᠋ᠭᠡᠷ' : 'ᠳ᠋ᠤᠭᠠᠷ');
    }
  });

  it('gives the ablative ᠠᠴᠠ or ᠡᠴᠡ for 1–31 (1 ᠡᠴᠡ, 20 ᠠᠴᠠ)', () => {
    for (const value of oneToThirtyOne) {
      expect(numberSuffix(value, 'ablative'), String(value)).toBe(frontVowelReadings.has(value) ? 'ᠡᠴᠡ' : 'ᠠᠴᠠ');
    }
    expect(numberSuffix(20, 'ablative')).toBe('ᠠᠴᠠ');
    expect(numberSuffix(1, 'ablative')).toBe('ᠡᠴᠡ');
  });

  it('gives the genitive ᠤ/ᠦ after the hidden n of numerals, ᠤᠨ after ᠬᠣᠶᠠᠷ, for 1–31', () => {
    for (const value of oneToThirtyOne) {
      const expected = endingInR.has(value) ? 'ᠤᠨ' : frontVowelReadings.has(value) ? 'ᠦ' : 'ᠤ';
      expect(numberSuffix(value, 'genitive'), String(value)).toBe(expected);
    }
  });

  it('gives the dative ᠳᠤ/ᠳᠦ, and ᠲᠤ after ᠬᠣᠶᠠᠷ, for 1–31', () => {
    for (const value of oneToThirtyOne) {
      const expected = endingInR.has(value) ? 'ᠲᠤ' : frontVowelReadings.has(value) ? 'ᠳᠦ' : 'ᠳᠤ';
      expect(numberSuffix(value, 'dative'), String(value)).toBe(expected);
    }
  });

  it('reads 100 ᠵᠠᠭᠤ(ᠨ), 1000 ᠮᠢᠩᠭ᠎ᠠ(ᠨ) and 10 000 ᠲᠦᠮᠡ(ᠨ) by their last word', () => {
    expect([100, 1000, 2000, 300].map((value) => numberSuffix(value, 'ordinal'))).toEqual(['ᠳ᠋ᠤᠭᠠᠷ', 'ᠳ᠋ᠤᠭᠠᠷ', 'ᠳ᠋ᠤᠭᠠᠷ', 'ᠳ᠋ᠤᠭᠠᠷ']);
    expect(numberSuffix(100, 'ablative')).toBe('ᠠᠴᠠ');
    expect(numberSuffix(1000, 'ablative')).toBe('ᠠᠴᠠ');
    expect(numberSuffix(1000, 'genitive')).toBe('ᠤ');
    expect(numberSuffix(10_000, 'ablative')).toBe('ᠡᠴᠡ');
    expect(numberSuffix(5000, 'ablative')).toBe('ᠠᠴᠠ');
    expect(numberSuffix(40, 'ablative')).toBe('ᠡᠴᠡ');
    expect(numberSuffix(90, 'ordinal')).toBe('ᠳ᠋ᠦ᠋ᠭᠡᠷ');
    expect(numberSuffix(2024, 'ordinal')).toBe('ᠳ᠋ᠦ᠋ᠭᠡᠷ');
    expect(numberSuffix(1001, 'ablative')).toBe('ᠡᠴᠡ');
  });

  it('joins the suffix to the digits with U+202F, never a plain space', () => {
    expect(withNumberSuffix(20, 'ablative')).toBe(`20${NNBSP}ᠠᠴᠠ`);
    expect(withNumberSuffix(1, 'ordinal')).toBe(`1${NNBSP}ᠳ᠋ᠦ᠋ᠭᠡᠷ`);
  });

  it('refuses numbers it cannot read, naming the value', () => {
    expect(() => numberSuffix(-1, 'ordinal')).toThrow('-1');
    expect(() => numberSuffix(1.5, 'ordinal')).toThrow('1.5');
    expect(formatInterpolation('abc', 'mnOrdinal')).toBe('abc');
  });

  it('is used by the one translate function: pages, the tip service, and a page script given its picked strings', () => {
    const t = useTranslations('mn');
    expect(t('publications.pageNumber', { number: 1 })).toBe(`1${NNBSP}ᠳ᠋ᠦ᠋ᠭᠡᠷ ᠨᠢᠭᠤᠷ`);
    expect(t('publications.pageNumber', { number: 2 })).toBe(`2${NNBSP}ᠳ᠋ᠤᠭᠠᠷ ᠨᠢᠭᠤᠷ`);
    expect(t('tip.error.descriptionLength', { min: 20, max: 5000 })).toContain(`20${NNBSP}ᠠᠴᠠ 5000`);
    const inPageScript = translator(t.pick('tip.error'));
    expect(inPageScript('tip.error.descriptionLength', { min: 20, max: 5000 })).toContain(`20${NNBSP}ᠠᠴᠠ 5000`);
    expect(inPageScript('tip.error.descriptionLength', { min: 1, max: 5000 })).toContain(`1${NNBSP}ᠡᠴᠡ 5000`);
    expect(useTranslations('zh')('publications.pageNumber', { number: 2 })).toBe('第 2 页');
  });
});
