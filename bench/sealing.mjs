// npm run bench:sealing: what sealing costs per tip (src/lib/crypto/tipEnvelope.ts), by number of
// active reviewers: time to seal a typical tip (6 KB of text, two 1 MB files) on the server and to
// open it as staff do, and how much bigger the sealed content gets per reviewer. Prints a table.
import { generateReviewerKey, importKeyFile, importReviewerPublicKey } from '../src/lib/crypto/reviewerKeys.ts';
import { openTipContent, openTipFile, sealTipContent, sealTipFile, startTipSeal } from '../src/lib/crypto/tipEnvelope.ts';

const runs = 40;
const content = JSON.stringify({ description: '河'.repeat(2000), place: '东侧河道', locale: 'zh' });
const files = [new Uint8Array(1_000_000), new Uint8Array(1_000_000)];
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function reviewers(count) {
  const made = await Promise.all(Array.from({ length: count }, (_, index) => generateReviewerKey(`r${index}`, 'bench passphrase only', 1000)));
  return {
    publicKeys: await Promise.all(made.map((one) => importReviewerPublicKey(one.file.name, one.publicKey))),
    lastKey: await importKeyFile(JSON.stringify(made.at(-1).file), 'bench passphrase only'),
  };
}

const rows = [];
for (const count of [1, 3, 10]) {
  const { publicKeys, lastKey } = await reviewers(count);
  const sealTimes = [];
  const contentOnly = [];
  const openTimes = [];
  let sealedContent = '';
  // The first runs warm up the JIT and WebCrypto; only the later ones are counted.
  for (let run = -10; run < runs; run += 1) {
    const tipId = crypto.randomUUID();
    let started = performance.now();
    const seal = await startTipSeal(tipId, publicKeys);
    sealedContent = await sealTipContent(seal, content);
    if (run >= 0) contentOnly.push(performance.now() - started);
    const sealedFiles = await Promise.all(files.map((bytes, index) => sealTipFile(seal, index, bytes)));
    if (run >= 0) sealTimes.push(performance.now() - started);
    started = performance.now();
    // The staff side: the last reviewer's wrap is the one found last.
    const opened = await openTipContent([lastKey], tipId, sealedContent);
    for (const [index, sealed] of sealedFiles.entries()) await openTipFile([lastKey], opened, tipId, index, sealed);
    if (run >= 0) openTimes.push(performance.now() - started);
  }
  rows.push({
    reviewers: count,
    'seal tip + 2 MB files (ms)': median(sealTimes).toFixed(2),
    'seal text only (ms)': median(contentOnly).toFixed(2),
    'open tip + files (ms)': median(openTimes).toFixed(2),
    'sealed text (chars)': sealedContent.length,
    'over plaintext (chars)': sealedContent.length - new TextEncoder().encode(content).length,
  });
}
console.log(`Plaintext content ${new TextEncoder().encode(content).length} bytes; medians of ${runs} runs.`);
console.table(rows);
const perReviewer = (rows[2]['sealed text (chars)'] - rows[0]['sealed text (chars)']) / 9;
console.log(
  `Each reviewer adds ${perReviewer.toFixed(0)} characters to the content column (88 bytes: key id 8, HPKE enc 32, wrapped key 48); files add 29 bytes each whatever the number of reviewers.`,
);
