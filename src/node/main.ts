// `npm run serve:node` (or `node dist-node/server.mjs` on a server): the whole self-hosted site in
// one process. Settings come from environment variables; see the README, "Deploying in mainland China".
import { mkdir } from 'node:fs/promises';
import { sqlTipStore } from '../lib/tips/sqlTipStore';
import { sqlStaffStore } from '../lib/staff/sqlStaffStore';
import { sqlConversationStore } from '../lib/conversation/sqlConversationStore';
import { postgresDriver } from '../lib/sql/postgresDriver';
import { pendingMigrations } from '../lib/tips/postgres/migrations';
import { diskAttachmentStore } from './diskAttachmentStore';
import { distShells } from './distShells';
import { openDatabase } from './openDatabase';
import { shippedMigrations } from './migrationSource';
import { nodeServerConfigFromEnv } from './serverConfig';
import { createSiteServer } from './siteServer';
import { findStaticFile } from './staticFiles';

async function main() {
  const config = nodeServerConfigFromEnv(process.env);
  if ((await findStaticFile(config.siteDir, '/zh/tip/')).kind !== 'file') {
    throw new Error(`${config.siteDir}/ holds no built site: run npm run build (or set SITE_DIR).`);
  }
  await mkdir(config.uploadDir, { recursive: true, mode: 0o700 });
  const database = await openDatabase(config.databaseUrl, config.databasePoolSize);
  const missing = await pendingMigrations(database, await shippedMigrations());
  if (missing.length > 0) {
    await database.close();
    throw new Error(`the database lacks migrations ${missing.join(', ')}: run npm run db:migrate:pg (node dist-node/migrate.mjs) first.`);
  }
  const site = await createSiteServer({
    siteDir: config.siteDir,
    database,
    store: sqlTipStore(postgresDriver(database)),
    conversations: sqlConversationStore(postgresDriver(database)),
    attachments: diskAttachmentStore(config.uploadDir),
    shells: distShells(config.siteDir),
    tipConfig: config.tips,
    ...(config.staff ? { staff: { store: sqlStaffStore(postgresDriver(database)), config: config.staff } } : {}),
    publicOrigin: config.publicOrigin,
    clientAddressHeader: config.clientAddressHeader,
    trustedProxyCidrs: config.trustedProxyCidrs,
    drainMs: config.shutdownDrainMs,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
  });
  site.server.keepAliveTimeout = 65_000;
  await new Promise<void>((listening) => site.server.listen(config.port, config.host, listening));
  console.log(`site and tip service on http://${config.host}:${config.port} (pid ${process.pid})`);

  // SIGTERM (systemd, a container runtime, a deploy) and Ctrl-C: finish what is in flight, then exit.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: draining for ${config.shutdownDrainMs} ms, then no new connections; finishing requests in flight`);
      site.shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('shutdown failed:', error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
