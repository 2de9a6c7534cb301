// A minimal Starlight site for the side-by-side benchmark (bench/buildCost.mjs): Starlight's defaults,
// but a short sidebar. Its default sidebar lists every page on every page, which grows with the
// square of the page count and would make the comparison about that alone.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
    starlight({
      title: 'Benchmark',
      defaultLocale: 'root',
      locales: { root: { label: '中文', lang: 'zh-CN' }, mn: { label: 'ᠮᠣᠩᠭᠣᠯ', lang: 'mn-Mong' } },
      sidebar: [{ label: 'Home', link: '/' }],
    }),
  ],
});
