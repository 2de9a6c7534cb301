import type { Translate } from '../../i18n/translate';
import { sniffEvidenceType, sniffLength } from '../tips/sniffFileType';
import type { EvidenceType } from '../tips/tipSchema';

/**
 * Names for evidence files staff save. The tipster's file name never names the saved file: a name
 * such as `evidence\u202Egpj.exe` (shown as "evidenceexe.jpg") or `photo.hta` would otherwise be
 * opened by the staff machine as a program. The saved name comes from the tip, the file's
 * position and the type its bytes show; the tipster's name is only shown, as cleaned text.
 */
const extensionOf: Record<EvidenceType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

/** The type the bytes show, or octet-stream: what a saved file is labelled with. */
export function evidenceMediaType(bytes: Uint8Array): string {
  return sniffEvidenceType(bytes.subarray(0, sniffLength)) ?? 'application/octet-stream';
}

/**
 * The name a saved evidence file gets: `tip-<first 8 of the tip id>-<1-based position>.<extension of the sniffed type>`.
 * @example evidenceDownloadName('3f2a9c1e-…', 0, pdfBytes) // 'tip-3f2a9c1e-1.pdf'
 */
export function evidenceDownloadName(tipId: string, index: number, bytes: Uint8Array, suffix = ''): string {
  return savedFileName(evidenceBaseName(tipId, index), bytes, suffix);
}

/**
 * A saved file's name from its base name and the type its bytes show.
 * @example savedFileName('tip-3f2a9c1e-m2-1', jpegBytes, '-cleaned') // 'tip-3f2a9c1e-m2-1-cleaned.jpg'
 */
export function savedFileName(baseName: string, bytes: Uint8Array, suffix = ''): string {
  const type = sniffEvidenceType(bytes.subarray(0, sniffLength));
  return `${baseName}${suffix}.${type ? extensionOf[type] : 'bin'}`;
}

/**
 * `tip-<first 8 of the tip id>-m<1-based message>-<1-based file>`: a file the tipster attached to
 * a message of the conversation, named like the tip's own files.
 * @example messageFileBaseName('3f2a9c1e-…', 1, 0) // 'tip-3f2a9c1e-m2-1'
 */
export function messageFileBaseName(tipId: string, messagePosition: number, index: number): string {
  return `${tipBaseName(tipId)}-m${messagePosition + 1}-${index + 1}`;
}

/** `tip-<first 8 of the tip id>-<1-based position>`: also the name of the still-sealed file the server hands out. */
export function evidenceBaseName(tipId: string, index: number): string {
  return `${tipBaseName(tipId)}-${index + 1}`;
}

/** `tip-<first 8 of the tip id>`: what names everything saved from one tip. */
export function tipBaseName(tipId: string): string {
  return `tip-${tipId
    .replace(/[^0-9a-z]/gi, '')
    .slice(0, 8)
    .toLowerCase()}`;
}

/** Bidi controls, zero-width characters and other invisible controls that can disguise a name. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this removes.
const disguising = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The tipster's file name as text to show: without controls that reorder or hide characters.
 * @example displayableFileName('evidence\u202Egpj.exe') // 'evidencegpj.exe'
 */
export function displayableFileName(name: string): string {
  return name.replace(disguising, '').trim().slice(0, 255) || '（无文件名）';
}

/** What the tipster's opened content says a file is. */
export interface DescribedFile {
  name: string;
  contentType: string;
  byteLength: number;
}

/**
 * A file's line on the staff page: its label, then what the tipster said it is, when the opened
 * content says it (a file whose description is not open yet shows its label alone).
 */
export function describedFileLine(t: Translate, label: string, file: DescribedFile | undefined): string {
  if (!file) return label;
  return t('staff.file.described', { label, name: displayableFileName(file.name), type: file.contentType, kb: Math.ceil(file.byteLength / 1024) });
}
