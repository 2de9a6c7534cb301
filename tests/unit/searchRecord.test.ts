import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { mongolianSearchRecord, pageUrlOf, readPageFacts, readWholePageFacts, usesMongolianSearchKeys } from '../../src/lib/searchRecord';
import { mongolianSearchKey } from '../../src/lib/mongolianSearchText';

const fixtureSite = path.resolve('tests/fixtures/search-site');

const page = (body: string, lang = 'mn-Mong') =>
  `<!doctype html><html lang="${lang}"><head><title>x</title></head><body><header><nav>ᠬᠠᠢᠯᠲᠠ</nav></header><main>${body}</main><footer>12309</footer></body></html>`;

describe('readPageFacts', () => {
  it('reads only the element marked data-pagefind-body, without ignored parts or facets', () => {
    const facts = readPageFacts(
      page(
        `<article data-pagefind-body><h1>ᠭᠠᠷᠴᠠᠭ &amp; ᠨᠢᠭᠡ</h1><div hidden><span data-pagefind-filter="kind">ᠦᠯᠢᠭᠡᠷ ᠬᠡᠷᠡᠭ</span><span data-pagefind-filter="year">2025</span><span data-pagefind-sort="date" data-pagefind-meta="date">2025-05-27</span></div><p>ᠮᠣᠩᠭᠣᠯ<em>ᠤᠨ</em> ᠬᠡᠯᠡ</p><aside data-pagefind-ignore>ᠪᠤᠰᠤᠳ</aside><p>ᠬᠤᠶᠠᠷ</p></article>`,
      ),
    );
    expect(facts).toEqual({
      language: 'mn-mong',
      hasSearchBody: true,
      title: 'ᠭᠠᠷᠴᠠᠭ & ᠨᠢᠭᠡ',
      text: 'ᠭᠠᠷᠴᠠᠭ & ᠨᠢᠭᠡ ᠮᠣᠩᠭᠣᠯᠤᠨ ᠬᠡᠯᠡ ᠬᠤᠶᠠᠷ',
      filters: { kind: ['ᠦᠯᠢᠭᠡᠷ ᠬᠡᠷᠡᠭ'], year: ['2025'] },
      sort: { date: '2025-05-27' },
      meta: { date: '2025-05-27' },
    });
  });

  it('reports a fallback page (no data-pagefind-body) as having nothing to index', () => {
    const facts = readPageFacts(page('<article><div lang="zh-CN"><h1>开鲁县</h1></div></article>'));
    expect(facts.hasSearchBody).toBe(false);
    expect(facts.text).toBe('');
  });

  it('reads the same facts from the body alone as from the whole page, on every fixture page and on nested or unusual markup', async () => {
    const entries = await readdir(fixtureSite, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThan(10);
    const unusual = [
      page('<div data-pagefind-body><div><h1>ᠨᠢᠭᠡ</h1></div><div>ᠬᠣᠶᠠᠷ<span data-pagefind-filter="year">2025</span></div></div><div>ᠭᠤᠷᠪᠠ</div>'),
      page('<article data-pagefind-body><h1>ᠨᠢᠭᠡ</h1></article><span data-pagefind-filter="year">2024</span>'),
      page('<section title="a > b" data-pagefind-body><h1>ᠨᠢᠭᠡ</h1></section>'),
      page('<div data-pagefind-body><h1>ᠨᠢᠭᠡ</h1><p>data-pagefind-body</p></div>'),
    ];
    for (const html of [...(await Promise.all(files.map((file) => readFile(file, 'utf8')))), ...unusual]) {
      expect(readPageFacts(html)).toEqual(readWholePageFacts(html));
    }
    expect(readPageFacts(unusual[0]!).text).toBe('ᠨᠢᠭᠡ ᠬᠣᠶᠠᠷ');
    expect(readPageFacts(unusual[1]!).filters).toEqual({ year: ['2024'] });
  });

  it('takes an explicit title meta over the first heading', () => {
    expect(readPageFacts(page('<span data-pagefind-meta="title:ᠲᠡᠷᠢᠭᠦᠨ"></span><div data-pagefind-body><h1>ᠬᠣᠶᠠᠷ</h1></div>')).title).toBe('ᠲᠡᠷᠢᠭᠦᠨ');
  });
});

describe('mongolianSearchRecord', () => {
  it('indexes the folded key of the text and keeps the original for display', () => {
    const facts = readPageFacts(page('<div data-pagefind-body><h1>ᠰᠠᠷ᠎ᠠ</h1><div hidden><span data-pagefind-filter="region">ᠬᠣᠷᠴᠢᠨ ᠲᠣᠭᠣᠷᠢᠭ</span></div><p>ᠬᠣᠲᠠ\u202Fᠶᠢᠨ</p></div>'));
    const record = mongolianSearchRecord('/mn/a/', facts);
    expect(record.content).toBe('ᠰᠠᠷᠠ ᠭᠤᠳᠠ ᠢᠨ ᠭᠤᠷᠴᠢᠨ ᠳᠤᠭᠤᠷᠢᠭ');
    expect(record.filters).toEqual({ region: ['ᠬᠣᠷᠴᠢᠨ ᠲᠣᠭᠣᠷᠢᠭ'] });
    expect(record.meta.title).toBe('ᠰᠠᠷ᠎ᠠ');
    expect(record.meta.text).toBe('ᠰᠠᠷ᠎ᠠ ᠬᠣᠲᠠ\u202Fᠶᠢᠨ');
    expect(record.language).toBe('mn-mong');
  });

  // The index side (this record) and the query side (mongolianSearchKey of what a reader types)
  // must agree: every variant spelling of a word on a fixture page finds that word in its record.
  it('agrees with the query side on every Mongolian fixture page', async () => {
    const entries = await readdir(path.join(fixtureSite, 'mn'), { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.name === 'index.html').map((entry) => path.join(entry.parentPath, entry.name));
    let checkedWords = 0;
    for (const file of files) {
      const facts = readPageFacts(await readFile(file, 'utf8'));
      if (!facts.hasSearchBody) continue;
      const indexedWords = new Set(mongolianSearchRecord('/x/', facts).content.split(' '));
      for (const word of facts.text.split(/[\s\u202F\u1802\u1803]+/).filter(Boolean)) {
        const variants = [word, word.replaceAll('ᠣ', 'ᠤ'), word.replaceAll('ᠲ', 'ᠳ').replaceAll('ᠬ', 'ᠭ'), word.replaceAll('\u180E', '').replaceAll('\u180B', '')];
        for (const variant of variants) {
          for (const queryWord of mongolianSearchKey(variant).split(' ').filter(Boolean)) {
            expect(indexedWords.has(queryWord), `${path.relative(fixtureSite, file)}: "${variant}"`).toBe(true);
            checkedWords += 1;
          }
        }
      }
    }
    expect(checkedWords).toBeGreaterThan(100);
  });
});

describe('pageUrlOf and usesMongolianSearchKeys', () => {
  it('makes directory URLs like Pagefind and picks Mongolian by the index key', () => {
    expect(pageUrlOf('zh/cases/a/index.html')).toBe('/zh/cases/a/');
    expect(pageUrlOf('zh\\cases\\b.html')).toBe('/zh/cases/b.html');
    expect(usesMongolianSearchKeys('mn-mong')).toBe(true);
    expect(usesMongolianSearchKeys('zh-cn')).toBe(false);
  });
});
