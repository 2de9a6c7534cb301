/**
 * How a tip is sealed (version 2): one random AES-256-GCM content key per tip, wrapped for every
 * active reviewer with HPKE (RFC 9180, base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * AES-256-GCM, `@hpke/core` on WebCrypto); the content and each file are encrypted once under it.
 * Every value is bound to its tip and place: the HPKE `info` names the tip id, the AES-GCM
 * additional data names the tip id and "content" or "file:<n>", so a sealed value copied into
 * another tip's row, or one file swapped for another, does not open.
 *
 * Content (a text column): "sealed2:" + base64url of
 *   version 2 (1 byte) | reviewer count n (1) | n × [key id (8) | HPKE enc (32) | wrapped key (48)]
 *   | IV (12) | AES-GCM ciphertext with tag
 * File (an object): version 2 (1) | IV (12) | AES-GCM ciphertext with tag.
 * The wrapped keys live only in the content, so adding or removing a reviewer (`npm run tips --
 * reseal`) rewrites one column and no file. Version-1 values (sealedBox.ts) still open.
 */
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { SealingKeyError, type OpeningKey, type ReviewerPublicKey } from './reviewerKeys.ts';
import { legacyTextPrefix, legacyVersion, openLegacyBytes } from './sealedBox.ts';

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
const version = 2;
export const sealedTextPrefix = 'sealed2:';
const keyIdLength = 8;
const encLength = 32;
const wrappedLength = 32 + 16;
const wrapLength = keyIdLength + encLength + wrappedLength;
const ivLength = 12;
const utf8 = (text: string) => new TextEncoder().encode(text);

export type SealedPart = 'content' | { file: number };
const partLabel = (tipId: string, part: SealedPart) => utf8(`procuratorate-tip v2|tip:${tipId}|${part === 'content' ? 'content' : `file:${part.file}`}`);
const wrapInfo = (tipId: string) => utf8(`procuratorate-tip v2 content key|tip:${tipId}`);
const hexToBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
const bytesToHex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** A tip being sealed: its content key (usable, not readable) and the key wrapped for each reviewer. */
export interface TipSeal {
  tipId: string;
  contentKey: CryptoKey;
  wraps: Uint8Array<ArrayBuffer>;
  keyIds: string[];
}

async function wrapFor(tipId: string, rawKey: Uint8Array<ArrayBuffer>, reviewers: ReadonlyArray<ReviewerPublicKey>): Promise<Uint8Array<ArrayBuffer>> {
  if (reviewers.length === 0 || reviewers.length > 255) throw new SealingKeyError('A tip is sealed to between 1 and 255 reviewers: check TIP_REVIEWER_KEYS.');
  const wraps = new Uint8Array(reviewers.length * wrapLength);
  await Promise.all(
    reviewers.map(async (reviewer, index) => {
      const keyId = hexToBytes(reviewer.keyId);
      const { ct, enc } = await suite.seal({ recipientPublicKey: reviewer.key, info: wrapInfo(tipId) }, rawKey, keyId);
      wraps.set(keyId, index * wrapLength);
      wraps.set(new Uint8Array(enc), index * wrapLength + keyIdLength);
      wraps.set(new Uint8Array(ct), index * wrapLength + keyIdLength + encLength);
    }),
  );
  return wraps;
}

const importContentKey = (raw: Uint8Array<ArrayBuffer>) => crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);

/** Starts sealing a tip to every given reviewer: a fresh content key, wrapped for each. */
export async function startTipSeal(tipId: string, reviewers: ReadonlyArray<ReviewerPublicKey>): Promise<TipSeal> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const wraps = await wrapFor(tipId, raw, reviewers);
  const contentKey = await importContentKey(raw);
  raw.fill(0);
  return { tipId, contentKey, wraps, keyIds: reviewers.map((reviewer) => reviewer.keyId) };
}

async function encrypt(key: CryptoKey, tipId: string, part: SealedPart, plaintext: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(ivLength));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: partLabel(tipId, part) }, key, plaintext));
  const sealed = new Uint8Array(ivLength + ciphertext.byteLength);
  sealed.set(iv, 0);
  sealed.set(ciphertext, ivLength);
  return sealed;
}

async function decrypt(key: CryptoKey, tipId: string, part: SealedPart, sealed: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.slice(0, ivLength), additionalData: partLabel(tipId, part) }, key, sealed.slice(ivLength)));
  } catch {
    throw new SealingKeyError(
      `The sealed ${part === 'content' ? 'content' : `file ${part.file + 1}`} does not open as part of tip ${tipId}: it was changed, damaged or copied from another tip.`,
    );
  }
}

function joinBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

const contentText = (wraps: Uint8Array, body: Uint8Array) => `${sealedTextPrefix}${toBase64Url(joinBytes(Uint8Array.of(version, wraps.byteLength / wrapLength), wraps, body))}`;

/** The tip's content (JSON text) for its database column. */
export async function sealTipContent(seal: TipSeal, text: string): Promise<string> {
  return contentText(seal.wraps, await encrypt(seal.contentKey, seal.tipId, 'content', utf8(text)));
}

