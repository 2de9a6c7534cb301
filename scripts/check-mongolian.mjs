// `npm run check:mongolian`: suffix spacing and harmony, genitive forms, punctuation, terms and
// completeness of every Mongolian text against its Chinese original (src/lib/mongolian/). Prints one
// finding per mistake with file, line, what is written and what to write, and exits 1 if any.
//   node scripts/check-mongolian.mjs            check, exit 1 on findings
//   node scripts/check-mongolian.mjs --warn     print findings as warnings, exit 0 (used by `npm run build`)
//   node scripts/check-mongolian.mjs --root DIR check another checkout (e.g. a translator's worktree)
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkMongolianSources, formatFinding } from '../src/lib/mongolian/checkSite.ts';

const terminologyPath = 'src/data/terminology.json';

async function filesUnder(root, directory, accept) {
  const absolute = path.join(root, directory);
  if (!existsSync(absolute)) return [];
  const entries = await readdir(absolute, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && accept(entry.name)).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

export async function readMongolianSources(root) {
  const paths = [
    ...(await filesUnder(root, 'src/content', (name) => /\.mdx?$/u.test(name))),
    ...(await filesUnder(root, 'src/data', (name) => name.endsWith('.json'))).filter((file) => !file.includes('/', 'src/data/'.length)),
    'src/i18n/mn.json',
    'src/i18n/zh.json',
  ];
  return Promise.all(paths.map(async (file) => ({ path: file, content: await readFile(path.join(root, file), 'utf8') })));
}

async function readTerms(root) {
  const file = path.join(root, terminologyPath);
  if (!existsSync(file)) return { terms: [], note: `${terminologyPath} not found: terms were not checked` };
  const { terms } = JSON.parse(await readFile(file, 'utf8'));
  return { terms, note: `${terms.length} terms from ${terminologyPath}` };
}

const args = process.argv.slice(2);
const warnOnly = args.includes('--warn');
const rootIndex = args.indexOf('--root');
const root = path.resolve(rootIndex >= 0 ? args[rootIndex + 1] : '.');

const [files, { terms, note }] = await Promise.all([readMongolianSources(root), readTerms(root)]);
const findings = checkMongolianSources(files, terms);
const label = warnOnly ? 'warning' : 'error';
for (const finding of findings) console.log(`${label}: ${formatFinding(finding)}`);
const byRule = Object.entries(Object.groupBy(findings, (finding) => finding.rule)).map(([rule, list]) => `${rule} ${list.length}`);
console.log(
  `check:mongolian: ${findings.length} finding(s) in ${new Set(findings.map((finding) => finding.file)).size} file(s)${byRule.length ? ` (${byRule.join(', ')})` : ''}; ${note}. ⍽ marks U+202F.`,
);
if (findings.length > 0 && !warnOnly) process.exitCode = 1;
