import type { AttachmentStore, AuditEntry, NewTip, StaffStore, StatusChange, TipEnvironment, TipStatus, TipStore, TipSummary } from '../../../src/lib/tips/storage';
import { shellEnd, shellStart } from '../../../src/lib/tips/renderPages';
import { generateReviewerKey, importKeyFile } from '../../../src/lib/crypto/reviewerKeys';
import { openTipContent, openTipFile } from '../../../src/lib/crypto/tipEnvelope';
import { deadlineRank, deadlineState } from '../../../src/lib/staff/deadlines';
import { filterMatches } from './filterMatches';

/** A reviewer key made for this test run only (few PBKDF2 rounds, for speed): tips are sealed to it, tests open them with it. */
export const testPassphrase = 'test passphrase, not a secret';
const testKeys = await generateReviewerKey('test reviewer', testPassphrase, 1000);
export const testReviewerKeys = [{ name: 'test reviewer', publicKey: testKeys.publicKey }];
export const testPrivateKeyFile = JSON.stringify(testKeys.file);
export const testOpeningKey = await importKeyFile(testPrivateKeyFile, testPassphrase);

/** Opens what a test tip stored, as staff would in their browser: the content of tip `tipId`. */
export const openSealedText = async (sealed: string, tipId: string) => (await openTipContent([testOpeningKey], tipId, sealed)).text;
/** File `index` of a tip, given the tip's id and sealed content (which holds the key its files open with). */
export const openSealedBytes = async (sealed: Uint8Array, tip: { id: string; content: string }, index: number) =>
  openTipFile([testOpeningKey], await openTipContent([testOpeningKey], tip.id, tip.content), tip.id, index, sealed as Uint8Array<ArrayBuffer>);

interface MemoryTip extends NewTip {
  status: TipStatus;
  statusChangedAt: string;
  history: StatusChange[];
  deletedAttachments: Map<string, string>;
}

/** The tip core's storage in memory: what the D1 adapter does, minus SQL, for fast core tests. */
export function memoryTipEnvironment(overrides: Partial<TipEnvironment['config']> = {}) {
  const tips: MemoryTip[] = [];
  const objects = new Map<string, Uint8Array>();
  const counters = new Map<string, number>();
  const auditLog: AuditEntry[] = [];
  const accounts = new Map<string, string>();
  let failNextPut = false;
  const count = (key: string) => {
    counters.set(key, (counters.get(key) ?? 0) + 1);
    return counters.get(key)!;
  };
  const store: TipStore = {
    async findSealedReceipt(hash) {
      return tips.find((tip) => tip.idempotencyKeyHash === hash)?.sealedReceipt;
    },
    async insertTip(tip) {
      if (tips.some((existing) => existing.idempotencyKeyHash === tip.idempotencyKeyHash)) return 'duplicate';
      tips.push({ ...tip, status: 'received', statusChangedAt: tip.receivedAt, history: [], deletedAttachments: new Map() });
      return 'inserted';
    },
    async findStatus(hash) {
      const tip = tips.find((candidate) => candidate.receiptHash === hash);
      return tip ? { status: tip.status, changedAt: tip.statusChangedAt } : undefined;
    },
    async countRequest(key, windowStart) {
      return count(`${key}:${windowStart}`);
    },
  };
  const summary = (tip: MemoryTip): TipSummary => ({
    id: tip.id,
    category: tip.category,
    region: tip.region,
    anonymous: tip.anonymous,
    receivedAt: tip.receivedAt,
    status: tip.status,
    statusChangedAt: tip.statusChangedAt,
    sealedToKeyId: tip.sealedToKeyId,
    abuseCheck: tip.abuseCheck,
    attachmentCount: tip.attachments.length,
  });
  const staffStore: StaffStore = {
    async findPasswordHash(username) {
      return accounts.get(username);
    },
    async listTips(filter, page, now, rules) {
      const matching = tips
        .filter((tip) => filterMatches(filter, summary(tip)))
        .sort(
          (a, b) =>
            deadlineRank(deadlineState(a.receivedAt, a.status, now, rules)) - deadlineRank(deadlineState(b.receivedAt, b.status, now, rules)) ||
            a.receivedAt.localeCompare(b.receivedAt) ||
            a.id.localeCompare(b.id),
        );
      return { tips: matching.slice(page.offset, page.offset + page.limit).map(summary), total: matching.length };
    },
    async findTip(id) {
      const tip = tips.find((candidate) => candidate.id === id);
      if (!tip) return undefined;
      return {
        ...summary(tip),
        content: tip.content,
        attachments: tip.attachments.map((attachment, position) => ({
          position,
          objectKey: attachment.objectKey,
          byteLength: attachment.byteLength,
          ...(tip.deletedAttachments.has(attachment.objectKey) ? { deletedAt: tip.deletedAttachments.get(attachment.objectKey)! } : {}),
        })),
        history: [...tip.history],
      };
    },
    async changeStatus(id, change) {
      const tip = tips.find((candidate) => candidate.id === id);
      if (!tip) return false;
      tip.status = change.status;
      tip.statusChangedAt = change.changedAt;
      tip.history.push(change);
      return true;
    },
    async audit(entry) {
      auditLog.push(entry);
    },
    async listAudit(page) {
      const newestFirst = [...auditLog].reverse();
      return { entries: newestFirst.slice(page.offset, page.offset + page.limit), total: auditLog.length };
    },
    async findExpiredAttachments(closedBefore) {
      return tips
        .filter((tip) => tip.status === 'closed' && tip.statusChangedAt < closedBefore)
        .flatMap((tip) => tip.attachments.filter((attachment) => !tip.deletedAttachments.has(attachment.objectKey)).map((attachment) => ({ tipId: tip.id, objectKey: attachment.objectKey })));
    },
    async markAttachmentsDeleted(keys, at) {
      for (const tip of tips) for (const attachment of tip.attachments) if (keys.includes(attachment.objectKey)) tip.deletedAttachments.set(attachment.objectKey, at);
    },
    async countAttempt(key, windowStart) {
      return count(`staff-login:${key}:${windowStart}`);
    },
  };
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
    store,
    attachments,
    shells: { load: async (path) => shell(path) },
    config: {
      rateLimitSalt: 'unit-test-salt-0123456789',
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
  return { env, tips, objects, staffStore, auditLog, accounts, failNextAttachmentWrite: () => (failNextPut = true) };
}
