/**
 * The tipster's copy of every message, whoever wrote it: sealed so that only the receipt code's
 * holder can open it, with HPKE (RFC 9180, base mode, the same suite as tipEnvelope.ts) to the
 * tipster's public key (tipsterKeys.ts). Staff messages are sealed in the staff browser; the
 * tipster's own messages by the server as it receives them (it sees them then anyway), so the
 * status page can show "everything you sent" without the database ever holding it readable.
 * The HPKE info and the AEAD additional data both name the tip, the position and the author:
 * a message copied to another tip, swapped with another one, or relabelled as the other side's
 * does not open.
 *
 * Text column: "tipster1:" + base64url of  version 1 (1 byte) | HPKE enc (32) | AEAD ciphertext with tag.
 * Inside: JSON MessageBody { text, sentAt, files? } with the exact time (the row keeps the hour).
 */
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64Url, toBase64Url } from '../crypto/base64url.ts';
import { SealingKeyError } from '../crypto/reviewerKeys.ts';
import { tipsterKeysFromCode, type TipsterKeys } from './tipsterKeys.ts';
import { checkedPlace, type MessageAuthor, type MessageBody, type MessageFile } from './model.ts';

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
const version = 1;
export const forTipsterPrefix = 'tipster1:';
const encLength = 32;
const utf8 = (text: string) => new TextEncoder().encode(text);
const messageLabel = (tipId: string, position: number, author: MessageAuthor) =>
  utf8(`procuratorate-conversation v1|for tipster|tip:${tipId}|position:${position}|author:${author}`);

export interface ForTipsterOptions {
  /** Who wrote it: 'staff' (the default) or 'tipster' for the tipster's own copy. */
  author?: MessageAuthor;
  sentAt?: Date;
  /** The tipster's own message: what they attached (names stay inside the seal). */
  files?: MessageFile[];
}

/** Seals message `position` of tip `tipId` for its tipster (public key: 32 raw bytes or base64url). */
export async function sealForTipster(publicKey: Uint8Array<ArrayBuffer> | string, tipId: string, position: number, text: string, options: ForTipsterOptions = {}): Promise<string> {
  const { author = 'staff', sentAt = new Date(), files } = options;
  checkedPlace(tipId, position);
  const raw = typeof publicKey === 'string' ? fromBase64Url(publicKey) : publicKey;
  if (raw.byteLength !== encLength) throw new SealingKeyError(`The tipster key of tip ${tipId} has ${raw.byteLength} bytes; an X25519 key has 32.`);
  const recipientPublicKey = await suite.kem.importKey('raw', raw.slice().buffer, true);
  const body: MessageBody = files?.length ? { text, sentAt: sentAt.toISOString(), files } : { text, sentAt: sentAt.toISOString() };
  const label = messageLabel(tipId, position, author);
  const { enc, ct } = await suite.seal({ recipientPublicKey, info: label }, utf8(JSON.stringify(body)), label);
  const sealed = new Uint8Array(1 + encLength + ct.byteLength);
  sealed[0] = version;
  sealed.set(new Uint8Array(enc), 1);
  sealed.set(new Uint8Array(ct), 1 + encLength);
  return forTipsterPrefix + toBase64Url(sealed);
}

function sealedBytes(tipId: string, position: number, sealed: string): Uint8Array<ArrayBuffer> {
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  try {
    if (sealed.startsWith(forTipsterPrefix)) bytes = fromBase64Url(sealed.slice(forTipsterPrefix.length));
  } catch {
    bytes = undefined;
  }
  if (!bytes) throw new SealingKeyError(`Message ${position + 1} of tip ${tipId} is not sealed for the tipster (unknown format).`);
  if (bytes[0] !== version || bytes.byteLength < 1 + encLength + 16) throw new SealingKeyError(`Message ${position + 1} of tip ${tipId} is cut short or of an unknown format.`);
  return bytes;
}

/** Opens the tipster's copy of a message with their keys (from the code, or from their session). */
export async function openWithTipsterKeys(keys: TipsterKeys, tipId: string, position: number, sealed: string, author: MessageAuthor = 'staff'): Promise<MessageBody> {
  checkedPlace(tipId, position);
  const bytes = sealedBytes(tipId, position, sealed);
  const label = messageLabel(tipId, position, author);
  let opened: ArrayBuffer;
  try {
    opened = await suite.open({ recipientKey: keys.pair, enc: bytes.slice(1, 1 + encLength), info: label }, bytes.slice(1 + encLength), label);
  } catch {
    throw new SealingKeyError(
      `Message ${position + 1} of tip ${tipId} does not open with this code: a wrong code, or a message changed or moved from another tip, place or author.`,
    );
  }
  return JSON.parse(new TextDecoder().decode(opened)) as MessageBody;
}

/** Opens the tipster's copy of a message with the receipt code as typed. */
export async function openAsTipster(code: string, tipId: string, position: number, sealed: string, author: MessageAuthor = 'staff'): Promise<MessageBody> {
  return openWithTipsterKeys(await tipsterKeysFromCode(code), tipId, position, sealed, author);
}
