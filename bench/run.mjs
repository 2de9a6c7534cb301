// npm run bench: what readers feel, per template and language, printed as tables and written to
// bench/results.json. Not part of npm test (it takes minutes and prints figures, not verdicts).
//   npm run bench                 page weight + Lighthouse on the built site
//   npm run bench -- --no-lighthouse
//   npm run bench -- --build-cost 1000,5000,10000   only: build synthetic sites of that many cases
//                                                  per language, ours and Starlight's, side by side,
//                                                  phase by phase (bench/buildCost.mjs)
//   npm run bench -- --search --tips                also run the search and tip benchmarks
//                                                  (npm run bench:search, npm run bench:tips)
import { writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { benchLocales, readingTemplates, templatePages } from './templates.mjs';
import { launchBenchBrowser, measurePage } from './pageWeight.mjs';
import { auditUrl, withLighthouseChrome } from './lighthouse.mjs';
import { startSiteServer } from './server.mjs';
import { compareBuildCost } from './compare.mjs';
import { readFileSync } from 'node:fs';
import { pageScripts, tipFormScriptBudgetBytes } from '../scripts/audit/pageScripts.mjs';

const buildCostArgument = process.argv[process.argv.indexOf('--build-cost') + 1];
const buildCostSizes = process.argv.includes('--build-cost') ? buildCostArgument.split(',').map(Number) : [];
if (buildCostSizes.length > 0) {
  // The build-cost comparison builds its own sites; it needs no built site and takes long enough alone.
  const buildCost = await compareBuildCost(buildCostSizes);
  await writeFile('bench/results-build-cost.json', `${JSON.stringify({ date: new Date().toISOString(), buildCost }, null, 2)}\n`);
  console.log('\nwritten: bench/results-build-cost.json');
  process.exit(0);
}
if (!existsSync('dist/zh/index.html')) {
  console.error('No built site: run `npm run build` first.');
  process.exit(1);
}
const withLighthouse = !process.argv.includes('--no-lighthouse');
const kb = (bytes) => (bytes / 1024).toFixed(1);
const server = await startSiteServer(8899);
const results = { date: new Date().toISOString(), pageWeight: [], lighthouse: [] };

try {
  const browser = await launchBenchBrowser();
  for (const { template, pathInLocale } of templatePages) {
    for (const locale of benchLocales) {
      const path = `/${locale}${pathInLocale}`;
      const { status, totals, fonts } = await measurePage(browser, `${server.origin}${path}`);
      const bytes = (kind, how) => totals[kind]?.[how] ?? 0;
      if (status !== 200) console.warn(`${path} answered ${status}: its figures are those of an error page`);
      results.pageWeight.push({
        template,
        locale,
        path,
        status,
        htmlBrotli: bytes('html', 'brotli'),
        cssBrotli: bytes('css', 'brotli'),
        jsRaw: bytes('js', 'raw'),
        jsBrotli: bytes('js', 'brotli'),
        fontRaw: bytes('font', 'raw'),
        htmlCssGzip: bytes('html', 'gzip') + bytes('css', 'gzip'),
        htmlCssBrotli: bytes('html', 'brotli') + bytes('css', 'brotli'),
        fonts,
        readingPage: readingTemplates.has(template),
      });
    }
  }
  await browser.close();

  console.log('\nPage weight (KB; compressed sizes are what the network carries)');
  console.table(
    results.pageWeight.map((row) => ({
      page: row.path,
      status: row.status,
      'HTML+CSS gzip': kb(row.htmlCssGzip),
      'HTML+CSS br': kb(row.htmlCssBrotli),
      'JS raw': kb(row.jsRaw),
      'JS br': kb(row.jsBrotli),
      'font raw': kb(row.fontRaw),
      fonts: row.fonts.join(' '),
    })),
  );
  const jsOnReading = results.pageWeight.filter((row) => row.readingPage && row.jsRaw > 0).map((row) => `${row.path} ${kb(row.jsRaw)} KB`);
  const heavy = results.pageWeight.filter((row) => row.htmlCssGzip > 50 * 1024).map((row) => row.path);
  const mongolianFontOnChinese = results.pageWeight
    .filter((row) => row.locale !== 'mn' && row.fonts.some((font) => font.endsWith('/noto-sans-mongolian.woff2')))
    .map((row) => row.path);
  console.log(
    `Targets: JS on reading pages: ${jsOnReading.length ? jsOnReading.join(', ') : 'none'}; HTML+CSS over 50 KB gzip: ${heavy.length ? heavy.join(', ') : 'none'}; full Mongolian font on non-Mongolian pages: ${mongolianFontOnChinese.length ? mongolianFontOnChinese.join(', ') : 'none'}`,
  );

  results.tipFormScripts = benchLocales.map((locale) => ({ locale, ...pageScripts('dist', readFileSync(`dist/${locale}/tip/index.html`, 'utf8')) }));
  console.log(`\nTip form JavaScript (budget ${tipFormScriptBudgetBytes / 1024} KB raw)`);
  console.table(
    results.tipFormScripts.map((row) => ({
      page: `/${row.locale}/tip/`,
      'JS raw': kb(row.raw),
      'JS br': kb(row.brotli),
      'loaded on choosing an image, raw': kb(row.lazyRaw),
    })),
  );

  if (withLighthouse) {
    await withLighthouseChrome(async (port) => {
      for (const { template, pathInLocale } of templatePages) {
        for (const locale of benchLocales) {
          const path = `/${locale}${pathInLocale}`;
          results.lighthouse.push({ template, locale, path, ...(await auditUrl(`${server.origin}${path}`, port)) });
        }
      }
    });
    console.log('\nLighthouse, mobile profile (scores 0–100; target 100)');
    console.table(
      results.lighthouse.map(({ path, performance, accessibility, bestPractices, seo, lcpMs, cls, tbtMs, failing }) => ({
        page: path,
        perf: performance,
        a11y: accessibility,
        'best pr.': bestPractices,
        seo,
        'LCP ms': lcpMs,
        CLS: cls,
        'TBT ms': tbtMs,
        'not passing': failing.join(' '),
      })),
    );
  }
} finally {
  server.stop();
}
// The feature benchmarks print their own tables; their output is kept with the results.
for (const [flag, script] of [
  ['--search', 'bench:search'],
  ['--tips', 'bench:tips'],
]) {
  if (!process.argv.includes(flag)) continue;
  const run = spawnSync('npm', ['run', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(run.stdout);
  results[script] = { exitCode: run.status, output: run.stdout };
}
await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten: bench/results.json');
