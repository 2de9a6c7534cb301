import type { AttachmentStore, NewTip, TipStatus, TipStore } from '../storage';
import type { D1Database, R2Bucket } from './bindings';

/** TipStore on Cloudflare D1 (SQLite). The tip, its files' rows and its submission key go in one batch, which D1 runs as a transaction. */
export function d1TipStore(db: D1Database): TipStore {
  return {
    async findSealedReceipt(idempotencyKeyHash) {
      const row = await db
        .prepare('SELECT sealed_receipt FROM tip_submissions WHERE idempotency_key_hash = ?')
        .bind(idempotencyKeyHash)
        .first<{ sealed_receipt: string }>();
      return row?.sealed_receipt;
    },

    async insertTip(tip: NewTip) {
      const statements = [
        db
          .prepare(
            `INSERT INTO tips (id, receipt_hash, category, region, anonymous, content, sealed_to_key_id, abuse_check, received_at, status, status_changed_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)`,
          )
          .bind(tip.id, tip.receiptHash, tip.category, tip.region, tip.anonymous ? 1 : 0, tip.content, tip.sealedToKeyId, tip.abuseCheck, tip.receivedAt, tip.receivedAt),
        ...tip.attachments.map((attachment, position) =>
          db
            .prepare(
              `INSERT INTO tip_attachments (object_key, tip_id, position, content_type, byte_length, sha256, original_name)
               VALUES (?, ?, ?, ?, ?, ?, ?)`,
            )
            .bind(attachment.objectKey, tip.id, position, attachment.contentType, attachment.byteLength, attachment.sha256, attachment.originalName),
        ),
        db
          .prepare('INSERT INTO tip_submissions (idempotency_key_hash, tip_id, sealed_receipt, created_at) VALUES (?, ?, ?, ?)')
          .bind(tip.idempotencyKeyHash, tip.id, tip.sealedReceipt, tip.receivedAt),
      ];
      try {
        await db.batch(statements);
        return 'inserted';
      } catch (error) {
        if (String(error).includes('UNIQUE constraint failed: tip_submissions')) return 'duplicate';
        throw error;
      }
    },

    async findStatus(receiptHash) {
      const row = await db
        .prepare('SELECT status, status_changed_at FROM tips WHERE receipt_hash = ?')
        .bind(receiptHash)
        .first<{ status: TipStatus; status_changed_at: string }>();
      return row ? { status: row.status, changedAt: row.status_changed_at } : undefined;
    },

    async countRequest(clientKey, windowStart) {
      const row = await db
        .prepare(
          `INSERT INTO tip_rate_counters (client_key, window_start, request_count) VALUES (?, ?, 1)
           ON CONFLICT (client_key, window_start) DO UPDATE SET request_count = request_count + 1
           RETURNING request_count`,
        )
        .bind(clientKey, windowStart)
        .first<{ request_count: number }>();
      // Old windows are useless after a day; a few requests in a hundred sweep them.
      if (Math.random() < 0.02) {
        await db.prepare('DELETE FROM tip_rate_counters WHERE window_start < ?').bind(windowStart - 86_400).run();
      }
      return row?.request_count ?? 1;
    },
  };
}

export function r2AttachmentStore(bucket: R2Bucket): AttachmentStore {
  return {
    async put(objectKey, bytes, contentType) {
      await bucket.put(objectKey, bytes, { httpMetadata: { contentType } });
    },
    async get(objectKey) {
      const object = await bucket.get(objectKey);
      return object ? new Uint8Array(await object.arrayBuffer()) : undefined;
    },
    async delete(objectKeys) {
      if (objectKeys.length > 0) await bucket.delete(objectKeys);
    },
  };
}
