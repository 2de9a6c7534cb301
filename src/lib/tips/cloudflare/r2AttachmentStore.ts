import type { AttachmentStore } from '../storage';
import type { R2Bucket } from './bindings';

/** AttachmentStore on Cloudflare R2: sealed evidence files under their random keys. */
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
