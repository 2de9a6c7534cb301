import { stemSound, type StemSound } from './stemSound.ts';
import { numberSound } from './numberSound.ts';
import { spelledForm, suffixFamiliesOf } from './suffixes.ts';

export const NNBSP = '\u202F';

/** What is wrong in one place of a Mongolian text, with the text to write instead. */
export interface TextFinding {
  rule: 'plain-space-suffix' | 'vowel-harmony' | 'suffix-form' | 'placeholder-suffix' | 'punctuation';
  /** Index in the checked text where the wrong text starts. */
  index: number;
  wrong: string;
  fix: string;
  message: string;
}

type TokenKind = 'word' | 'number' | 'latin' | 'placeholder' | 'closer' | 'space' | 'joiner' | 'other';
interface Token {
  kind: TokenKind;
  text: string;
  index: number;
}

const tokenPattern = new RegExp(
  [
    '(?<word>[\\u1820-\\u18AA][\\u1820-\\u18AA\\u180B-\\u180F\\u200C\\u200D]*)',
    '(?<number>\\d+(?:[.,]\\d+)*)',
    '(?<latin>[A-Za-z]+)',
    '(?<placeholder>\\{\\{\\s*\\w+\\s*\\}\\})',
    '(?<closer>[︾︶﹈﹀」』》])',
    '(?<space> )',
    '(?<joiner>\\u202F)',
    '(?<other>[\\s\\S])',
  ].join('|'),
  'gu',
);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const kind = Object.entries(match.groups!).find(([, value]) => value !== undefined)![0] as TokenKind;
    const last = tokens.at(-1);
    if (kind === 'other' && last?.kind === 'other' && last.index + last.text.length === match.index) {
      last.text += match[0];
    } else {
      tokens.push({ kind, text: match[0], index: match.index });
    }
  }
  return tokens;
}

/** The sound of the stem a suffix attaches to: a word, a number, or the last word inside ︽…︾. */
function soundOfStem(tokens: Token[], position: number): StemSound | undefined {
  const stem = tokens[position];
  if (stem.kind === 'word' && suffixFamiliesOf(stem.text).length > 0 && position >= 2 && tokens[position - 1].kind !== 'other') {
    // A suffix after a suffix (ᠶᠡᠷᠦ ᠶᠢᠨ ᠳᠡᠭᠡᠨ) keeps the root word's vowels, and ends as it ends.
    const root = soundOfStem(tokens, position - 2);
    return { vowelClass: root?.vowelClass ?? stemSound(stem.text).vowelClass, ending: stemSound(stem.text).ending };
  }
  if (stem.kind === 'word') return stemSound(stem.text);
  if (stem.kind === 'number') return numberSound(stem.text);
  if (stem.kind === 'closer') {
    for (let back = position - 1; back >= 0; back -= 1) {
      if (tokens[back].kind === 'word') return stemSound(tokens[back].text);
      if (tokens[back].kind === 'number') return numberSound(tokens[back].text);
    }
  }
  return undefined;
}

const stemKinds = new Set<TokenKind>(['word', 'number', 'latin', 'placeholder', 'closer']);

