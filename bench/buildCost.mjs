// How build cost grows with content, for our site and, side by side on the same synthetic pages,
// for a minimal Starlight site: wall time, peak memory and output size of the build and of the
// search index. Used by bench/run.mjs (`npm run bench -- --build-cost 1000,5000,10000`).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { writeSyntheticContent, writeStarlightContent } from './syntheticContent.mjs';
import { phasesOf, runMeasured, wholeRunAs } from './buildPhases.mjs';

const run = promisify(execFile);

async function directorySizeMB(directory) {
  const { stdout } = await run('du', ['-sb', directory]);
  return Math.round((Number(stdout.split('\t')[0]) / 1024 / 1024) * 10) / 10;
}

async function countHtml(directory) {
  const { stdout } = await run('sh', ['-c', `find ${directory} -name '*.html' | wc -l`]);
  return Number(stdout.trim());
}

/**
 * Both sites build cold, as on a fresh clone in CI: no earlier output to delete (that alone took
 * seconds at a few thousand pages) and no content cache from an earlier size.
 */
async function coldStart(outDirectory, astroCacheDirectory) {
  await rm(outDirectory, { recursive: true, force: true });
  await rm(astroCacheDirectory, { recursive: true, force: true });
}

export async function measureOurBuild(pagesPerLanguage) {
  const contentDirectory = `bench/work/content-${pagesPerLanguage}`;
  const outDirectory = `bench/work/dist-${pagesPerLanguage}`;
  await writeSyntheticContent(contentDirectory, pagesPerLanguage);
  await coldStart(outDirectory, 'node_modules/.astro');
  // The astro of this project on this process's Node (24), as `npm run build` runs it.
  const build = await runMeasured(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDirectory], { CONTENT_DIR: `./${contentDirectory}` });
  const search = await runMeasured(process.execPath, ['scripts/index-search.mjs', '--site', outDirectory]);
  return {
    site: 'ours',
    pagesPerLanguage,
    htmlPages: await countHtml(outDirectory),
    seconds: build.seconds + search.seconds,
    cpuSeconds: build.cpuSeconds + search.cpuSeconds,
    peakMB: Math.max(build.peakMB, search.peakMB),
    phases: [...phasesOf(build), ...phasesOf(search, wholeRunAs('search index'))],
    outputMB: await directorySizeMB(outDirectory),
  };
}

/** The Starlight site is a project of its own (bench/starlight/package.json), installed on first use. */
async function installStarlight() {
  if (existsSync('bench/starlight/node_modules/astro/package.json')) return;
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefix', 'bench/starlight'], { maxBuffer: 64 * 1024 * 1024 });
}

export async function measureStarlightBuild(pagesPerLanguage) {
  await installStarlight();
  await writeStarlightContent('bench/starlight/src/content/docs', pagesPerLanguage);
  await coldStart('bench/starlight/dist', 'bench/starlight/node_modules/.astro');
  // Starlight runs Pagefind inside its build, so its build time includes its search index. Its
  // astro runs on this process's Node (24), not the system's.
  const build = await runMeasured(process.execPath, ['bench/starlight/node_modules/astro/bin/astro.mjs', 'build', '--root', 'bench/starlight']);
  return {
    site: 'Starlight',
    pagesPerLanguage,
    htmlPages: await countHtml('bench/starlight/dist'),
    seconds: build.seconds,
    cpuSeconds: build.cpuSeconds,
    peakMB: build.peakMB,
    phases: phasesOf(build),
    outputMB: await directorySizeMB('bench/starlight/dist'),
  };
}
