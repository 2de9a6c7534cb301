import { describe, expect, it } from 'vitest';
import { excerptPieces, isSortChoice, matchesQuery, orderedFacetValues, pagefindFilters, queryFromSearchParams, withCount, withoutLabels } from '../../src/lib/searchResults';
import { mongolianSearchKey } from '../../src/lib/mongolianSearchText';
import { decodeEntities } from '../../src/lib/htmlEntities';

describe('search page helpers', () => {
  it('turns ticked facets into Pagefind filters, leaving out empty ones', () => {
    expect(pagefindFilters({ kind: ['典型案例', '普法宣传'], year: [], region: undefined })).toEqual({ kind: { any: ['典型案例', '普法宣传'] } });
  });

  it('lists years newest first and other values in the language’s order, without empty ones', () => {
    expect(orderedFacetValues('year', { '2024': 2, '2025': 1, '2023': 0 }, 'zh-CN')).toEqual(['2025', '2024']);
    expect(orderedFacetValues('kind', { b: 1, a: 1 }, 'zh-CN')).toEqual(['a', 'b']);
  });

  it('reads Pagefind’s excerpt as text pieces, so nothing in it becomes markup', () => {
    expect(excerptPieces('修复 <mark>浮桥</mark> &lt;b&gt;')).toEqual([
      { text: '修复 ', matches: false },
      { text: '浮桥', matches: true },
      { text: ' <b>', matches: false },
    ]);
  });

  it('fills in counts, reads ?q= and knows the sort choices', () => {
    expect(withCount('找到 {{count}} 条结果。', 12)).toBe('找到 12 条结果。');
    expect(queryFromSearchParams('?q=%20%E6%B5%AE%E6%A1%A5%20')).toBe('浮桥');
    expect(queryFromSearchParams('')).toBe('');
    expect(isSortChoice('newest')).toBe(true);
    expect(isSortChoice('toString')).toBe(false);
  });

  it('decodes the character references Astro and Pagefind write', () => {
    expect(decodeEntities('A &amp; B &#x1820; &#65; &unknown;')).toBe('A & B ᠠ A &unknown;');
  });
});

describe('matchesQuery: the words typed, not Pagefind’s look-alikes', () => {
  const mongolian = { fold: mongolianSearchKey };
  it('counts a highlighted word that starts with a word of the query', () => {
    expect(matchesQuery([{ text: '浮桥', matches: true }], '浮桥', [])).toBe(true);
    // Pagefind may segment 林业和草原 as 和草 + 原: the text still holds 草原, so it is found.
    const cutApart = [
      { text: '林业', matches: false },
      { text: '和草', matches: true },
      { text: '原、农牧', matches: false },
    ];
    expect(matchesQuery(cutApart, '草原', [])).toBe(true);
    expect(
      matchesQuery(
        [
          { text: '林业', matches: false },
          { text: '和草', matches: true },
          { text: '场', matches: false },
        ],
        '草原',
        [],
      ),
    ).toBe(false);
    expect(matchesQuery([{ text: '检察', matches: true }], '检察建议', [], { words: () => ['检察', '建议'] })).toBe(true);
    expect(matchesQuery([{ text: 'ᠰᠠᠷ᠎ᠠ', matches: true }], 'ᠰᠠᠷ', [], mongolian)).toBe(true);
    // 农民工 is searched as 农民 + 工, and 工 finds 工资.
    expect(matchesQuery([{ text: '工资', matches: true }], '农民工', [], { words: () => ['农民', '工'] })).toBe(true);
  });
  it('does not count a look-alike word, or an excerpt with nothing highlighted', () => {
    expect(matchesQuery([{ text: '轮椅', matches: true }], '轮侨', [])).toBe(false);
    expect(
      matchesQuery(
        [
          { text: 'ᠤᠨ', matches: true },
          { text: ' ᠭᠠᠵᠠᠷ', matches: false },
        ],
        'ᠤᠨᠳᠦᠯᠡᠢ',
        [],
        mongolian,
      ),
    ).toBe(false);
    expect(matchesQuery([{ text: 'ᠤᠨ ᠭᠠᠵᠠᠷ', matches: false }], 'ᠤᠨᠳᠦᠯᠡᠢ', [], mongolian)).toBe(false);
  });
  it('counts a facet label holding the query (a category or region name)', () => {
    expect(matchesQuery([], 'ᠬᠤᠷᠴᠢᠨ', ['ᠬᠣᠷᠴᠢᠨ ᠲᠣᠭᠣᠷᠢᠭ'], mongolian)).toBe(true);
    expect(matchesQuery([], '生态', ['生态环境和资源保护'])).toBe(true);
  });
  it('lets every result of a search without words through', () => {
    expect(matchesQuery([], '  ', [])).toBe(true);
  });
});

describe('withoutLabels', () => {
  it('cuts the facet labels (and their separators) out of an excerpt, keeping the text and its highlights', () => {
    const pieces = [
      { text: '整改情况经', matches: false },
      { text: '回访', matches: true },
      { text: '确认到位。 典型案例 · 其他 · ', matches: false },
      { text: '乌海', matches: true },
      { text: '市（市本级）', matches: false },
    ];
    expect(withoutLabels(pieces, ['典型案例', '其他', '乌海市（市本级）'])).toEqual([
      { text: '整改情况经', matches: false },
      { text: '回访', matches: true },
      { text: '确认到位。', matches: false },
    ]);
  });
  it('cuts the start of the block where the excerpt ends inside it', () => {
    expect(withoutLabels([{ text: '整改到位。 典型案例 · 生态', matches: false }], ['典型案例', '生态环境和资源保护', '通辽市'])).toEqual([{ text: '整改到位。', matches: false }]);
  });
  it('leaves the same words in the text alone', () => {
    const pieces = [
      { text: '科尔沁区', matches: true },
      { text: '检察院督促兑付', matches: false },
    ];
    expect(withoutLabels(pieces, ['典型案例', '妇女权益保障', '科尔沁区'])).toEqual(pieces);
  });
});
