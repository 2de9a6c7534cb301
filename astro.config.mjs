// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { writeFile } from 'node:fs/promises';
import { alternatesFromBuiltPages } from './scripts/sitemap-alternates.mjs';
import { siteHeadersFile } from './src/lib/http/siteHeaders.ts';

// Kept in step with src/i18n/locales.ts by tests/unit/locales.test.ts (this file is plain JS,
// read before TypeScript is set up, so it cannot import the map).
const siteLocales = { zh: 'zh-CN', mn: 'mn-Mong' };

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://www.example-procuratorate.cn',
  trailingSlash: 'always',
  // Four pages at a time: each page's file is written while the next renders (at 5,000 cases per
  // language the render phase went from 16.7 to 13.0 s; more than four gave nothing more).
  build: { format: 'directory', concurrency: 4 },
  i18n: {
    locales: Object.keys(siteLocales),
    defaultLocale: 'zh',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  vite: {
    // Scripts go to files, never inline, so the Content-Security-Policy can forbid inline script.
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        // MDX pages carry Astro's own "use astro:head-inject" marker, which Astro reads before
        // bundling; the bundler's warning that it drops the directive (once per MDX file) is noise.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          // @hpke/common falls back to Node's "crypto" where WebCrypto is missing; browsers have
          // WebCrypto, so the staff page never takes that branch and the stub Vite puts in is right.
          if (/Module "crypto" has been externalized for browser compatibility, imported by ".*@hpke\/common/.test(warning.message)) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    mdx(),
    // dist/_headers, for Cloudflare's static files, from the one source the request layer uses too.
    { name: 'site-headers', hooks: { 'astro:build:done': ({ dir }) => writeFile(new URL('_headers', dir), siteHeadersFile) } },
    // hreflang alternates come from each built page (real translations only), not from matching
    // paths: an untranslated entry's Mongolian URL shows the Chinese text and is no translation.
    sitemap({
      // The staff review pages are private: never listed.
      filter: (page) => !new URL(page).pathname.startsWith('/staff/'),
      serialize: alternatesFromBuiltPages(fileURLToPath(new URL('./dist/', import.meta.url))),
    }),
  ],
});
