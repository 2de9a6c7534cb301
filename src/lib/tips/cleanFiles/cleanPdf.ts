import { PDFDocument, PDFDict, PDFName, PDFRef } from 'pdf-lib';

/**
 * A PDF without its document information (Author, Creator, Producer, Title, dates…) or XMP
 * metadata streams (document and page level), written anew so earlier revisions that held them
 * are gone too. pdf-lib, a maintained PDF library, parses and writes it. Undefined for an
 * encrypted or unreadable PDF.
 */
export async function cleanPdf(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    return await rewriteWithoutMetadata(await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true }));
  } catch {
    return undefined;
  }
}

async function rewriteWithoutMetadata(document: PDFDocument): Promise<Uint8Array> {
  const { context } = document;
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) context.delete(info);
  context.trailerInfo.Info = undefined;
  // The file identifier some writers derive from the path and time of the original.
  context.trailerInfo.ID = undefined;
  // XMP streams hang off the catalog and off pages, fonts, images: remove each one found.
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : 'dict' in object && object.dict instanceof PDFDict ? object.dict : undefined;
    if (!dict) continue;
    for (const name of ['Metadata', 'PieceInfo']) {
      const key = PDFName.of(name);
      const value = dict.get(key);
      if (value instanceof PDFRef) context.delete(value);
      if (value) dict.delete(key);
    }
  }
  return document.save({ useObjectStreams: false, updateFieldAppearances: false });
}
