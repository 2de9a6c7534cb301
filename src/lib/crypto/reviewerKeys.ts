/**
 * Reviewers' X25519 keys. Each reviewer has a key pair of their own: the public half goes into the
 * server's list of active reviewers (TIP_REVIEWER_KEYS), the private half into a file only they
 * hold, protected by their passphrase. The file is opened with WebCrypto alone, so the same code
 * runs in the staff browser, in Node (`npm run keys`, `npm run tips`) and in tests:
 * PBKDF2-SHA-256 turns the passphrase into an AES-256-GCM key that wraps the private key (PKCS #8),
 * with the key id as additional data so the file's public half cannot be swapped.
 *
 * Unprotected key files of the single-key era (`procuratorate-tip-private-key`, a bare JWK) still
 * load, so tips sealed to them stay readable.
 */
import { fromBase64Url, toBase64Url } from './base64url.ts';

export class SealingKeyError extends Error {}

/** A public key tips are sealed to, with the reviewer it belongs to. */
export interface ReviewerPublicKey {
  name: string;
  keyId: string;
  raw: Uint8Array<ArrayBuffer>;
  key: CryptoKey;
}

/** A private key ready to open tips (non-extractable), with its public half. */
export interface OpeningKey {
  name: string;
  keyId: string;
  privateKey: CryptoKey;
  publicKey: Uint8Array<ArrayBuffer>;
  /** Both halves as WebCrypto keys, as HPKE wants them (the private half is never exported). */
  pair: CryptoKeyPair;
  /** False for a file of the single-key era, which has no passphrase. */
  protectedByPassphrase: boolean;
}

export const reviewerKeyFileType = 'procuratorate-tip-reviewer-key';
const legacyKeyFileType = 'procuratorate-tip-private-key';
export const defaultPassphraseIterations = 600_000;
export const minimumPassphraseLength = 12;

/** What `npm run keys -- add` writes for one reviewer. */
export interface ReviewerKeyFile {
  type: typeof reviewerKeyFileType;
  version: 2;
  name: string;
  keyId: string;
  publicKey: string;
  passphrase: { kdf: 'PBKDF2-SHA-256'; iterations: number; salt: string };
  sealedPrivateKey: { cipher: 'AES-256-GCM'; iv: string; data: string };
}

/** First 16 hex digits of the SHA-256 of the raw public key: short, stable, and names the pair. */
export async function keyIdOf(rawPublicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', rawPublicKey));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A reviewer's public key from configuration (base64url of the 32 raw bytes). */
export async function importReviewerPublicKey(name: string, base64url: string): Promise<ReviewerPublicKey> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64Url(base64url.trim());
  } catch {
    throw new SealingKeyError(`The public key of reviewer "${name}" is not base64url text: copy it again from \`npm run keys -- list\`.`);
  }
  if (raw.byteLength !== 32) throw new SealingKeyError(`The public key of reviewer "${name}" has ${raw.byteLength} bytes; an X25519 key has 32.`);
  const key = await crypto.subtle.importKey('raw', raw, { name: 'X25519' }, true, []);
  return { name, keyId: await keyIdOf(raw), raw, key };
}

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: 'wrapKey' | 'unwrapKey'): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** A new key pair for a reviewer and the passphrase-protected file that holds its private half. */
export async function generateReviewerKey(
  name: string,
  passphrase: string,
  iterations = defaultPassphraseIterations,
): Promise<{ publicKey: string; keyId: string; file: ReviewerKeyFile }> {
  if (passphrase.length < minimumPassphraseLength) throw new SealingKeyError(`The passphrase is shorter than ${minimumPassphraseLength} characters: choose a longer one.`);
  const pair = (await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const keyId = await keyIdOf(raw);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrappingKey = await passphraseKey(passphrase, salt, iterations, 'wrapKey');
  const data = new Uint8Array(await crypto.subtle.wrapKey('pkcs8', pair.privateKey, wrappingKey, { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(keyId) }));
  const publicKey = toBase64Url(raw);
  return {
    publicKey,
    keyId,
    file: {
      type: reviewerKeyFileType,
      version: 2,
      name,
      keyId,
      publicKey,
      passphrase: { kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64Url(salt) },
      sealedPrivateKey: { cipher: 'AES-256-GCM', iv: toBase64Url(iv), data: toBase64Url(data) },
    },
  };
}

/** Whether a key file needs a passphrase to open (the staff page asks for one only then). */
export function keyFileNeedsPassphrase(text: string): boolean {
  try {
    return (JSON.parse(text) as { type?: string }).type === reviewerKeyFileType;
  } catch {
    return false;
  }
}

/**
 * Reads a key file into a non-extractable key: it can open tips but can never be read back out of
 * the browser's (or Node's) key store.
 */
export async function importKeyFile(text: string, passphrase = ''): Promise<OpeningKey> {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new SealingKeyError('This file is not a key file (it is not JSON). Choose the file `npm run keys -- add` wrote.');
  }
  if (parsed.type === reviewerKeyFileType) return importReviewerKeyFile(parsed as unknown as ReviewerKeyFile, passphrase);
  if (parsed.type === legacyKeyFileType) return importLegacyKeyFile(parsed);
  throw new SealingKeyError('This JSON file is not a tip key file. Choose the file `npm run keys -- add` wrote.');
}

