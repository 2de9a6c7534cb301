/**
 * Quick checks on Mongolian text for the tests (the full checker is `npm run check:mongolian`).
 * The suffix list is the one the pre-stop hook uses: case suffixes and particles that Inner
 * Mongolian print joins to their word with U+202F.
 */
const plainSpaceSuffix =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the joiners and variation selectors are listed one by one on purpose, not as parts of a sequence.
  /[\u1820-\u1878\u180E] (ᠤᠨ|ᠦᠨ|ᠶᠢᠨ|ᠳᠤ|ᠲᠤ|ᠳᠦ|ᠲᠦ|ᠶᠢ|ᠪᠠᠷ|ᠪᠡᠷ|ᠠᠴᠠ|ᠡᠴᠡ|ᠲᠠᠢ|ᠲᠡᠢ|ᠪᠠᠨ|ᠪᠡᠨ|ᠢᠶᠠᠨ|ᠢᠶᠡᠨ)(?![\u1820-\u1878\u180B-\u180E])/gu;

/** Each case suffix that follows a plain space, with a little context. */
export function plainSpaceSuffixes(text: string): string[] {
  return [...text.matchAll(plainSpaceSuffix)].map((match) => text.slice(Math.max(0, match.index - 12), match.index + match[0].length + 4));
}

/** The term the site replaced (yaɣudal), spelt by code point so that this file does not contain it. */
export const retiredProcuratorateTerm = String.fromCodePoint(0x1836, 0x1820, 0x182d, 0x1824, 0x1833, 0x1820, 0x182f);
