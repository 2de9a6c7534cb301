import type { D1Database } from '../tips/cloudflare/bindings';
import type { AbuseCheck, AuditEntry, SealedTip, StaffStore, TipFilter, TipStatus, TipSummary } from '../tips/storage';
import { deadlineCutoffs } from './deadlines';

interface TipRow {
  id: string;
  category: string;
  region: string;
  anonymous: number;
  received_at: string;
  status: TipStatus;
  status_changed_at: string;
  sealed_to_key_id: string;
  abuse_check: AbuseCheck;
  attachment_count: number;
}

const summaryColumns = `t.id, t.category, t.region, t.anonymous, t.received_at, t.status, t.status_changed_at, t.sealed_to_key_id, t.abuse_check,
  (SELECT COUNT(*) FROM tip_attachments a WHERE a.tip_id = t.id) AS attachment_count`;

function summary(row: TipRow): TipSummary {
  return {
    id: row.id,
    category: row.category,
    region: row.region,
    anonymous: Boolean(row.anonymous),
    receivedAt: row.received_at,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    sealedToKeyId: row.sealed_to_key_id,
    abuseCheck: row.abuse_check,
    attachmentCount: Number(row.attachment_count),
  };
}

/** WHERE clause and its values for a filter (values always bound, never spliced into SQL). */
export function filterClause(filter: TipFilter): { where: string; values: string[] } {
  const conditions: string[] = [];
  const values: string[] = [];
  if (filter.status) (conditions.push('t.status = ?'), values.push(filter.status));
  if (filter.category) (conditions.push('t.category = ?'), values.push(filter.category));
  if (filter.region) (conditions.push('t.region = ?'), values.push(filter.region));
  if (filter.receivedFrom) (conditions.push('t.received_at >= ?'), values.push(filter.receivedFrom));
  // Inclusive of the whole last day: everything before the next day's start.
  if (filter.receivedTo) (conditions.push('t.received_at < ?'), values.push(`${filter.receivedTo}T99`));
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', values };
}

/** StaffStore on D1. The SQL is plain enough for PostgreSQL too (bound values, CASE, LIMIT/OFFSET). */
export function d1StaffStore(db: D1Database): StaffStore {
  const all = async <T>(sql: string, values: unknown[]): Promise<T[]> => (await db.prepare(sql).bind(...values).all<T>()).results;
  return {
    async findPasswordHash(username) {
      const row = await db.prepare('SELECT password_hash FROM staff_accounts WHERE username = ?').bind(username).first<{ password_hash: string }>();
      return row?.password_hash;
    },

    async listTips(filter, page, now, rules) {
      const { where, values } = filterClause(filter);
      const { acknowledgeBy, answerBy } = deadlineCutoffs(now, rules);
      const total = await db.prepare(`SELECT COUNT(*) AS total FROM tips t ${where}`).bind(...values).first<{ total: number }>();
      const rows = await all<TipRow>(
        `SELECT ${summaryColumns} FROM tips t ${where}
         ORDER BY CASE
           WHEN t.status IN ('received', 'under_review') AND t.received_at < ? THEN 0
           WHEN t.status = 'received' AND t.received_at < ? THEN 1
           WHEN t.status IN ('received', 'under_review') THEN 2
           ELSE 3 END, t.received_at, t.id
         LIMIT ? OFFSET ?`,
        [...values, answerBy, acknowledgeBy, page.limit, page.offset],
      );
      return { tips: rows.map(summary), total: Number(total?.total ?? 0) };
    },

    async findTip(id) {
      const row = await db.prepare(`SELECT ${summaryColumns}, t.content FROM tips t WHERE t.id = ?`).bind(id).first<TipRow & { content: string }>();
      if (!row) return undefined;
      const attachments = await all<{ position: number; object_key: string; byte_length: number; deleted_at: string | null }>(
        'SELECT position, object_key, byte_length, deleted_at FROM tip_attachments WHERE tip_id = ? ORDER BY position',
        [id],
      );
      const history = await all<{ status: TipStatus; note: string; changed_by: string; changed_at: string }>(
        'SELECT status, note, changed_by, changed_at FROM tip_status_changes WHERE tip_id = ? ORDER BY changed_at, id',
        [id],
      );
      const tip: SealedTip = {
        ...summary(row),
        content: row.content,
        attachments: attachments.map((attachment) => ({
          position: attachment.position,
          objectKey: attachment.object_key,
          byteLength: attachment.byte_length,
          ...(attachment.deleted_at ? { deletedAt: attachment.deleted_at } : {}),
        })),
        history: history.map((change) => ({ status: change.status, note: change.note, changedBy: change.changed_by, changedAt: change.changed_at })),
      };
      return tip;
    },

    async changeStatus(id, change) {
      const exists = await db.prepare('SELECT id FROM tips WHERE id = ?').bind(id).first();
      if (!exists) return false;
      await db.batch([
        db.prepare('UPDATE tips SET status = ?, status_changed_at = ? WHERE id = ?').bind(change.status, change.changedAt, id),
        db
          .prepare('INSERT INTO tip_status_changes (id, tip_id, status, note, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)')
          .bind(crypto.randomUUID(), id, change.status, change.note, change.changedBy, change.changedAt),
      ]);
      return true;
    },

    async audit(entry: AuditEntry) {
      await db
        .prepare('INSERT INTO staff_audit (id, at, actor, action, tip_id, detail) VALUES (?, ?, ?, ?, ?, ?)')
        .bind(crypto.randomUUID(), entry.at, entry.actor, entry.action, entry.tipId ?? null, entry.detail)
        .run();
    },

    async listAudit(page) {
      const total = await db.prepare('SELECT COUNT(*) AS total FROM staff_audit').first<{ total: number }>();
      const rows = await all<{ at: string; actor: string; action: AuditEntry['action']; tip_id: string | null; detail: string }>(
        'SELECT at, actor, action, tip_id, detail FROM staff_audit ORDER BY at DESC, id LIMIT ? OFFSET ?',
        [page.limit, page.offset],
      );
      return {
        entries: rows.map((row) => ({ at: row.at, actor: row.actor, action: row.action, ...(row.tip_id ? { tipId: row.tip_id } : {}), detail: row.detail })),
        total: Number(total?.total ?? 0),
      };
    },

    async findExpiredAttachments(closedBefore) {
      const rows = await all<{ tip_id: string; object_key: string }>(
        `SELECT a.tip_id, a.object_key FROM tip_attachments a JOIN tips t ON t.id = a.tip_id
         WHERE t.status = 'closed' AND t.status_changed_at < ? AND a.deleted_at IS NULL`,
        [closedBefore],
      );
      return rows.map((row) => ({ tipId: row.tip_id, objectKey: row.object_key }));
    },

    async markAttachmentsDeleted(objectKeys, at) {
      if (objectKeys.length === 0) return;
      await db.batch(objectKeys.map((key) => db.prepare('UPDATE tip_attachments SET deleted_at = ? WHERE object_key = ?').bind(at, key)));
    },

    async countAttempt(key, windowStart) {
      const row = await db
        .prepare(
          `INSERT INTO tip_rate_counters (client_key, window_start, request_count) VALUES (?, ?, 1)
           ON CONFLICT (client_key, window_start) DO UPDATE SET request_count = tip_rate_counters.request_count + 1
           RETURNING request_count`,
        )
        .bind(`staff-login:${key}`, windowStart)
        .first<{ request_count: number }>();
      return row?.request_count ?? 1;
    },
  };
}