async function checkedPublicKey(publicKey: unknown, keyId: unknown): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof publicKey !== 'string' || typeof keyId !== 'string') throw new SealingKeyError('The key file is damaged: it lacks its public key or key id.');
  const raw = fromBase64Url(publicKey);
  if ((await keyIdOf(raw)) !== keyId) throw new SealingKeyError('The key file is damaged: its key id does not match its public key.');
  return raw;
}

async function openingKey(name: string, keyId: string, privateKey: CryptoKey, raw: Uint8Array<ArrayBuffer>, protectedByPassphrase: boolean): Promise<OpeningKey> {
  const publicKey = await crypto.subtle.importKey('raw', raw, { name: 'X25519' }, true, []);
  return { name, keyId, privateKey, publicKey: raw, pair: { privateKey, publicKey }, protectedByPassphrase };
}

async function importReviewerKeyFile(file: ReviewerKeyFile, passphrase: string): Promise<OpeningKey> {
  const raw = await checkedPublicKey(file.publicKey, file.keyId);
  if (!file.passphrase || !file.sealedPrivateKey || !Number.isInteger(file.passphrase.iterations))
    throw new SealingKeyError('The key file is damaged: its protected private key is missing.');
  const unwrappingKey = await passphraseKey(passphrase, fromBase64Url(file.passphrase.salt), file.passphrase.iterations, 'unwrapKey');
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.unwrapKey(
      'pkcs8',
      fromBase64Url(file.sealedPrivateKey.data),
      unwrappingKey,
      { name: 'AES-GCM', iv: fromBase64Url(file.sealedPrivateKey.iv), additionalData: new TextEncoder().encode(file.keyId) },
      { name: 'X25519' },
      false,
      ['deriveBits'],
    );
  } catch {
    throw new SealingKeyError(`The passphrase does not open key file ${file.keyId} (or the file was changed). Type the passphrase again.`);
  }
  return openingKey(String(file.name ?? ''), file.keyId, privateKey, raw, true);
}

async function importLegacyKeyFile(parsed: Record<string, unknown>): Promise<OpeningKey> {
  const raw = await checkedPublicKey(parsed.publicKey, parsed.keyId);
  if (!parsed.privateKeyJwk || typeof parsed.privateKeyJwk !== 'object') throw new SealingKeyError('The key file is damaged: it lacks its private key.');
  const privateKey = await crypto.subtle.importKey('jwk', parsed.privateKeyJwk as JsonWebKey, { name: 'X25519' }, false, ['deriveBits']);
  return openingKey('', String(parsed.keyId), privateKey, raw, false);
}
