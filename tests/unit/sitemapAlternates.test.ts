import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { alternatesFromBuiltPages, builtFileOf, hreflangLinksFromHtml } from '../../scripts/sitemap-alternates.mjs';

describe('sitemap alternates', () => {
  it('reads hreflang links from a page head, ignoring other links', () => {
    const html = `<link rel="canonical" href="https://x.cn/mn/a/"><link rel="alternate" hreflang="zh-CN" href="https://x.cn/zh/a/">
      <link rel="alternate" type="application/rss+xml" href="/zh/cases/rss.xml"><link rel="alternate" hreflang="mn-Mong" href="https://x.cn/mn/a/">`;
    expect(hreflangLinksFromHtml(html)).toEqual([
      { lang: 'zh-CN', url: 'https://x.cn/zh/a/' },
      { lang: 'mn-Mong', url: 'https://x.cn/mn/a/' },
    ]);
  });

  it('finds the built file of a page URL', () => {
    expect(builtFileOf('/dist', 'https://x.cn/zh/cases/')).toBe(path.join('/dist', 'zh/cases/index.html'));
  });

  it('gives a page alternates only when it names a real translation', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'sitemap-'));
    await mkdir(path.join(dist, 'mn/cases/translated'), { recursive: true });
    await mkdir(path.join(dist, 'mn/cases/chinese-only'), { recursive: true });
    await writeFile(
      path.join(dist, 'mn/cases/translated/index.html'),
      '<link rel="alternate" hreflang="zh-CN" href="https://x.cn/zh/cases/translated/"><link rel="alternate" hreflang="mn-Mong" href="https://x.cn/mn/cases/translated/">',
    );
    await writeFile(path.join(dist, 'mn/cases/chinese-only/index.html'), '<link rel="canonical" href="https://x.cn/mn/cases/chinese-only/">');
    const serialize = alternatesFromBuiltPages(dist);
    expect(serialize({ url: 'https://x.cn/mn/cases/translated/' }).links).toHaveLength(2);
    expect(serialize({ url: 'https://x.cn/mn/cases/chinese-only/', links: [{ lang: 'zh-CN', url: 'https://x.cn/zh/cases/chinese-only/' }] }).links).toBeUndefined();
  });
});
