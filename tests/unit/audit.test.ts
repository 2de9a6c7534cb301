import { describe, expect, it } from 'vitest';
import { idsOnPage, internalReferences, pageBasicsProblems, referenceResolves } from '../../scripts/audit/checks.mjs';

const page = (head: string, body = '', lang = 'zh-CN') => `<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
const goodHead = '<title>T</title><meta name="description" content="D"><link rel="canonical" href="https://x/">';

describe('site audit checks', () => {
  it('accepts a page with its basics', () => {
    expect(pageBasicsProblems(page(goodHead, '<img src="/a.png" alt="">'), '/zh/')).toEqual([]);
  });

  it('names each missing basic', () => {
    expect(pageBasicsProblems('<html><head></head><body><img src="/a.png"></body></html>', '/zh/')).toEqual([
      '<html> has no lang attribute',
      'no <title> text',
      'no meta description',
      'no canonical link',
      'image without alt: /a.png',
    ]);
  });

  it('asks no description or canonical of a page kept out of search engines', () => {
    expect(pageBasicsProblems(page('<title>Staff</title><meta name="robots" content="noindex, nofollow">'), '/staff/')).toEqual([]);
  });

  it('requires mn-Mong on Mongolian pages', () => {
    expect(pageBasicsProblems(page(goodHead, '', 'mn'), '/mn/cases/')).toEqual(['Mongolian page declares lang="mn", not "mn-Mong"']);
  });

  it('fails a searchable page where the search index does not read (it reads only publication pages)', () => {
    const searchable = page(goodHead, '<article data-pagefind-body><h1>案例</h1></article>');
    expect(pageBasicsProblems(searchable, '/zh/cases/horqin-land/')).toEqual([]);
    for (const elsewhere of ['/zh/cases/', '/zh/cases/category/ecology/', '/zh/about.html']) {
      expect(pageBasicsProblems(searchable, elsewhere)).toEqual([expect.stringContaining('the search index reads only /{lang}/{section}/{slug}/ pages')]);
    }
  });

  it('collects internal references and skips external ones', () => {
    const html = page(
      '<link rel="stylesheet" href="/_astro/a.css">',
      '<a href="/zh/cases/">x</a><a href="https://e.org/">y</a><a href="tel:12309">z</a><img alt="" src="a.png" srcset="/a-400.webp 400w, /a-800.webp 800w">',
    );
    expect(internalReferences(html).sort()).toEqual(['/_astro/a.css', '/a-400.webp', '/a-800.webp', '/zh/cases/', 'a.png'].sort());
  });

  it('resolves directories, files, function routes and fragments', () => {
    const files = new Set(['/zh/cases/index.html', '/_astro/a.css', '/zh/cases/a.png']);
    const context = { fileExists: (path: string) => files.has(path), pageIds: idsOnPage('<main id="main-content"></main>') };
    expect(referenceResolves('/zh/cases/', '/zh/', context)).toBe(true);
    expect(referenceResolves('a.png', '/zh/cases/', context)).toBe(true);
    expect(referenceResolves('/_astro/a.css', '/zh/', context)).toBe(true);
    expect(referenceResolves('/api/tips', '/zh/tip/', context)).toBe(true);
    expect(referenceResolves('#main-content', '/zh/', context)).toBe(true);
    expect(referenceResolves('#nowhere', '/zh/', context)).toBe(false);
    expect(referenceResolves('/zh/missing/', '/zh/', context)).toBe(false);
  });
});
