/**
 * Search keys for traditional-script Mongolian.
 *
 * Real Mongolian text encodes the same written word in several ways (see
 * /work/shared/mongolian/README.md): suffixes joined by NNBSP, by a plain space or by MVS; free
 * variation selectors and zero-width joiners that only steer glyph choice; and letter pairs whose
 * shapes are the same in the middle of a word, typed one for the other (ᠣ/ᠤ, ᠥ/ᠦ, ᠲ/ᠳ, ᠬ/ᠭ,
 * ᠢ/ᠶᠢ). Pagefind compares code points, so a reader who types a word one way would miss a page
 * that spells it another way. Both the index (scripts/index-search.mjs, through
 * src/lib/searchRecord.ts) and the query (src/scripts/search/searchPage.ts) go through
 * `mongolianSearchKey`, so the two sides always fold the same way.
 *
 * The folded text is a key, never shown: folding ᠲ into ᠳ changes how a word looks at its start,
 * and dropping a variation selector changes a glyph. Readers see the original spelling
 * (`mongolianExcerpt` builds the result excerpts from it).
 *
 * Plain TypeScript with no imports and only erasable syntax: Node runs it as it is (the indexing
 * script imports it directly) and Vite bundles the same file for the browser.
 */

const MVS = '\u180E';

/** Final -a / -e after MVS (ᠰᠠᠷ᠎ᠠ): the MVS only picks the final form, it does not split a word. */
const mvsBeforeFinalVowel = /\u180E(?=[\u1820\u1821](?![\u1820-\u18AA]))/gu;
/** Marks that steer glyph choice and nothing else: FVS1–3, FVS4, ZWNJ, ZWJ, word joiner. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the joiners and variation selectors are listed one by one on purpose, not as parts of a sequence.
const shapingControls = /[\u180B-\u180D\u180F\u200C\u200D\u2060]/gu;
/** Mongolian punctuation (birga to the four dots and the ellipsis), NNBSP and other wide spaces. */
const wordSeparators = /[\u1800-\u180A\u202F\u00A0\u3000\s]+/gu;

/** Letter pairs with one shape in the middle of a word: both sides fold to the second letter. */
const sameShapeLetters: ReadonlyArray<readonly [RegExp, string]> = [
  [/\u1836\u1822/gu, '\u1822'], // ᠶᠢ → ᠢ
  [/\u1823/gu, '\u1824'], // ᠣ → ᠤ
  [/\u1825/gu, '\u1826'], // ᠥ → ᠦ
  [/\u1832/gu, '\u1833'], // ᠲ → ᠳ
  [/\u182C/gu, '\u182D'], // ᠬ → ᠭ
];

/**
 * The search key of a Mongolian text: every encoding variant of a word gives the same key, and
 * suffixes joined by NNBSP or MVS become separate words, as when they are written with a space.
 * Text in other scripts passes through with only its spaces tidied.
 * @example mongolianSearchKey('ᠰᠠᠷ᠎ᠠ') === mongolianSearchKey('ᠰᠠᠷᠠ') // true
 * @example mongolianSearchKey('ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ') // 'ᠮᠤᠩᠭᠤᠯ ᠤᠨ'
 */
export function mongolianSearchKey(text: string): string {
  let key = text.normalize('NFC').replace(shapingControls, '');
  key = key.replace(mvsBeforeFinalVowel, '').replaceAll(MVS, ' ');
  for (const [variant, folded] of sameShapeLetters) key = key.replace(variant, folded);
  return key.replace(wordSeparators, ' ').trim();
}

/** One run of the original text: a word, or what lies between two words. */
export interface TextRun {
  text: string;
  isWord: boolean;
}

// biome-ignore lint/suspicious/noMisleadingCharacterClass: the joiners and variation selectors are listed one by one on purpose, not as parts of a sequence.
const wordRun = /[\p{L}\p{N}\p{M}\u180E\u200C\u200D\u2060]+/gu;

/**
 * The original text cut into words and the runs between them, keeping every character, so the
 * runs joined give the text back. Words keep their own spelling (MVS, FVS and all).
 * @example splitIntoRuns('ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ ᠬᠡᠯᠡ᠃').filter((run) => run.isWord).length // 3
 */
export function splitIntoRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let position = 0;
  for (const match of text.matchAll(wordRun)) {
    if (match.index > position) runs.push({ text: text.slice(position, match.index), isWord: false });
    runs.push({ text: match[0], isWord: true });
    position = match.index + match[0].length;
  }
  if (position < text.length) runs.push({ text: text.slice(position), isWord: false });
  return runs;
}

/** A piece of a result excerpt: original text, marked where it matches the query. */
export interface ExcerptPiece {
  text: string;
  matches: boolean;
}

/**
 * An excerpt of a Mongolian page around the first word that matches the query, in the page's own
 * spelling, with the matching words marked. A word matches when its key starts with the key of a
 * query word (Pagefind matches by prefix too, so a query without its suffix finds the suffixed
 * form). Without a match the excerpt is the opening of the text.
 * @example mongolianExcerpt('ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠡᠳᠦᠷ', 'ᠰᠠᠷᠠ')[0] // { text: 'ᠰᠠᠷ᠎ᠠ', matches: true }
 */
export function mongolianExcerpt(text: string, query: string, wordsAround = 12): ExcerptPiece[] {
  const queryWords = mongolianSearchKey(query).split(' ').filter(Boolean);
  const runs = splitIntoRuns(text.replace(/[\t\n\r ]+/g, ' ').trim());
  const isMatch = (run: TextRun) =>
    run.isWord &&
    mongolianSearchKey(run.text)
      .split(' ')
      .some((part) => queryWords.some((queryWord) => part.startsWith(queryWord)));
  const matchFlags = runs.map(isMatch);
  const wordIndexes = runs.flatMap((run, index) => (run.isWord ? [index] : []));
  const firstMatch = matchFlags.indexOf(true);
  const firstMatchWord = firstMatch === -1 ? 0 : wordIndexes.indexOf(firstMatch);
  const fromWord = Math.max(0, firstMatchWord - Math.floor(wordsAround / 3));
  const toWord = Math.min(wordIndexes.length - 1, fromWord + wordsAround * 2);
  if (wordIndexes.length === 0) return [];
  const from = wordIndexes[fromWord]!;
  const to = wordIndexes[toWord]!;
  const pieces: ExcerptPiece[] = [];
  if (from > 0) pieces.push({ text: '… ', matches: false });
  for (let index = from; index <= to; index += 1) {
    const piece = { text: runs[index]!.text, matches: matchFlags[index]! };
    const previous = pieces.at(-1);
    if (previous && previous.matches === piece.matches) previous.text += piece.text;
    else pieces.push(piece);
  }
  if (to < runs.length - 1) pieces.push({ text: ' …', matches: false });
  return pieces;
}