function suffixFindings(tokens: Token[]): TextFinding[] {
  const findings: TextFinding[] = [];
  for (let position = 2; position < tokens.length; position += 1) {
    const suffix = tokens[position];
    const separator = tokens[position - 1];
    const stem = tokens[position - 2];
    if (suffix.kind !== 'word' || !stemKinds.has(stem.kind)) continue;
    if (separator.kind !== 'space' && separator.kind !== 'joiner') continue;
    // ᠳ᠋ᠤᠭᠠᠷ after a word is the noun "number" (ᠰᠢᠯᠦᠳᠡᠨ ᠦ ᠳ᠋ᠤᠭᠠᠷ); only after a number is it the ordinal.
    const afterNumber = stem.kind === 'number' || stem.kind === 'placeholder';
    const families = suffixFamiliesOf(suffix.text).filter((family) => afterNumber || family.name !== 'ordinal');
    if (families.length === 0) continue;

    const sound = soundOfStem(tokens, position - 2);
    const expected = families.map((family) => family.formFor(sound ?? {})).find(Boolean);
    const written = suffix.text.replace(/[\u180B-\u180D\u180F]/gu, '');
    const rightForm = expected && expected !== written ? spelledForm(expected) : suffix.text;
    const wrong = stem.text + separator.text + suffix.text;
    const fix = stem.text + NNBSP + rightForm;
    if (stem.kind === 'placeholder') {
      findings.push({
        rule: 'placeholder-suffix',
        index: stem.index,
        wrong,
        fix: `${stem.text} with its suffix from the number-suffix function`,
        message: `the suffix after ${stem.text} depends on the number put there (20 ᠠᠴᠠ, 1 ᠡᠴᠡ): let the number-suffix function choose it`,
      });
    } else if (rightForm !== suffix.text) {
      const family = families[0];
      const harmonyOnlyDiffers = family.formFor({ ...sound, vowelClass: sound?.vowelClass === 'back' ? 'front' : 'back' }) === written;
      findings.push({
        rule: harmonyOnlyDiffers ? 'vowel-harmony' : 'suffix-form',
        index: stem.index,
        wrong,
        fix,
        message: harmonyOnlyDiffers
          ? `the ${family.name} suffix ${suffix.text} does not agree with the vowels of ${stem.text} (${sound?.vowelClass} word): write ${rightForm}`
          : `after ${stem.text} (ending in ${endingName(sound)}) the ${family.name} is ${rightForm}, not ${suffix.text}`,
      });
    } else if (separator.kind === 'space') {
      findings.push({
        rule: 'plain-space-suffix',
        index: stem.index,
        wrong,
        fix,
        message: `the suffix ${suffix.text} follows a plain space: join it with U+202F (narrow no-break space)`,
      });
    }
  }
  return findings;
}

function endingName(sound: StemSound | undefined): string {
  if (sound?.ending === 'unstable-n') return 'an unstable n, as numerals do';
  return sound?.ending === 'n' ? '-n' : sound?.ending === 'vowel' ? 'a vowel' : 'a consonant';
}

/** Chinese and ASCII punctuation that has a Mongolian form. */
const punctuationFixes: Record<string, string> = {
  '，': '᠂',
  '、': '᠂',
  '。': '᠃',
  '；': '᠂',
  '：': '᠄',
  '？': '︖',
  '！': '︕',
  '“': '︽',
  '”': '︾',
  '‘': '︽',
  '’': '︾',
  '《': '︽',
  '》': '︾',
  '〈': '︿',
  '〉': '﹀',
  '（': '︵',
  '）': '︶',
  '(': '︵',
  ')': '︶',
  '【': '﹇',
  '】': '﹈',
  '〔': '﹇',
  '〕': '﹈',
  '[': '﹇',
  ']': '﹈',
};
const punctuationPattern = /[，、。；：？！“”‘’《》〈〉（）()【】〔〕[\]]/gu;

function punctuationFindings(text: string): TextFinding[] {
  if (!/[\u1820-\u18AA]/u.test(text)) return [];
  return [...text.matchAll(punctuationPattern)].map((match) => ({
    rule: 'punctuation' as const,
    index: match.index,
    wrong: text.slice(Math.max(0, match.index - 6), match.index + 7),
    fix: punctuationFixes[match[0]],
    message: `${match[0]} is ${/[([\])]/u.test(match[0]) ? 'an ASCII bracket' : 'Chinese punctuation'} in Mongolian text: write ${punctuationFixes[match[0]]}`,
  }));
}

/**
 * Every suffix, particle and punctuation mistake in one run of Mongolian text.
 * @example checkMongolianText('ᠬᠣᠲᠠ ᠤᠨ')[0].fix // 'ᠬᠣᠲᠠ\u202Fᠶᠢᠨ'
 */
export function checkMongolianText(text: string): TextFinding[] {
  return [...suffixFindings(tokenize(text)), ...punctuationFindings(text)].sort((a, b) => a.index - b.index);
}
