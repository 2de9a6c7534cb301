import { concatBytes } from './bytes';
import { orientationOnlyTiff, readOrientation } from './exifOrientation';

/**
 * Markers a decoder needs, kept with their contents: DQT, DHT, DAC, DRI, the frame headers
 * (SOF0–3, 5–7, 9–11, 13–15) and APP14 "Adobe" (it says whether the colours are YCbCr or CMYK).
 * Everything else before, between and after the scans goes: APP0–APP15 (EXIF and GPS, XMP, ICC,
 * MPF, IPTC, maker notes…), COM and any marker we do not know. Only the orientation of the
 * first image's EXIF comes back, alone in an APP1 of its own (exifOrientation.ts).
 */
const neededSegments = new Set([0xdb, 0xc4, 0xcc, 0xdd, 0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const startOfScan = 0xda;
const endOfImage = 0xd9;
const isFrameHeader = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
const isExif = (bytes: Uint8Array, offset: number) => String.fromCharCode(...bytes.subarray(offset + 4, offset + 10)) === 'Exif\0\0';
const isAdobe = (bytes: Uint8Array, offset: number) => String.fromCharCode(...bytes.subarray(offset + 4, offset + 9)) === 'Adobe';

/**
 * A JPEG with only what decoding needs, by whitelist, ending at the first image's EOI: a second
 * image after it (MPF, Ultra HDR gain maps, motion photos, each with its own EXIF and GPS) and
 * anything written between progressive scans is not copied. Undefined for a file that is not a
 * complete baseline or progressive JPEG, so no caller takes a half-cleaned file for a clean one.
 */
export function cleanJpeg(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  let sawFrame = false;
  let sawScan = false;
  let orientation: number | undefined;
  while (offset + 2 <= bytes.byteLength) {
    if (bytes[offset] !== 0xff) return undefined;
    // Any number of 0xFF fill bytes may come before a marker.
    while (bytes[offset + 1] === 0xff) offset += 1;
    const marker = bytes[offset + 1];
    if (marker === undefined) return undefined;
    if (marker === endOfImage) {
      if (!sawFrame || !sawScan) return undefined;
      kept.push(bytes.subarray(offset, offset + 2));
      if (orientation) kept.splice(1, 0, orientationSegment(orientation));
      return concatBytes(kept);
    }
    if (offset + 4 > bytes.byteLength) return undefined;
    const end = offset + 2 + ((bytes[offset + 2]! << 8) | bytes[offset + 3]!);
    if (end < offset + 4 || end > bytes.byteLength) return undefined;
    if (marker === startOfScan) {
      if (!sawFrame) return undefined;
      const scanEnd = endOfEntropyData(bytes, end);
      if (scanEnd === undefined) return undefined;
      kept.push(bytes.subarray(offset, scanEnd));
      sawScan = true;
      offset = scanEnd;
      continue;
    }
    if (marker === 0xe1 && !sawScan && orientation === undefined && isExif(bytes, offset)) orientation = readOrientation(bytes.subarray(offset + 10, end));
    if (neededSegments.has(marker) || (marker === 0xee && isAdobe(bytes, offset))) kept.push(bytes.subarray(offset, end));
    if (isFrameHeader(marker)) sawFrame = true;
    offset = end;
  }
  return undefined;
}

/** APP1 "Exif" with the orientation and nothing else, to follow SOI. */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = orientationOnlyTiff(orientation);
  const length = 2 + 6 + tiff.byteLength;
  return concatBytes([new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]), tiff]);
}

/** Where a scan's entropy-coded data ends: at the first marker that is not a stuffed 0x00 or RSTn. */
function endOfEntropyData(bytes: Uint8Array, from: number): number | undefined {
  for (let index = from; index + 1 < bytes.byteLength; index += 1) {
    if (bytes[index] !== 0xff) continue;
    const next = bytes[index + 1]!;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return index;
  }
  return undefined;
}
