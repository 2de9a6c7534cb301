/**
 * Receipt codes: what a tipster keeps to follow a tip up. 20 characters from a 30-letter alphabet
 * (98 bits of randomness), in five groups of four for reading aloud over the phone. The alphabet
 * leaves out look-alikes (0/O, 1/I/L) and U (V/U), so a code read from paper is typed right.
 */
export const receiptAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 20;
const groupLength = 4;

/** Bits of randomness in one code. */
export const receiptCodeBits = codeLength * Math.log2(receiptAlphabet.length);

/** A fresh code, e.g. "7KQ2-MXH9-RT4B-WZ8C-3NPA". Rejection sampling keeps every letter equally likely. */
export function generateReceiptCode(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const limit = 256 - (256 % receiptAlphabet.length);
  let letters = '';
  while (letters.length < codeLength) {
    for (const byte of random(new Uint8Array(32))) {
      if (byte < limit && letters.length < codeLength) letters += receiptAlphabet[byte % receiptAlphabet.length];
    }
  }
  return groupReceiptCode(letters);
}

function groupReceiptCode(letters: string): string {
  return letters.match(new RegExp(`.{1,${groupLength}}`, 'g'))!.join('-');
}

/**
 * The code as typed, tidied: upper case, spaces and any kind of dash dropped. Undefined when it
 * cannot be a code.
 * @example normalizeReceiptCode(' 7kq2 mxh9-rt4b wz8c 3npa ') // '7KQ2-MXH9-RT4B-WZ8C-3NPA'
 */
export function normalizeReceiptCode(typed: string): string | undefined {
  const letters = typed.toUpperCase().replace(/[\s\-\u2010-\u2015\u30FC]/g, '');
  if (letters.length !== codeLength) return undefined;
  if ([...letters].some((letter) => !receiptAlphabet.includes(letter))) return undefined;
  return groupReceiptCode(letters);
}

/** What is stored instead of the code: its SHA-256, hex. The code's 98 random bits make a salt unnecessary. */
export async function hashReceiptCode(normalizedCode: string): Promise<string> {
  return sha256Hex(`receipt:${normalizedCode}`);
}

export async function sha256Hex(text: string | Uint8Array): Promise<string> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
