// Search benchmark (prints figures; not a test): N synthetic publication pages per language,
// indexed by scripts/index-search.mjs, searched on the real /zh/search/ and /mn/search/ pages of
// dist/ in headless Chromium. Reports index time and size, and for a first and a second query the
// bytes transferred (compressed, as a CDN sends them) and the time until the results are shown.
//
//   npm run build && npm run bench:search                  # N = 1,000 and 10,000
//   npm run bench:search -- --pages 2000                   # other sizes, comma-separated
//
// Targets (issue 4): first query ≤ 150 KB transferred and ≤ 300 ms at 10,000 pages.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { chromium } from 'playwright';
import { buildSearchIndex } from '../scripts/index-search.mjs';
import { findChromium, chromiumArgs } from '../tests/support/findChromium.ts';

const distDir = path.resolve('dist');
const repeats = 3;
const sizes = (process.argv.includes('--pages') ? process.argv[process.argv.indexOf('--pages') + 1] : '1000,10000').split(',').map(Number);

/** A small seeded generator, so every run indexes the same pages. */
function randomFrom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// The synthetic text follows Zipf's law over a vocabulary of 3,000 words, as real prose does: a few
// words on nearly every page, most words on few. The query words are real words placed at ranks
// 300 and 1,000: words a reader remembers from one case (a place, a thing), each on a minority of
// the pages.
const vocabularySize = 3000;
const queryRanks = [300, 1000];
const chineseQueries = ['浮桥', '司法救助'];
const mongolianQueries = ['ᠭᠦᠦᠷ', 'ᠰᠠᠷ᠎ᠠ'];
const chineseCommon = [
  '检察机关',
  '公益诉讼',
  '检察建议',
  '生态环境',
  '食品药品',
  '安全',
  '国有财产',
  '未成年人',
  '监护',
  '河道',
  '草原',
  '林地',
  '修复',
  '整改',
  '磋商',
  '线索',
  '群众',
  '企业',
  '欠缴',
  '医疗保险',
  '税务',
  '审计',
  '追缴',
  '国库',
  '农民工',
  '工资',
  '保证金',
  '无障碍',
  '医院',
  '文物',
  '协作机制',
  '开放日',
  '学生',
  '代表',
  '委员',
  '宣传',
  '牧区',
  '双语',
  '法律',
  '监督',
  '办理',
  '案件',
  '部门',
  '责任',
  '落实',
  '保护',
  '科尔沁区',
  '开鲁县',
  '扎鲁特旗',
  '海勃湾区',
];
const chineseCharacters =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研';
const mongolianLetters = { consonants: ['ᠨ', 'ᠪ', 'ᠬ', 'ᠭ', 'ᠮ', 'ᠯ', 'ᠰ', 'ᠲ', 'ᠳ', 'ᠴ', 'ᠵ', 'ᠶ', 'ᠷ', 'ᠸ'], vowels: ['ᠠ', 'ᠡ', 'ᠢ', 'ᠣ', 'ᠤ', 'ᠥ', 'ᠦ'] };
const mongolianSuffixes = ['\u202Fᠤᠨ', '\u202Fᠶᠢᠨ', '\u202Fᠢ', '\u202Fᠳᠤ', '', '', ''];

/** 3,000 words: the domain's common words first, then made-up ones; the query words at their ranks. */
function vocabulary(language) {
  const random = randomFrom(language === 'zh' ? 3 : 5);
  const queries = language === 'zh' ? chineseQueries : mongolianQueries;
  const words = new Set(language === 'zh' ? chineseCommon : []);
  while (words.size < vocabularySize + 10) {
    if (language === 'zh') {
      const pick = () => chineseCharacters[Math.floor(random() * chineseCharacters.length)];
      words.add(pick() + pick());
    } else {
      let word = '';
      for (let syllable = 0; syllable < 2 + Math.floor(random() * 2); syllable += 1) {
        word += mongolianLetters.consonants[Math.floor(random() * mongolianLetters.consonants.length)];
        word += mongolianLetters.vowels[Math.floor(random() * mongolianLetters.vowels.length)];
      }
      words.add(word + mongolianLetters.consonants[Math.floor(random() * 7)]);
    }
  }
  const list = [...words].filter((word) => !queries.includes(word));
  for (const [index, word] of queries.entries()) list.splice(queryRanks[index], 0, word);
  return list.slice(0, vocabularySize);
}

