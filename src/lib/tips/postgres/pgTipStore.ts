import type { NewTip, TipStatus, TipStore } from '../storage';
import { uniqueViolationOf, type PgDatabase } from './database';

/**
 * TipStore on PostgreSQL: the twin of cloudflare/d1TipStore.ts, kept as small. The tip, its files'
 * rows and its submission key are written in one transaction; rate-limit counts are one upsert, so
 * any number of Node processes can share the database and nothing is counted in memory.
 */
export function pgTipStore(db: PgDatabase): TipStore {
  return {
    async findSealedReceipt(idempotencyKeyHash) {
      const { rows } = await db.query<{ sealed_receipt: string }>(
        'SELECT sealed_receipt FROM tip_submissions WHERE idempotency_key_hash = $1',
        [idempotencyKeyHash],
      );
      return rows[0]?.sealed_receipt;
    },

    async insertTip(tip: NewTip) {
      try {
        await db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO tips (id, receipt_hash, category, region, anonymous, content, sealed_to_key_id, abuse_check, received_at, status, status_changed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received', $9)`,
            [tip.id, tip.receiptHash, tip.category, tip.region, tip.anonymous, tip.content, tip.sealedToKeyId, tip.abuseCheck, tip.receivedAt],
          );
          for (const [position, attachment] of tip.attachments.entries()) {
            await tx.query(
              `INSERT INTO tip_attachments (object_key, tip_id, position, content_type, byte_length, sha256, original_name)
               VALUES ($1, $2, $3, $4, $5, $6, $7)`,
              [attachment.objectKey, tip.id, position, attachment.contentType, attachment.byteLength, attachment.sha256, attachment.originalName],
            );
          }
          await tx.query(
            'INSERT INTO tip_submissions (idempotency_key_hash, tip_id, sealed_receipt, created_at) VALUES ($1, $2, $3, $4)',
            [tip.idempotencyKeyHash, tip.id, tip.sealedReceipt, tip.receivedAt],
          );
        });
        return 'inserted';
      } catch (error) {
        if (uniqueViolationOf(error) === 'tip_submissions_pkey') return 'duplicate';
        throw error;
      }
    },

    async findStatus(receiptHash) {
      const { rows } = await db.query<{ status: TipStatus; status_changed_at: Date | string }>(
        'SELECT status, status_changed_at FROM tips WHERE receipt_hash = $1',
        [receiptHash],
      );
      const row = rows[0];
      return row ? { status: row.status, changedAt: new Date(row.status_changed_at).toISOString() } : undefined;
    },

    async countRequest(clientKey, windowStart) {
      const { rows } = await db.query<{ request_count: number }>(
        `INSERT INTO tip_rate_counters (client_key, window_start, request_count) VALUES ($1, $2, 1)
         ON CONFLICT (client_key, window_start) DO UPDATE SET request_count = tip_rate_counters.request_count + 1
         RETURNING request_count`,
        [clientKey, windowStart],
      );
      // Old windows are useless after a day; a few requests in a hundred sweep them.
      if (Math.random() < 0.02) await db.query('DELETE FROM tip_rate_counters WHERE window_start < $1', [windowStart - 86_400]);
      return Number(rows[0]?.request_count ?? 1);
    },
  };
}
