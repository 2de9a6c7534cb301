// `npm run test:crash` (needs DATABASE_URL: a PostgreSQL server; .ci/run starts one): loads the
// self-hosted server with tips (a third of them with a file), then
//   1. kill -9 in the middle of it: after a restart every tip that got a 2xx answer is in the
//      database, each exactly once, with all its attachment rows and whole files; no tip row lacks
//      its submission record; resending what got no answer (same idempotency key) stores no double;
//   2. SIGTERM in the middle of it: every request the server had accepted is answered and stored;
//      nothing is cut off (new connections are refused, which a client or load balancer retries).
//   3. kill -9 while tipsters answer in their conversations (each reply with a file): every reply
//      answered 303 is stored, positions have no gaps, every message has all its file rows and files.
// Works in a schema of its own, dropped at the end. Ports 8812 (and nothing else).
import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PDFDocument } from 'pdf-lib';
// Node 24 strips the types, so the site's own sealing code opens what the server sealed.
import { generateReviewerKey, importKeyFile } from '../src/lib/crypto/reviewerKeys.ts';
import { openTipContent } from '../src/lib/crypto/tipEnvelope.ts';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set: the crash test needs a PostgreSQL server (e.g. postgres://tips@127.0.0.1:5432/tips).');
  process.exit(1);
}
const port = Number(process.env.CRASH_TEST_PORT ?? 8812);
const base = `http://127.0.0.1:${port}`;
const concurrency = 20;
if (!existsSync('dist/zh/tip/index.html')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
execFileSync('npm', ['run', 'build:node', '--silent'], { stdio: 'inherit' });

// Tips are sealed before storage: a key pair for this run only, the public half for the server.
const sealingKeys = await generateReviewerKey('crash test', 'crash-test passphrase', 1000);
const openingKey = await importKeyFile(JSON.stringify(sealingKeys.file), 'crash-test passphrase');
const openedContents = new Map();
/** A row's content as staff would read it (opened once per tip id). */
async function openedContent(row) {
  if (!openedContents.has(row.id)) openedContents.set(row.id, (await openTipContent([openingKey], row.id, row.content)).text);
  return openedContents.get(row.id);
}

const schema = `crash_test_${randomBytes(4).toString('hex')}`;
const schemaUrl = new URL(databaseUrl);
schemaUrl.searchParams.set('options', `-c search_path=${schema}`);
const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const db = new pg.Pool({ connectionString: schemaUrl.toString(), max: 2 });
const uploadDir = mkdtempSync(join(tmpdir(), 'crash-test-uploads-'));
const serverEnv = {
  ...process.env,
  DATABASE_URL: schemaUrl.toString(),
  UPLOAD_DIR: uploadDir,
  PORT: String(port),
  HOST: '127.0.0.1',
  RATE_LIMIT_MAX: '100000000',
  STATUS_MINIMUM_MS: '0',
  TIP_REVIEWER_KEYS: JSON.stringify([{ name: 'crash test', publicKey: sealingKeys.publicKey }]),
  POW_HMAC_KEY: 'crash-test-pow-key-not-a-secret',
  TIPSTER_SESSION_SECRET: 'crash-test-tipster-session-secret-not-a-secret',
};
execFileSync('node', ['dist-node/migrate.mjs'], { env: serverEnv, stdio: 'ignore' });

let server;
function startServer() {
  server = spawn('node', ['dist-node/server.mjs'], { env: serverEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  return waitUntilHealthy();
}
async function waitUntilHealthy() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not become healthy');
}
const exited = () => new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve() : server.once('exit', resolve)));

