// One page of each template, in each language: what the benchmarks and Lighthouse measure.
// The paths are inside each language tree (/zh/…, /mn/…).
export const templatePages = [
  { template: 'home', pathInLocale: '/' },
  { template: 'case list', pathInLocale: '/cases/' },
  { template: 'case', pathInLocale: '/cases/horqin-women-land-compensation/' },
  { template: 'notice', pathInLocale: '/open-days/' },
  { template: 'article', pathInLocale: '/education/' },
  { template: 'search', pathInLocale: '/search/' },
  { template: 'tip form', pathInLocale: '/tip/' },
];

/** Templates whose pages only show text: they must ship no JavaScript. */
export const readingTemplates = new Set(['home', 'case list', 'case', 'notice', 'article']);

export const benchLocales = ['zh', 'mn'];
