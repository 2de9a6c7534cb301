import { defineConfig, devices } from '@playwright/test';
import { findChromium, chromiumArgs } from './tests/support/findChromium';
import { ensureTestSecrets } from './tests/support/testKeys';
import { testPort, testStateDir } from './tests/support/testServer';

const port = testPort;
export const baseURL = `http://127.0.0.1:${port}`;

// The tip function's settings for tests (they override any .dev.vars): a low limit so the
// rate-limit test is quick, and TIPS_TEST_HOOKS so each test names its own client in an
// X-Test-Client header instead of sharing 127.0.0.1's limit. Never set TIPS_TEST_HOOKS in production.
// The sealing key pair and the other secrets are made at run time (tests/support/testKeys.ts).
const secrets = ensureTestSecrets();
// Every setting the app reads is given here, under the name it reads first: `npm start` writes a
// .dev.vars, which wrangler also reads, and a binding named here wins over it. (A newcomer's
// TIP_REVIEWER_KEYS once won over the legacy TIP_SEALING_PUBLIC_KEY given here, and every tip of
// the browser tests was sealed to the newcomer's key. .ci/run now runs with a .dev.vars present.)
const reviewerKeys = JSON.stringify([{ name: 'e2e-reviewer', publicKey: secrets.sealingPublicKey }]);
const tipTestBindings = [
  `'TIP_REVIEWER_KEYS=${reviewerKeys}'`,
  `POW_HMAC_KEY=${secrets.powHmacKey}`,
  'POW_MAX_NUMBER=20000',
  `STAFF_SESSION_SECRET=${secrets.sessionSecret}`,
  `TIPSTER_SESSION_SECRET=tipster-${secrets.sessionSecret}`,
  'STAFF_SESSION_HOURS=1',
  'RATE_LIMIT_MAX=5',
  'RATE_LIMIT_WINDOW_SECONDS=600',
  'STATUS_MINIMUM_MS=100',
  'TIPS_TEST_HOOKS=1',
]
  .map((binding) => `--binding ${binding}`)
  .join(' ');

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  // The built site and the tip function, as `npm start` serves them (wrangler pages dev with a
  // local D1), but on a port and state of its own (tests/support/testServer.ts), emptied at each
  // start so no tip sealed to an earlier run's test keys is left in it. `npm test` builds first.
  webServer: {
    command: `node -e "require('node:fs').rmSync('${testStateDir}', { recursive: true, force: true })" && npx wrangler d1 migrations apply TIPS_DB --local --persist-to ${testStateDir} && npx wrangler pages dev dist --persist-to ${testStateDir} --port ${port} --inspector-port ${port + 1000} --ip 127.0.0.1 --show-interactive-dev-session=false ${tipTestBindings}`,
    url: `${baseURL}/zh/`,
    // Offline, wrangler would print a stack trace for each failed fetch of Cloudflare's request.cf
    // sample; the functions do not read request.cf, so the built-in placeholder is enough.
    env: { CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    reuseExistingServer: !process.env.CI,
    // wrangler compiles the functions and starts workerd: over a minute on a busy 2-core machine.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
