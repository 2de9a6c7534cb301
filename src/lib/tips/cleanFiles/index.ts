import { sha256Hex } from '../receiptCode';
import type { EvidenceType, MetadataChoice } from '../tipSchema';
import { cleanImage } from './cleanImage';

/**
 * An evidence file with its hidden data removed, before it is sealed (the tipster's choice,
 * "remove" by default): images by whitelist, PDFs with pdf-lib. Undefined when the file cannot be
 * cleaned (HEIC, encrypted or damaged files): the tip service then asks the tipster, never stores
 * a half-cleaned file as clean.
 */
export async function cleanEvidence(bytes: Uint8Array, type: EvidenceType): Promise<Uint8Array | undefined> {
  if (type === 'application/pdf') {
    // Loaded only for a PDF: the library is large and most tips carry photos or nothing.
    const { cleanPdf } = await import('./cleanPdf');
    return cleanPdf(bytes);
  }
  return cleanImage(bytes, type);
}

/**
 * The tip's files as they will be sealed: cleaned when the tipster chose "remove" (each with the
 * hash of what is kept), as sent when "keep". Undefined when one of them cannot be cleaned.
 */
export async function filesToSeal<Evidence extends { bytes: Uint8Array; sniffed: EvidenceType | undefined; sha256: string }>(
  files: Evidence[],
  choice: MetadataChoice,
): Promise<Array<Evidence & { hiddenDataRemoved: boolean }> | undefined> {
  if (choice === 'keep') return files.map((file) => ({ ...file, hiddenDataRemoved: false }));
  const cleaned = await Promise.all(files.map((file) => (file.sniffed ? cleanEvidence(file.bytes, file.sniffed) : undefined)));
  if (cleaned.some((bytes) => bytes === undefined)) return undefined;
  return Promise.all(files.map(async (file, index) => ({ ...file, bytes: cleaned[index]!, sha256: await sha256Hex(cleaned[index]!), hiddenDataRemoved: true })));
}
