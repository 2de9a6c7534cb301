// `npm run cms`: the editor on a press officer's laptop, no account and no network. It builds the
// /admin/ bundle when its inputs changed, starts Decap's local backend (decap-server, which reads
// and writes the files of this checkout) and the authors' dev site, which serves /admin/.
// Then open the address it prints. Stop with Ctrl+C.
//   CMS_PORT (4321): the dev site; DECAP_SERVER_PORT (8081): decap-server;
//   CMS_REPO_DIR (this checkout): where the content files are read and written.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const sitePort = process.env.CMS_PORT ?? '4321';
const backendPort = process.env.DECAP_SERVER_PORT ?? '8081';
const repoDirectory = process.env.CMS_REPO_DIR ?? process.cwd();

const built = spawnSync('node', ['scripts/build-admin.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const children = [
  spawn('npx', ['decap-server'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: backendPort, BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: repoDirectory, MODE: 'fs' },
    detached: true,
  }),
  // The preview site and the editor's translation states (/admin/translations.json) read the same files.
  spawn('npx', ['astro', 'dev', '--port', sitePort, '--host', '127.0.0.1'], {
    stdio: 'inherit',
    env: { ...process.env, CONTENT_DIR: process.env.CONTENT_DIR ?? join(repoDirectory, 'src/content') },
    detached: true,
  }),
];
const backendParameter = `?local_backend=${encodeURIComponent(`http://localhost:${backendPort}/api/v1`)}`;
console.log(`cms: open http://localhost:${sitePort}/admin/index.html${backendParameter} (files in ${repoDirectory})`);

// Each child runs in a process group of its own (npx starts the real server as its child).
function stop() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    stop();
    process.exit(0);
  });
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exit(code ?? 0);
  });
