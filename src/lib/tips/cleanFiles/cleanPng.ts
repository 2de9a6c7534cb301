import { concatBytes } from '../../bytes';
import { fourCharacters } from './bytes';

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Chunks kept: the critical ones (IHDR, PLTE, IDAT, IEND) and two that only change how the pixels
 * look (tRNS transparency, gAMA). Every other chunk goes, by whitelist: eXIf, tEXt, iTXt, zTXt,
 * tIME, caBX (C2PA provenance with device and place), iCCP, animation frames and what comes later.
 */
const keptChunks = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA']);

/** A PNG with only its picture, or undefined when it is not a complete PNG. */
export function cleanPng(bytes: Uint8Array): Uint8Array | undefined {
  if (!signature.every((byte, index) => bytes[index] === byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  let sawHeader = false;
  while (offset + 12 <= bytes.byteLength) {
    const end = offset + 12 + view.getUint32(offset);
    const type = fourCharacters(bytes, offset + 4);
    if (end > bytes.byteLength) return undefined;
    if (type === 'IHDR') sawHeader = true;
    if (keptChunks.has(type)) kept.push(bytes.subarray(offset, end));
    if (type === 'IEND') return sawHeader ? concatBytes(kept) : undefined;
    offset = end;
  }
  return undefined;
}
