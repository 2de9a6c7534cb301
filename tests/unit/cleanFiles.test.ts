// Removing hidden data from evidence (finding 2 of the tipster-safety audit): real-shaped files
// built here with sharp and pdf-lib, with the places phones and editors hide a location.
import { crc32 } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanEvidence } from '../../src/lib/tips/cleanFiles';
import { cleanImage } from '../../src/lib/tips/cleanFiles/cleanImage';

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));
const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);
const gpsText = 'GPSLatitude 43.65N GPSLongitude 122.26E';
const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
const exifWithGps = segment(0xe1, ascii(`Exif\0\0${gpsText}`));

/** A real 16×16 photo, with the given EXIF (sharp writes it as APP1). */
const photo = (options: { progressive?: boolean; withExif?: boolean } = {}) => {
  const image = sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 200, g: 30, b: 90 } } });
  const withMetadata = options.withExif ? image.withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Model X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 39/1 0/1' } }) : image;
  return withMetadata
    .jpeg({ progressive: options.progressive ?? false, quality: 90 })
    .toBuffer()
    .then((buffer) => new Uint8Array(buffer));
};
const pixels = async (bytes: Uint8Array) => [...(await sharp(bytes).raw().toBuffer())];

/** The offsets of every marker of a JPEG, up to its first EOI. */
function markerOffsets(bytes: Uint8Array, marker: number): number[] {
  const found: number[] = [];
  for (let index = 2; index + 1 < bytes.byteLength; index += 1) if (bytes[index] === 0xff && bytes[index + 1] === marker) found.push(index);
  return found;
}

/** A photo taken with the phone on its side (Orientation 6), with the maker and a location in its EXIF. */
const sidewaysPhoto = (format: 'jpeg' | 'png' | 'webp') =>
  sharp({ create: { width: 16, height: 8, channels: 3, background: { r: 200, g: 30, b: 90 } } })
    .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 39/1 0/1' } })
    .withMetadata({ orientation: 6 })
    [format]()
    .toBuffer()
    .then((buffer) => new Uint8Array(buffer));

/** The tags of IFD0 of the EXIF sharp reads back ("Exif\0\0" and a TIFF structure). */
function ifd0Tags(exif: Buffer | undefined): number[] {
  if (!exif) return [];
  const tiff = exif.subarray(latin1(exif.subarray(0, 6)) === 'Exif\0\0' ? 6 : 0);
  const little = tiff[0] === 0x49;
  const ifd = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  const count = little ? tiff.readUInt16LE(ifd) : tiff.readUInt16BE(ifd);
  return Array.from({ length: count }, (_, index) => (little ? tiff.readUInt16LE(ifd + 2 + index * 12) : tiff.readUInt16BE(ifd + 2 + index * 12)));
}
const orientationTag = 0x0112;
const gpsPointerTag = 0x8825;
const makeTag = 0x010f;

describe('keeping which way up a cleaned photo is', () => {
  for (const [format, type] of [
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
  ] as const) {
    it(`keeps Orientation 6 of a ${format} and nothing else of its EXIF: no GPS, no Make`, async () => {
      const original = await sidewaysPhoto(format);
      const before = await sharp(original).metadata();
      expect(before.orientation).toBe(6);
      expect(ifd0Tags(before.exif)).toEqual(expect.arrayContaining([makeTag, gpsPointerTag, orientationTag]));
      const cleaned = cleanImage(original, type)!;
      const after = await sharp(cleaned).metadata();
      expect(after.orientation).toBe(6);
      expect(ifd0Tags(after.exif)).toEqual([orientationTag]);
      expect(latin1(cleaned)).not.toContain('PhoneMaker');
      expect(await pixels(cleaned)).toEqual(await pixels(original));
      // Shown upright, as the tipster saw it: 8 wide and 16 high once turned.
      const { info } = await sharp(cleaned).rotate().raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([8, 16]);
    });
  }

  it('writes no EXIF at all for a photo taken upright', async () => {
    const cleaned = cleanImage(await photo({ withExif: true }), 'image/jpeg')!;
    expect((await sharp(cleaned).metadata()).exif).toBeUndefined();
  });
});

