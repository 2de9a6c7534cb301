// `npm run bench:tips [-- --target cloudflare|node]`: valid tips at two concurrencies; prints
// requests/s, p50/p99 and stored rows against 2xx answers.
//   cloudflare (default): `wrangler pages dev` (workerd, local D1/R2) with its own state directory
//     (wiped each run), so it never touches the dev or test database.
//   node: the self-hosted server (dist-node/server.mjs) on the PostgreSQL at DATABASE_URL, in a
//     schema of its own (dropped afterwards); first one process, then two processes on one database
//     with requests alternating between them, as a round-robin load balancer sends them.
// Bounded: each phase stops after BENCH_PHASE_SECONDS (default 120) even if not all requests were sent.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReviewerKey } from '../src/lib/crypto/reviewerKeys.ts';

const targetFlag = process.argv.indexOf('--target');
const target = targetFlag > 0 ? process.argv[targetFlag + 1] : 'cloudflare';
if (!['cloudflare', 'node'].includes(target)) {
  console.error(`--target must be cloudflare or node, not ${target}`);
  process.exit(1);
}
const port = Number(process.env.BENCH_PORT ?? (target === 'node' ? 8814 : 8790));
const total = Number(process.env.BENCH_TIPS ?? 2000);
const phaseSeconds = Number(process.env.BENCH_PHASE_SECONDS ?? 120);

if (!existsSync('dist/zh/tip/index.html')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

// Tips are sealed before storage (the cost is part of what is measured): a throwaway key pair.
const { publicKey: sealingPublicKey } = await generateReviewerKey('bench', 'bench-only passphrase', 1000);

const children = [];
const stopChildren = () => {
  for (const child of children) {
    try {
      process.kill(child.detached ? -child.pid : child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
};
process.on('exit', stopChildren);

async function waitForServer(base) {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${base}/zh/tip/`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no server answered on ${base}`);
}

/** wrangler pages dev with a throw-away local D1. */
async function cloudflareTarget() {
  const persist = '.wrangler/bench-state';
  rmSync(persist, { recursive: true, force: true });
  execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'TIPS_DB', '--local', '--persist-to', persist], { stdio: 'ignore' });
  const server = spawn(
    'npx',
    [
      'wrangler',
      'pages',
      'dev',
      'dist',
      '--port',
      String(port),
      '--inspector-port',
      String(port + 1000),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      persist,
      '--show-interactive-dev-session=false',
      '--binding',
      '--binding',
      'RATE_LIMIT_MAX=100000000',
      '--binding',
      'TIPS_TEST_HOOKS=0',
      '--binding',
      `TIP_SEALING_PUBLIC_KEY=${sealingPublicKey}`,
      '--binding',
      'POW_HMAC_KEY=bench-only-pow-key-not-a-secret',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  children.push(server);
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(base);
  return {
    label: 'wrangler pages dev (workerd, local D1)',
    setups: [{ name: 'one wrangler process', bases: [base] }],
    storedTips: async () => {
      const out = execFileSync('npx', ['wrangler', 'd1', 'execute', 'TIPS_DB', '--local', '--persist-to', persist, '--json', '--command', 'SELECT count(*) AS n FROM tips'], {
        encoding: 'utf8',
      });
      return JSON.parse(out)[0].results[0].n;
    },
    close: async () => undefined,
  };
}

/** The Node server on PostgreSQL: one process, then two on the same database. */
async function nodeTarget() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('--target node needs DATABASE_URL (a PostgreSQL server, e.g. postgres://tips@127.0.0.1:5432/tips).');
  execFileSync('npm', ['run', 'build:node', '--silent'], { stdio: 'inherit' });
  const { default: pg } = await import('pg');
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const uploadDir = mkdtempSync(join(tmpdir(), 'bench-uploads-'));
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    UPLOAD_DIR: uploadDir,
    HOST: '127.0.0.1',
    RATE_LIMIT_MAX: '100000000',
    TIPS_TEST_HOOKS: '0',
    SHUTDOWN_DRAIN_MS: '0',
    TIP_SEALING_PUBLIC_KEY: sealingPublicKey,
    POW_HMAC_KEY: 'bench-only-pow-key-not-a-secret',
  };
  execFileSync('node', ['dist-node/migrate.mjs'], { env, stdio: 'ignore' });
  const bases = [];
  for (const offset of [0, 1]) {
    children.push(spawn('node', ['dist-node/server.mjs'], { env: { ...env, PORT: String(port + offset) }, stdio: ['ignore', 'ignore', 'inherit'] }));
    bases.push(`http://127.0.0.1:${port + offset}`);
    await waitForServer(bases.at(-1));
  }
  return {
    label: 'Node server (dist-node/server.mjs) on PostgreSQL',
    setups: [
      { name: 'one Node process', bases: [bases[0]] },
      { name: 'two Node processes, one PostgreSQL', bases },
    ],
    storedTips: async () => Number((await admin.query(`SELECT count(*) AS n FROM ${schema}.tips`)).rows[0].n),
    close: async () => {
      stopChildren();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
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
        } catch {
          status = 0;
        }
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

const format = (result, extra = '') =>
  `${result.name.padEnd(52)} c=${String(result.concurrency).padStart(3)}  n=${String(result.sent).padStart(5)}  ` +
  `${result.rps.toFixed(0).padStart(5)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  ` +
  `2xx ${result.ok}  statuses ${JSON.stringify(result.statuses)}${extra}`;

const bench = target === 'node' ? await nodeTarget() : await cloudflareTarget();
try {
  console.log(`tips benchmark against ${bench.label}, ${total} tips per phase\n`);
  for (const setup of bench.setups) {
    // Requests alternate between the setup's processes, as a round-robin load balancer sends them.
    const post = (index) =>
      fetch(`${setup.bases[index % setup.bases.length]}/api/tips?lang=zh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: tipBody(index) });
    await run('warm-up', 50, 5, post);
    let before = await bench.storedTips();
    for (const concurrency of [20, 100]) {
      const result = await run(`POST /api/tips, ${setup.name}`, total, concurrency, post);
      const after = await bench.storedTips();
      const stored = after - before;
      before = after;
      console.log(format(result, `  stored rows ${stored} ${stored === result.ok ? '= 2xx' : '≠ 2xx (MISMATCH)'}`));
      if (stored !== result.ok) process.exitCode = 1;
    }
  }
  const base = bench.setups[0].bases[0];
  console.log('\nwhere the time goes (one process, no database):');
  console.log(format(await run('GET /zh/tip/ (static page)', total, 20, () => fetch(`${base}/zh/tip/`))));
  console.log(format(await run('GET /api/tips/received (function)', total, 20, () => fetch(`${base}/api/tips/received?lang=zh`))));
} finally {
  await bench.close();
  stopChildren();
}