/** Draws word ranks with probability 1/rank. */
function zipfSampler(size, random) {
  const cumulative = [];
  let total = 0;
  for (let rank = 1; rank <= size; rank += 1) cumulative.push((total += 1 / rank));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** A publication page of about 1,000 characters (Chinese) or 240 words (Mongolian). */
function syntheticPage(locale, number, random, words, nextRank) {
  const year = 2020 + (number % 6);
  const date = `${year}-${String(1 + (number % 12)).padStart(2, '0')}-${String(1 + (number % 28)).padStart(2, '0')}`;
  const kind = ['case', 'notice', 'article'][number % 3];
  const word = () => words[nextRank()];
  let title;
  let paragraphs;
  if (locale === 'zh') {
    title = `${word()}${word()}${word()}（第${number}号）`;
    paragraphs = Array.from({ length: 8 }, () => `${Array.from({ length: 30 }, word).join('')}，涉及${Math.floor(random() * 900) + 10}户。`);
  } else {
    const withSuffix = () => word() + mongolianSuffixes[Math.floor(random() * mongolianSuffixes.length)];
    title = `${word()} ${word()} ${number}`;
    paragraphs = Array.from({ length: 8 }, () => `${Array.from({ length: 30 }, withSuffix).join(' ')}᠃`);
  }
  return `<!doctype html><html lang="${locale === 'zh' ? 'zh-CN' : 'mn-Mong'}"><head><meta charset="utf-8"><title>${title}</title></head>
<body><header><nav><a href="/">home</a></nav></header><main><article data-pagefind-body><h1>${title}</h1>
<div hidden><span data-pagefind-filter="kind">${kind}</span><span data-pagefind-filter="year">${year}</span><span data-pagefind-sort="date" data-pagefind-meta="date">${date}</span></div>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</article></main></body></html>`;
}

async function writeSyntheticSite(directory, pagesPerLanguage) {
  for (const locale of ['zh', 'mn']) {
    const random = randomFrom(locale === 'zh' ? 7 : 11);
    const words = vocabulary(locale);
    const nextRank = zipfSampler(words.length, random);
    for (let number = 0; number < pagesPerLanguage; number += 1) {
      const pageDir = path.join(directory, locale, 'cases', `page-${number}`);
      await mkdir(pageDir, { recursive: true });
      await writeFile(path.join(pageDir, 'index.html'), syntheticPage(locale, number, random, words, nextRank));
    }
  }
}

async function directorySize(directory, include = () => true) {
  let bytes = 0;
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && include(entry.name)) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

/** dist/ with the benchmark's index at /pagefind/; text compressed as a CDN would (Pagefind's own files are gzip already). */
function startServer(indexDir, served) {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = pathname.startsWith('/pagefind/')
      ? path.join(indexDir, pathname.slice('/pagefind/'.length))
      : path.join(distDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    let body = await readFile(file);
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'public, max-age=3600' };
    if (type.startsWith('text/') || type === 'application/json') {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    served.bytes += body.length;
    if (process.env.BENCH_VERBOSE) console.error(`${(body.length / 1024).toFixed(1).padStart(7)} KB ${pathname}`);
    if (pathname.startsWith('/pagefind/')) served.pagefindBytes += body.length;
    response.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function waitForResults(page, previousStatus) {
  await page.waitForFunction((previous) => {
    const text = document.querySelector('[data-search-status]')?.textContent ?? '';
    return text !== previous && /\d/.test(text) && document.querySelectorAll('[data-search-results] li').length > 0;
  }, previousStatus);
}

/**
 * A reader on the search page: focuses the box (Pagefind starts loading), types, presses Enter;
 * then a second query. Then a shared link opened in a fresh browser. Bytes as the server sent them.
 */
async function measureQueries(browser, origin, served, locale, [firstQuery, secondQuery]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/${locale}/search/`);
  await page.waitForLoadState('networkidle');
  const box = page.locator('#search-query');
  const status = page.locator('[data-search-status]');
  const measured = {};
  served.bytes = served.pagefindBytes = 0;
  await box.focus();
  await page.waitForLoadState('networkidle');
  for (const [name, query] of [
    ['first', firstQuery],
    ['second', secondQuery],
  ]) {
    if (name === 'second') served.bytes = served.pagefindBytes = 0;
    await box.fill(query);
    const before = await status.textContent();
    const started = performance.now();
    await box.press('Enter');
    await waitForResults(page, before);
    const milliseconds = performance.now() - started;
    await page.waitForLoadState('networkidle');
    measured[name] = { query, kilobytes: served.pagefindBytes / 1024, milliseconds, results: (await status.textContent())?.match(/\d+/)?.[0] };
  }
  await context.close();
  const fresh = await browser.newContext();
  const linkPage = await fresh.newPage();
  served.bytes = served.pagefindBytes = 0;
  const started = performance.now();
  await linkPage.goto(`${origin}/${locale}/search/?q=${encodeURIComponent(firstQuery)}`);
  await waitForResults(linkPage, '');
  measured.link = { milliseconds: performance.now() - started, kilobytes: served.bytes / 1024 };
  await fresh.close();
  return measured;
}

if (!existsSync(path.join(distDir, 'zh/search/index.html'))) {
  console.error('dist/zh/search/ is missing: run `npm run build` first.');
  process.exit(1);
}

const rows = [];
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  for (const pagesPerLanguage of sizes) {
    const siteDir = await mkdtemp(path.join(tmpdir(), `search-bench-${pagesPerLanguage}-`));
    try {
      await writeSyntheticSite(siteDir, pagesPerLanguage);
      const indexDir = path.join(siteDir, 'pagefind');
      const { seconds } = await buildSearchIndex({ siteDir, outputPath: indexDir });
      const totalBytes = await directorySize(indexDir);
      const served = { bytes: 0, pagefindBytes: 0 };
      const server = await startServer(indexDir, served);
      const origin = `http://127.0.0.1:${server.address().port}`;
      try {
        // The Mongolian second query is typed without the MVS the pages have (ᠰᠠᠷᠠ for ᠰᠠᠷ᠎ᠠ).
        for (const [locale, queries] of [
          ['zh', chineseQueries],
          ['mn', [mongolianQueries[0], 'ᠰᠠᠷᠠ']],
        ]) {
          // Each measured three times in fresh browser contexts; the median is shown (the machine
          // this runs on is often shared, and one slow run says little).
          const runs = [];
          for (let run = 0; run < repeats; run += 1) runs.push(await measureQueries(browser, origin, served, locale, queries));
          const median = (pick) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
          const [{ first, second }] = runs;
          first.milliseconds = median((one) => one.first.milliseconds);
          second.milliseconds = median((one) => one.second.milliseconds);
          const link = { milliseconds: median((one) => one.link.milliseconds), kilobytes: runs[0].link.kilobytes };
          rows.push({
            'pages/lang': pagesPerLanguage,
            lang: locale,
            'index s (both langs)': seconds.toFixed(1),
            'index MB (both)': (totalBytes / 2 ** 20).toFixed(1),
            'first query (hits)': `${first.query} (${first.results})`,
            'first KB': first.kilobytes.toFixed(0),
            'first ms': first.milliseconds.toFixed(0),
            'second query (hits)': `${second.query} (${second.results})`,
            'second KB': second.kilobytes.toFixed(0),
            'second ms': second.milliseconds.toFixed(0),
            'shared link ms': link.milliseconds.toFixed(0),
            'shared link KB (whole page)': link.kilobytes.toFixed(0),
          });
        }
      } finally {
        server.close();
      }
    } finally {
      await rm(siteDir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
  await pagefind.close();
}
console.table(rows);
console.log(`Targets: first query ≤ 150 KB and ≤ 300 ms at 10,000 pages.
first/second KB: everything fetched from /pagefind/ for that query (for the first, also Pagefind itself, which starts loading when the box gets focus);
first/second ms: Enter to results on screen (median of ${repeats} runs); shared link: a fresh browser opening /{lang}/search/?q=… until results (page, fonts and Pagefind included).
Files served gzip-compressed where a CDN would (Pagefind's index files are compressed already); index MB is on disk, UI assets included.`);