describe('cleaning JPEG photos', () => {
  it('removes EXIF with GPS and keeps a picture that decodes to the same pixels', async () => {
    const original = await photo({ withExif: true });
    expect(latin1(original)).toContain('PhoneMaker');
    const cleaned = cleanImage(original, 'image/jpeg')!;
    expect(latin1(cleaned)).not.toContain('PhoneMaker');
    expect(markerOffsets(cleaned, 0xe1)).toEqual([]);
    expect(await pixels(cleaned)).toEqual(await pixels(original));
  });

  it('drops a second image after the first EOI (MPF, Ultra HDR, motion photo layout) with its own GPS', async () => {
    const first = await photo();
    const second = new Uint8Array([0xff, 0xd8, ...exifWithGps, ...(await photo()).subarray(2)]);
    const mpf = segment(0xe2, ascii('MPF\0II*\0'));
    const phoneFile = new Uint8Array([0xff, 0xd8, ...mpf, ...first.subarray(2), ...second]);
    const cleaned = cleanImage(phoneFile, 'image/jpeg')!;
    expect(latin1(cleaned)).not.toContain('GPSLatitude');
    expect(latin1(cleaned)).not.toContain('MPF');
    expect(markerOffsets(cleaned, 0xd8)).toEqual([]);
    expect(cleaned.byteLength).toBeLessThanOrEqual(first.byteLength);
    expect(await pixels(cleaned)).toEqual(await pixels(first));
  });

  it('drops EXIF, APP2, APP11, APP12, APP13 and comments written between progressive scans', async () => {
    const progressive = await photo({ progressive: true });
    const scans = markerOffsets(progressive, 0xda);
    expect(scans.length).toBeGreaterThan(1);
    const between = [
      ...exifWithGps,
      ...segment(0xe2, ascii('ICC_PROFILE\0Phone')),
      ...segment(0xeb, ascii('JP C2PA place')),
      ...segment(0xec, ascii('Ducky')),
      ...segment(0xed, ascii('Photoshop 3.0\0IPTC city')),
      ...segment(0xfe, ascii('taken at home')),
    ];
    const tampered = new Uint8Array([...progressive.subarray(0, scans[1]!), ...between, ...progressive.subarray(scans[1]!)]);
    expect(await pixels(tampered)).toEqual(await pixels(progressive));
    const cleaned = cleanImage(tampered, 'image/jpeg')!;
    for (const hidden of ['GPSLatitude', 'ICC_PROFILE', 'C2PA', 'Ducky', 'IPTC', 'taken at home']) expect(latin1(cleaned)).not.toContain(hidden);
    expect(await pixels(cleaned)).toEqual(await pixels(progressive));
  });

  it('keeps APP14 "Adobe" (colour transform), drops APP0 and APP14 of other writers', () => {
    const frame = segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
    const scan = [...segment(0xda, [1, 1, 0, 0, 0x3f, 0]), 0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd9];
    const adobe = segment(0xee, ascii('Adobe\0d\0\0\0\0\x01'));
    const file = new Uint8Array([0xff, 0xd8, ...segment(0xe0, ascii('JFIF\0thumbnail')), ...adobe, ...segment(0xee, ascii('Other')), ...frame, ...scan]);
    expect([...cleanImage(file, 'image/jpeg')!]).toEqual([0xff, 0xd8, ...adobe, ...frame, ...scan]);
  });

  it('gives up on a truncated JPEG rather than returning part of it', async () => {
    const original = await photo();
    expect(cleanImage(original.subarray(0, original.byteLength - 10), 'image/jpeg')).toBeUndefined();
    expect(cleanImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), 'image/jpeg')).toBeUndefined();
  });
});

/** A PNG chunk with its real CRC. */
const pngChunk = (type: string, data: number[]) => {
  const body = new Uint8Array([...ascii(type), ...data]);
  const crc = crc32(body);
  return [
    data.length >>> 24,
    (data.length >>> 16) & 0xff,
    (data.length >>> 8) & 0xff,
    data.length & 0xff,
    ...body,
    crc >>> 24,
    (crc >>> 16) & 0xff,
    (crc >>> 8) & 0xff,
    crc & 0xff,
  ];
};

