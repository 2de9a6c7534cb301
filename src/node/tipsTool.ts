/**
 * `npm run tips -- open|reseal`: tips opened or re-sealed on a staff machine, which may be offline.
 * It reads the stores directly: wrangler's local D1 SQLite and R2 files (`--state`, default
 * .wrangler/state/v3), or PostgreSQL (`--database-url`) with the evidence directory
 * (`--upload-dir`), or the deployed D1 and R2 (`--remote`, remoteTipSource.ts). Bundled into dist-node/tips.mjs (scripts/tips.mjs), so an air-gapped machine
 * needs only Node 22.5 or newer and that file.
 *
 *   open   --key <key file> [--key …] --out <dir> [--tip <id>]
 *          writes tip-<short id>.json (the tip as staff see it) and its files, named as on the staff
 *          page (tip-<short id>-<n>.<sniffed extension>, a -cleaned copy of photos without metadata)
 *   reseal --key <key file> --reviewers <tip-reviewers.json>
 *          wraps every tip's content key for exactly the listed reviewers (after `npm run keys -- remove`)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DatabaseSync } from 'node:sqlite';
import { importKeyFile, importReviewerPublicKey, keyFileNeedsPassphrase, type OpeningKey } from '../lib/crypto/reviewerKeys';
import { sqlConversationStore } from '../lib/conversation/sqlConversationStore';
import type { ConversationStore } from '../lib/conversation/store';
import { reviewerSealId } from '../lib/conversation/forReviewers';
import { openTipContent, openTipFile, resealTipContent, sealedKeyIds } from '../lib/crypto/tipEnvelope';
import { sqlStaffStore } from '../lib/staff/sqlStaffStore';
import { d1Driver } from '../lib/sql/d1Driver';
import { postgresDriver } from '../lib/sql/postgresDriver';
import { displayableFileName, evidenceDownloadName, evidenceMediaType, tipBaseName } from '../lib/staff/evidenceFileName';
import { cleanImage } from '../lib/tips/cleanFiles/cleanImage';
import type { D1Database, D1Statement } from '../lib/tips/cloudflare/bindings';
import type { AttachmentStore, SealedTip, StaffStore, TipContent } from '../lib/tips/storage';
import { reviewerKeysFrom } from '../lib/tips/config';
import { askPassphrase } from './askPassphrase';
import { diskAttachmentStore } from './diskAttachmentStore';
import { openDatabase } from './openDatabase';
import { openRemoteBindings, readProjectBindings } from './remoteTipSource';
import { r2AttachmentStore } from '../lib/tips/cloudflare/r2AttachmentStore';

/** Where the tips are: a store to read, files to fetch, and the one write a re-seal needs. */
interface TipSource {
  store: StaffStore;
  /** The messages: reseal rewraps their reviewers' copies too. */
  conversations: ConversationStore;
  attachments: AttachmentStore;
  /** Replaces a tip's sealed content if it is still `previous`; false when it changed meanwhile. */
  replaceContent(tipId: string, previous: string, content: string, sealedToKeyId: string): Promise<boolean>;
  close(): Promise<void>;
}

const usage = `Usage:
  npm run tips -- open --key <key file> [--key <older key file>] --out <dir> [--tip <id>] [source]
  npm run tips -- reseal --key <key file> --reviewers <tip-reviewers.json> [source]
source: --state <wrangler state dir> (default .wrangler/state/v3, the local D1 and R2)
        or --remote [--config <wrangler.toml>] (the deployed D1 and R2; needs network and wrangler login)
        or --database-url <postgres://…> --upload-dir <dir> (default $DATABASE_URL, $UPLOAD_DIR)
The key files' passphrase is asked for, or read from TIP_KEY_PASSPHRASE.`;

class UsageError extends Error {}

/** node:sqlite behind the few D1 methods the stores use, so the D1 store's own SQL reads the file. */
function sqliteAsD1(database: DatabaseSync): D1Database {
  const statement = (sql: string, values: unknown[] = []): D1Statement => {
    const prepared = () => database.prepare(sql.replace(/\?(\d+)/g, '?'));
    const ordered = () => {
      // D1 accepts ?1, ?2 …; node:sqlite binds them by position, so repeat values in the order used.
      const numbered = [...sql.matchAll(/\?(\d+)/g)].map((match) => values[Number(match[1]) - 1]);
      return (numbered.length > 0 ? numbered : values) as Array<string | number | null>;
    };
    return {
      bind: (...bound) => statement(sql, bound),
      first: async <T>() => (prepared().get(...ordered()) as T | undefined) ?? null,
      all: async <T>() => ({ results: prepared().all(...ordered()) as T[] }),
      run: async () => prepared().run(...ordered()),
    };
  };
  return {
    prepare: (sql) => statement(sql),
    batch: async (statements) => {
      database.exec('BEGIN');
      try {
        const results = [];
        for (const one of statements) results.push(await one.run());
        database.exec('COMMIT');
        return results;
      } catch (error) {
        database.exec('ROLLBACK');
        throw error;
      }
    },
  };
}

