import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AttachmentStore } from '../lib/tips/storage';

/** The object keys the tip core makes ("tips/<uuid>"); anything else could walk out of the directory. */
const objectKeyPattern = /^[a-z]+\/[0-9a-f-]{36}$/;

export function attachmentPath(uploadDir: string, objectKey: string): string {
  if (!objectKeyPattern.test(objectKey)) throw new Error(`not an attachment key: ${JSON.stringify(objectKey)}`);
  return join(uploadDir, objectKey);
}

/**
 * Evidence files on a local (or mounted) disk. A file is written under a temporary name, flushed to
 * disk, then renamed into place, so after a crash a key names a whole file or nothing; the tip's
 * rows are written only after put() resolves.
 */
export function diskAttachmentStore(uploadDir: string): AttachmentStore {
  return {
    async put(objectKey, bytes) {
      const target = attachmentPath(uploadDir, objectKey);
      const directory = join(target, '..');
      await mkdir(directory, { recursive: true });
      const temporary = join(directory, `.${randomUUID()}.partial`);
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
      const folder = await open(directory, 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    },
    async get(objectKey) {
      try {
        return new Uint8Array(await readFile(attachmentPath(uploadDir, objectKey)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(objectKeys) {
      await Promise.all(
        objectKeys.map((key) =>
          unlink(attachmentPath(uploadDir, key)).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          }),
        ),
      );
    },
  };
}
