import { first, isoTime, type SqlDriver, type SqlStatement } from '../sql/sqlDriver';
import { startConversationStatement } from '../conversation/sqlConversationStore';
import type { NewTip, TipStatus, TipStore } from './storage';

/**
 * The one TipStore, over any SqlDriver (D1, PostgreSQL, PGlite). A tip, its files' rows, its
 * conversation, its idempotency record and its spent proof-of-work challenge are one batch: all or nothing.
 */
export function sqlTipStore(db: SqlDriver): TipStore {
  return {
    async findSealedReceipt(idempotencyKeyHash) {
      const row = await first<{ sealed_receipt: string }>(db, 'SELECT sealed_receipt FROM tip_submissions WHERE idempotency_key_hash = ?', [idempotencyKeyHash]);
      return row?.sealed_receipt;
    },

    async insertTip(tip: NewTip) {
      const statements: SqlStatement[] = [
        {
          sql: `INSERT INTO tips (id, receipt_hash, category, region, anonymous, content, sealed_to_key_id, abuse_check, received_at, status, status_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)`,
          params: [tip.id, tip.receiptHash, tip.category, tip.region, tip.anonymous, tip.content, tip.sealedToKeyId, tip.abuseCheck, tip.receivedAt, tip.receivedAt],
        },
        ...tip.attachments.map((attachment, position) => ({
          sql: `INSERT INTO tip_attachments (object_key, tip_id, position, content_type, byte_length, sha256, original_name)
                VALUES (?, ?, ?, ?, ?, ?, ?)`,
          params: [attachment.objectKey, tip.id, position, attachment.contentType, attachment.byteLength, attachment.sha256, attachment.originalName],
        })),
        startConversationStatement(tip.id, tip.tipsterPublicKey),
        {
          sql: 'INSERT INTO tip_submissions (idempotency_key_hash, tip_id, sealed_receipt, created_at) VALUES (?, ?, ?, ?)',
          params: [tip.idempotencyKeyHash, tip.id, tip.sealedReceipt, tip.receivedAt],
        },
        ...(tip.proofOfWork
          ? [
              { sql: 'DELETE FROM spent_pow_challenges WHERE keep_until < ?', params: [tip.receivedAt] },
              { sql: 'INSERT INTO spent_pow_challenges (challenge_hash, keep_until) VALUES (?, ?)', params: [tip.proofOfWork.id, tip.proofOfWork.keepUntil] },
            ]
          : []),
      ];
      try {
        await db.batch(statements);
        return 'inserted';
      } catch (error) {
        if (db.isUniqueViolation(error, 'tip_submissions')) return 'duplicate';
        if (db.isUniqueViolation(error, 'spent_pow_challenges')) return 'proof_of_work_spent';
        throw error;
      }
    },

    async findStatus(receiptHash) {
      const row = await first<{ status: TipStatus; status_changed_at: unknown }>(db, 'SELECT status, status_changed_at FROM tips WHERE receipt_hash = ?', [receiptHash]);
      return row ? { status: row.status, changedAt: isoTime(row.status_changed_at) } : undefined;
    },
  };
}