/** A real PDF (the server re-writes each PDF without its metadata and refuses what it cannot parse). */
async function pdfBytes(tag) {
  const document = await PDFDocument.create();
  const page = document.addPage();
  page.drawText(`crash test evidence ${tag}`, { x: 50, y: 700, size: 12 });
  page.drawText('x'.repeat(2_000), { x: 50, y: 680, size: 4, maxWidth: 500, lineHeight: 5 });
  return document.save();
}
function makeTip(index) {
  const tag = `CRASH${randomUUID().slice(0, 12)}`;
  return { tag, key: `crash-${randomUUID()}`, withFile: index % 3 === 0 };
}
async function send(tip) {
  const fields = {
    category: 'ecology',
    description: `${tag(tip)} 崩溃测试线索：河道里有工业废水直接排放，已经持续一个月。`,
    place: '科尔沁区某嘎查东侧河道',
    region: 'horqin',
    identity: 'anonymous',
    consent: 'yes',
  };
  const headers = { 'Idempotency-Key': tip.key, Accept: 'application/json' };
  let body;
  if (tip.withFile) {
    body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    // A client resends the bytes it sent: a PDF made anew would carry a new creation time, so a
    // different digest, and would rightly be taken as a different tip.
    tip.pdf ??= await pdfBytes(tip.tag);
    body.append('files', new File([tip.pdf], 'evidence.pdf', { type: 'application/pdf' }));
  } else {
    body = JSON.stringify(fields);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${base}/api/tips?lang=zh`, { method: 'POST', headers, body });
  if (response.headers.get('content-type')?.includes('json')) tip.receiptCode = (await response.json()).receiptCode;
  else await response.arrayBuffer();
  return response.status;
}
const tag = (tip) => tip.tag;

/** Sends tips from `concurrency` workers until stop() is called; records each outcome. */
function load() {
  const outcomes = [];
  let stopped = false;
  let index = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    while (!stopped) {
      const tip = makeTip(index++);
      try {
        tip.status = await send(tip);
      } catch (error) {
        tip.status = 0;
        tip.error = error.cause?.code ?? error.message;
        tip.failedAt = Date.now();
        // A closed port answers at once; don't spin.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      outcomes.push(tip);
    }
  });
  return {
    outcomes,
    stop: async () => {
      stopped = true;
      await Promise.all(workers);
    },
  };
}

/** A tipster signed in to the status page with their receipt code: the session cookie and the form's CSRF token. */
async function signedInTipster(index) {
  const tip = makeTip(index);
  tip.withFile = false;
  if ((await send(tip)) !== 201) throw new Error(`the conversation phase could not submit tip ${tip.tag}`);
  return tip;
}

/** Signs in with the code and returns what a browser would carry to the reply form. */
async function conversationSession(receiptCode) {
  const answer = await fetch(`${base}/api/tips/status?lang=zh`, { method: 'POST', body: new URLSearchParams({ code: receiptCode }), redirect: 'manual' });
  const page = await answer.text();
  const cookie = answer.headers.get('set-cookie')?.split(';')[0];
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!cookie || !csrf) throw new Error(`signing in with a receipt code gave no session (${answer.status})`);
  return { cookie, csrf };
}

/** One reply with a file, as the status page's form sends it; the status code, or 0 with the error. */
async function sendReply(conversation, index) {
  const body = new FormData();
  body.set('csrf', conversation.session.csrf);
  body.set('text', `崩溃测试回复 ${index}：排污口在第二座桥下。`);
  body.set('metadata', 'remove');
  body.append('files', new File([await pdfBytes(`reply-${index}`)], 'reply.pdf', { type: 'application/pdf' }));
  const response = await fetch(`${base}/api/tips/status/reply?lang=zh`, { method: 'POST', body, headers: { Cookie: conversation.session.cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
}

/** The conversation rows as a restart finds them: positions without gaps, every message's files whole on disk. */
async function checkConversations(conversations) {
  let messages = 0;
  for (const conversation of conversations) {
    const rows = (await db.query('SELECT position, file_count FROM tip_messages WHERE tip_id = $1 ORDER BY position', [conversation.tipId])).rows;
    messages += rows.length;
    rows.forEach((row, position) => {
      if (Number(row.position) !== position) problems.push(`tip ${conversation.tipId}: message position ${row.position} where ${position} was next`);
    });
    if (rows.length < conversation.answered) problems.push(`tip ${conversation.tipId}: ${conversation.answered} replies answered 303 but ${rows.length} stored`);
    if (rows.length > conversation.sent) problems.push(`tip ${conversation.tipId}: ${rows.length} messages stored from ${conversation.sent} sent`);
    const files = (await db.query('SELECT message_position, object_key, sha256, byte_length FROM tip_message_files WHERE tip_id = $1', [conversation.tipId])).rows;
    for (const row of rows) {
      const own = files.filter((file) => Number(file.message_position) === Number(row.position));
      if (own.length !== Number(row.file_count)) problems.push(`tip ${conversation.tipId} message ${row.position}: ${own.length} file rows for file_count ${row.file_count}`);
    }
    for (const file of files) {
      const path = join(uploadDir, file.object_key);
      const bytes = existsSync(path) ? readFileSync(path) : undefined;
      if (!bytes || bytes.byteLength !== Number(file.byte_length) || createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
        problems.push(`message file ${file.object_key} is missing or not the file that was sent`);
      }
    }
  }
  return messages;
}
const ok = (tip) => tip.status >= 200 && tip.status < 300;
const waitFor = async (condition) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

async function rowsFor(tips) {
  const found = new Map();
  const { rows } = await db.query(
    `SELECT t.id, t.content, (SELECT count(*) FROM tip_submissions s WHERE s.tip_id = t.id)::int AS submissions
     FROM tips t`,
  );
  for (const row of rows) {
    if (!row.content.startsWith('sealed2:')) problems.push(`tip ${row.id} was stored unsealed`);
    const match = /CRASH[0-9a-f-]{12}/.exec(await openedContent(row))?.[0];
    if (match) found.set(match, [...(found.get(match) ?? []), row]);
  }
  return tips.map((tip) => ({ tip, rows: found.get(tip.tag) ?? [] }));
}

const problems = [];
async function checkWhole() {
  const { rows } = await db.query(`SELECT t.id, t.content,
      (SELECT count(*) FROM tip_submissions s WHERE s.tip_id = t.id)::int AS submissions
    FROM tips t`);
  for (const row of rows) if (row.submissions !== 1) problems.push(`tip ${row.id} has ${row.submissions} submission records`);
  // The rows describe the sealed files, so the files on disk must be exactly those bytes.
  const attachments = (await db.query('SELECT a.object_key, a.sha256, a.byte_length FROM tip_attachments a')).rows;
  for (const attachment of attachments) {
    const file = join(uploadDir, attachment.object_key);
    if (!existsSync(file)) {
      problems.push(`attachment ${attachment.object_key} has a row but no file`);
      continue;
    }
    const bytes = readFileSync(file);
    if (bytes.byteLength !== attachment.byte_length || createHash('sha256').update(bytes).digest('hex') !== attachment.sha256) {
      problems.push(`attachment ${attachment.object_key} is not the file that was sent`);
    }
  }
  return { tips: rows.length, attachments: attachments.length };
}

try {
  // 1. kill -9 during a load of tips.
  await startServer();
  let run = load();
  await waitFor(() => run.outcomes.filter(ok).length >= 300);
  server.kill('SIGKILL');
  await exited();
  await run.stop();
  const killed = run.outcomes;
  const answered = killed.filter(ok);
  await startServer();
  for (const { tip, rows } of await rowsFor(answered)) {
    if (rows.length !== 1) problems.push(`tip ${tip.tag} got ${tip.status} but has ${rows.length} rows`);
  }
  for (const { tip, rows } of await rowsFor(killed.filter((tip) => tip.withFile && ok(tip)))) {
    const count = Number((await db.query('SELECT count(*) AS n FROM tip_attachments WHERE tip_id = $1', [rows[0]?.id])).rows[0].n);
    if (count !== 1) problems.push(`tip ${tip.tag} was sent with a file but has ${count} attachment rows`);
  }
  const unanswered = killed.filter((tip) => !ok(tip));
  const committedUnanswered = (await rowsFor(unanswered)).filter(({ rows }) => rows.length > 0).length;
  // Resending what got no answer, as a client does: each becomes exactly one tip.
  for (const tip of unanswered) {
    tip.retryStatus = await send(tip);
    if (tip.retryStatus < 200 || tip.retryStatus >= 300) problems.push(`resending ${tip.tag} answered ${tip.retryStatus}`);
  }
  for (const { tip, rows } of await rowsFor(unanswered)) if (rows.length !== 1) problems.push(`resent tip ${tip.tag} has ${rows.length} rows`);
  const whole = await checkWhole();
  const filesOnDisk = existsSync(join(uploadDir, 'tips')) ? readdirSync(join(uploadDir, 'tips')).filter((name) => !name.startsWith('.')).length : 0;
  if (whole.attachments === 0) problems.push('no tip with a file was stored: the load tested no attachments');
  console.log(`kill -9 under load (${concurrency} at a time): ${killed.length} sent, ${answered.length} answered 2xx, all ${answered.length} stored once;`);
  console.log(
    `  ${unanswered.length} got no answer (${committedUnanswered} of them had been committed); resent with their keys: ${unanswered.filter((tip) => tip.retryStatus < 300).length} answered 2xx, no doubles`,
  );
  console.log(
    `  database: ${whole.tips} tips, ${whole.attachments} attachment rows, every one with its submission record and its whole file; ${filesOnDisk - whole.attachments} orphan file(s) on disk from writes the crash cut off before their rows`,
  );

  // 2. SIGTERM during a load of tips.
  run = load();
  const before = run.outcomes.length;
  await waitFor(() => run.outcomes.filter(ok).length >= before + 200);
  server.kill('SIGTERM');
  const signalledAt = Date.now();
  const started = performance.now();
  await exited();
  const drainMs = performance.now() - started;
  const exitCode = server.exitCode;
  await run.stop();
  const termed = run.outcomes.slice(before);
  for (const tip of termed.filter((one) => one.status !== 0 && !ok(one))) problems.push(`during SIGTERM a tip was answered ${tip.status}`);
  await startServer();
  const termAnswered = termed.filter(ok);
  for (const { tip, rows } of await rowsFor(termAnswered)) if (rows.length !== 1) problems.push(`tip ${tip.tag} got ${tip.status} before SIGTERM but has ${rows.length} rows`);
  // A request the server had started on is answered: none without an answer may have been stored.
  // (Connections still in the kernel's queue when the port closes are reset, never read: resent, they are taken.)
  const termUnanswered = termed.filter((tip) => !ok(tip));
  for (const { tip, rows } of await rowsFor(termUnanswered)) {
    if (rows.length > 0) problems.push(`SIGTERM cut off the answer to stored tip ${tip.tag} (${tip.error}, ${tip.failedAt - signalledAt} ms after the signal)`);
  }
  const resets = termUnanswered.filter((tip) => tip.error !== 'ECONNREFUSED');
  for (const tip of resets) {
    tip.retryStatus = await send(tip);
    if (!ok({ status: tip.retryStatus })) problems.push(`resending ${tip.tag} answered ${tip.retryStatus}`);
  }
  for (const { tip, rows } of await rowsFor(resets))
    if (rows.length !== 1) problems.push(`resent tip ${tip.tag} (${tip.withFile ? 'with' : 'without'} a file, ${tip.error}) has ${rows.length} rows`);
  console.log(`SIGTERM under load: ${termed.length} sent, ${termAnswered.length} answered 2xx, all stored once; no request the server had read went unanswered;`);
  console.log(
    `  ${termUnanswered.length - resets.length} refused at connect after the port closed and ${resets.length} reset in the kernel's queue as it closed (none read, none stored; resent, each became one tip);`,
  );
  console.log(`  the process exited ${drainMs.toFixed(0)} ms after the signal (2 s of draining), code ${exitCode}`);
  if (exitCode !== 0) problems.push(`the server exited with ${exitCode} after SIGTERM`);
  await checkWhole();

  // 3. kill -9 while tipsters answer in their conversations, each answer with a file.
  const conversations = [];
  for (let index = 0; index < concurrency; index += 1) {
    const tip = await signedInTipster(1_000_000 + index);
    const [{ id: tipId }] = (await rowsFor([tip]))[0].rows;
    conversations.push({ tipId, session: await conversationSession(tip.receiptCode), sent: 0, answered: 0 });
  }
  let replies = 0;
  let stopReplies = false;
  const replying = conversations.map(async (conversation) => {
    // Under the 20 replies a tipster may send a day.
    while (!stopReplies && conversation.sent < 15) {
      conversation.sent += 1;
      const status = await sendReply(conversation, replies++).catch(() => 0);
      if (status === 303) conversation.answered += 1;
      else if (status !== 0) problems.push(`a reply was answered ${status}`);
    }
  });
  await waitFor(() => conversations.reduce((sum, one) => sum + one.answered, 0) >= 100 || conversations.every((one) => one.sent >= 15));
  server.kill('SIGKILL');
  await exited();
  stopReplies = true;
  await Promise.all(replying);
  await startServer();
  const answeredReplies = conversations.reduce((sum, one) => sum + one.answered, 0);
  const storedReplies = await checkConversations(conversations);
  if (answeredReplies === 0) problems.push('no reply was answered before the kill: the conversation phase tested nothing');
  console.log(`kill -9 during conversation replies with files: ${replies} sent, ${answeredReplies} answered 303, ${storedReplies} stored;`);
  console.log('  every answered reply is stored, positions run without gaps, and every message has all its file rows and whole files');
} finally {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    await exited();
  }
  await db.end();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
  rmSync(uploadDir, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${[...problems].slice(0, 30).join('\n')}`);
  process.exit(1);
}
console.log('\ncrash test: no tip lost, none half-written, none doubled');