const sqliteFiles = (directory: string) =>
  existsSync(directory)
    ? readdirSync(directory)
        .filter((name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite')
        .map((name) => join(directory, name))
    : [];

/** The local D1 database that holds the tips, among wrangler's state files. */
function localTipsDatabase(stateDir: string): DatabaseSync {
  const candidates = sqliteFiles(join(stateDir, 'd1', 'miniflare-D1DatabaseObject')).filter((file) => {
    const database = new DatabaseSync(file, { readOnly: true });
    try {
      return database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tips'").get() !== undefined;
    } finally {
      database.close();
    }
  });
  if (candidates.length !== 1) {
    throw new UsageError(
      `${candidates.length === 0 ? 'No' : 'More than one'} local D1 database with a tips table under ${stateDir}/d1: run \`npm start\` once, or pass the right --state.`,
    );
  }
  return new DatabaseSync(candidates[0]!);
}

/** The local R2 objects, read from wrangler's metadata and blob files. */
function localR2Attachments(stateDir: string): AttachmentStore {
  const r2 = join(stateDir, 'r2');
  const metadata = sqliteFiles(join(r2, 'miniflare-R2BucketObject')).map((file) => new DatabaseSync(file, { readOnly: true }));
  const buckets = existsSync(r2) ? readdirSync(r2).filter((name) => existsSync(join(r2, name, 'blobs'))) : [];
  const refuse = async () => {
    throw new Error('The offline tool does not change local R2 files.');
  };
  return {
    async get(objectKey) {
      for (const database of metadata) {
        const row = database.prepare('SELECT blob_id FROM _mf_objects WHERE key = ?').get(objectKey) as { blob_id: string | null } | undefined;
        if (!row?.blob_id) continue;
        const bucket = buckets.find((name) => existsSync(join(r2, name, 'blobs', row.blob_id!)));
        if (bucket) return new Uint8Array(readFileSync(join(r2, bucket, 'blobs', row.blob_id)));
      }
      return undefined;
    },
    put: refuse,
    delete: refuse,
  };
}

async function openSource(values: Record<string, string | string[] | boolean | undefined>): Promise<TipSource> {
  const databaseUrl = (values['database-url'] as string | undefined) ?? (values.state ? undefined : process.env.DATABASE_URL);
  if (databaseUrl) {
    const uploadDir = (values['upload-dir'] as string | undefined) ?? process.env.UPLOAD_DIR;
    if (!uploadDir) throw new UsageError("With --database-url, say where the evidence files are: --upload-dir <dir> (the server's UPLOAD_DIR).");
    const database = await openDatabase(databaseUrl, 2);
    return {
      store: sqlStaffStore(postgresDriver(database)),
      conversations: sqlConversationStore(postgresDriver(database)),
      attachments: diskAttachmentStore(resolve(uploadDir)),
      async replaceContent(tipId, previous, content, sealedToKeyId) {
        const { rows } = await database.query('UPDATE tips SET content = $1, sealed_to_key_id = $2 WHERE id = $3 AND content = $4 RETURNING id', [
          content,
          sealedToKeyId,
          tipId,
          previous,
        ]);
        return rows.length === 1;
      },
      close: () => database.close(),
    };
  }
  if (values.remote) {
    const remote = await openRemoteBindings(await readProjectBindings((values.config as string | undefined) ?? 'wrangler.toml'));
    return {
      store: sqlStaffStore(d1Driver(remote.database)),
      conversations: sqlConversationStore(d1Driver(remote.database)),
      attachments: r2AttachmentStore(remote.bucket),
      async replaceContent(tipId, previous, content, sealedToKeyId) {
        const result = (await remote.database
          .prepare('UPDATE tips SET content = ?, sealed_to_key_id = ? WHERE id = ? AND content = ?')
          .bind(content, sealedToKeyId, tipId, previous)
          .run()) as {
          meta?: { changes?: number };
        };
        return result.meta?.changes === 1;
      },
      close: remote.close,
    };
  }
  const stateDir = resolve((values.state as string | undefined) ?? '.wrangler/state/v3');
  const database = localTipsDatabase(stateDir);
  return {
    store: sqlStaffStore(d1Driver(sqliteAsD1(database))),
    conversations: sqlConversationStore(d1Driver(sqliteAsD1(database))),
    attachments: localR2Attachments(stateDir),
    async replaceContent(tipId, previous, content, sealedToKeyId) {
      return database.prepare('UPDATE tips SET content = ?, sealed_to_key_id = ? WHERE id = ? AND content = ?').run(content, sealedToKeyId, tipId, previous).changes === 1;
    },
    close: async () => database.close(),
  };
}

async function loadKeys(files: string[]): Promise<OpeningKey[]> {
  if (files.length === 0) throw new UsageError('Name your key file: --key <file> (repeat --key for older keys).');
  const keys: OpeningKey[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const passphrase = keyFileNeedsPassphrase(text) ? (process.env.TIP_KEY_PASSPHRASE ?? (await askPassphrase(`Passphrase of ${file}: `))) : '';
    keys.push(await importKeyFile(text, passphrase));
  }
  return keys;
}

/** Every tip id in the store, oldest first (or just the one asked for). */
async function tipIds(store: StaffStore, only?: string): Promise<string[]> {
  if (only) return [only];
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const { tips } = await store.listTips({}, { offset, limit: 500 }, new Date(), { acknowledgeDays: 7, answerMonths: 3 });
    ids.push(...tips.map((tip) => tip.id));
    if (tips.length < 500) return ids;
  }
}

/** What an opened tip looks like on disk: its clear fields, its content, and what became of each file. */
export interface OpenedTipFile {
  id: string;
  category: string;
  region: string;
  anonymous: boolean;
  receivedAt: string;
  status: string;
  statusChangedAt: string;
  abuseCheck: string;
  sealedTo: string[];
  history: SealedTip['history'];
  content: Omit<TipContent, 'attachments'>;
  files: Array<{
    position: number;
    savedAs?: string;
    cleanedAs?: string;
    tipsterFileName: string;
    type?: string;
    byteLength?: number;
    sha256?: string;
    intact?: boolean;
    deletedAt?: string;
    problem?: string;
  }>;
}

async function openOne(source: TipSource, keys: OpeningKey[], tip: SealedTip, out: string): Promise<OpenedTipFile> {
  const seal = await openTipContent(keys, tip.id, tip.content);
  const { attachments: described = [], ...content } = JSON.parse(seal.text) as TipContent;
  const files: OpenedTipFile['files'] = [];
  for (const attachment of tip.attachments) {
    const about = described[attachment.position];
    const entry: OpenedTipFile['files'][number] = { position: attachment.position, tipsterFileName: displayableFileName(about?.name ?? '') };
    files.push(entry);
    if (attachment.deletedAt) {
      entry.deletedAt = attachment.deletedAt;
      continue;
    }
    const sealed = await source.attachments.get(attachment.objectKey);
    if (!sealed) {
      entry.problem = 'the sealed file is missing from the store';
      continue;
    }
    const bytes = await openTipFile(keys, seal, tip.id, attachment.position, sealed as Uint8Array<ArrayBuffer>);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    Object.assign(entry, {
      savedAs: evidenceDownloadName(tip.id, attachment.position, bytes),
      type: evidenceMediaType(bytes),
      byteLength: bytes.byteLength,
      sha256,
      intact: sha256 === about?.sha256,
    });
    writeFileSync(join(out, entry.savedAs!), bytes, { mode: 0o600 });
    const cleaned = entry.type!.startsWith('image/') ? cleanImage(bytes, entry.type!) : undefined;
    if (cleaned) {
      entry.cleanedAs = evidenceDownloadName(tip.id, attachment.position, cleaned, '-cleaned');
      writeFileSync(join(out, entry.cleanedAs), cleaned, { mode: 0o600 });
    }
  }
  return {
    id: tip.id,
    category: tip.category,
    region: tip.region,
    anonymous: tip.anonymous,
    receivedAt: tip.receivedAt,
    status: tip.status,
    statusChangedAt: tip.statusChangedAt,
    abuseCheck: tip.abuseCheck,
    sealedTo: sealedKeyIds(tip.content),
    history: tip.history,
    content,
    files,
  };
}

async function openAll(source: TipSource, keys: OpeningKey[], out: string, only?: string): Promise<number> {
  mkdirSync(out, { recursive: true, mode: 0o700 });
  let failures = 0;
  for (const id of await tipIds(source.store, only)) {
    const tip = await source.store.findTip(id);
    if (!tip) {
      console.error(`No tip ${id} in this store.`);
      failures += 1;
      continue;
    }
    try {
      const opened = await openOne(source, keys, tip, out);
      const name = `${tipBaseName(tip.id)}.json`;
      writeFileSync(join(out, name), `${JSON.stringify(opened, null, 2)}\n`, { mode: 0o600 });
      console.log(`${name}  ${opened.files.length} file(s)`);
    } catch (error) {
      failures += 1;
      console.error(`Tip ${id}: ${error instanceof Error ? error.message : error}`);
    }
  }
  return failures;
}

function reviewersFrom(file: string) {
  const listed = JSON.parse(readFileSync(file, 'utf8')) as Array<{ name: string; publicKey: string }>;
  return reviewerKeysFrom({ TIP_REVIEWER_KEYS: JSON.stringify(listed.map(({ name, publicKey }) => ({ name, publicKey }))) });
}

async function resealAll(source: TipSource, keys: OpeningKey[], reviewersFile: string): Promise<number> {
  const reviewers = await Promise.all(reviewersFrom(reviewersFile).map((reviewer) => importReviewerPublicKey(reviewer.name, reviewer.publicKey)));
  const keyIds = reviewers.map((reviewer) => reviewer.keyId).join(',');
  let failures = 0;
  let resealed = 0;
  for (const id of await tipIds(source.store)) {
    const tip = (await source.store.findTip(id))!;
    try {
      const content = await resealTipContent(keys, tip.id, tip.content, reviewers);
      if (!(await source.replaceContent(tip.id, tip.content, content, keyIds))) throw new Error('its content changed while it was being re-sealed; run reseal again');
      resealed += 1;
    } catch (error) {
      failures += 1;
      console.error(`Tip ${id}: ${error instanceof Error ? error.message : error}`);
    }
  }
  // Every message's reviewers' copy too (its files stay: the content key is unchanged). Erased ones have nothing to rewrap.
  let messages = 0;
  for (const copy of (await source.conversations.listReviewerCopies()).filter((row) => row.forReviewers !== '')) {
    try {
      const next = await resealTipContent(keys, reviewerSealId(copy.tipId, copy.position, copy.author), copy.forReviewers, reviewers);
      if (!(await source.conversations.replaceReviewerCopy(copy.tipId, copy.position, copy.forReviewers, next, keyIds)))
        throw new Error('it changed while it was being re-sealed; run reseal again');
      messages += 1;
    } catch (error) {
      failures += 1;
      console.error(`Message ${copy.position + 1} of tip ${copy.tipId}: ${error instanceof Error ? error.message : error}`);
    }
  }
  console.log(
    `Re-sealed ${resealed} tip(s) and ${messages} message(s) to ${reviewers.map((reviewer) => `${reviewer.name} (${reviewer.keyId})`).join(', ')}; ${failures} could not be.`,
  );
  return failures;
}

export async function runTipsTool(argv: string[]): Promise<number> {
  let source: TipSource | undefined;
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        key: { type: 'string', multiple: true, default: [] },
        out: { type: 'string' },
        tip: { type: 'string' },
        reviewers: { type: 'string' },
        state: { type: 'string' },
        'database-url': { type: 'string' },
        'upload-dir': { type: 'string' },
        remote: { type: 'boolean' },
        config: { type: 'string' },
      },
    });
    const [command] = positionals;
    if (command !== 'open' && command !== 'reseal') throw new UsageError(`Unknown command ${command ?? '(none)'}.`);
    if (command === 'open' && !values.out) throw new UsageError('Say where the opened tips go: --out <dir>.');
    if (command === 'reseal' && !values.reviewers) throw new UsageError('Name the reviewers to seal to: --reviewers <tip-reviewers.json> (from `npm run keys`).');
    const keys = await loadKeys(values.key);
    source = await openSource(values);
    return (command === 'open' ? await openAll(source, keys, resolve(values.out!), values.tip) : await resealAll(source, keys, values.reviewers!)) > 0 ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error(usage);
    return 2;
  } finally {
    await source?.close();
  }
}
