/**
 * The one piece of EXIF a cleaned photo keeps: its orientation (which way up the camera was held).
 * Without it a portrait photo shows on its side, so staff would see a different picture from the
 * tipster's. It is written back as a TIFF structure of one IFD with one entry, Orientation, and
 * nothing else. Kept rather than applied to the pixels: applying it means decoding and encoding
 * the photo again on the server (a second lossy JPEG pass, and no image codec in a Pages
 * Function), while the tag alone says nothing about the tipster, the device or the place.
 */
const orientationTag = 0x0112;
const shortType = 3;

/** The Orientation (2–8) in IFD0 of a TIFF structure (EXIF's body), or undefined for the default (1), none or unreadable. */
export function readOrientation(tiff: Uint8Array): number | undefined {
  if (tiff.byteLength < 8) return undefined;
  const order = String.fromCharCode(tiff[0]!, tiff[1]!);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  if (view.getUint16(2, little) !== 42) return undefined;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.byteLength) return undefined;
  const count = view.getUint16(ifd, little);
  for (let entry = ifd + 2; entry + 12 <= tiff.byteLength && entry < ifd + 2 + count * 12; entry += 12) {
    if (view.getUint16(entry, little) !== orientationTag) continue;
    if (view.getUint16(entry + 2, little) !== shortType || view.getUint32(entry + 4, little) !== 1) return undefined;
    const value = view.getUint16(entry + 8, little);
    return value >= 2 && value <= 8 ? value : undefined;
  }
  return undefined;
}

/** A TIFF structure holding IFD0 with Orientation only (big-endian: header, one entry, no next IFD). */
export function orientationOnlyTiff(orientation: number): Uint8Array {
  const tiff = new Uint8Array(26);
  const view = new DataView(tiff.buffer);
  tiff.set([0x4d, 0x4d, 0x00, 0x2a]);
  view.setUint32(4, 8);
  view.setUint16(8, 1);
  view.setUint16(10, orientationTag);
  view.setUint16(12, shortType);
  view.setUint32(14, 1);
  view.setUint16(18, orientation);
  // Value padding (2 bytes) and the next-IFD offset (0) stay zero.
  return tiff;
}
