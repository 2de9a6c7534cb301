import { readFileSync } from 'node:fs';
import { readD1Migrations, readPostgresMigrations } from '../../src/node/readMigrationSet';
import { DatabaseSync } from 'node:sqlite';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { generateReviewerKey, importReviewerPublicKey } from '../../src/lib/crypto/reviewerKeys';
import { generateReceiptCode } from '../../src/lib/tips/receiptCode';
import { sealMessage } from '../../src/lib/conversation/sealMessage';
import { tipsterPublicKeyForCode } from '../../src/lib/conversation/tipsterKeys';

// The proposed tables (docs/conversation-schema*.sql) on top of today's migrations, in SQLite (what
// D1 runs) and in PGlite (PostgreSQL), until they become numbered migrations.
// Today's migrations as each platform applies them: D1 the shared set, PostgreSQL the same set with its dialect files in place.
const d1Migrations = () => readD1Migrations().map((migration) => migration.sql);
const postgresMigrations = () => readPostgresMigrations().map((migration) => migration.sql);
const newTables = ['tip_conversations', 'tip_message_files', 'tip_messages', 'tipster_sessions_ended'];

interface Target {
  run(sql: string, params?: unknown[]): Promise<void>;
  rows(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  columns(): Promise<Record<string, string[]>>;
}

function sqliteTarget(): Target {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  for (const sql of [...d1Migrations(), readFileSync('docs/conversation-schema.sql', 'utf8')]) db.exec(sql);
  return {
    run: async (sql, params = []) => void db.prepare(sql.replace(/\$\d+/g, '?')).run(...(params as never[])),
    rows: async (sql, params = []) => db.prepare(sql.replace(/\$\d+/g, '?')).all(...(params as never[])) as Array<Record<string, unknown>>,
    columns: async () =>
      Object.fromEntries(newTables.map((table) => [table, (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((column) => column.name).sort()])),
  };
}

async function pgTarget(): Promise<Target> {
  const db = new PGlite();
  for (const sql of [...postgresMigrations(), readFileSync('docs/conversation-schema.pg.sql', 'utf8')]) await db.exec(sql);
  return {
    run: async (sql, params = []) => void (await db.query(sql, params)),
    rows: async (sql, params = []) => (await db.query<Record<string, unknown>>(sql, params)).rows,
    columns: async () => {
      const { rows } = await db.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_name = ANY($1) ORDER BY column_name`,
        [newTables],
      );
      const columns: Record<string, string[]> = {};
      for (const row of rows) (columns[row.table_name] ??= []).push(row.column_name);
      return columns;
    },
  };
}

const question = '请问排放口在哪一座桥下？';
const answer = '第二座桥，北岸。';

async function conversationIn(target: Target, pg: boolean) {
  const code = generateReceiptCode();
  const tipId = crypto.randomUUID();
  const made = await generateReviewerKey('wang', 'wang passphrase 1234', 1000);
  const reviewers = [await importReviewerPublicKey('wang', made.publicKey)];
  const tipsterPublicKey = await tipsterPublicKeyForCode(code);
  const now = new Date('2026-12-03T07:41:09Z');
  await target.run(
    `INSERT INTO tips (id, receipt_hash, category, region, anonymous, content, received_at, status_changed_at) VALUES ($1, $2, 'ecology', 'horqin', $3, 'sealed2:x', $4, $5)`,
    [tipId, `hash-${tipId}`, pg ? true : 1, now.toISOString(), now.toISOString()],
  );
  await target.run('INSERT INTO tip_conversations (tip_id, tipster_public_key) VALUES ($1, $2)', [tipId, tipsterPublicKey]);
  const described = { name: '桥下排污口.jpg', contentType: 'image/jpeg', byteLength: 4, sha256: 'ab' };
  const messages = [
    await sealMessage({ reviewers, tipsterPublicKey, tipId, position: 0, author: 'staff', text: question, sentAt: now }),
    await sealMessage({
      reviewers,
      tipsterPublicKey,
      tipId,
      position: 1,
      author: 'tipster',
      text: answer,
      sentAt: now,
      files: [{ described, bytes: new TextEncoder().encode('JPEG') }],
    }),
  ];
  for (const message of messages) {
    await target.run(
      `INSERT INTO tip_messages (tip_id, position, author, sent_hour, for_tipster, for_reviewers, sealed_to_key_id, written_by, file_count) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        tipId,
        message.position,
        message.author,
        message.sentHour,
        message.forTipster,
        message.forReviewers,
        message.sealedToKeyId,
        message.author === 'staff' ? 'reviewer-wang' : '',
        message.fileCount,
      ],
    );
  }
  await target.run(
    `INSERT INTO tip_message_files (object_key, tip_id, message_position, position, content_type, byte_length, sha256) VALUES ($1, $2, 1, 0, 'image/jpeg', 4, 'ab')`,
    [`messages/${crypto.randomUUID()}`, tipId],
  );
  return { tipId, code, tipsterPublicKey, messages };
}

// One database per dialect for the whole file (PGlite takes many seconds to start on a busy
// machine); each test works on a tip of its own.
let pgStarted: Promise<Target> | undefined;
const sharedPg = () => (pgStarted ??= pgTarget());
const sqlite = sqliteTarget();
const targets: Array<[string, () => Promise<Target>, boolean]> = [
  ['SQLite (D1)', async () => sqlite, false],
  ['PGlite (PostgreSQL)', sharedPg, true],
];
const conversationTables = ['tip_conversations', 'tip_messages', 'tip_message_files'];

describe('the proposed conversation tables', () => {
  it('have the same tables and columns in both dialects', async () => {
    const [inSqlite, inPg] = [await sqlite.columns(), await (await sharedPg()).columns()];
    expect(Object.keys(inSqlite).sort()).toEqual(newTables);
    expect(inPg).toEqual(inSqlite);
  }, 120_000);

  for (const [name, open, pg] of targets) {
    describe(name, () => {
      it('hold a whole conversation in which no row reveals a word, a file name or the code', async () => {
        const target = await open();
        const { tipId, code } = await conversationIn(target, pg);
        const everything = JSON.stringify(await Promise.all(conversationTables.map((table) => target.rows(`SELECT * FROM ${table} WHERE tip_id = $1`, [tipId]))));
        expect(everything).toContain(tipId);
        for (const secret of [question, answer, '排放口', '桥下排污口', code, code.replace(/-/g, ''), ':41:09']) expect(everything, secret).not.toContain(secret);
      }, 120_000);

      it('refuse a second message at a taken position and a public key of the wrong size', async () => {
        const target = await open();
        const { tipId, messages } = await conversationIn(target, pg);
        const again = messages[1]!;
        await expect(
          target.run(`INSERT INTO tip_messages (tip_id, position, author, sent_hour, for_tipster, for_reviewers, sealed_to_key_id) VALUES ($1, 1, 'tipster', $2, $3, $4, '')`, [
            tipId,
            again.sentHour,
            again.forTipster,
            again.forReviewers,
          ]),
        ).rejects.toThrow();
        await expect(target.run(`UPDATE tip_conversations SET tipster_public_key = 'short' WHERE tip_id = $1`, [tipId])).rejects.toThrow();
        await expect(target.run(`UPDATE tip_messages SET author = 'someone' WHERE tip_id = $1`, [tipId])).rejects.toThrow();
      }, 120_000);

      it('lose every message and file row with their tip (retention deletes the tip)', async () => {
        const target = await open();
        const { tipId } = await conversationIn(target, pg);
        await target.run('DELETE FROM tip_status_changes WHERE tip_id = $1', [tipId]);
        await target.run('DELETE FROM tips WHERE id = $1', [tipId]);
        for (const table of conversationTables) expect(await target.rows(`SELECT * FROM ${table} WHERE tip_id = $1`, [tipId]), table).toEqual([]);
      }, 120_000);
    });
  }
});
