import { describe, expect, it } from 'vitest';
import { stripImageMetadata } from '../../src/lib/staff/stripImageMetadata';

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));
const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
const gps = ascii('Exif\0\0GPSLatitude 43.65N GPSLongitude 122.26E');

describe('stripping location metadata from evidence photos', () => {
  it('drops EXIF (with GPS), XMP and comments from a JPEG and keeps the picture data', () => {
    const scan = [0xff, 0xda, 0x00, 0x04, 0x01, 0x02, 0x11, 0x22, 0x33, 0xff, 0xd9];
    const jfif = segment(0xe0, ascii('JFIF\0'));
    const quantisation = segment(0xdb, [0, 1, 2, 3]);
    const photo = new Uint8Array([0xff, 0xd8, ...jfif, ...segment(0xe1, gps), ...segment(0xfe, ascii('taken at home')), ...quantisation, ...scan]);
    const cleaned = stripImageMetadata(photo, 'image/jpeg')!;
    expect([...cleaned]).toEqual([0xff, 0xd8, ...jfif, ...quantisation, ...scan]);
    expect(new TextDecoder('latin1').decode(cleaned)).not.toContain('GPS');
  });

  it('drops eXIf and text chunks from a PNG', () => {
    const chunk = (type: string, data: number[]) => [0, 0, 0, data.length, ...ascii(type), ...data, 1, 2, 3, 4];
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const header = chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    const data = chunk('IDAT', [9, 9, 9]);
    const end = chunk('IEND', []);
    const png = new Uint8Array([...signature, ...header, ...chunk('eXIf', gps), ...chunk('tEXt', ascii('Location\0Home')), ...data, ...end]);
    expect([...stripImageMetadata(png, 'image/png')!]).toEqual([...signature, ...header, ...data, ...end]);
  });

  it('drops EXIF and XMP chunks from a WebP and clears their flags', () => {
    const chunk = (type: string, data: number[]) => [...ascii(type), data.length, 0, 0, 0, ...data, ...(data.length % 2 ? [0] : [])];
    const riff = (body: number[]) => [...ascii('RIFF'), (body.length + 4) & 0xff, (body.length + 4) >> 8, 0, 0, ...ascii('WEBP'), ...body];
    const image = chunk('VP8 ', [1, 2, 3, 4]);
    const webp = new Uint8Array(riff([...chunk('VP8X', [0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0]), ...image, ...chunk('EXIF', gps), ...chunk('XMP ', ascii('<x:gps/>'))]));
    expect([...stripImageMetadata(webp, 'image/webp')!]).toEqual(riff([...chunk('VP8X', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), ...image]));
  });

  it('gives up (undefined) on damaged files and types it does not clean, never returning a half-cleaned file', () => {
    expect(stripImageMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), 'image/jpeg')).toBeUndefined();
    expect(stripImageMetadata(new Uint8Array([1, 2, 3]), 'image/png')).toBeUndefined();
    expect(stripImageMetadata(new Uint8Array([1, 2, 3]), 'image/heic')).toBeUndefined();
  });
});
