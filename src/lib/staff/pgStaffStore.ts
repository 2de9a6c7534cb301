import type { AbuseCheck, AuditEntry, SealedTip, StaffStore, TipFilter, TipStatus, TipSummary } from '../tips/storage';
import type { PgDatabase } from '../tips/postgres/database';
import { deadlineCutoffs } from './deadlines';

interface TipRow {
  id: string;
  category: string;
  region: string;
  anonymous: boolean;
  received_at: Date | string;
  status: TipStatus;
  status_changed_at: Date | string;
  sealed_to_key_id: string;
  abuse_check: AbuseCheck;
  attachment_count: number | string;
}

const summaryColumns = `t.id, t.category, t.region, t.anonymous, t.received_at, t.status, t.status_changed_at, t.sealed_to_key_id, t.abuse_check,
  (SELECT COUNT(*) FROM tip_attachments a WHERE a.tip_id = t.id) AS attachment_count`;

// tips' times are timestamptz in PostgreSQL (text in D1): staff see the same ISO strings from both.
const iso = (value: Date | string) => new Date(value).toISOString();

function summary(row: TipRow): TipSummary {
  return {
    id: row.id,
    category: row.category,
    region: row.region,
    anonymous: row.anonymous,
    receivedAt: iso(row.received_at),
    status: row.status,
    statusChangedAt: iso(row.status_changed_at),
    sealedToKeyId: row.sealed_to_key_id,
    abuseCheck: row.abuse_check,
    attachmentCount: Number(row.attachment_count),
  };
}

/**
 * WHERE clause and its values for a filter, with $n placeholders from `first` on (values always
 * bound). Dates are whole UTC days, as D1 compares its ISO text.
 */
