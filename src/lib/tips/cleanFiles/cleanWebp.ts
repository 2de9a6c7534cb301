import { concatBytes } from '../../bytes';
import { fourCharacters } from './bytes';

/** VP8X flag bits: only "has alpha" may stay set once ICC, EXIF, XMP and animation are gone. */
const alphaFlag = 0x10;

/**
 * A WebP with only VP8X (flags fixed), ALPH and the VP8 or VP8L image: EXIF, XMP, ICCP and any
 * other chunk go. Undefined for an animation (its frames are other chunks) or a damaged file.
 */
export function cleanWebp(bytes: Uint8Array): Uint8Array | undefined {
  if (fourCharacters(bytes, 0) !== 'RIFF' || fourCharacters(bytes, 8) !== 'WEBP') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [];
  let sawImage = false;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const type = fourCharacters(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    if (offset + 8 + size > bytes.byteLength) return undefined;
    const end = Math.min(offset + 8 + size + (size % 2), bytes.byteLength);
    if (type === 'ANIM' || type === 'ANMF') return undefined;
    if (type === 'VP8X') {
      const chunk = bytes.slice(offset, end);
      chunk[8] = chunk[8]! & alphaFlag;
      kept.push(chunk);
    } else if (type === 'ALPH' || type === 'VP8 ' || type === 'VP8L') {
      kept.push(bytes.subarray(offset, end));
      if (type !== 'ALPH') sawImage = true;
    }
    offset = end;
  }
  if (!sawImage) return undefined;
  const body = concatBytes(kept);
  const header = bytes.slice(0, 12);
  new DataView(header.buffer).setUint32(4, body.byteLength + 4, true);
  return concatBytes([header, body]);
}
