import type { StemSound } from './stemSound.ts';

/**
 * The sound of a number written in digits, for its suffixes: the suffix agrees with the last word
 * of the number read aloud (20 ᠬᠣᠷᠢᠨ → ᠠᠴᠠ, 1 ᠨᠢᠭᠡ → ᠡᠴᠡ, 2025 … ᠲᠠᠪᠤ → ᠳᠤ).
 * Large numbers are read in myriads, as Inner Mongolian text writes them (万 ᠲᠦᠮᠡ, 亿 ᠪᠤᠮ). The
 * numerals are unstable-n words (only 2 ᠬᠣᠶᠠᠷ ends in r), the same reading as the site's
 * number-suffix function uses.
 */
const units: Record<number, StemSound> = {
  1: { vowelClass: 'front', ending: 'unstable-n' }, // ᠨᠢᠭᠡ
  2: { vowelClass: 'back', ending: 'consonant' }, // ᠬᠣᠶᠠᠷ
  3: { vowelClass: 'back', ending: 'unstable-n' }, // ᠭᠤᠷᠪᠠ
  4: { vowelClass: 'front', ending: 'unstable-n' }, // ᠳᠥᠷᠪᠡ
  5: { vowelClass: 'back', ending: 'unstable-n' }, // ᠲᠠᠪᠤ
  6: { vowelClass: 'back', ending: 'unstable-n' }, // ᠵᠢᠷᠭᠤᠭ᠎ᠠ
  7: { vowelClass: 'back', ending: 'unstable-n' }, // ᠳᠣᠯᠣᠭ᠎ᠠ
  8: { vowelClass: 'back', ending: 'unstable-n' }, // ᠨᠠᠢᠮᠠ
  9: { vowelClass: 'front', ending: 'unstable-n' }, // ᠶᠢᠰᠦ
};
const tens: Record<number, StemSound> = {
  1: { vowelClass: 'back', ending: 'unstable-n' }, // ᠠᠷᠪᠠ
  2: { vowelClass: 'back', ending: 'unstable-n' }, // ᠬᠣᠷᠢᠨ
  3: { vowelClass: 'back', ending: 'unstable-n' }, // ᠭᠤᠴᠢ
  4: { vowelClass: 'front', ending: 'unstable-n' }, // ᠳᠥᠴᠢ
  5: { vowelClass: 'back', ending: 'unstable-n' }, // ᠲᠠᠪᠢᠨ
  6: { vowelClass: 'back', ending: 'unstable-n' }, // ᠵᠢᠷᠠᠨ
  7: { vowelClass: 'back', ending: 'unstable-n' }, // ᠳᠠᠯᠠᠨ
  8: { vowelClass: 'back', ending: 'unstable-n' }, // ᠨᠠᠶᠠᠨ
  9: { vowelClass: 'front', ending: 'unstable-n' }, // ᠶᠡᠷᠡᠨ
};
const hundred: StemSound = { vowelClass: 'back', ending: 'unstable-n' }; // ᠵᠠᠭᠤ
const thousand: StemSound = { vowelClass: 'back', ending: 'unstable-n' }; // ᠮᠢᠩᠭ᠎ᠠ
const tenThousand: StemSound = { vowelClass: 'front', ending: 'unstable-n' }; // ᠲᠦᠮᠡ
const hundredMillion: StemSound = { vowelClass: 'back', ending: 'consonant' }; // ᠪᠤᠮ

/**
 * @example numberSound('20') // { vowelClass: 'back', ending: 'unstable-n' }
 * @example numberSound('1') // { vowelClass: 'front', ending: 'unstable-n' }
 */
export function numberSound(digits: string): StemSound {
  // A decimal is read digit by digit after the point: its last digit decides.
  const lastPart = digits.replace(/[,\s]/gu, '').split('.').at(-1) ?? '';
  if (!/^\d+$/u.test(lastPart)) return {};
  if (digits.includes('.')) {
    const lastDigit = Number(lastPart.at(-1));
    return lastDigit === 0 ? { vowelClass: 'front', ending: 'consonant' } : units[lastDigit]; // 0 ᠲᠡᠭ
  }
  const value = BigInt(lastPart);
  if (value === 0n) return { vowelClass: 'front', ending: 'consonant' };
  if (value % 10n !== 0n) return units[Number(value % 10n)];
  if (value % 100n !== 0n) return tens[Number((value % 100n) / 10n)];
  if (value % 1000n !== 0n) return hundred;
  if (value % 10000n !== 0n) return thousand;
  if (value % 100000000n !== 0n) return tenThousand;
  return hundredMillion;
}
