/**
 * Public-key sealing of tips: anyone with the procuratorate's public key can seal, only a holder
 * of the matching private key can open. Built from WebCrypto primitives only (no home-made
 * cryptography): an ephemeral X25519 key agreement with the recipient's key, HKDF-SHA-256 to turn
 * the shared secret into an AES-256-GCM key, and AES-GCM over the data with the header as
 * additional data. The same module runs in workerd (sealing), Node (the key tool, tests) and the
 * staff member's browser (opening).
 *
 * Sealed layout: version (1 byte) | key id length (1) | key id (ASCII) | ephemeral public key (32)
 * | IV (12) | AES-GCM ciphertext with tag. The key id says which private key opens it, so keys can
 * be rotated while old tips stay readable with the old key.
 */
const version = 1;
const hkdfInfo = new TextEncoder().encode('procuratorate-tip-seal v1');

export interface SealingPublicKey {
  keyId: string;
  raw: Uint8Array<ArrayBuffer>;
  key: CryptoKey;
}

/** What `npm run keys -- generate` writes for the operator (kept offline, never on the server). */
export interface PrivateKeyFile {
  type: 'procuratorate-tip-private-key';
  keyId: string;
  publicKey: string;
  privateKeyJwk: JsonWebKey;
}

export class SealingKeyError extends Error {}

/** First 16 hex digits of the SHA-256 of the raw public key: short, stable, and names the pair. */
export async function keyIdOf(rawPublicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', rawPublicKey));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The public key from configuration (base64url of the 32 raw bytes). */
export async function importSealingPublicKey(base64url: string): Promise<SealingPublicKey> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64Url(base64url.trim());
  } catch {
    throw new SealingKeyError('The sealing public key is not base64url text: copy it again from `npm run keys -- generate`.');
  }
  if (raw.byteLength !== 32) throw new SealingKeyError(`The sealing public key has ${raw.byteLength} bytes; an X25519 key has 32.`);
  const key = await crypto.subtle.importKey('raw', raw, { name: 'X25519' }, true, []);
  return { keyId: await keyIdOf(raw), raw, key };
}

/** A new key pair and the file that holds its private half. */
export async function generateSealingKeyPair(): Promise<{ publicKey: string; keyId: string; file: PrivateKeyFile }> {
  const pair = (await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const keyId = await keyIdOf(raw);
  const publicKey = toBase64Url(raw);
  const privateKeyJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return { publicKey, keyId, file: { type: 'procuratorate-tip-private-key', keyId, publicKey, privateKeyJwk } };
}

/**
 * Reads a private key file into a non-extractable key: it can open tips but can never be read
 * back out of the browser's (or Node's) key store.
 */
export async function importPrivateKeyFile(text: string): Promise<OpeningKey> {
  let parsed: Partial<PrivateKeyFile>;
  try {
    parsed = JSON.parse(text) as Partial<PrivateKeyFile>;
  } catch {
    throw new SealingKeyError('This file is not a private key file (it is not JSON). Choose the file `npm run keys -- generate` wrote.');
  }
  if (parsed.type !== 'procuratorate-tip-private-key' || !parsed.privateKeyJwk || !parsed.keyId || !parsed.publicKey) {
    throw new SealingKeyError('This JSON file is not a tip private key file. Choose the file `npm run keys -- generate` wrote.');
  }
  const publicKey = fromBase64Url(parsed.publicKey);
  const keyId = await keyIdOf(publicKey);
  if (keyId !== parsed.keyId) throw new SealingKeyError('The private key file is damaged: its key id does not match its public key.');
  const key = await crypto.subtle.importKey('jwk', parsed.privateKeyJwk, { name: 'X25519' }, false, ['deriveBits']);
  return { keyId, key, publicKey };
}

async function aesKey(shared: ArrayBuffer, ephemeralRaw: Uint8Array, recipientRaw: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const salt = new Uint8Array(64);
  salt.set(ephemeralRaw, 0);
  salt.set(recipientRaw, 32);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: hkdfInfo }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function sealBytes(recipient: SealingPublicKey, plaintext: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const ephemeral = (await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair;
  const ephemeralRaw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const shared = await crypto.subtle.deriveBits({ name: 'X25519', public: recipient.key }, ephemeral.privateKey, 256);
  const key = await aesKey(shared, ephemeralRaw, recipient.raw);
  const keyIdBytes = new TextEncoder().encode(recipient.keyId);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header = new Uint8Array(2 + keyIdBytes.byteLength + 32 + 12);
  header[0] = version;
  header[1] = keyIdBytes.byteLength;
  header.set(keyIdBytes, 2);
  header.set(ephemeralRaw, 2 + keyIdBytes.byteLength);
  header.set(iv, 2 + keyIdBytes.byteLength + 32);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header }, key, plaintext));
  const sealed = new Uint8Array(header.byteLength + ciphertext.byteLength);
  sealed.set(header, 0);
  sealed.set(ciphertext, header.byteLength);
  return sealed;
}

