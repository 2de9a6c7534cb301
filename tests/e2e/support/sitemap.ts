import type { APIRequestContext } from '@playwright/test';

/** Every page path the built sitemap lists, so new pages are tested without editing tests. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const sitemapUrls = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const paths: string[] = [];
  for (const sitemapUrl of sitemapUrls) {
    const sitemap = await (await request.get(sitemapUrl)).text();
    paths.push(...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname));
  }
  return [...new Set(paths)].sort();
}
