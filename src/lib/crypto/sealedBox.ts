/**
 * Version 1 of tip sealing, kept only to open what it sealed before HPKE replaced it (see
 * tipEnvelope.ts): an ephemeral X25519 key agreement with the one procuratorate key, HKDF-SHA-256,
 * AES-256-GCM with the header as additional data. Nothing new is sealed this way.
 *
 * Layout: version 1 (1 byte) | key id length (1) | key id (ASCII) | ephemeral public key (32)
 * | IV (12) | AES-GCM ciphertext with tag.
 */
import { SealingKeyError, type OpeningKey } from './reviewerKeys.ts';

export const legacyVersion = 1;
export const legacyTextPrefix = 'sealed1:';
const hkdfInfo = new TextEncoder().encode('procuratorate-tip-seal v1');

async function aesKey(shared: ArrayBuffer, ephemeralRaw: Uint8Array<ArrayBuffer>, recipientRaw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const salt = new Uint8Array(64);
  salt.set(ephemeralRaw, 0);
  salt.set(recipientRaw, 32);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: hkdfInfo }, material, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
}

/** Opens bytes sealed by version 1 with whichever of the given private keys they were sealed to. */
export async function openLegacyBytes(keys: ReadonlyArray<OpeningKey>, sealed: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.byteLength < 2 || sealed[0] !== legacyVersion) throw new SealingKeyError('Not a sealed tip (unknown format).');
  const keyIdLength = sealed[1]!;
  const headerLength = 2 + keyIdLength + 32 + 12;
  if (sealed.byteLength < headerLength + 16) throw new SealingKeyError('The sealed data is cut short.');
  const keyId = new TextDecoder().decode(sealed.slice(2, 2 + keyIdLength));
  const holder = keys.find((candidate) => candidate.keyId === keyId);
  if (!holder) throw new SealingKeyError(`This tip was sealed to key ${keyId}; load that key's file to open it.`);
  const ephemeralRaw = sealed.slice(2 + keyIdLength, 2 + keyIdLength + 32);
  const ephemeral = await crypto.subtle.importKey('raw', ephemeralRaw, { name: 'X25519' }, false, []);
  const shared = await crypto.subtle.deriveBits({ name: 'X25519', public: ephemeral }, holder.privateKey, 256);
  const key = await aesKey(shared, ephemeralRaw, holder.publicKey);
  try {
    const iv = sealed.slice(2 + keyIdLength + 32, headerLength);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: sealed.slice(0, headerLength) }, key, sealed.slice(headerLength)));
  } catch {
    throw new SealingKeyError('The sealed data does not open with this key: it was changed or is damaged.');
  }
}
