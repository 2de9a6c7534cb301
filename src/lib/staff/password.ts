import { fromBase64Url, toBase64Url } from '../crypto/base64url.ts';

/**
 * Staff passwords, hashed with PBKDF2-SHA-256 (WebCrypto, so the same code runs in workerd and
 * Node). 600,000 iterations on Node; 100,000 on Cloudflare, the most workerd's PBKDF2 accepts
 * (StaffPlatform in config.ts). The count is stored in each hash, so it can be raised later
 * without breaking existing ones.
 * Format: "pbkdf2-sha256$<iterations>$<salt>$<hash>" (base64url).
 */
export const defaultPasswordIterations = 100_000;
export const minimumPasswordLength = 12;
/** More would let a forged hash make one check cost seconds of CPU. */
const maximumPasswordIterations = 1_000_000;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256));
}

export async function hashPassword(password: string, iterations = defaultPasswordIterations): Promise<string> {
  if (password.length < minimumPasswordLength) throw new Error(`The password is shorter than ${minimumPasswordLength} characters.`);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${iterations}$${toBase64Url(salt)}$${toBase64Url(await derive(password, salt, iterations))}`;
}

/** Whether the password matches the stored hash; a malformed hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterationsText, saltText, hashText] = stored.split('$');
  const iterations = Number(iterationsText);
  if (scheme !== 'pbkdf2-sha256' || !Number.isInteger(iterations) || iterations < 1 || iterations > maximumPasswordIterations || !saltText || !hashText) return false;
  try {
    return constantTimeEqual(await derive(password, fromBase64Url(saltText), iterations), fromBase64Url(hashText));
  } catch {
    return false;
  }
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let index = 0; index < a.byteLength; index += 1) difference |= a[index]! ^ b[index]!;
  return difference === 0;
}

/**
 * A hash of a password nobody has, checked when the username is unknown, so a login for a missing
 * account takes as long as one for a real account (hashed with the platform's iteration count).
 */
export const decoyPasswordHash = (iterations: number) => `pbkdf2-sha256$${iterations}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
