/**
 * What a suffix must agree with in the word before it: the word's vowel class (vowel harmony) and
 * how it ends (vowel, -n or another consonant), which pick between ᠶᠢᠨ / ᠤᠨ / ᠤ and the like.
 *
 * Plain TypeScript with erasable syntax only: `npm run check:mongolian` runs it in Node directly.
 */

/** Back (a, o, u) or front (e, ö, ü, and words with only i). */
export type VowelClass = 'back' | 'front';
/**
 * How a word ends, for the suffix forms that depend on it. "unstable-n" is a word whose hidden n
 * shows only in the genitive (numerals: ᠳᠣᠯᠣᠭ᠎ᠠ, genitive ᠳᠣᠯᠣᠭᠠᠨ ᠤ, accusative ᠳᠣᠯᠣᠭ᠎ᠠ ᠶᠢ).
 */
export type Ending = 'vowel' | 'n' | 'consonant' | 'unstable-n';

export interface StemSound {
  vowelClass?: VowelClass;
  ending?: Ending;
}

const A = '\u1820';
const E = '\u1821';
const I = '\u1822';
const O = '\u1823';
const U = '\u1824';
const OE = '\u1825';
const UE = '\u1826';
const EE = '\u1827';
const N = '\u1828';

const vowels = new Set([A, E, I, O, U, OE, UE, EE]);
/** Marks that steer glyph choice (FVS1–4, MVS, ZWNJ, ZWJ) and are not letters. */
const shapingMarks = /[\u180B-\u180F\u200C\u200D]/gu;

/** Mongolian letters only, without the marks that choose glyphs. */
export function lettersOf(word: string): string[] {
  return [...word.replace(shapingMarks, '')].filter((character) => /[\u1820-\u18AA]/u.test(character));
}

/**
 * The sound of a written Mongolian word, as far as its spelling shows it reliably.
 *
 * ᠣ/ᠤ and ᠥ/ᠦ look the same after the first syllable, so writers type one for the other there:
 * only a, e, and a rounded vowel of the first syllable (where ö/ü have their own shape) decide the
 * class. A word whose class rests on a later o/u/ö/ü alone gets no class, and so no harmony finding.
 * @example stemSound('ᠬᠣᠲᠠ') // { vowelClass: 'back', ending: 'vowel' }
 * @example stemSound('ᠮᠢᠨᠦ᠋ᠲ') // { vowelClass: undefined, ending: 'consonant' } (ü only in the second syllable)
 */
export function stemSound(word: string): StemSound {
  const letters = lettersOf(word);
  if (letters.length === 0) return {};
  const last = letters[letters.length - 1];
  const ending: Ending = vowels.has(last) ? 'vowel' : last === N ? 'n' : 'consonant';
  return { vowelClass: vowelClassOf(letters), ending };
}

function vowelClassOf(letters: string[]): VowelClass | undefined {
  const openVowels = letters.filter((letter) => letter === A || letter === E || letter === EE);
  if (openVowels.length > 0) {
    const hasBack = openVowels.includes(A);
    const hasFront = openVowels.includes(E) || openVowels.includes(EE);
    // A compound written as one word (ᠬᠥᠬᠡᠬᠣᠲᠠ) takes the suffixes of its last part.
    if (hasBack && hasFront) return openVowels[openVowels.length - 1] === A ? 'back' : 'front';
    return hasBack ? 'back' : 'front';
  }
  const firstSyllableVowel = firstSyllableVowelOf(letters);
  if (firstSyllableVowel === O || firstSyllableVowel === U) return 'back';
  if (firstSyllableVowel === OE || firstSyllableVowel === UE) return 'front';
  const rounded = letters.filter((letter) => letter === O || letter === U || letter === OE || letter === UE);
  if (rounded.length === 0) return letters.includes(I) ? 'front' : undefined;
  return undefined;
}

/** The first vowel other than i, if it stands in the word's first syllable. */
function firstSyllableVowelOf(letters: string[]): string | undefined {
  let seenVowel = false;
  for (const letter of letters) {
    if (vowels.has(letter)) {
      if (letter !== I) return letter;
      seenVowel = true;
    } else if (seenVowel) {
      return undefined;
    }
  }
  return undefined;
}
