// `npm run bench:tips`: valid tips against `wrangler pages dev` (workerd, local D1/R2) at two
// concurrencies; prints requests/s, p50/p99 and stored rows against 2xx answers. Uses its own
// state directory (wiped each run) so it never touches the dev or test database. Bounded: each
// phase stops after BENCH_PHASE_SECONDS (default 120) even if not all requests were sent.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { generateSealingKeyPair } from '../src/lib/crypto/sealedBox.ts';

const port = Number(process.env.BENCH_PORT ?? 8790);
const total = Number(process.env.BENCH_TIPS ?? 2000);
const phaseSeconds = Number(process.env.BENCH_PHASE_SECONDS ?? 120);
const persist = '.wrangler/bench-state';
const base = `http://127.0.0.1:${port}`;

if (!existsSync('dist/zh/tip/index.html')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
rmSync(persist, { recursive: true, force: true });
// Tips are sealed before storage (the cost is part of what is measured); a throwaway key pair.
const { publicKey } = await generateSealingKeyPair();
execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'TIPS_DB', '--local', '--persist-to', persist], { stdio: 'ignore' });

const server = spawn(
  'npx',
  [
    'wrangler', 'pages', 'dev', 'dist', '--port', String(port), '--inspector-port', String(port + 1000), '--ip', '127.0.0.1',
    '--persist-to', persist, '--show-interactive-dev-session=false',
    '--binding', 'RATE_LIMIT_SALT=bench-only-salt-not-a-secret', '--binding', 'RATE_LIMIT_MAX=100000000', '--binding', 'TIPS_TEST_HOOKS=0',
    '--binding', `TIP_SEALING_PUBLIC_KEY=${publicKey}`, '--binding', 'POW_HMAC_KEY=bench-only-pow-key-not-a-secret',
  ],
  { stdio: ['ignore', 'ignore', 'inherit'], detached: true },
);
const stopServer = () => {
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
};
process.on('exit', stopServer);

async function waitForServer() {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${base}/zh/tip/`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`wrangler pages dev did not start on ${base}`);
}

function tipBody(index) {
  return JSON.stringify({
    category: 'ecology',
    description: `基准测试线索 ${index} ${randomUUID()}：河道里有工业废水直接排放，已经持续一个月。`,
    place: '科尔沁区某嘎查东侧河道',
    region: 'horqin',
    identity: 'anonymous',
    consent: 'yes',
    idempotencyKey: randomUUID(),
  });
}

/** Sends `count` requests, `concurrency` at a time; returns each latency (ms) and status. */
async function run(name, count, concurrency, makeRequest) {
  const latencies = [];
  const statuses = new Map();
  let next = 0;
  const deadline = Date.now() + phaseSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && Date.now() < deadline) {
        const index = next++;
        const sent = performance.now();
        let status = 0;
        try {
          const response = await makeRequest(index);
          await response.arrayBuffer();
          status = response.status;
        } catch { status = 0; }
        latencies.push(performance.now() - sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  const ok = [...statuses].filter(([status]) => status >= 200 && status < 300).reduce((sum, [, n]) => sum + n, 0);
  return { name, concurrency, sent: latencies.length, seconds, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), ok, statuses: Object.fromEntries(statuses) };
}

function storedTips() {
  const out = execFileSync('npx', ['wrangler', 'd1', 'execute', 'TIPS_DB', '--local', '--persist-to', persist, '--json', '--command', 'SELECT count(*) AS n FROM tips'], { encoding: 'utf8' });
  return JSON.parse(out)[0].results[0].n;
}

const format = (result, extra = '') =>
  `${result.name.padEnd(34)} c=${String(result.concurrency).padStart(3)}  n=${String(result.sent).padStart(5)}  ` +
  `${result.rps.toFixed(0).padStart(5)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  ` +
  `2xx ${result.ok}  statuses ${JSON.stringify(result.statuses)}${extra}`;

try {
  await waitForServer();
  const post = (index) => fetch(`${base}/api/tips?lang=zh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: tipBody(index) });
  await run('warm-up', 50, 5, post);
  let before = storedTips();
  console.log(`tips benchmark against wrangler pages dev (workerd, local D1), ${total} tips per phase\n`);
  for (const concurrency of [20, 100]) {
    const result = await run('POST /api/tips (valid JSON tip)', total, concurrency, post);
    const after = storedTips();
    const stored = after - before;
    before = after;
    console.log(format(result, `  stored rows ${stored} ${stored === result.ok ? '= 2xx' : '≠ 2xx (MISMATCH)'}`));
    if (stored !== result.ok) process.exitCode = 1;
  }
  console.log('\nwhere the time goes (same server, no database):');
  console.log(format(await run('GET /zh/tip/ (static asset)', total, 20, () => fetch(`${base}/zh/tip/`))));
  console.log(format(await run('GET /api/tips/received (function)', total, 20, () => fetch(`${base}/api/tips/received?lang=zh`))));
} finally {
  stopServer();
}
