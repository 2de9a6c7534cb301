import { concatBytes, fourCharacters } from './bytes';
import { orientationOnlyTiff, readOrientation } from './exifOrientation';

/** VP8X flag bits: "has alpha" stays; "has EXIF" only for the orientation-only EXIF written back. */
const alphaFlag = 0x10;
const exifFlag = 0x08;
const exifPrefix = 'Exif\0\0';

/**
 * A WebP with only VP8X (flags fixed), ALPH and the VP8 or VP8L image: EXIF, XMP, ICCP and any
 * other chunk go; only EXIF's orientation comes back, alone (exifOrientation.ts). Undefined for an animation (its frames are other chunks) or a damaged file.
 */
export function cleanWebp(bytes: Uint8Array): Uint8Array | undefined {
  if (fourCharacters(bytes, 0) !== 'RIFF' || fourCharacters(bytes, 8) !== 'WEBP') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [];
  let sawImage = false;
  let orientation: number | undefined;
  let extended: Uint8Array | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const type = fourCharacters(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    if (offset + 8 + size > bytes.byteLength) return undefined;
    const end = Math.min(offset + 8 + size + (size % 2), bytes.byteLength);
    if (type === 'ANIM' || type === 'ANMF') return undefined;
    if (type === 'VP8X') {
      extended = bytes.slice(offset, end);
      extended[8] = extended[8]! & alphaFlag;
      kept.push(extended);
    } else if (type === 'EXIF' && orientation === undefined) {
      // Some writers put JPEG's "Exif\0\0" before the TIFF structure.
      const payload = bytes.subarray(offset + 8, offset + 8 + size);
      orientation = readOrientation(String.fromCharCode(...payload.subarray(0, 6)) === exifPrefix ? payload.subarray(6) : payload);
    } else if (type === 'ALPH' || type === 'VP8 ' || type === 'VP8L') {
      kept.push(bytes.subarray(offset, end));
      if (type !== 'ALPH') sawImage = true;
    }
    offset = end;
  }
  if (!sawImage) return undefined;
  if (orientation && extended) {
    extended[8] = extended[8]! | exifFlag;
    kept.push(riffChunk('EXIF', orientationOnlyTiff(orientation)));
  }
  const body = concatBytes(kept);
  const header = bytes.slice(0, 12);
  new DataView(header.buffer).setUint32(4, body.byteLength + 4, true);
  return concatBytes([header, body]);
}

/** A RIFF chunk: type, little-endian size, payload (padded to even length). */
function riffChunk(type: string, payload: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(8 + payload.byteLength + (payload.byteLength % 2));
  chunk.set([...type].map((character) => character.charCodeAt(0)));
  new DataView(chunk.buffer).setUint32(4, payload.byteLength, true);
  chunk.set(payload, 8);
  return chunk;
}