export function pgFilterClause(filter: TipFilter, first = 1): { where: string; values: string[] } {
  const conditions: string[] = [];
  const values: string[] = [];
  const bind = (value: string) => `$${first + values.push(value) - 1}`;
  if (filter.status) conditions.push(`t.status = ${bind(filter.status)}`);
  if (filter.category) conditions.push(`t.category = ${bind(filter.category)}`);
  if (filter.region) conditions.push(`t.region = ${bind(filter.region)}`);
  if (filter.receivedFrom) conditions.push(`t.received_at >= (${bind(filter.receivedFrom)}::date)::timestamp AT TIME ZONE 'UTC'`);
  // Inclusive of the whole last day: everything before the next day's start.
  if (filter.receivedTo) conditions.push(`t.received_at < (${bind(filter.receivedTo)}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', values };
}

/** StaffStore on PostgreSQL: the twin of d1StaffStore.ts (same queries; booleans, timestamptz and $n differ). */
export function pgStaffStore(db: PgDatabase): StaffStore {
  return {
    async findPasswordHash(username) {
      const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM staff_accounts WHERE username = $1', [username]);
      return rows[0]?.password_hash;
    },

    async listTips(filter, page, now, rules) {
      const { where, values } = pgFilterClause(filter);
      const { acknowledgeBy, answerBy } = deadlineCutoffs(now, rules);
      const total = await db.query<{ total: number | string }>(`SELECT COUNT(*) AS total FROM tips t ${where}`, values);
      const n = values.length;
      const { rows } = await db.query<TipRow>(
        `SELECT ${summaryColumns} FROM tips t ${where}
         ORDER BY CASE
           WHEN t.status IN ('received', 'under_review') AND t.received_at < $${n + 1} THEN 0
           WHEN t.status = 'received' AND t.received_at < $${n + 2} THEN 1
           WHEN t.status IN ('received', 'under_review') THEN 2
           ELSE 3 END, t.received_at, t.id
         LIMIT $${n + 3} OFFSET $${n + 4}`,
        [...values, answerBy, acknowledgeBy, page.limit, page.offset],
      );
      return { tips: rows.map(summary), total: Number(total.rows[0]?.total ?? 0) };
    },

    async findTip(id) {
      const { rows } = await db.query<TipRow & { content: string }>(`SELECT ${summaryColumns}, t.content FROM tips t WHERE t.id = $1`, [id]);
      const row = rows[0];
      if (!row) return undefined;
      const attachments = await db.query<{ position: number; object_key: string; byte_length: number | string; deleted_at: string | null }>(
        'SELECT position, object_key, byte_length, deleted_at FROM tip_attachments WHERE tip_id = $1 ORDER BY position',
        [id],
      );
      const history = await db.query<{ status: TipStatus; note: string; changed_by: string; changed_at: string }>(
        'SELECT status, note, changed_by, changed_at FROM tip_status_changes WHERE tip_id = $1 ORDER BY changed_at, id',
        [id],
      );
      const tip: SealedTip = {
        ...summary(row),
        content: row.content,
        attachments: attachments.rows.map((attachment) => ({
          position: Number(attachment.position),
          objectKey: attachment.object_key,
          byteLength: Number(attachment.byte_length),
          ...(attachment.deleted_at ? { deletedAt: attachment.deleted_at } : {}),
        })),
        history: history.rows.map((change) => ({ status: change.status, note: change.note, changedBy: change.changed_by, changedAt: change.changed_at })),
      };
      return tip;
    },

    async changeStatus(id, change) {
      return db.transaction(async (tx) => {
        const updated = await tx.query<{ id: string }>('UPDATE tips SET status = $1, status_changed_at = $2 WHERE id = $3 RETURNING id', [change.status, change.changedAt, id]);
        if (updated.rows.length === 0) return false;
        await tx.query('INSERT INTO tip_status_changes (id, tip_id, status, note, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          crypto.randomUUID(),
          id,
          change.status,
          change.note,
          change.changedBy,
          change.changedAt,
        ]);
        return true;
      });
    },

    async audit(entry: AuditEntry) {
      await db.query('INSERT INTO staff_audit (id, at, actor, action, tip_id, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
        crypto.randomUUID(),
        entry.at,
        entry.actor,
        entry.action,
        entry.tipId ?? null,
        entry.detail,
      ]);
    },

    async listAudit(page) {
      const total = await db.query<{ total: number | string }>('SELECT COUNT(*) AS total FROM staff_audit');
      const { rows } = await db.query<{ at: string; actor: string; action: AuditEntry['action']; tip_id: string | null; detail: string }>(
        'SELECT at, actor, action, tip_id, detail FROM staff_audit ORDER BY at DESC, id LIMIT $1 OFFSET $2',
        [page.limit, page.offset],
      );
      return {
        entries: rows.map((row) => ({ at: row.at, actor: row.actor, action: row.action, ...(row.tip_id ? { tipId: row.tip_id } : {}), detail: row.detail })),
        total: Number(total.rows[0]?.total ?? 0),
      };
    },

    async findExpiredAttachments(closedBefore) {
      const { rows } = await db.query<{ tip_id: string; object_key: string }>(
        `SELECT a.tip_id, a.object_key FROM tip_attachments a JOIN tips t ON t.id = a.tip_id
         WHERE t.status = 'closed' AND t.status_changed_at < $1 AND a.deleted_at IS NULL`,
        [closedBefore],
      );
      return rows.map((row) => ({ tipId: row.tip_id, objectKey: row.object_key }));
    },

    async markAttachmentsDeleted(objectKeys, at) {
      if (objectKeys.length === 0) return;
      await db.query('UPDATE tip_attachments SET deleted_at = $1 WHERE object_key = ANY($2::text[])', [at, objectKeys]);
    },

    async countAttempt(key, windowStart) {
      const { rows } = await db.query<{ request_count: number | string }>(
        `INSERT INTO tip_rate_counters (client_key, window_start, request_count) VALUES ($1, $2, 1)
         ON CONFLICT (client_key, window_start) DO UPDATE SET request_count = tip_rate_counters.request_count + 1
         RETURNING request_count`,
        [`staff-login:${key}`, windowStart],
      );
      return Number(rows[0]?.request_count ?? 1);
    },
  };
}
