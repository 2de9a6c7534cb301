// `npm run translations`: every publication with the state of its Mongolian translation (missing,
// unreviewed, reviewed, outdated). `-- --json` prints the same for machines. Always exits 0 unless
// asked to do something impossible.
// `-- --mark <slug>…` records in each named translation that it matches its original as it is now
// (after a translator has brought it up to date); `-- --mark-untracked` does so for every
// translation that has no record yet (the baseline when tracking starts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markTranslatedFrom } from '../src/lib/publications/translationState.ts';
import { translationReport } from '../src/lib/publications/translationFiles.ts';

const contentDir = process.env.CONTENT_DIR ?? 'src/content';
const beijingDay = (iso) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));

function describe(row) {
  if (row.state === 'missing') return 'missing';
  const notes = [];
  if (row.state === 'outdated') notes.push(`original changed ${beijingDay(row.originalChangedAt)}`);
  if (row.state === 'reviewed') notes.push(`by ${row.reviewedBy}, ${row.reviewedOn}`);
  if (!row.tracked) notes.push('not tracked: run --mark once it matches the original');
  if (row.draft) notes.push('draft');
  return notes.length > 0 ? `${row.state} (${notes.join('; ')})` : row.state;
}

function printTable(rows) {
  const width = Math.max(...rows.map((row) => `${row.kind}/${row.slug}`.length));
  for (const row of rows) console.log(`${`${row.kind}/${row.slug}`.padEnd(width)}  ${describe(row)}`);
  const counts = Object.groupBy(rows, (row) => row.state);
  console.log(`\n${rows.length} publications: ${['missing', 'unreviewed', 'reviewed', 'outdated'].map((state) => `${counts[state]?.length ?? 0} ${state}`).join(', ')}`);
}

function mark(rows, wanted) {
  for (const row of rows.filter(wanted)) {
    if (!row.translation) {
      console.error(`${row.kind}/${row.slug}: there is no Mongolian file to mark (${join(contentDir, row.kind, 'mn', `${row.slug}.mdx`)})`);
      process.exitCode = 1;
      continue;
    }
    writeFileSync(row.translation, markTranslatedFrom(readFileSync(row.translation, 'utf8'), row.currentHash));
    console.log(`${row.translation}: translatedFrom "${row.currentHash}" (matches ${row.original} as it is now)`);
  }
}

const args = process.argv.slice(2);
const rows = await translationReport(contentDir);
if (args.includes('--mark-untracked')) {
  mark(rows, (row) => row.translation && !row.tracked);
} else if (args[0] === '--mark') {
  const names = args.slice(1);
  if (names.length === 0) {
    console.error('Name the publication to mark: npm run translations -- --mark <slug> (or <kind>/<slug>)');
    process.exit(2);
  }
  for (const name of names) {
    const matches = rows.filter((row) => row.slug === name || `${row.kind}/${row.slug}` === name);
    if (matches.length !== 1) {
      console.error(
        matches.length === 0
          ? `${name}: no Chinese original with that file name in ${contentDir}`
          : `${name}: several kinds have it; write ${matches.map((row) => `${row.kind}/${row.slug}`).join(' or ')}`,
      );
      process.exitCode = 1;
      continue;
    }
    mark(matches, () => true);
  }
} else if (args.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  printTable(rows);
}
