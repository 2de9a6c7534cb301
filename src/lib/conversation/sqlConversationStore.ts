import { findExpiredEvidence, markEvidenceDeleted } from '../sql/evidenceRetention.ts';
import { first, isoTime, optionalIsoTime, placeholders, type SqlDriver, type SqlStatement } from '../sql/sqlDriver.ts';
import type { TipStatus } from '../tips/storage.ts';
import type { MessageAuthor } from './model.ts';
import type { ConversationStore, StoredConversationMessage, StoredMessageFile } from './store.ts';

/**
 * The statement that gives a new tip its conversation. The tip store runs it in the batch that
 * inserts the tip (a tip acknowledged is a tip that can be talked to), startConversation alone.
 */
export function startConversationStatement(tipId: string, tipsterPublicKey: string): SqlStatement {
  return { sql: 'INSERT INTO tip_conversations (tip_id, tipster_public_key) VALUES (?, ?)', params: [tipId, tipsterPublicKey] };
}

interface MessageRow {
  position: number | string;
  author: MessageAuthor;
  sent_hour: unknown;
  for_tipster: string;
  for_reviewers: string;
  sealed_to_key_id: string;
  written_by: string;
  file_count: number | string;
}

interface FileRow {
  object_key: string;
  message_position: number | string;
  position: number | string;
  content_type: string;
  byte_length: number | string;
  sha256: string;
  deleted_at: unknown;
}

function storedFile(row: FileRow): StoredMessageFile {
  const deletedAt = optionalIsoTime(row.deleted_at);
  return {
    objectKey: row.object_key,
    position: Number(row.position),
    contentType: row.content_type,
    byteLength: Number(row.byte_length),
    sha256: row.sha256,
    ...(deletedAt ? { deletedAt } : {}),
  };
}

function storedMessage(tipId: string, row: MessageRow, files: FileRow[]): StoredConversationMessage {
  const position = Number(row.position);
  return {
    tipId,
    position,
    author: row.author,
    sentHour: isoTime(row.sent_hour),
    forTipster: row.for_tipster,
    forReviewers: row.for_reviewers,
    sealedToKeyId: row.sealed_to_key_id,
    writtenBy: row.written_by,
    fileCount: Number(row.file_count),
    files: files
      .filter((file) => Number(file.message_position) === position)
      .map(storedFile)
      .sort((a, b) => a.position - b.position),
  };
}

