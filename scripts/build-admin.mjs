// Bundles the CMS at /admin/ (Decap CMS, React, our configuration, widgets and preview) into
// public/admin/ with esbuild, so /admin/ loads nothing from another site. The bundle is large and
// changes rarely, so it is rebuilt only when one of its inputs changed: a hash of them is kept
// beside it (public/admin/.inputs-hash). `--force` rebuilds anyway.
//
// Build-time settings (see src/content/README.md): CMS_BACKEND (gitea | github; unset: an
// in-browser demo repository, while the local backend of `npm run cms` serves localhost),
// CMS_REPO (owner/name), CMS_BRANCH (default main), CMS_BASE_URL (Gitea/Forgejo root, or the
// GitHub OAuth helper), CMS_API_ROOT, CMS_AUTH_ENDPOINT, CMS_APP_ID (the OAuth client id), and
// CMS_EDITORIAL_WORKFLOW (default 1 on GitHub: draft, in review, ready, then published as one
// commit; Decap's Gitea backend has no editorial workflow, so there a save is a commit).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const outDir = 'public/admin';
const inputs = ['scripts/build-admin.mjs', 'src/admin', 'src/lib', 'src/data', 'src/i18n', 'src/styles/fonts.css', 'package-lock.json'];
const settingNames = ['CMS_BACKEND', 'CMS_REPO', 'CMS_BRANCH', 'CMS_BASE_URL', 'CMS_API_ROOT', 'CMS_AUTH_ENDPOINT', 'CMS_APP_ID', 'CMS_EDITORIAL_WORKFLOW'];

function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(filesUnder)) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  for (const name of settingNames) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  return hash.digest('hex');
}

function backendFromEnvironment() {
  const env = process.env;
  if (!env.CMS_BACKEND) return { name: 'test-repo' };
  const backend = { name: env.CMS_BACKEND, repo: env.CMS_REPO, branch: env.CMS_BRANCH ?? 'main' };
  for (const [key, name] of [
    ['base_url', 'CMS_BASE_URL'],
    ['api_root', 'CMS_API_ROOT'],
    ['auth_endpoint', 'CMS_AUTH_ENDPOINT'],
    ['app_id', 'CMS_APP_ID'],
  ]) {
    if (env[name]) backend[key] = env[name];
  }
  if (!backend.repo) throw new Error('CMS_BACKEND is set but CMS_REPO is not: write the repository as owner/name');
  return backend;
}

/** Decap refuses to start a Gitea backend with the editorial workflow on. */
function editorialWorkflow() {
  if (process.env.CMS_BACKEND === 'gitea') {
    if (process.env.CMS_EDITORIAL_WORKFLOW === '1') throw new Error("CMS_EDITORIAL_WORKFLOW=1 cannot work with CMS_BACKEND=gitea: Decap's Gitea backend has no editorial workflow");
    return false;
  }
  // Production on GitHub reviews before publishing (draft → in review → ready → published); a
  // press officer editing a local checkout (no CMS_BACKEND) publishes straight into the files.
  if (process.env.CMS_EDITORIAL_WORKFLOW) return process.env.CMS_EDITORIAL_WORKFLOW === '1';
  return process.env.CMS_BACKEND === 'github';
}

const hashFile = join(outDir, '.inputs-hash');
const hash = inputsHash();
const outputs = ['cms.js', 'cms.css', 'preview.css'].map((name) => join(outDir, name));
if (!process.argv.includes('--force') && outputs.every(existsSync) && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) {
  console.log('admin: bundle is up to date');
  process.exit(0);
}

const started = performance.now();
mkdirSync(outDir, { recursive: true });
const common = { bundle: true, minify: true, legalComments: 'linked', logLevel: 'warning', target: ['chrome120', 'firefox120', 'safari16'] };
const [script] = await Promise.all([
  build({
    ...common,
    entryPoints: { cms: 'src/admin/main.ts' },
    outdir: outDir,
    format: 'iife',
    platform: 'browser',
    metafile: true,
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
      CMS_BACKEND: JSON.stringify(backendFromEnvironment()),
      CMS_EDITORIAL_WORKFLOW: JSON.stringify(editorialWorkflow()),
    },
  }),
  // Fonts are the site's own files under /fonts/, referred to, not copied.
  build({ ...common, entryPoints: { cms: 'src/admin/admin.css', preview: 'src/admin/preview.css' }, outdir: outDir, external: ['/fonts/*'] }),
]);
writeFileSync(hashFile, hash);
const bytes = Object.entries(script.metafile.outputs).reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(`admin: bundled in ${((performance.now() - started) / 1000).toFixed(1)} s, cms.js ${(bytes / 1024 / 1024).toFixed(2)} MB`);
