/** A character that must not appear in Mongolian output, with where it is and what it is. */
export interface ForbiddenCharacter {
  character: string;
  codePoint: string;
  index: number;
  kind: 'cyrillic' | 'private-use';
  context: string;
}

const cyrillic = /[\u0400-\u052F\u1C80-\u1C8F\u2DE0-\u2DFF\uA640-\uA69F]/u;
const privateUse = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/u;

/**
 * Cyrillic letters (Mongolia's script, not Inner Mongolia's: a sign of copied or machine text) and
 * private-use characters (legacy Mongolian fonts' encodings) in a text meant as traditional script.
 * @example findForbiddenCharacters('ᠮᠣᠩᠭᠣᠯ Монгол')[0].kind // 'cyrillic'
 */
export function findForbiddenCharacters(text: string): ForbiddenCharacter[] {
  const found: ForbiddenCharacter[] = [];
  let index = 0;
  for (const character of text) {
    const kind = cyrillic.test(character) ? 'cyrillic' : privateUse.test(character) ? 'private-use' : undefined;
    if (kind) {
      found.push({
        character,
        codePoint: `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
        index,
        kind,
        context: text.slice(Math.max(0, index - 20), index + 20),
      });
    }
    index += character.length;
  }
  return found;
}
