import type { AttachmentStore, AuditEntry, StatusChange, TipEnvironment, TipStatus } from '../../../src/lib/tips/storage';
import { shellEnd, shellStart } from '../../../src/lib/tips/renderPages';
import { sqlTipStore } from '../../../src/lib/tips/sqlTipStore';
import { sqlConversationStore } from '../../../src/lib/conversation/sqlConversationStore';
import { sqlStaffStore } from '../../../src/lib/staff/sqlStaffStore';
import { d1Driver } from '../../../src/lib/sql/d1Driver';
import { sqliteD1 } from './sqliteD1';
import { testReviewerKeys } from './sealingKeys';

// biome-ignore lint/suspicious/noExplicitAny: node:sqlite rows are untyped; each use below reads the columns it selected.
type SqliteRow = Record<string, any>;

export { openSealedBytes, openSealedText, testOpeningKey, testPassphrase, testPrivateKeyFile, testReviewerKeys } from './sealingKeys';

/** A stored tip as tests look at it. */
export interface StoredTip {
  id: string;
  content: string;
  abuseCheck: string;
  anonymous: boolean;
  sealedToKeyId: string;
  status: TipStatus;
  receivedAt: string;
  history: StatusChange[];
}

/**
 * The tip and staff cores' storage for fast in-process tests: the real SQL stores and D1 driver
 * on an in-memory SQLite (sqliteD1), files in memory. Rows are read back synchronously.
 */
export function sqlTipEnvironment(overrides: Partial<TipEnvironment['config']> = {}) {
  const { binding, sqlite } = sqliteD1();
  const driver = d1Driver(binding);
  const objects = new Map<string, Uint8Array>();
  let failNextPut = false;
  const rows = (sql: string, ...values: unknown[]) => sqlite.prepare(sql).all(...(values as never[])) as Array<SqliteRow>;
  const tips = (): StoredTip[] =>
    rows('SELECT * FROM tips ORDER BY received_at, rowid').map((row) => ({
      id: row.id,
      content: row.content,
      abuseCheck: row.abuse_check,
      anonymous: Boolean(row.anonymous),
      sealedToKeyId: row.sealed_to_key_id,
      status: row.status,
      receivedAt: row.received_at,
      history: rows('SELECT status, note, changed_by, changed_at FROM tip_status_changes WHERE tip_id = ? ORDER BY changed_at, id', row.id).map((change) => ({
        status: change.status,
        note: change.note,
        changedBy: change.changed_by,
        changedAt: change.changed_at,
      })),
    }));
  const auditLog = (): AuditEntry[] =>
    rows('SELECT at, actor, action, tip_id, detail FROM staff_audit ORDER BY rowid').map((row) => ({
      at: row.at,
      actor: row.actor,
      action: row.action,
      ...(row.tip_id ? { tipId: row.tip_id } : {}),
      detail: row.detail,
    }));
  const addAccount = (username: string, passwordHash: string) =>
    sqlite.prepare('INSERT INTO staff_accounts (username, password_hash, created_at) VALUES (?, ?, ?)').run(username, passwordHash, new Date().toISOString());
  const attachments: AttachmentStore = {
    async put(key, bytes) {
      if (failNextPut) {
        failNextPut = false;
        throw new Error('disk full');
      }
      objects.set(key, bytes);
    },
    async get(key) {
      return objects.get(key);
    },
    async delete(keys) {
      for (const key of keys) objects.delete(key);
    },
  };
  const shell = (title: string) => `<html><head><title>${title} | Site</title></head><body><main>${shellStart}${shellEnd}</main></body></html>`;
  const env: TipEnvironment = {
    store: sqlTipStore(driver),
    conversations: sqlConversationStore(driver),
    attachments,
    shells: { load: async (path) => shell(path) },
    config: {
      rateLimitMax: 100,
      rateLimitWindowSeconds: 600,
      trustTestClientHeader: true,
      statusMinimumMs: 0,
      reviewerKeys: testReviewerKeys,
      powHmacKey: 'unit-test-pow-key-0123456789',
      powMaxNumber: 1000,
      ...overrides,
    },
    clientAddress: '203.0.113.7',
  };
  return {
    env,
    tips,
    objects,
    rows,
    sqlite,
    staffStore: sqlStaffStore(driver),
    auditLog,
    addAccount,
    failNextAttachmentWrite: () => (failNextPut = true),
  };
}
