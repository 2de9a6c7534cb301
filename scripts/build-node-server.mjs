// Bundles the self-hosted server and its migration command into dist-node/ (server.mjs, migrate.mjs),
// and the staff's offline tool (tips.mjs, `npm run tips`): plain JavaScript files with node-postgres
// and the PostgreSQL migrations built in, so a server in China (or an air-gapped staff machine)
// needs only Node and these files, no npm install. PGlite (trials and tests only) stays outside.
// `--only tips` bundles just the tool.
import { build } from 'esbuild';
import { readPostgresMigrations } from '../src/node/readMigrationSet.ts';

const migrations = readPostgresMigrations();

await build({
  entryPoints: process.argv.includes('--only') ? { tips: 'src/node/tips.ts' } : { server: 'src/node/main.ts', migrate: 'src/node/migrate.ts', tips: 'src/node/tips.ts' },
  outdir: 'dist-node',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: ['pg-native', '@electric-sql/pglite', 'wrangler'],
  define: { __PG_MIGRATIONS__: JSON.stringify(migrations) },
  // node-postgres is CommonJS: give the ES module bundle a require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
