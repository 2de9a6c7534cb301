// node bench/conversation.mjs (Node 24 via `npx node`): what the conversation's crypto costs
// (src/lib/conversation/): deriving the tipster's keys from a code (also the cost of one guess for
// someone who has the database), sealing a message for both sides with 3 reviewers, opening the
// tipster's copy, and a session token issued and checked. Medians over 200 runs; prints a table.
import { generateReviewerKey, importReviewerPublicKey } from '../src/lib/crypto/reviewerKeys.ts';
import { generateReceiptCode } from '../src/lib/tips/receiptCode.ts';
import { tipsterKeysFromCode, tipsterPublicKeyForCode } from '../src/lib/conversation/tipsterKeys.ts';
import { openWithTipsterKeys } from '../src/lib/conversation/forTipster.ts';
import { sealMessage } from '../src/lib/conversation/sealMessage.ts';
import { issueTipsterSession, verifyTipsterSession } from '../src/lib/conversation/tipsterSession.ts';

const runs = 200;
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const made = await Promise.all(['a', 'b', 'c'].map((name) => generateReviewerKey(name, 'bench passphrase only', 1000)));
const reviewers = await Promise.all(made.map((one) => importReviewerPublicKey(one.file.name, one.publicKey)));
const secret = 'bench-session-secret-of-at-least-32-characters';
const text = '请问排放口的具体位置？'.repeat(50);

const timed = async (step) => {
  const times = [];
  for (let run = -20; run < runs; run += 1) {
    const started = performance.now();
    await step();
    if (run >= 0) times.push(performance.now() - started);
  }
  return median(times);
};

const code = generateReceiptCode();
const publicKey = await tipsterPublicKeyForCode(code);
const keys = await tipsterKeysFromCode(code);
const tipId = crypto.randomUUID();
const sealed = await sealMessage({ reviewers, tipsterPublicKey: publicKey, tipId, position: 0, author: 'staff', text, sentAt: new Date() });
const token = await issueTipsterSession(secret, tipId, keys, new Date());

const rows = [
  ['derive keys from a code (= one offline guess)', await timed(() => tipsterPublicKeyForCode(generateReceiptCode()))],
  [
    'seal a 1.5 KB message for both sides, 3 reviewers',
    await timed(() => sealMessage({ reviewers, tipsterPublicKey: publicKey, tipId, position: 0, author: 'staff', text, sentAt: new Date() })),
  ],
  ["open the tipster's copy (keys at hand)", await timed(() => openWithTipsterKeys(keys, tipId, 0, sealed.forTipster))],
  ['issue a session token', await timed(() => issueTipsterSession(secret, tipId, keys, new Date()))],
  ['verify a session token (and rebuild the keys)', await timed(() => verifyTipsterSession(secret, token, new Date(), tipId))],
];
console.log('| step | median ms |\n|---|---|');
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(3)} |`);
const guessMs = rows[0][1];
const years = (2 ** 97 * (guessMs / 1000)) / (365.25 * 86400);
console.log(`\nOne core tries ${Math.round(1000 / guessMs)} codes per second; half the 2^98 codes would take ${years.toExponential(1)} core-years.`);
console.log(`Sizes: tipster copy ${sealed.forTipster.length} chars, reviewers' copy ${sealed.forReviewers.length} chars, session token ${token.length} chars.`);