/** One evidence file, `index` being its position among the tip's files. */
export async function sealTipFile(seal: TipSeal, index: number, bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return joinBytes(Uint8Array.of(version), await encrypt(seal.contentKey, seal.tipId, { file: index }, bytes));
}

interface SealedContent {
  wraps: Uint8Array<ArrayBuffer>;
  keyIds: string[];
  body: Uint8Array<ArrayBuffer>;
}

function splitContent(sealed: string): SealedContent {
  const bytes = fromBase64Url(sealed.slice(sealedTextPrefix.length));
  const count = bytes[1] ?? 0;
  const bodyStart = 2 + count * wrapLength;
  if (bytes[0] !== version || count === 0 || bytes.byteLength < bodyStart + ivLength + 16) throw new SealingKeyError('The sealed content is cut short or of an unknown format.');
  const wraps = bytes.slice(2, bodyStart);
  const keyIds = Array.from({ length: count }, (_, index) => bytesToHex(wraps.subarray(index * wrapLength, index * wrapLength + keyIdLength)));
  return { wraps, keyIds, body: bytes.slice(bodyStart) };
}

/** The ids of the keys a sealed content value opens with, without opening it. */
export function sealedKeyIds(sealed: string): string[] {
  if (sealed.startsWith(legacyTextPrefix)) {
    const bytes = fromBase64Url(sealed.slice(legacyTextPrefix.length));
    return [new TextDecoder().decode(bytes.slice(2, 2 + (bytes[1] ?? 0)))];
  }
  return splitContent(sealed).keyIds;
}

async function unwrapContentKey(keys: ReadonlyArray<OpeningKey>, tipId: string, content: SealedContent): Promise<Uint8Array<ArrayBuffer>> {
  const loadedKeyIds = new Set(keys.map((key) => key.keyId));
  const index = content.keyIds.findIndex((keyId) => loadedKeyIds.has(keyId));
  if (index < 0) throw new SealingKeyError(`Tip ${tipId} is sealed to reviewer keys ${content.keyIds.join(', ')}; none of them is loaded.`);
  const holder = keys.find((key) => key.keyId === content.keyIds[index])!;
  const wrap = content.wraps.subarray(index * wrapLength, (index + 1) * wrapLength);
  try {
    return new Uint8Array(
      await suite.open(
        { recipientKey: holder.pair, enc: wrap.slice(keyIdLength, keyIdLength + encLength), info: wrapInfo(tipId) },
        wrap.slice(keyIdLength + encLength),
        wrap.slice(0, keyIdLength),
      ),
    );
  } catch {
    throw new SealingKeyError(`The sealed content does not open as tip ${tipId} with key ${holder.keyId}: it was changed, damaged or copied from another tip.`);
  }
}

/** An opened tip: its content, and what opens its files. */
export interface OpenedTip {
  text: string;
  /** Absent for a version-1 tip, whose files are each sealed to the key itself. */
  contentKey?: CryptoKey;
}

/** Opens a tip's content with whichever loaded key it was sealed to; `tipId` is the row it was read from. */
export async function openTipContent(keys: ReadonlyArray<OpeningKey>, tipId: string, sealed: string): Promise<OpenedTip> {
  if (sealed.startsWith(legacyTextPrefix)) return { text: new TextDecoder().decode(await openLegacyBytes(keys, fromBase64Url(sealed.slice(legacyTextPrefix.length)))) };
  if (!sealed.startsWith(sealedTextPrefix)) throw new SealingKeyError('Not sealed content (unknown format).');
  const content = splitContent(sealed);
  const raw = await unwrapContentKey(keys, tipId, content);
  const contentKey = await importContentKey(raw);
  raw.fill(0);
  return { text: new TextDecoder().decode(await decrypt(contentKey, tipId, 'content', content.body)), contentKey };
}

/** Opens file `index` of an opened tip (version-1 files open with the keys themselves). */
export async function openTipFile(
  keys: ReadonlyArray<OpeningKey>,
  opened: OpenedTip,
  tipId: string,
  index: number,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed[0] === legacyVersion) return openLegacyBytes(keys, sealed);
  if (sealed[0] !== version || !opened.contentKey) throw new SealingKeyError(`File ${index + 1} of tip ${tipId} is of an unknown format.`);
  return decrypt(opened.contentKey, tipId, { file: index }, sealed.slice(1));
}

/**
 * The same content sealed to another set of reviewers, its content key unchanged (so the tip's
 * files need no rewrite): for adding or removing a reviewer. A version-1 value becomes version 2
 * with a fresh content key (its files stay sealed to the old key).
 */
export async function resealTipContent(keys: ReadonlyArray<OpeningKey>, tipId: string, sealed: string, reviewers: ReadonlyArray<ReviewerPublicKey>): Promise<string> {
  if (sealed.startsWith(legacyTextPrefix)) {
    const { text } = await openTipContent(keys, tipId, sealed);
    return sealTipContent(await startTipSeal(tipId, reviewers), text);
  }
  const content = splitContent(sealed);
  const raw = await unwrapContentKey(keys, tipId, content);
  // Check the body really belongs to this tip before giving it new wraps.
  await decrypt(await importContentKey(raw), tipId, 'content', content.body);
  const wraps = await wrapFor(tipId, raw, reviewers);
  raw.fill(0);
  return contentText(wraps, content.body);
}
