import type { StemSound } from './stemSound.ts';

/**
 * The case suffixes and particles that traditional script writes apart from their word, joined by
 * U+202F (NARROW NO-BREAK SPACE) so they take their suffix shapes and never start a column alone.
 * Each family lists its forms by the stem's vowel class and, where it matters, by its ending.
 */
export interface SuffixFamily {
  name: string;
  /** The form a stem takes, or undefined where the stem's sound is not known well enough. */
  formFor(stem: StemSound): string | undefined;
  /** Every written form of the family (without variation selectors). */
  forms: readonly string[];
}

type ByClass = { back: string; front: string };

function harmonyOnly(name: string, forms: ByClass): SuffixFamily {
  return {
    name,
    forms: [forms.back, forms.front],
    formFor: (stem) => (stem.vowelClass ? forms[stem.vowelClass] : undefined),
  };
}

/**
 * A family whose form after a vowel differs from the one after a consonant. A word with an
 * unstable n takes its vowel-stem form, except where given (the genitive shows the n).
 */
function byEnding(name: string, afterVowel: ByClass, afterConsonant: ByClass, afterN: ByClass = afterConsonant, afterUnstableN: ByClass = afterVowel): SuffixFamily {
  const table = { vowel: afterVowel, consonant: afterConsonant, n: afterN, 'unstable-n': afterUnstableN };
  const forms = [...new Set([afterVowel, afterConsonant, afterN].flatMap((pair) => [pair.back, pair.front]))];
  return {
    name,
    forms,
    formFor(stem) {
      if (!stem.ending) return undefined;
      const pair = table[stem.ending];
      if (pair.back === pair.front) return pair.back;
      return stem.vowelClass ? pair[stem.vowelClass] : undefined;
    },
  };
}

export const suffixFamilies: readonly SuffixFamily[] = [
  byEnding('genitive', { back: 'ᠶᠢᠨ', front: 'ᠶᠢᠨ' }, { back: 'ᠤᠨ', front: 'ᠦᠨ' }, { back: 'ᠤ', front: 'ᠦ' }, { back: 'ᠤ', front: 'ᠦ' }),
  byEnding('accusative', { back: 'ᠶᠢ', front: 'ᠶᠢ' }, { back: 'ᠢ', front: 'ᠢ' }),
  harmonyOnly('dative', { back: 'ᠳᠤ', front: 'ᠳᠦ' }),
  harmonyOnly('dative', { back: 'ᠲᠤ', front: 'ᠲᠦ' }),
  harmonyOnly('dative', { back: 'ᠳᠤᠷ', front: 'ᠳᠦᠷ' }),
  harmonyOnly('dative', { back: 'ᠲᠤᠷ', front: 'ᠲᠦᠷ' }),
  harmonyOnly('ablative', { back: 'ᠠᠴᠠ', front: 'ᠡᠴᠡ' }),
  byEnding('instrumental', { back: 'ᠪᠠᠷ', front: 'ᠪᠡᠷ' }, { back: 'ᠢᠶᠠᠷ', front: 'ᠢᠶᠡᠷ' }),
  harmonyOnly('comitative', { back: 'ᠲᠠᠢ', front: 'ᠲᠡᠢ' }),
  byEnding('reflexive', { back: 'ᠪᠠᠨ', front: 'ᠪᠡᠨ' }, { back: 'ᠢᠶᠠᠨ', front: 'ᠢᠶᠡᠨ' }),
  harmonyOnly('dative-reflexive', { back: 'ᠳᠠᠭᠠᠨ', front: 'ᠳᠡᠭᠡᠨ' }),
  harmonyOnly('dative-reflexive', { back: 'ᠲᠠᠭᠠᠨ', front: 'ᠲᠡᠭᠡᠨ' }),
  harmonyOnly('ablative-reflexive', { back: 'ᠠᠴᠠᠭᠠᠨ', front: 'ᠡᠴᠡᠭᠡᠨ' }),
  harmonyOnly('locative-attributive', { back: 'ᠳᠠᠬᠢ', front: 'ᠳᠡᠬᠢ' }),
  harmonyOnly('locative-attributive', { back: 'ᠲᠠᠬᠢ', front: 'ᠲᠡᠬᠢ' }),
  harmonyOnly('plural', { back: 'ᠨᠤᠭᠤᠳ', front: 'ᠨᠦᠭᠦᠳ' }),
  harmonyOnly('question particle', { back: 'ᠤᠤ', front: 'ᠦᠦ' }),
  harmonyOnly('ordinal', { back: 'ᠳᠤᠭᠠᠷ', front: 'ᠳᠦᠭᠡᠷ' }),
];

/**
 * How a form is written with its variation selectors where the site writes it so: the ordinal's
 * ᠳ needs FVS1 to keep its d shape after a space-like joiner (ᠳ᠋ᠤᠭᠠᠷ, ᠳ᠋ᠦ᠋ᠭᠡᠷ).
 */
const spelledWithSelectors: Record<string, string> = {
  ᠳᠤᠭᠠᠷ: 'ᠳ᠋ᠤᠭᠠᠷ',
  ᠳᠦᠭᠡᠷ: 'ᠳ᠋ᠦ᠋ᠭᠡᠷ',
};

export function spelledForm(form: string): string {
  return spelledWithSelectors[form] ?? form;
}

const familyByForm = new Map<string, SuffixFamily[]>();
for (const family of suffixFamilies) {
  for (const form of family.forms) familyByForm.set(form, [...(familyByForm.get(form) ?? []), family]);
}

/** The families a written word belongs to as a suffix (variation selectors ignored), if any. */
export function suffixFamiliesOf(word: string): SuffixFamily[] {
  return familyByForm.get(word.replace(/[\u180B-\u180D\u180F\u200C\u200D]/gu, '')) ?? [];
}
