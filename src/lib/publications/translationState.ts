// Which version of its original a translation was made from, and what that makes it now.
// No imports: `npm run translations` (plain Node), the build and the CMS bundle share this file.

/** Bookkeeping fields: changing them does not change what a translator has to translate. */
const bookkeepingFields = new Set(['lang', 'translationKey', 'translationStatus', 'draft', 'translatedFrom', 'reviewedBy', 'reviewedOn']);

/**
 * A value as it matters to a reader, whoever parsed it: the build's YAML reader gives dates as
 * Date, the CMS as "2025-05-27"; an empty list, an empty text and a missing field are the same.
 */
function canonicalValue(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) {
    const items = value.map(canonicalValue).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, canonicalValue(item)] as const)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value ?? undefined;
}

/** Line endings and trailing spaces differ between editors; the words do not. */
function canonicalBody(body: string): string {
  return body
    .replaceAll('\r\n', '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/**
 * A 12-character code for the parts of an original a translator translates: its text and every
 * field but the bookkeeping ones. A translation stores it as `translatedFrom`.
 * @example await translationHash({ title: '标题', lang: 'zh', … }, '正文') // 'a41c0e9b7d2f'
 */
export async function translationHash(frontmatter: Record<string, unknown>, body: string): Promise<string> {
  const relevant = Object.fromEntries(Object.entries(frontmatter).filter(([key]) => !bookkeepingFields.has(key)));
  const text = JSON.stringify({ fields: canonicalValue(relevant) ?? {}, body: canonicalBody(body) });
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)]
    .slice(0, 6)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}

/**
 * missing: no translation file; outdated: the original changed after the translation was made;
 * otherwise the translation's own status.
 */
export type TranslationState = 'missing' | 'outdated' | 'unreviewed' | 'reviewed';

export interface TranslationFacts {
  /** The original's frontmatter and text, as read from its file. */
  original: { frontmatter: Record<string, unknown>; body: string };
  /** The translation's frontmatter, or undefined when there is no file. */
  translation?: Record<string, unknown>;
}

export interface TranslationVerdict {
  state: TranslationState;
  /**
   * False for a translation without `translatedFrom` (written before it existed, or by hand):
   * nobody knows which version it was made from, so it is never called outdated; mark it.
   */
  tracked: boolean;
  /** What `translatedFrom` should be for a translation of the original as it is now. */
  currentHash: string;
}

export async function judgeTranslation({ original, translation }: TranslationFacts): Promise<TranslationVerdict> {
  const currentHash = await translationHash(original.frontmatter, original.body);
  if (!translation) return { state: 'missing', tracked: false, currentHash };
  const translatedFrom = typeof translation.translatedFrom === 'string' ? translation.translatedFrom : undefined;
  if (translatedFrom !== undefined && translatedFrom !== currentHash) return { state: 'outdated', tracked: true, currentHash };
  return { state: translation.translationStatus === 'reviewed' ? 'reviewed' : 'unreviewed', tracked: translatedFrom !== undefined, currentHash };
}

/**
 * The file's text with `translatedFrom: <hash>` set, everything else as it was written: the line
 * is replaced, or added after `translationStatus:` (or before the closing `---`).
 */
export function markTranslatedFrom(fileText: string, hash: string): string {
  const match = /^(---\r?\n)([\s\S]*?\r?\n)(---)/.exec(fileText);
  if (!match) throw new Error('has no frontmatter between two --- lines');
  const [whole, opening, header, closing] = match;
  const line = `translatedFrom: "${hash}"`;
  let newHeader: string;
  if (/^translatedFrom:.*$/m.test(header!)) newHeader = header!.replace(/^translatedFrom:.*$/m, line);
  else if (/^translationStatus:.*$/m.test(header!)) newHeader = header!.replace(/^(translationStatus:.*)$/m, `$1\n${line}`);
  else newHeader = `${header}${line}\n`;
  return `${opening}${newHeader}${closing}${fileText.slice(whole.length)}`;
}