interface SealedParts {
  keyId: string;
  header: Uint8Array<ArrayBuffer>;
  ephemeralRaw: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

function splitSealed(sealed: Uint8Array<ArrayBuffer>): SealedParts {
  if (sealed.byteLength < 2 || sealed[0] !== version) throw new SealingKeyError('Not a sealed tip (unknown format).');
  const keyIdLength = sealed[1]!;
  const headerLength = 2 + keyIdLength + 32 + 12;
  if (sealed.byteLength < headerLength + 16) throw new SealingKeyError('The sealed data is cut short.');
  return {
    keyId: new TextDecoder().decode(sealed.slice(2, 2 + keyIdLength)),
    header: sealed.slice(0, headerLength),
    ephemeralRaw: sealed.slice(2 + keyIdLength, 2 + keyIdLength + 32),
    iv: sealed.slice(2 + keyIdLength + 32, headerLength),
    ciphertext: sealed.slice(headerLength),
  };
}

/** The id of the key a sealed value needs, without opening it. */
export function sealedKeyId(sealed: Uint8Array<ArrayBuffer>): string {
  return splitSealed(sealed).keyId;
}

/** A private key ready to open tips, with its public half (needed for the key derivation). */
export interface OpeningKey {
  keyId: string;
  key: CryptoKey;
  publicKey: Uint8Array<ArrayBuffer>;
}

/** Opens sealed bytes with whichever of the given private keys they were sealed to. */
export async function openBytes(
  keys: ReadonlyArray<OpeningKey>,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const parts = splitSealed(sealed);
  const holder = keys.find((candidate) => candidate.keyId === parts.keyId);
  if (!holder) throw new SealingKeyError(`This tip was sealed to key ${parts.keyId}; load that key's file to open it.`);
  const ephemeral = await crypto.subtle.importKey('raw', parts.ephemeralRaw, { name: 'X25519' }, false, []);
  const shared = await crypto.subtle.deriveBits({ name: 'X25519', public: ephemeral }, holder.key, 256);
  const key = await aesKey(shared, parts.ephemeralRaw, holder.publicKey);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: parts.iv, additionalData: parts.header }, key, parts.ciphertext));
  } catch {
    throw new SealingKeyError('The sealed data does not open with this key: it was changed or is damaged.');
  }
}

/** Text sealed for a database column: "sealed1:" + base64url of the sealed bytes. */
export async function sealText(recipient: SealingPublicKey, text: string): Promise<string> {
  return `sealed1:${toBase64Url(await sealBytes(recipient, new TextEncoder().encode(text)))}`;
}

export async function openText(keys: Parameters<typeof openBytes>[0], sealed: string): Promise<string> {
  if (!sealed.startsWith('sealed1:')) throw new SealingKeyError('Not sealed text.');
  return new TextDecoder().decode(await openBytes(keys, fromBase64Url(sealed.slice('sealed1:'.length))));
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new SealingKeyError('Not base64url text.');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (character) => character.charCodeAt(0));
}
