/**
 * The tipster's key pair, derived from the receipt code and from nothing else, so the code alone
 * reopens what staff sealed to its public half and no key has to be stored or sent anywhere.
 *
 * seed = HKDF-SHA-256(ikm = the normalised code as UTF-8, salt = tipsterKeySalt, info = tipsterKeyInfo, 32 bytes)
 * private key = seed clamped as RFC 7748 §5 decodes an X25519 scalar (the curve would clamp it on
 * use anyway; clamping here makes the bytes the canonical private key that every implementation
 * reads the same way); public key = X25519(private key, 9).
 * Salt and info are fixed and versioned: changing either orphans every stored public key.
 * Why a fast KDF is enough for a 98-bit code: README.md beside this file.
 */
import { DhkemX25519HkdfSha256 } from '@hpke/core';
import { normalizeReceiptCode } from '../tips/receiptCode.ts';
import { toBase64Url } from '../crypto/base64url.ts';

export const tipsterKeySalt = 'procuratorate-conversation v1|tipster key salt';
export const tipsterKeyInfo = 'procuratorate-conversation v1|tipster X25519 private key';
const privateKeyLength = 32;
const kem = new DhkemX25519HkdfSha256();
const utf8 = (text: string) => new TextEncoder().encode(text);
const x25519BasePoint = Uint8Array.from({ length: 32 }, (_, index) => (index === 0 ? 9 : 0));

export class NotAReceiptCodeError extends Error {}

/** A tipster's keys while they are in use; `privateKey` bytes only ever live in memory or sealed in a session token. */
export interface TipsterKeys {
  privateKey: Uint8Array<ArrayBuffer>;
  /** Both halves as WebCrypto keys, as HPKE wants them. */
  pair: CryptoKeyPair;
  /** The 32 raw bytes stored with the tip (base64url in the database). */
  publicKey: Uint8Array<ArrayBuffer>;
}

/** RFC 7748 §5 decodeScalar25519: clear the three low bits and the top bit, set the second-highest. */
function clampX25519Scalar(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const clamped = bytes.slice();
  clamped[0] = clamped[0]! & 248;
  clamped[31] = (clamped[31]! & 127) | 64;
  return clamped;
}

/** The clamped private key bytes for a receipt code as typed (any case, spaces, dashes). */
export async function tipsterPrivateKeyFromCode(typedCode: string): Promise<Uint8Array<ArrayBuffer>> {
  const code = normalizeReceiptCode(typedCode);
  if (!code) throw new NotAReceiptCodeError('This is not a receipt code: it needs 20 letters and digits from the receipt alphabet.');
  const material = await crypto.subtle.importKey('raw', utf8(code), 'HKDF', false, ['deriveBits']);
  const seed = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: utf8(tipsterKeySalt), info: utf8(tipsterKeyInfo) }, material, privateKeyLength * 8),
  );
  const privateKey = clampX25519Scalar(seed);
  seed.fill(0);
  return privateKey;
}

/** The key pair for private key bytes (from a code, or from a session token that carries them). */
export async function tipsterKeysFromPrivateKey(privateKey: Uint8Array<ArrayBuffer>): Promise<TipsterKeys> {
  if (privateKey.byteLength !== privateKeyLength) throw new NotAReceiptCodeError(`A tipster private key has ${privateKeyLength} bytes, not ${privateKey.byteLength}.`);
  const privateCryptoKey = await kem.importKey('raw', privateKey.slice().buffer, false);
  // X25519(private key, 9) is the public key: computed, not read from an export, so it runs the
  // same in every runtime (some browsers cannot export an imported X25519 key as JWK).
  const basePoint = await crypto.subtle.importKey('raw', x25519BasePoint, { name: 'X25519' }, false, []);
  const publicKey = new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: basePoint }, privateCryptoKey, 256));
  const publicCryptoKey = await kem.importKey('raw', publicKey.slice().buffer, true);
  return { privateKey: privateKey.slice(), pair: { privateKey: privateCryptoKey, publicKey: publicCryptoKey }, publicKey };
}

/** The tipster's keys for a receipt code as typed. */
export async function tipsterKeysFromCode(typedCode: string): Promise<TipsterKeys> {
  const privateKey = await tipsterPrivateKeyFromCode(typedCode);
  const keys = await tipsterKeysFromPrivateKey(privateKey);
  privateKey.fill(0);
  return keys;
}

/** What the submission stores for a new tip: the public key, base64url (43 characters). */
export async function tipsterPublicKeyForCode(typedCode: string): Promise<string> {
  return toBase64Url((await tipsterKeysFromCode(typedCode)).publicKey);
}
