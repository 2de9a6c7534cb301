import { cleanJpeg } from './cleanJpeg';
import { cleanPng } from './cleanPng';
import { cleanWebp } from './cleanWebp';

/**
 * A JPEG, PNG or WebP with its hidden data (location, device, time, thumbnails, second images)
 * removed by whitelist, the picture itself byte for byte. Undefined for any other type or a file
 * it cannot read completely: a caller must never show or store a half-cleaned file as clean.
 * Runs on the server (tip service) and in the staff browser (no dependencies).
 */
export function cleanImage(bytes: Uint8Array, contentType: string): Uint8Array | undefined {
  try {
    if (contentType === 'image/jpeg') return cleanJpeg(bytes);
    if (contentType === 'image/png') return cleanPng(bytes);
    if (contentType === 'image/webp') return cleanWebp(bytes);
  } catch {
    return undefined;
  }
  return undefined;
}
