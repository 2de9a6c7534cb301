import type { SqlDriver } from './sqlDriver.ts';

/** The tables of sealed evidence objects: a tip's own files and the files tipsters add in the conversation. */
type EvidenceTable = 'tip_attachments' | 'tip_message_files';

/**
 * Objects still stored for tips closed before `closedBefore` (retention deletes them). Both tables
 * describe an object by its key and the tip it belongs to, and mark it deleted the same way.
 */
export async function findExpiredEvidence(db: SqlDriver, table: EvidenceTable, closedBefore: string): Promise<Array<{ tipId: string; objectKey: string }>> {
  const rows = await db.all<{ tip_id: string; object_key: string }>(
    `SELECT f.tip_id, f.object_key FROM ${table} f JOIN tips t ON t.id = f.tip_id
     WHERE t.status = 'closed' AND t.status_changed_at < ? AND f.deleted_at IS NULL`,
    [closedBefore],
  );
  return rows.map((row) => ({ tipId: row.tip_id, objectKey: row.object_key }));
}

/** Records that the objects are gone (their rows stay, for the audit trail and the staff view). */
export async function markEvidenceDeleted(db: SqlDriver, table: EvidenceTable, objectKeys: ReadonlyArray<string>, at: string): Promise<void> {
  if (objectKeys.length === 0) return;
  await db.batch(objectKeys.map((key) => ({ sql: `UPDATE ${table} SET deleted_at = ? WHERE object_key = ?`, params: [at, key] })));
}
