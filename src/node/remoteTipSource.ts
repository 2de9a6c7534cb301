/**
 * `npm run tips -- … --remote`: the deployed D1 and R2 on Cloudflare, reached through wrangler's
 * getPlatformProxy with remote bindings (the binding runs on Cloudflare, the tool here). Wrangler
 * reads `remote = true` from each binding in a config file, so the tool writes a config of its own
 * (a temporary wrangler.json) holding the project's two bindings from wrangler.toml, each marked
 * remote, and nothing else. Needs the network and `npx wrangler login`; wrangler is loaded only
 * then, so the offline bundle (dist-node/tips.mjs) does not carry it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GetPlatformProxyOptions } from 'wrangler';
import type { D1Database, R2Bucket } from '../lib/tips/cloudflare/bindings';

/** The parts of a wrangler config the tool reads (as wrangler's readConfig gives them). */
export interface ProjectBindings {
  name?: string;
  compatibility_date?: string;
  d1_databases: Array<{ binding: string; database_name?: string; database_id?: string }>;
  r2_buckets: Array<{ binding: string; bucket_name?: string }>;
}

export const tipsDatabaseBinding = 'TIPS_DB';
export const tipFilesBinding = 'TIPS_FILES';

/** The config getPlatformProxy is given: the tips database and bucket of the project, both remote. */
export function remoteBindingsConfig(project: ProjectBindings) {
  const database = project.d1_databases.find((entry) => entry.binding === tipsDatabaseBinding);
  const bucket = project.r2_buckets.find((entry) => entry.binding === tipFilesBinding);
  if (!database?.database_id || !bucket?.bucket_name)
    throw new Error(`wrangler.toml has no ${tipsDatabaseBinding} (with database_id) or no ${tipFilesBinding} (with bucket_name).`);
  return {
    name: project.name ?? 'procuratorate-site',
    compatibility_date: project.compatibility_date,
    d1_databases: [{ binding: database.binding, database_name: database.database_name, database_id: database.database_id, remote: true }],
    r2_buckets: [{ binding: bucket.binding, bucket_name: bucket.bucket_name, remote: true }],
  };
}

type Connect = (options: GetPlatformProxyOptions) => Promise<{ env: Record<string, unknown>; dispose(): Promise<void> }>;

/** The deployed tips database and bucket, or an error that says what a remote run needs. */
export async function openRemoteBindings(project: ProjectBindings, connect?: Connect): Promise<{ database: D1Database; bucket: R2Bucket; close(): Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), 'tips-remote-'));
  const configPath = join(directory, 'wrangler.json');
  writeFileSync(configPath, JSON.stringify(remoteBindingsConfig(project)));
  try {
    const getProxy: Connect = connect ?? (await import('wrangler')).getPlatformProxy;
    // No local state and no .env files: everything comes from Cloudflare.
    const proxy = await getProxy({ configPath, remoteBindings: true, persist: false, envFiles: [] });
    const database = proxy.env[tipsDatabaseBinding] as D1Database;
    // One query now, so a machine without network or login fails here, clearly, not mid-way.
    await database.prepare('SELECT 1 FROM tips LIMIT 1').all();
    return {
      database,
      bucket: proxy.env[tipFilesBinding] as R2Bucket,
      close: async () => {
        await proxy.dispose();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not reach the deployed D1 and R2 on Cloudflare (--remote needs the network and \`npx wrangler login\`): ${reason}`);
  }
}

/** The project's bindings from wrangler.toml, read by wrangler itself. */
export async function readProjectBindings(configPath: string): Promise<ProjectBindings> {
  const { unstable_readConfig } = await import('wrangler');
  return unstable_readConfig({ config: configPath }, { hideWarnings: true });
}
