import type { EvidenceType } from './tipSchema';

/**
 * The evidence type a file's first bytes show, whatever its name or declared type says.
 * @example sniffEvidenceType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])) // 'application/pdf'
 */
export function sniffEvidenceType(head: Uint8Array): EvidenceType | undefined {
  const startsWith = (bytes: number[], offset = 0) => bytes.every((byte, index) => head[offset + index] === byte);
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (startsWith([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  // ISO base media file: a box size, "ftyp", then the major brand of the HEIF family.
  if (ascii(4, 8) === 'ftyp' && heifBrands.has(ascii(8, 12))) return 'image/heic';
  return undefined;
}

const heifBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1']);

/** How many leading bytes sniffEvidenceType needs. */
export const sniffLength = 16;