/** The one ConversationStore, over any SqlDriver (D1, PostgreSQL, PGlite). */
export function sqlConversationStore(db: SqlDriver): ConversationStore {
  return {
    async startConversation(tipId, tipsterPublicKey) {
      await db.batch([startConversationStatement(tipId, tipsterPublicKey)]);
    },

    async findConversation(tipId) {
      const conversation = await first<{ tipster_public_key: string; staff_read_through: number | string; tipster_seen_through: number | string }>(
        db,
        'SELECT tipster_public_key, staff_read_through, tipster_seen_through FROM tip_conversations WHERE tip_id = ?',
        [tipId],
      );
      if (!conversation) return undefined;
      const [messages, files] = await Promise.all([
        db.all<MessageRow>(
          'SELECT position, author, sent_hour, for_tipster, for_reviewers, sealed_to_key_id, written_by, file_count FROM tip_messages WHERE tip_id = ? ORDER BY position',
          [tipId],
        ),
        db.all<FileRow>('SELECT object_key, message_position, position, content_type, byte_length, sha256, deleted_at FROM tip_message_files WHERE tip_id = ?', [tipId]),
      ]);
      return {
        tipId,
        tipsterPublicKey: conversation.tipster_public_key,
        staffReadThrough: Number(conversation.staff_read_through),
        tipsterSeenThrough: Number(conversation.tipster_seen_through),
        messages: messages.map((row) => storedMessage(tipId, row, files)),
      };
    },

    async appendMessage(message) {
      // The seal is bound to the position, so only the next one will do; two writers racing for it
      // meet the primary key, and the loser writes nothing.
      const taken = await first<{ count: number | string }>(db, 'SELECT COUNT(*) AS count FROM tip_messages WHERE tip_id = ?', [message.tipId]);
      if (Number(taken?.count ?? 0) !== message.position) return 'position_taken';
      const statements: SqlStatement[] = [
        {
          sql: `INSERT INTO tip_messages (tip_id, position, author, sent_hour, for_tipster, for_reviewers, sealed_to_key_id, written_by, file_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          params: [
            message.tipId,
            message.position,
            message.author,
            message.sentHour,
            message.forTipster,
            message.forReviewers,
            message.sealedToKeyId,
            message.writtenBy,
            message.files.length,
          ],
        },
        ...message.files.map((file, position) => ({
          sql: `INSERT INTO tip_message_files (object_key, tip_id, message_position, position, content_type, byte_length, sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?)`,
          params: [file.objectKey, message.tipId, message.position, position, file.contentType, file.byteLength, file.sha256],
        })),
        ...(message.author === 'tipster' ? [{ sql: 'UPDATE tip_conversations SET last_tipster_position = ? WHERE tip_id = ?', params: [message.position, message.tipId] }] : []),
      ];
      try {
        await db.batch(statements);
        return 'appended';
      } catch (error) {
        if (db.isUniqueViolation(error, 'tip_messages')) return 'position_taken';
        throw error;
      }
    },

    async markReadByStaff(tipId, through) {
      await db.batch([{ sql: 'UPDATE tip_conversations SET staff_read_through = ? WHERE tip_id = ? AND staff_read_through < ?', params: [through, tipId, through] }]);
    },

    async markSeenByTipster(tipId, through) {
      await db.batch([{ sql: 'UPDATE tip_conversations SET tipster_seen_through = ? WHERE tip_id = ? AND tipster_seen_through < ?', params: [through, tipId, through] }]);
    },

    async tipsWithUnreadAnswer(tipIds) {
      if (tipIds.length === 0) return new Set();
      const rows = await db.all<{ tip_id: string }>(
        `SELECT tip_id FROM tip_conversations WHERE last_tipster_position > staff_read_through AND tip_id IN (${placeholders(tipIds.length)})`,
        [...tipIds],
      );
      return new Set(rows.map((row) => row.tip_id));
    },

    async messageCounts(tipIds) {
      const counts = new Map(tipIds.map((tipId) => [tipId, { staff: 0, tipster: 0 }]));
      if (tipIds.length === 0) return counts;
      const rows = await db.all<{ tip_id: string; author: MessageAuthor; count: number | string }>(
        `SELECT tip_id, author, COUNT(*) AS count FROM tip_messages WHERE tip_id IN (${placeholders(tipIds.length)}) GROUP BY tip_id, author`,
        [...tipIds],
      );
      for (const row of rows) counts.get(row.tip_id)![row.author] = Number(row.count);
      return counts;
    },

    findExpiredMessageFiles: (closedBefore) => findExpiredEvidence(db, 'tip_message_files', closedBefore),

    markMessageFilesDeleted: (objectKeys, at) => markEvidenceDeleted(db, 'tip_message_files', objectKeys, at),

    async endTipsterSession(sessionId, expiresAt) {
      const now = new Date().toISOString();
      // Ids whose tokens have expired refuse nothing any more: dropped as new ones come.
      await db.batch([
        { sql: 'DELETE FROM tipster_sessions_ended WHERE expires_at < ?', params: [now] },
        {
          sql: 'INSERT INTO tipster_sessions_ended (session_id, expires_at) VALUES (?, ?) ON CONFLICT (session_id) DO NOTHING',
          params: [sessionId, new Date(expiresAt).toISOString()],
        },
      ]);
    },

    async isTipsterSessionEnded(sessionId, now) {
      const row = await first(db, 'SELECT session_id FROM tipster_sessions_ended WHERE session_id = ? AND expires_at > ?', [sessionId, new Date(now).toISOString()]);
      return row !== undefined;
    },

    async findTipIdByReceipt(receiptHash) {
      return (await first<{ id: string }>(db, 'SELECT id FROM tips WHERE receipt_hash = ?', [receiptHash]))?.id;
    },

    async findTipsterStatus(tipId) {
      const tip = await first<{ status: TipStatus; received_at: unknown }>(db, 'SELECT status, received_at FROM tips WHERE id = ?', [tipId]);
      if (!tip) return undefined;
      const changes = await db.all<{ status: TipStatus; changed_at: unknown }>('SELECT status, changed_at FROM tip_status_changes WHERE tip_id = ? ORDER BY changed_at, id', [
        tipId,
      ]);
      return {
        status: tip.status,
        history: [{ status: 'received' as const, changedAt: isoTime(tip.received_at) }, ...changes.map((row) => ({ status: row.status, changedAt: isoTime(row.changed_at) }))],
      };
    },

    async countTipsterMessagesSince(tipId, sinceHour) {
      const row = await first<{ count: number | string }>(db, "SELECT COUNT(*) AS count FROM tip_messages WHERE tip_id = ? AND author = 'tipster' AND sent_hour >= ?", [
        tipId,
        sinceHour,
      ]);
      return Number(row?.count ?? 0);
    },

    async listReviewerCopies() {
      const rows = await db.all<{ tip_id: string; position: number | string; author: MessageAuthor; for_reviewers: string; sealed_to_key_id: string }>(
        'SELECT tip_id, position, author, for_reviewers, sealed_to_key_id FROM tip_messages ORDER BY tip_id, position',
      );
      return rows.map((row) => ({ tipId: row.tip_id, position: Number(row.position), author: row.author, forReviewers: row.for_reviewers, sealedToKeyId: row.sealed_to_key_id }));
    },

    async replaceReviewerCopy(tipId, position, previous, next, sealedToKeyId) {
      const updated = await db.all('UPDATE tip_messages SET for_reviewers = ?, sealed_to_key_id = ? WHERE tip_id = ? AND position = ? AND for_reviewers = ? RETURNING position', [
        next,
        sealedToKeyId,
        tipId,
        position,
        previous,
      ]);
      return updated.length > 0;
    },
  };
}
