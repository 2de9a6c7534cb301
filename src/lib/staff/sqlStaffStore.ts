import { findExpiredEvidence, markEvidenceDeleted } from '../sql/evidenceRetention.ts';
import { first, isoTime, optionalIsoTime, type SqlDriver } from '../sql/sqlDriver.ts';
import type { AbuseCheck, AuditEntry, SealedTip, StaffSession, StaffStore, TipFilter, TipStatus, TipSummary } from '../tips/storage.ts';
import { deadlineCutoffs } from './deadlines.ts';

interface TipRow {
  id: string;
  category: string;
  region: string;
  anonymous: number | boolean;
  received_at: unknown;
  status: TipStatus;
  status_changed_at: unknown;
  sealed_to_key_id: string;
  abuse_check: AbuseCheck;
  attachment_count: number | string;
}

const summaryColumns = `t.id, t.category, t.region, t.anonymous, t.received_at, t.status, t.status_changed_at, t.sealed_to_key_id, t.abuse_check,
  (SELECT COUNT(*) FROM tip_attachments a WHERE a.tip_id = t.id) AS attachment_count`;

function summary(row: TipRow): TipSummary {
  return {
    id: row.id,
    category: row.category,
    region: row.region,
    anonymous: Boolean(row.anonymous),
    receivedAt: isoTime(row.received_at),
    status: row.status,
    statusChangedAt: isoTime(row.status_changed_at),
    sealedToKeyId: row.sealed_to_key_id,
    abuseCheck: row.abuse_check,
    attachmentCount: Number(row.attachment_count),
  };
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

/**
 * WHERE clause and its values for a filter (values always bound). Days are whole UTC days given as
 * ISO instants, which D1 compares as text and PostgreSQL as timestamptz, with the same result.
 */
export function filterClause(filter: TipFilter): { where: string; values: string[] } {
  const conditions: Array<[string, string]> = [];
  if (filter.status) conditions.push(['t.status = ?', filter.status]);
  if (filter.category) conditions.push(['t.category = ?', filter.category]);
  if (filter.region) conditions.push(['t.region = ?', filter.region]);
  if (filter.receivedFrom) conditions.push(['t.received_at >= ?', `${filter.receivedFrom}T00:00:00.000Z`]);
  // Inclusive of the whole last day: everything before the next day's start.
  if (filter.receivedTo) conditions.push(['t.received_at < ?', nextDay(filter.receivedTo)]);
  return {
    where: conditions.length ? `WHERE ${conditions.map(([condition]) => condition).join(' AND ')}` : '',
    values: conditions.map(([, value]) => value),
  };
}

const session = (row: { id_hash: string; username: string; created_at: unknown; expires_at: unknown }): StaffSession => ({
  idHash: row.id_hash,
  username: row.username,
  createdAt: isoTime(row.created_at),
  expiresAt: isoTime(row.expires_at),
});

/** The one StaffStore, over any SqlDriver (D1, PostgreSQL, PGlite). */
export function sqlStaffStore(db: SqlDriver): StaffStore {
  return {
    async findAccount(username) {
      const row = await first<{ password_hash: string; failed_sign_ins: number | string; last_failed_sign_in_at: unknown }>(
        db,
        'SELECT password_hash, failed_sign_ins, last_failed_sign_in_at FROM staff_accounts WHERE username = ?',
        [username],
      );
      if (!row) return undefined;
      const lastFailedSignInAt = optionalIsoTime(row.last_failed_sign_in_at);
      return { passwordHash: row.password_hash, failedSignIns: Number(row.failed_sign_ins), ...(lastFailedSignInAt ? { lastFailedSignInAt } : {}) };
    },

    async saveAccount(username, passwordHash, at) {
      await db.batch([
        { sql: 'DELETE FROM staff_sessions WHERE username = ?', params: [username] },
        {
          sql: `INSERT INTO staff_accounts (username, password_hash, created_at) VALUES (?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, failed_sign_ins = 0, last_failed_sign_in_at = NULL`,
          params: [username, passwordHash, at],
        },
      ]);
    },

    async removeAccount(username) {
      const [, removed] = await db.batch([
        { sql: 'DELETE FROM staff_sessions WHERE username = ?', params: [username] },
        { sql: 'DELETE FROM staff_accounts WHERE username = ? RETURNING username', params: [username] },
      ]);
      return (removed ?? []).length > 0;
    },

    async listAccounts() {
      const rows = await db.all<{ username: string; created_at: unknown }>('SELECT username, created_at FROM staff_accounts ORDER BY username');
      return rows.map((row) => ({ username: row.username, createdAt: isoTime(row.created_at) }));
    },

    async recordFailedSignIn(username, at) {
      const row = await first<{ failed_sign_ins: number | string }>(
        db,
        'UPDATE staff_accounts SET failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in_at = ? WHERE username = ? RETURNING failed_sign_ins',
        [at, username],
      );
      return Number(row?.failed_sign_ins ?? 0);
    },

    async countPasswordCheck(windowStart) {
      const [, [row]] = (await db.batch([
        // Old windows are useless a minute later; every check sweeps them (one indexed delete).
        { sql: 'DELETE FROM staff_sign_in_checks WHERE window_start < ?', params: [windowStart] },
        {
          sql: `INSERT INTO staff_sign_in_checks (window_start, checks) VALUES (?, 1)
                ON CONFLICT (window_start) DO UPDATE SET checks = staff_sign_in_checks.checks + 1 RETURNING checks`,
          params: [windowStart],
        },
      ])) as [unknown, Array<{ checks: number | string }>];
      return Number(row?.checks ?? 1);
    },

    async startSession(started) {
      await db.batch([
        { sql: 'DELETE FROM staff_sessions WHERE expires_at <= ?', params: [started.createdAt] },
        { sql: 'UPDATE staff_accounts SET failed_sign_ins = 0, last_failed_sign_in_at = NULL WHERE username = ?', params: [started.username] },
        {
          sql: 'INSERT INTO staff_sessions (id_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)',
          params: [started.idHash, started.username, started.createdAt, started.expiresAt],
        },
      ]);
    },

    async findSession(idHash) {
      const row = await first<{ id_hash: string; username: string; created_at: unknown; expires_at: unknown }>(
        db,
        `SELECT s.id_hash, s.username, s.created_at, s.expires_at FROM staff_sessions s
         JOIN staff_accounts a ON a.username = s.username WHERE s.id_hash = ?`,
        [idHash],
      );
      return row ? session(row) : undefined;
    },

    async endSession(idHash) {
      await db.all('DELETE FROM staff_sessions WHERE id_hash = ?', [idHash]);
    },

    async listSessions(username, now) {
      const rows = await db.all<{ id_hash: string; username: string; created_at: unknown; expires_at: unknown }>(
        'SELECT id_hash, username, created_at, expires_at FROM staff_sessions WHERE username = ? AND expires_at > ? ORDER BY created_at DESC, id_hash',
        [username, now],
      );
      return rows.map(session);
    },

    async endOtherSessions(username, keepIdHash) {
      const rows = await db.all('DELETE FROM staff_sessions WHERE username = ? AND id_hash <> ? RETURNING id_hash', [username, keepIdHash]);
      return rows.length;
    },

    async listTips(filter, page, now, rules) {
      const { where, values } = filterClause(filter);
      const { acknowledgeBy, answerBy } = deadlineCutoffs(now, rules);
      const total = await first<{ total: number | string }>(db, `SELECT COUNT(*) AS total FROM tips t ${where}`, values);
      const rows = await db.all<TipRow>(
        `SELECT ${summaryColumns} FROM tips t ${where}
         ORDER BY CASE
           WHEN t.status IN ('received', 'under_review') AND t.received_at < ? THEN 0
           WHEN t.status = 'received' AND t.received_at < ? THEN 1
           WHEN t.status IN ('received', 'under_review') THEN 2
           ELSE 3 END,
         -- Within a deadline state, a tip whose tipster answered since staff last read it (compareForStaffList).
         CASE WHEN EXISTS (SELECT 1 FROM tip_conversations c WHERE c.tip_id = t.id AND c.last_tipster_position > c.staff_read_through) THEN 0 ELSE 1 END,
         t.received_at, t.id
         LIMIT ? OFFSET ?`,
        [...values, answerBy, acknowledgeBy, page.limit, page.offset],
      );
      return { tips: rows.map(summary), total: Number(total?.total ?? 0) };
    },

    async findTip(id) {
      const row = await first<TipRow & { content: string; content_erased_at: unknown }>(db, `SELECT ${summaryColumns}, t.content, t.content_erased_at FROM tips t WHERE t.id = ?`, [
        id,
      ]);
      if (!row) return undefined;
      const attachments = await db.all<{ position: number | string; object_key: string; byte_length: number | string; deleted_at: unknown }>(
        'SELECT position, object_key, byte_length, deleted_at FROM tip_attachments WHERE tip_id = ? ORDER BY position',
        [id],
      );
      const history = await db.all<{ status: TipStatus; note: string; changed_by: string; changed_at: unknown }>(
        'SELECT status, note, changed_by, changed_at FROM tip_status_changes WHERE tip_id = ? ORDER BY changed_at, id',
        [id],
      );
      const contentErasedAt = optionalIsoTime(row.content_erased_at);
      const tip: SealedTip = {
        ...summary(row),
        content: row.content,
        ...(contentErasedAt ? { contentErasedAt } : {}),
        attachments: attachments.map((attachment) => {
          const deletedAt = optionalIsoTime(attachment.deleted_at);
          return { position: Number(attachment.position), objectKey: attachment.object_key, byteLength: Number(attachment.byte_length), ...(deletedAt ? { deletedAt } : {}) };
        }),
        history: history.map((change) => ({ status: change.status, note: change.note, changedBy: change.changed_by, changedAt: isoTime(change.changed_at) })),
      };
      return tip;
    },

    async changeStatus(id, change) {
      // Tips are never deleted, so one that exists now still exists when the batch runs.
      if (!(await first(db, 'SELECT id FROM tips WHERE id = ?', [id]))) return false;
      await db.batch([
        { sql: 'UPDATE tips SET status = ?, status_changed_at = ? WHERE id = ?', params: [change.status, change.changedAt, id] },
        {
          sql: 'INSERT INTO tip_status_changes (id, tip_id, status, note, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
          params: [crypto.randomUUID(), id, change.status, change.note, change.changedBy, change.changedAt],
        },
      ]);
      return true;
    },

    async audit(entry: AuditEntry) {
      await db.all('INSERT INTO staff_audit (id, at, actor, action, tip_id, detail) VALUES (?, ?, ?, ?, ?, ?)', [
        crypto.randomUUID(),
        entry.at,
        entry.actor,
        entry.action,
        entry.tipId ?? null,
        entry.detail,
      ]);
    },

    async listAudit(page) {
      const total = await first<{ total: number | string }>(db, 'SELECT COUNT(*) AS total FROM staff_audit');
      const rows = await db.all<{ at: unknown; actor: string; action: AuditEntry['action']; tip_id: string | null; detail: string }>(
        'SELECT at, actor, action, tip_id, detail FROM staff_audit ORDER BY at DESC, id LIMIT ? OFFSET ?',
        [page.limit, page.offset],
      );
      return {
        entries: rows.map((row) => ({ at: isoTime(row.at), actor: row.actor, action: row.action, ...(row.tip_id ? { tipId: row.tip_id } : {}), detail: row.detail })),
        total: Number(total?.total ?? 0),
      };
    },

    findExpiredAttachments: (closedBefore) => findExpiredEvidence(db, 'tip_attachments', closedBefore),

    markAttachmentsDeleted: (objectKeys, at) => markEvidenceDeleted(db, 'tip_attachments', objectKeys, at),

    async eraseClosedTips(closedBefore, at) {
      const closed = "status = 'closed' AND status_changed_at < ? AND content_erased_at IS NULL";
      const [, , erased] = await db.batch([
        { sql: `DELETE FROM tip_submissions WHERE tip_id IN (SELECT id FROM tips WHERE ${closed})`, params: [closedBefore] },
        // Both copies of every message (what either side wrote): the rows stay, so the order and counts do.
        { sql: `UPDATE tip_messages SET for_tipster = '', for_reviewers = '' WHERE tip_id IN (SELECT id FROM tips WHERE ${closed})`, params: [closedBefore] },
        { sql: `UPDATE tips SET content = '', content_erased_at = ? WHERE ${closed} RETURNING id`, params: [at, closedBefore] },
      ]);
      return (erased ?? []).map((row) => String(row.id));
    },
  };
}
