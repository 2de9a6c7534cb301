// Ours against a minimal Starlight site on the same synthetic content: build time and peak memory,
// phase by phase, output size, the weight of one publication page and of a first search, as
// ratios us/Starlight. Prints one table per size and, at the end, one table of every size.
import { measureOurBuild, measureStarlightBuild } from './buildCost.mjs';
import { serveStatic } from './staticServer.mjs';
import { launchBenchBrowser, measurePage } from './pageWeight.mjs';
import { measureFirstSearch, ourSearch, starlightSearch } from './firstSearch.mjs';
import { loadavg } from 'node:os';

const ratio = (ours, theirs) => (theirs ? Number((ours / theirs).toFixed(2)) : null);
const compressed = ({ totals }) => Object.values(totals).reduce((sum, entry) => sum + entry.gzip, 0);
const oneDecimal = (value) => Number(value.toFixed(1));
const basePort = Number(process.env.BENCH_PORT ?? 8897);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

/** Phase rows: "seconds / peak MB" for each site, in the order the phases ran. */
function phaseRows(ours, starlight) {
  const names = [...new Set([...ours.phases, ...starlight.phases].map((phase) => phase.name))].filter((name) => name !== 'finish');
  const cell = (site, name) => {
    const phase = site.phases.find((entry) => entry.name === name);
    return phase ? `${phase.seconds.toFixed(1)} s (CPU ${phase.cpuSeconds.toFixed(1)}) / ${phase.peakMB} MB` : '–';
  };
  return Object.fromEntries(names.map((name) => [name, { ours: cell(ours, name), Starlight: cell(starlight, name), 'us/Starlight': '' }]));
}

export async function compareBuildCost(sizes) {
  const rows = [];
  const browser = await launchBenchBrowser();
  try {
    for (const size of sizes) {
      const loadBefore = load();
      const ours = await measureOurBuild(size);
      const oursServer = await serveStatic(`bench/work/dist-${size}`, basePort);
      const oursPage = await measurePage(browser, `${oursServer.origin}/zh/cases/synthetic-case-1/`);
      const oursFirstSearch = await measureFirstSearch(browser, `${oursServer.origin}/zh/search/`, ourSearch('检察建议')).catch((error) => ({
        bytes: NaN,
        milliseconds: NaN,
        error: error.message,
      }));
      await oursServer.stop();

      const starlight = await measureStarlightBuild(size);
      const starlightServer = await serveStatic('bench/starlight/dist', basePort + 1);
      const starlightPage = await measurePage(browser, `${starlightServer.origin}/case-1/`);
      const starlightFirstSearch = await measureFirstSearch(browser, `${starlightServer.origin}/case-1/`, starlightSearch('检察建议')).catch((error) => ({
        bytes: NaN,
        milliseconds: NaN,
        error: error.message,
      }));
      await starlightServer.stop();

      const row = {
        pagesPerLanguage: size,
        loadAverage: { before: loadBefore, after: load() },
        ours: { ...ours, pageGzipBytes: compressed(oursPage), firstSearchBytes: oursFirstSearch.bytes, firstSearchMs: oursFirstSearch.milliseconds },
        starlight: { ...starlight, pageGzipBytes: compressed(starlightPage), firstSearchBytes: starlightFirstSearch.bytes, firstSearchMs: starlightFirstSearch.milliseconds },
      };
      rows.push(row);
      console.log(`\nBuild cost at ${size} cases per language (load average before ${row.loadAverage.before}, after ${row.loadAverage.after})`);
      console.table({
        ...phaseRows(row.ours, row.starlight),
        'build + index (s)': { ours: oneDecimal(row.ours.seconds), Starlight: oneDecimal(row.starlight.seconds), 'us/Starlight': ratio(row.ours.seconds, row.starlight.seconds) },
        'CPU, all processes (s)': {
          ours: oneDecimal(row.ours.cpuSeconds),
          Starlight: oneDecimal(row.starlight.cpuSeconds),
          'us/Starlight': ratio(row.ours.cpuSeconds, row.starlight.cpuSeconds),
        },
        'peak memory (MB)': { ours: row.ours.peakMB, Starlight: row.starlight.peakMB, 'us/Starlight': ratio(row.ours.peakMB, row.starlight.peakMB) },
        'HTML pages': { ours: row.ours.htmlPages, Starlight: row.starlight.htmlPages, 'us/Starlight': ratio(row.ours.htmlPages, row.starlight.htmlPages) },
        'output (MB)': { ours: row.ours.outputMB, Starlight: row.starlight.outputMB, 'us/Starlight': ratio(row.ours.outputMB, row.starlight.outputMB) },
        'one page, gzip (KB)': {
          ours: oneDecimal(row.ours.pageGzipBytes / 1024),
          Starlight: oneDecimal(row.starlight.pageGzipBytes / 1024),
          'us/Starlight': ratio(row.ours.pageGzipBytes, row.starlight.pageGzipBytes),
        },
        'first search (KB)': {
          ours: oneDecimal(row.ours.firstSearchBytes / 1024),
          Starlight: oneDecimal(row.starlight.firstSearchBytes / 1024),
          'us/Starlight': ratio(row.ours.firstSearchBytes, row.starlight.firstSearchBytes),
        },
      });
    }
  } finally {
    await browser.close();
  }
  if (rows.length > 1) {
    console.log('\nBuild + index and peak memory by size (ours / Starlight); growth is per tenfold content');
    console.table(
      Object.fromEntries(
        rows.map((row) => [
          row.pagesPerLanguage,
          {
            'ours s': oneDecimal(row.ours.seconds),
            'Starlight s': oneDecimal(row.starlight.seconds),
            'time ratio': ratio(row.ours.seconds, row.starlight.seconds),
            'ours CPU s': oneDecimal(row.ours.cpuSeconds),
            'Starlight CPU s': oneDecimal(row.starlight.cpuSeconds),
            'CPU ratio': ratio(row.ours.cpuSeconds, row.starlight.cpuSeconds),
            'ours MB': row.ours.peakMB,
            'Starlight MB': row.starlight.peakMB,
            'memory ratio': ratio(row.ours.peakMB, row.starlight.peakMB),
            'ours s per 1,000': oneDecimal(row.ours.seconds / (row.pagesPerLanguage / 1000)),
          },
        ]),
      ),
    );
  }
  return rows;
}
