// Ours against a minimal Starlight site on the same synthetic content: build time, peak memory,
// output size, the weight of one publication page and of a first search, as ratios us/Starlight.
import { measureOurBuild, measureStarlightBuild } from './buildCost.mjs';
import { serveStatic } from './staticServer.mjs';
import { launchBenchBrowser, measurePage } from './pageWeight.mjs';
import { measureFirstSearch, ourSearch, starlightSearch } from './firstSearch.mjs';

const ratio = (ours, theirs) => (theirs ? Number((ours / theirs).toFixed(2)) : null);
const compressed = ({ totals }) => Object.values(totals).reduce((sum, entry) => sum + entry.gzip, 0);

export async function compareBuildCost(sizes) {
  const rows = [];
  const browser = await launchBenchBrowser();
  try {
    for (const size of sizes) {
      const ours = await measureOurBuild(size);
      const oursServer = await serveStatic(`bench/work/dist-${size}`, 8897);
      const oursPage = await measurePage(browser, `${oursServer.origin}/zh/cases/synthetic-case-1/`);
      const oursFirstSearch = await measureFirstSearch(browser, `${oursServer.origin}/zh/search/`, ourSearch('检察建议')).catch((error) => ({ bytes: NaN, milliseconds: NaN, error: error.message }));
      await oursServer.stop();

      const starlight = await measureStarlightBuild(size);
      const starlightServer = await serveStatic('bench/starlight/dist', 8898);
      const starlightPage = await measurePage(browser, `${starlightServer.origin}/case-1/`);
      const starlightFirstSearch = await measureFirstSearch(browser, `${starlightServer.origin}/case-1/`, starlightSearch('检察建议')).catch((error) => ({ bytes: NaN, milliseconds: NaN, error: error.message }));
      await starlightServer.stop();

      rows.push({
        pagesPerLanguage: size,
        ours: { ...ours, pageGzipBytes: compressed(oursPage), firstSearchBytes: oursFirstSearch.bytes, firstSearchMs: oursFirstSearch.milliseconds },
        starlight: { ...starlight, pageGzipBytes: compressed(starlightPage), firstSearchBytes: starlightFirstSearch.bytes, firstSearchMs: starlightFirstSearch.milliseconds },
      });
      const last = rows.at(-1);
      console.log(`\nBuild cost at ${size} pages per language`);
      console.table({
        'build + index (s)': { ours: Number((last.ours.buildSeconds + (last.ours.searchSeconds || 0)).toFixed(1)), Starlight: last.starlight.buildSeconds, 'us/Starlight': ratio(last.ours.buildSeconds + (last.ours.searchSeconds || 0), last.starlight.buildSeconds) },
        'peak memory (MB)': { ours: Math.max(last.ours.buildPeakMB, last.ours.searchPeakMB || 0), Starlight: last.starlight.buildPeakMB, 'us/Starlight': ratio(Math.max(last.ours.buildPeakMB, last.ours.searchPeakMB || 0), last.starlight.buildPeakMB) },
        'HTML pages': { ours: last.ours.htmlPages, Starlight: last.starlight.htmlPages, 'us/Starlight': ratio(last.ours.htmlPages, last.starlight.htmlPages) },
        'output (MB)': { ours: last.ours.outputMB, Starlight: last.starlight.outputMB, 'us/Starlight': ratio(last.ours.outputMB, last.starlight.outputMB) },
        'one page, gzip (KB)': { ours: Number((last.ours.pageGzipBytes / 1024).toFixed(1)), Starlight: Number((last.starlight.pageGzipBytes / 1024).toFixed(1)), 'us/Starlight': ratio(last.ours.pageGzipBytes, last.starlight.pageGzipBytes) },
        'first search (KB)': { ours: Number((last.ours.firstSearchBytes / 1024).toFixed(1)), Starlight: Number((last.starlight.firstSearchBytes / 1024).toFixed(1)), 'us/Starlight': ratio(last.ours.firstSearchBytes, last.starlight.firstSearchBytes) },
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}
