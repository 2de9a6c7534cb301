import { concatBytes, crc32, fourCharacters } from './bytes';
import { orientationOnlyTiff, readOrientation } from './exifOrientation';

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Chunks kept: the critical ones (IHDR, PLTE, IDAT, IEND) and two that only change how the pixels
 * look (tRNS transparency, gAMA). Every other chunk goes, by whitelist: eXIf, tEXt, iTXt, zTXt,
 * tIME, caBX (C2PA provenance with device and place), iCCP, animation frames and what comes later.
 * Only eXIf's orientation comes back, alone in an eXIf of its own after IHDR (exifOrientation.ts).
 */
const keptChunks = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA']);

/** A PNG with only its picture, or undefined when it is not a complete PNG. */
export function cleanPng(bytes: Uint8Array): Uint8Array | undefined {
  if (!signature.every((byte, index) => bytes[index] === byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  let sawHeader = false;
  let orientation: number | undefined;
  while (offset + 12 <= bytes.byteLength) {
    const end = offset + 12 + view.getUint32(offset);
    const type = fourCharacters(bytes, offset + 4);
    if (end > bytes.byteLength) return undefined;
    if (type === 'IHDR') sawHeader = true;
    if (keptChunks.has(type)) kept.push(bytes.subarray(offset, end));
    if (type === 'eXIf' && orientation === undefined) orientation = readOrientation(bytes.subarray(offset + 8, end - 4));
    if (type === 'IEND') {
      if (!sawHeader) return undefined;
      // eXIf must come before the image data; right after IHDR (the first chunk kept) it does.
      if (orientation) kept.splice(2, 0, pngChunk('eXIf', orientationOnlyTiff(orientation)));
      return concatBytes(kept);
    }
    offset = end;
  }
  return undefined;
}

/** A PNG chunk: big-endian length, type, data, CRC-32 of type and data. */
function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.byteLength);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.byteLength);
  chunk.set(
    [...type].map((character) => character.charCodeAt(0)),
    4,
  );
  chunk.set(data, 8);
  view.setUint32(8 + data.byteLength, crc32(chunk.subarray(4, 8 + data.byteLength)));
  return chunk;
}
