/**
 * What staff write, sealed in the staff browser so that only the receipt code's holder can open it:
 * HPKE (RFC 9180, base mode, the same suite as tipEnvelope.ts) to the tipster's public key
 * (tipsterKeys.ts). The HPKE info and the AEAD additional data both name the tip id and the
 * message's position, so a sealed message copied to another tip, or swapped with another message
 * of the same tip, does not open.
 *
 * Text column: "tipster1:" + base64url of  version 1 (1 byte) | HPKE enc (32) | AEAD ciphertext with tag.
 * Inside: JSON { text, sentAt } with the exact time (the row keeps only the hour).
 */
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64Url, NotBase64UrlError, toBase64Url } from '../crypto/base64url.ts';
import { SealingKeyError } from '../crypto/reviewerKeys.ts';
import { tipsterKeysFromCode, type TipsterKeys } from './tipsterKeys.ts';
import { checkedPlace, type MessageBody } from './model.ts';

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
const version = 1;
export const staffMessagePrefix = 'tipster1:';
const encLength = 32;
const utf8 = (text: string) => new TextEncoder().encode(text);
const messageLabel = (tipId: string, position: number) => utf8(`procuratorate-conversation v1|staff message|tip:${tipId}|position:${position}`);

/** Seals a staff message for the tipster of `tipId` (public key: 32 raw bytes or its base64url). */
export async function sealForTipster(publicKey: Uint8Array<ArrayBuffer> | string, tipId: string, position: number, text: string, sentAt: Date = new Date()): Promise<string> {
  checkedPlace(tipId, position);
  const raw = typeof publicKey === 'string' ? fromBase64Url(publicKey) : publicKey;
  if (raw.byteLength !== encLength) throw new SealingKeyError(`The tipster key of tip ${tipId} has ${raw.byteLength} bytes; an X25519 key has 32.`);
  const recipientPublicKey = await suite.kem.importKey('raw', raw.slice().buffer, true);
  const body: MessageBody = { text, sentAt: sentAt.toISOString() };
  const label = messageLabel(tipId, position);
  const { enc, ct } = await suite.seal({ recipientPublicKey, info: label }, utf8(JSON.stringify(body)), label);
  const sealed = new Uint8Array(1 + encLength + ct.byteLength);
  sealed[0] = version;
  sealed.set(new Uint8Array(enc), 1);
  sealed.set(new Uint8Array(ct), 1 + encLength);
  return staffMessagePrefix + toBase64Url(sealed);
}

/** Opens a staff message with the tipster's keys (from the code, or from their session). */
export async function openWithTipsterKeys(keys: TipsterKeys, tipId: string, position: number, sealed: string): Promise<MessageBody> {
  checkedPlace(tipId, position);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    if (!sealed.startsWith(staffMessagePrefix)) throw new NotBase64UrlError();
    bytes = fromBase64Url(sealed.slice(staffMessagePrefix.length));
  } catch {
    throw new SealingKeyError(`Message ${position + 1} of tip ${tipId} is not a sealed staff message (unknown format).`);
  }
  if (bytes[0] !== version || bytes.byteLength < 1 + encLength + 16) throw new SealingKeyError(`Message ${position + 1} of tip ${tipId} is cut short or of an unknown format.`);
  const label = messageLabel(tipId, position);
  let opened: ArrayBuffer;
  try {
    opened = await suite.open({ recipientKey: keys.pair, enc: bytes.slice(1, 1 + encLength), info: label }, bytes.slice(1 + encLength), label);
  } catch {
    throw new SealingKeyError(`Message ${position + 1} of tip ${tipId} does not open with this code: a wrong code, or a message changed or moved from another tip or place.`);
  }
  return JSON.parse(new TextDecoder().decode(opened)) as MessageBody;
}

/** Opens a staff message with the receipt code as typed. */
export async function openAsTipster(code: string, tipId: string, position: number, sealed: string): Promise<MessageBody> {
  return openWithTipsterKeys(await tipsterKeysFromCode(code), tipId, position, sealed);
}