describe('cleaning PNG images', () => {
  it('drops caBX, eXIf, tIME and text chunks, keeps tRNS and gAMA, and decodes to the same pixels', async () => {
    const original = new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2a6' } })
        .png()
        .toBuffer(),
    );
    const iend = original.byteLength - 12;
    const extra = [
      ...pngChunk('caBX', ascii('c2pa manifest: device PhoneMaker, place 43.65N')),
      ...pngChunk('eXIf', ascii(`MM\0*${gpsText}`)),
      ...pngChunk('tIME', [7, 233, 5, 27, 8, 0, 0]),
      ...pngChunk('tEXt', ascii('Location\0Home')),
      ...pngChunk('iTXt', ascii('XML:com.adobe.xmp\0\0\0\0\0<x:gps/>')),
      ...pngChunk('zTXt', ascii('Comment\0\0x')),
      ...pngChunk('gAMA', [0, 0, 0xb1, 0x8f]),
    ];
    const tampered = new Uint8Array([...original.subarray(0, iend), ...extra, ...original.subarray(iend), ...pngChunk('tEXt', ascii('after\0IEND'))]);
    const cleaned = cleanImage(tampered, 'image/png')!;
    for (const hidden of ['caBX', 'eXIf', 'tIME', 'tEXt', 'iTXt', 'zTXt', 'GPS', 'Home', 'after']) expect(latin1(cleaned)).not.toContain(hidden);
    expect(latin1(cleaned)).toContain('gAMA');
    expect(await pixels(cleaned)).toEqual(await pixels(original));
  });
});

describe('cleaning WebP images', () => {
  it('keeps only VP8X (flags fixed), ALPH and the image; drops EXIF, XMP and ICCP', async () => {
    const original = new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0.5 } } })
        .withExif({ IFD0: { Make: 'PhoneMaker' } })
        .webp({ lossless: false })
        .toBuffer(),
    );
    expect(latin1(original)).toContain('PhoneMaker');
    const cleaned = cleanImage(original, 'image/webp')!;
    expect(latin1(cleaned)).not.toContain('PhoneMaker');
    expect(latin1(cleaned)).not.toContain('EXIF');
    expect(cleaned[20]! & ~0x10).toBe(0);
    expect(new DataView(cleaned.buffer, cleaned.byteOffset).getUint32(4, true)).toBe(cleaned.byteLength - 8);
    expect(await pixels(cleaned)).toEqual(await pixels(original));
  });
});

describe('cleaning PDF documents', () => {
  it('removes Author, Creator and the XMP stream, keeps the pages', async () => {
    const document = await PDFDocument.create();
    document.addPage([200, 200]).drawText('Evidence');
    document.setAuthor('Zhang San');
    document.setCreator('Office on PC-ZHANGSAN');
    document.setProducer('Scanner 3000');
    document.setTitle('Home address list');
    const xmp = document.context.stream('<x:xmpmeta><dc:creator>Zhang San</dc:creator><exif:GPSLatitude>43.65N</exif:GPSLatitude></x:xmpmeta>', {
      Type: 'Metadata',
      Subtype: 'XML',
    });
    document.catalog.set(PDFName.of('Metadata'), document.context.register(xmp));
    const original = await document.save({ useObjectStreams: false });
    expect(latin1(original)).toContain('GPSLatitude');

    const cleaned = (await cleanEvidence(original, 'application/pdf'))!;
    for (const hidden of ['Zhang San', 'ZHANGSAN', 'Scanner 3000', 'Home address', 'GPSLatitude', '/Metadata']) expect(latin1(cleaned)).not.toContain(hidden);
    const reopened = await PDFDocument.load(cleaned, { updateMetadata: false });
    expect(reopened.getPageCount()).toBe(1);
    expect(reopened.getAuthor()).toBeUndefined();
    expect(reopened.getCreator()).toBeUndefined();
  });

  it('gives up on a file that is not a readable PDF', async () => {
    expect(await cleanEvidence(new Uint8Array(ascii('%PDF-1.7 broken')), 'application/pdf')).toBeUndefined();
  });
});

describe('files that cannot be cleaned', () => {
  it('HEIC and unknown types come back undefined, never as if clean', async () => {
    expect(await cleanEvidence(new Uint8Array([0, 0, 0, 0x18, ...ascii('ftypheic')]), 'image/heic')).toBeUndefined();
    expect(cleanImage(new Uint8Array([1, 2, 3]), 'image/png')).toBeUndefined();
  });
});
