// Loaded by the tip form only once an image is chosen with "remove hidden data": draws each photo
// on a canvas and encodes it again, so what leaves the browser has the picture and nothing else
// (no EXIF, GPS, XMP, maker notes, second images after the first). HEIC becomes JPEG where this
// browser can decode it (Safari); where it cannot, the file stays as it is and the form says so.
import { claimedEvidenceType, tipLimits } from '../../lib/tips/tipSchema';

/** The type each kind of photo is encoded to: PNG keeps transparency, the rest become JPEG. */
const encodedType = (type: string) => (type === 'image/png' ? 'image/png' : 'image/jpeg');
const endings: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg' };

async function reencode(file: File): Promise<File | undefined> {
  const claimed = claimedEvidenceType(file);
  if (!claimed?.startsWith('image/')) return undefined;
  // The orientation the camera wrote into EXIF is applied to the pixels before EXIF goes.
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  const type = encodedType(claimed);
  const blob = await canvas.convertToBlob({ type, quality: 0.92 });
  if (blob.type !== type || blob.size > tipLimits.maxFileBytes) return undefined;
  const name = file.name.replace(/\.[^.]*$/, '') + endings[type];
  return new File([blob], name, { type, lastModified: 0 });
}

/** The files with each image re-encoded; one that cannot be decoded here is left as it was. */
export async function reencodeImages(files: File[]): Promise<{ files: File[]; cleaned: number }> {
  let cleaned = 0;
  const out: File[] = [];
  for (const file of files) {
    const again = await reencode(file).catch(() => undefined);
    if (again) cleaned += 1;
    out.push(again ?? file);
  }
  return { files: out, cleaned };
}
