import { describe, expect, it } from 'vitest';
import { mongolianExcerpt, mongolianSearchKey, splitIntoRuns } from '../../src/lib/mongolianSearchText';

const NNBSP = '\u202F';
const MVS = '\u180E';
const FVS1 = '\u180B';

describe('mongolianSearchKey', () => {
  it.each([
    ['MVS before a final -a, or none', `ᠰᠠᠷ${MVS}ᠠ`, 'ᠰᠠᠷᠠ'],
    ['suffix after NNBSP, after a space, after a space with FVS1', `ᠬᠠᠤᠯᠢ${NNBSP}ᠶᠢᠨ`, `ᠬᠠᠤᠯᠢ ᠶ${FVS1}ᠢᠨ`],
    ['MVS used as a suffix joiner', `ᠮᠣᠩᠭᠤᠯ${MVS}ᠤᠨ`, 'ᠮᠣᠩᠭᠤᠯ ᠤᠨ'],
    ['FVS inside a word', `ᠳ${FVS1}ᠤᠭᠠᠷ`, 'ᠳᠤᠭᠠᠷ'],
    ['free variation selector 4 and ZWJ/ZWNJ', `ᠨᠠ\u180Fᠢ\u200Dᠮ\u200Cᠠᠨ`, 'ᠨᠠᠢᠮᠠᠨ'],
    ['ᠣ typed for ᠤ', 'ᠬᠣᠲᠠ', 'ᠬᠤᠲᠠ'],
    ['ᠥ typed for ᠦ', 'ᠥᠪᠥᠷ', 'ᠦᠪᠦᠷ'],
    ['ᠲ typed for ᠳ', 'ᠲᠦᠩᠯᠢᠶᠣᠤ', 'ᠳᠦᠩᠯᠢᠶᠣᠤ'],
    ['ᠬ typed for ᠭ', 'ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ', 'ᠭᠠᠮᠠᠬᠠᠯᠠᠭᠤ'],
    ['ᠶᠢ written as ᠢ', 'ᠨᠠᠶᠢᠮᠠᠨ', 'ᠨᠠᠢᠮᠠᠨ'],
  ])('gives one key for both spellings: %s', (_variant, one, other) => {
    expect(mongolianSearchKey(one)).toBe(mongolianSearchKey(other));
  });

  it('keeps different words apart', () => {
    expect(mongolianSearchKey('ᠰᠠᠷᠠ')).not.toBe(mongolianSearchKey('ᠰᠠᠷᠤ'));
    expect(mongolianSearchKey('ᠡᠳᠦᠷ')).not.toBe(mongolianSearchKey('ᠠᠳᠤᠷ'));
  });

  it('turns Mongolian punctuation and NNBSP into word breaks', () => {
    expect(mongolianSearchKey(`ᠡᠳᠦᠷ᠂ ᠰᠠᠷ${MVS}ᠠ${NNBSP}ᠶᠢᠨ᠃`)).toBe('ᠡᠳᠦᠷ ᠰᠠᠷᠠ ᠢᠨ');
  });

  it('leaves Chinese, digits and Latin alone', () => {
    expect(mongolianSearchKey('  开鲁县 12309 JavaScript ')).toBe('开鲁县 12309 JavaScript');
  });
});

describe('splitIntoRuns', () => {
  it('gives the text back when joined, words keeping their own spelling', () => {
    const text = `ᠰᠠᠷ${MVS}ᠠ${NNBSP}ᠶ${FVS1}ᠢᠨ 27 ᠤ ᠡᠳᠦᠷ᠃`;
    const runs = splitIntoRuns(text);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    expect(runs.filter((run) => run.isWord).map((run) => run.text)).toEqual([`ᠰᠠᠷ${MVS}ᠠ`, `ᠶ${FVS1}ᠢᠨ`, '27', 'ᠤ', 'ᠡᠳᠦᠷ']);
  });
});

describe('mongolianExcerpt', () => {
  it('marks the words the query matches, in the page’s spelling', () => {
    const pieces = mongolianExcerpt(`2025 ᠣᠨ${NNBSP}ᠤ 5 ᠰᠠᠷ${MVS}ᠠ${NNBSP}ᠶᠢᠨ 27`, 'ᠰᠠᠷᠠ');
    expect(pieces.filter((piece) => piece.matches).map((piece) => piece.text)).toEqual([`ᠰᠠᠷ${MVS}ᠠ`]);
    expect(pieces.map((piece) => piece.text).join('')).toContain('2025');
  });

  it('matches by prefix, as Pagefind does, so a word without its suffix finds the suffixed form', () => {
    const pieces = mongolianExcerpt('ᠬᠣᠷᠴᠢᠨ ᠲᠣᠭᠣᠷᠢᠭᠤᠨ ᠬᠡᠷᠡᠭ', 'ᠳᠤᠭᠤᠷᠢᠭ');
    expect(pieces.filter((piece) => piece.matches).map((piece) => piece.text)).toEqual(['ᠲᠣᠭᠣᠷᠢᠭᠤᠨ']);
  });

  it('cuts a window around the first match in a long text, with ellipses', () => {
    const words = Array.from({ length: 200 }, (_, index) => `ᠦᠭᠡ${index}`);
    words[150] = 'ᠭᠦᠦᠷ';
    const pieces = mongolianExcerpt(words.join(' '), 'ᠭᠦᠦᠷ', 10);
    const text = pieces.map((piece) => piece.text).join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(pieces.find((piece) => piece.matches)?.text).toBe('ᠭᠦᠦᠷ');
    expect(text).not.toContain('ᠦᠭᠡ10 ');
  });

  it('starts at the beginning when nothing matches, and is empty for an empty text', () => {
    expect(
      mongolianExcerpt('ᠨᠢᠭᠡ ᠬᠣᠶᠠᠷ', 'ᠭᠤᠷᠪᠠ')
        .map((piece) => piece.text)
        .join(''),
    ).toBe('ᠨᠢᠭᠡ ᠬᠣᠶᠠᠷ');
    expect(mongolianExcerpt('', 'ᠭᠤᠷᠪᠠ')).toEqual([]);
  });
});
