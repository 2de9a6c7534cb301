/**
 * Removes metadata that can carry a tipster's location (EXIF with GPS, XMP, IPTC, comments) from
 * JPEG, PNG and WebP images, keeping the picture itself byte for byte. Used in the staff browser
 * before an evidence photo is shown or saved "without location". Anything it does not understand
 * it returns as undefined, so the caller never shows a half-cleaned file as clean.
 */
export function stripImageMetadata(bytes: Uint8Array, contentType: string): Uint8Array | undefined {
  try {
    if (contentType === 'image/jpeg') return stripJpeg(bytes);
    if (contentType === 'image/png') return stripPng(bytes);
    if (contentType === 'image/webp') return stripWebp(bytes);
  } catch {
    return undefined;
  }
  return undefined;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** JPEG: drop APP1 (EXIF, XMP), APP13 (IPTC) and COM segments; copy the rest up to and after SOS. */
function stripJpeg(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= bytes.byteLength) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xda) {
      kept.push(bytes.subarray(offset));
      return concat(kept);
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2 || offset + 2 + length > bytes.byteLength) return undefined;
    const dropped = marker === 0xe1 || marker === 0xed || marker === 0xfe;
    if (!dropped) kept.push(bytes.subarray(offset, offset + 2 + length));
    offset += 2 + length;
  }
  return undefined;
}

/** PNG: drop eXIf and text chunks (tEXt, zTXt, iTXt); every other chunk keeps its own CRC. */
function stripPng(bytes: Uint8Array): Uint8Array | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, index) => bytes[index] === byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= bytes.byteLength) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > bytes.byteLength) return undefined;
    if (!['eXIf', 'tEXt', 'zTXt', 'iTXt'].includes(type)) kept.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') return concat(kept);
  }
  return undefined;
}

/** WebP: drop EXIF and XMP chunks, clear their flags in VP8X and fix the RIFF size. */
function stripWebp(bytes: Uint8Array): Uint8Array | undefined {
  const text = (from: number) => String.fromCharCode(...bytes.subarray(from, from + 4));
  if (text(0) !== 'RIFF' || text(8) !== 'WEBP') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [];
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const type = text(offset);
    const size = view.getUint32(offset + 4, true);
    const end = offset + 8 + size + (size % 2);
    if (offset + 8 + size > bytes.byteLength) return undefined;
    if (type === 'VP8X') {
      const chunk = bytes.slice(offset, Math.min(end, bytes.byteLength));
      chunk[8] = chunk[8]! & ~0x0c;
      kept.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') kept.push(bytes.subarray(offset, Math.min(end, bytes.byteLength)));
    offset = end;
  }
  const body = concat(kept);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.byteLength + 4, true);
  return concat([header, body]);
}
