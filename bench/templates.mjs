// One page of each template, in each language: what the benchmarks and Lighthouse measure.
// The paths are inside each language tree (/zh/…, /mn/…).
export const templatePages = [
  { template: 'home', pathInLocale: '/' },
  { template: 'case list', pathInLocale: '/cases/' },
  { template: 'case', pathInLocale: '/cases/horqin-land-compensation/' },
  { template: 'notice list', pathInLocale: '/open-days/' },
  { template: 'notice', pathInLocale: '/open-days/public-interest-open-day-2026-12/' },
  { template: 'article list', pathInLocale: '/education/' },
  { template: 'article', pathInLocale: '/education/spot-elder-fraud/' },
  { template: 'open data', pathInLocale: '/data/' },
  { template: 'search', pathInLocale: '/search/' },
  { template: 'tip form', pathInLocale: '/tip/' },
];

/** Templates whose pages only show text: they must ship no JavaScript. */
export const readingTemplates = new Set(['home', 'case list', 'case', 'notice list', 'notice', 'article list', 'article', 'open data']);

export const benchLocales = ['zh', 'mn'];
