// Builds the Pagefind search bundles of a built site, one per language, one after the other:
//   <out>/zh/  the Chinese pages, read from disk by Pagefind's own program (its command line)
//   <out>/mn/  the Mongolian pages, as custom records with folded search keys (below)
// (<out> is dist/pagefind; src/lib/searchBundle.ts says where each is served.) Only publication
// pages with a data-pagefind-body element are indexed, so untranslated Mongolian fallbacks, lists
// and chrome stay out. One language at a time holds one language's index in memory: at 10,000
// cases per language 30 s and a 2.9 GB peak, against 36 s and 4.3 GB for one Pagefind process
// doing both. Both at once took 22 s but peaked at 4.3 GB again: memory is what stops a large
// build on a small machine, so they run in turn.
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
import { execFile } from 'node:child_process';
import * as pagefind from 'pagefind';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { searchBundlePath } from '../src/lib/searchBundle.ts';
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

/**
 * Adds each Mongolian page as a custom record (its folded keys), a batch at a time, in a pipeline:
 * this process parses the next batch while Pagefind's takes the last one, so the two share both
 * cores (at 10,000 pages about 1 s of 31 sooner than parsing and adding in turn), and no more than
 * two batches are held.
 */
async function addMongolianPages(index, site) {
  const files = await mongolianPageFiles(site);
  let adding = Promise.resolve([]);
  for (let start = 0; start < files.length; start += batchSize) {
    const pages = await Promise.all(files.slice(start, start + batchSize).map((file) => mongolianRecordOf(site, file)));
    throwIfAnyFailed(await adding);
    adding = addRecords(index, pages.filter(Boolean));
  }
  throwIfAnyFailed(await adding);
}

async function mongolianRecordOf(site, file) {
  const facts = readPageFacts(await readFile(file, 'utf8'));
  if (!facts.hasSearchBody || !facts.text) return undefined;
  return { file: path.relative(process.cwd(), file), record: mongolianSearchRecord(pageUrlOf(path.relative(site, file)), facts) };
}

/**
 * Hands a batch to Pagefind and resolves to what it refused: Pagefind answers a bad record with
 * errors, and a refusal is thrown only once the loop awaits it (a rejection while the next batch
 * is parsed would be unobserved).
 */
async function addRecords(index, pages) {
  const responses = await Promise.all(pages.map(({ record }) => index.addCustomRecord(record)));
  return responses.flatMap((response, at) => (response.errors.length > 0 ? [`${pages[at].file} could not be indexed: ${response.errors.join('; ')}`] : []));
}

function throwIfAnyFailed(failures) {
  if (failures.length > 0) throw new Error(`Search index: ${failures.join('\n')}`);
}

/**
 * The Chinese bundle, by Pagefind's command line: a process of its own that reads the pages from
 * disk and ends when the bundle is written, so its memory is free before the Mongolian index starts.
 */
async function indexChinesePages(site, outputPath) {
  const command = fileURLToPath(new URL('./runner/bin.cjs', import.meta.resolve('pagefind')));
  const args = ['--site', site, '--glob', searchablePageGlob('zh'), '--output-path', outputPath, '--silent'];
  try {
    await promisify(execFile)(process.execPath, [command, ...args], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`Search index: the Chinese pages could not be indexed: ${error.stderr?.trim() || error.message}`);
  }
}

/** The Mongolian bundle, by Pagefind's Node interface (custom records need it). */
async function indexMongolianPages(site, outputPath) {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false });
  if (!index) throw new Error(`Search index: Pagefind did not start: ${errors.join('; ')}`);
  await addMongolianPages(index, site);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Search index: writing ${outputPath} failed: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}

/** What a bundle holds, as Pagefind counts it. */
async function pageCounts(bundle) {
  const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8'));
  return Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count]);
}

/**
 * Indexes every searchable page under siteDir and writes one bundle per language under outputPath.
 * @returns {Promise<{ pagesByLanguage: Record<string, number>, seconds: number }>}
 */
export async function buildSearchIndex({ siteDir, outputPath = path.join(siteDir, 'pagefind') }) {
  const started = performance.now();
  const site = path.resolve(siteDir);
  const output = path.resolve(outputPath);
  await rm(output, { recursive: true, force: true });
  // Each bundle in the folder its search page loads it from (/pagefind/zh/, /pagefind/mn/).
  const bundles = { zh: path.join(output, path.basename(searchBundlePath('zh'))), mn: path.join(output, path.basename(searchBundlePath('mn'))) };
  await indexChinesePages(site, bundles.zh);
  await indexMongolianPages(site, bundles.mn);
  const pagesByLanguage = Object.fromEntries([...(await pageCounts(bundles.zh)), ...(await pageCounts(bundles.mn))]);
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
