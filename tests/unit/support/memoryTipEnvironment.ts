import type { AttachmentStore, NewTip, TipEnvironment, TipStore } from '../../../src/lib/tips/storage';
import { shellEnd, shellStart } from '../../../src/lib/tips/renderPages';

/** The tip core's storage in memory: what the D1 adapter does, minus SQL, for fast core tests. */
export function memoryTipEnvironment(overrides: Partial<TipEnvironment['config']> = {}) {
  const tips: NewTip[] = [];
  const objects = new Map<string, Uint8Array>();
  const counters = new Map<string, number>();
  let failNextPut = false;
  const store: TipStore = {
    async findSealedReceipt(hash) {
      return tips.find((tip) => tip.idempotencyKeyHash === hash)?.sealedReceipt;
    },
    async insertTip(tip) {
      if (tips.some((existing) => existing.idempotencyKeyHash === tip.idempotencyKeyHash)) return 'duplicate';
      tips.push(tip);
      return 'inserted';
    },
    async findStatus(hash) {
      const tip = tips.find((candidate) => candidate.receiptHash === hash);
      return tip ? { status: 'received', changedAt: tip.receivedAt } : undefined;
    },
    async countRequest(key, windowStart) {
      const counterKey = `${key}:${windowStart}`;
      counters.set(counterKey, (counters.get(counterKey) ?? 0) + 1);
      return counters.get(counterKey)!;
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
      ...overrides,
    },
    clientAddress: '203.0.113.7',
  };
  return { env, tips, objects, failNextAttachmentWrite: () => (failNextPut = true) };
}
