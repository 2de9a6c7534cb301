// Builds the Pagefind search index of a built site: one index per language, keyed by each page's
// lang (zh-cn, mn-mong), only pages with a data-pagefind-body element (so untranslated Mongolian
// fallbacks, lists and chrome stay out).
//
//   node scripts/index-search.mjs [--site dist] [--out <site>/pagefind]
//
// Why Mongolian pages are custom records: the index must hold the folded search keys of
// src/lib/mongolianSearchText.ts, and the browser folds the query with the very same file. This
// script imports that TypeScript directly (Node 24, which npm runs for every script, strips the
// types; the file uses only erasable syntax), so there is one implementation, not a JavaScript
// copy to keep in step. Emitting folded text into the page markup instead would put a second,
// hidden copy of every Mongolian page in the HTML and would show folded (misspelt) words in
// Pagefind's excerpts; here the record carries the original text in its meta for our excerpts.
import * as pagefind from 'pagefind';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSearchablePagePath, mongolianSearchRecord, pageUrlOf, readPageFacts, searchablePageGlob } from '../src/lib/searchRecord.ts';

/** Pages sent to Pagefind at once: enough to keep its process busy, few enough to stay small. */
const batchSize = 64;

/** The Mongolian pages the index reads (searchablePageGlob's rule), in path order. */
async function mongolianPageFiles(site) {
  const entries = await readdir(path.join(site, 'mn'), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => isSearchablePagePath(path.relative(site, file)))
    .sort();
}

/** Mongolian pages become custom records (their folded keys); Chinese pages Pagefind reads from disk itself. */
async function mongolianRecords(site) {
  const files = await mongolianPageFiles(site);
  const records = [];
  for (let start = 0; start < files.length; start += batchSize) {
    const batch = await Promise.all(
      files.slice(start, start + batchSize).map(async (file) => {
        const facts = readPageFacts(await readFile(file, 'utf8'));
        return facts.hasSearchBody && facts.text ? { file, record: mongolianSearchRecord(pageUrlOf(path.relative(site, file)), facts) } : undefined;
      }),
    );
    records.push(...batch.filter(Boolean));
  }
  return records;
}

async function addMongolianRecords(index, records) {
  for (let start = 0; start < records.length; start += batchSize) {
    await Promise.all(
      records.slice(start, start + batchSize).map(async ({ file, record }) => {
        const response = await index.addCustomRecord(record);
        if (response.errors.length > 0) throw new Error(`Search index: ${path.relative(process.cwd(), file)} could not be indexed: ${response.errors.join('; ')}`);
      }),
    );
  }
}

/**
 * Indexes every searchable page under siteDir and writes the bundle to outputPath.
 * @returns {Promise<{ pagesByLanguage: Record<string, number>, seconds: number }>}
 */
export async function buildSearchIndex({ siteDir, outputPath = path.join(siteDir, 'pagefind') }) {
  const started = performance.now();
  const site = path.resolve(siteDir);
  const output = path.resolve(outputPath);
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
  if (!index) throw new Error(`Search index: Pagefind did not start: ${errors.join('; ')}`);
  // Pagefind reads the Chinese pages from disk in its own process (sending each page's HTML over
  // its pipe was the index phase's main cost at 10,000 cases), while Node reads the Mongolian ones
  // on the other core. Pagefind keeps only pages with a data-pagefind-body element (untranslated
  // fallbacks have none), as the Mongolian records do.
  const [chinese, mongolian] = await Promise.all([index.addDirectory({ path: site, glob: searchablePageGlob('zh') }), mongolianRecords(site)]);
  if (chinese.errors.length > 0) throw new Error(`Search index: the Chinese pages could not be indexed: ${chinese.errors.join('; ')}`);
  await addMongolianRecords(index, mongolian);
  await rm(output, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`Search index: writing ${output} failed: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  // What the index holds, as Pagefind counts it (addDirectory's count includes the pages it then drops).
  const entry = JSON.parse(await readFile(path.join(output, 'pagefind-entry.json'), 'utf8'));
  const pagesByLanguage = Object.fromEntries(Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count]));
  return { pagesByLanguage, seconds: (performance.now() - started) / 1000 };
}

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const siteDir = option('site', 'dist');
  const outputPath = option('out', path.join(siteDir, 'pagefind'));
  try {
    const { pagesByLanguage, seconds } = await buildSearchIndex({ siteDir, outputPath });
    const counts =
      Object.entries(pagesByLanguage)
        .map(([language, count]) => `${language}: ${count}`)
        .join(', ') || 'no pages with data-pagefind-body yet';
    console.log(`Search index written to ${outputPath} (${counts}) in ${seconds.toFixed(1)} s.`);
  } finally {
    await pagefind.close();
  }
}
