/**
 * What the tipster sends, sealed to the reviewers exactly like a tip (tipEnvelope.ts): one content
 * key per message, wrapped for every active reviewer; the body and each file encrypted under it.
 * The envelope's tip id is the message's place, "<tip id>|message:<n>", so its labels read
 * "…|tip:<tip id>|message:<n>|content" and "…|tip:<tip id>|message:<n>|file:<k>": a message or one of
 * its files moved to another tip or position does not open, and `npm run tips -- reseal` can rewrap
 * a message as it rewraps a tip (given the same place).
 */
import type { OpeningKey, ReviewerPublicKey } from '../crypto/reviewerKeys.ts';
import { openTipContent, openTipFile, sealTipContent, sealTipFile, startTipSeal, type OpenedTip } from '../crypto/tipEnvelope.ts';
import { checkedPlace, type MessageBody } from './model.ts';

/** The envelope id of message `position` of tip `tipId` (tip ids never hold "|", so no tip has this id). */
export function messageSealId(tipId: string, position: number): string {
  checkedPlace(tipId, position);
  return `${tipId}|message:${position}`;
}

export interface SealedTipsterMessage {
  /** "sealed2:…" for the message's `sealed_body` column. */
  body: string;
  /** Each file sealed, in the order of `body.files`. */
  files: Uint8Array<ArrayBuffer>[];
  /** Comma-separated reviewer key ids, as for a tip. */
  sealedToKeyId: string;
}

/** Seals a tipster's message and its (already cleaned) files to every given reviewer. */
export async function sealTipsterMessage(
  reviewers: ReadonlyArray<ReviewerPublicKey>,
  tipId: string,
  position: number,
  body: MessageBody,
  files: ReadonlyArray<Uint8Array<ArrayBuffer>> = [],
): Promise<SealedTipsterMessage> {
  if ((body.files?.length ?? 0) !== files.length) throw new RangeError(`Message ${position + 1} of tip ${tipId} describes ${body.files?.length ?? 0} files but ${files.length} were given.`);
  const seal = await startTipSeal(messageSealId(tipId, position), reviewers);
  return {
    body: await sealTipContent(seal, JSON.stringify(body)),
    files: await Promise.all(files.map((bytes, index) => sealTipFile(seal, index, bytes))),
    sealedToKeyId: seal.keyIds.join(','),
  };
}

export interface OpenedTipsterMessage {
  body: MessageBody;
  /** Opens this message's files (openTipsterMessageFile). */
  opened: OpenedTip;
}

/** Opens a tipster's message in the staff browser with a loaded reviewer key. */
export async function openTipsterMessage(keys: ReadonlyArray<OpeningKey>, tipId: string, position: number, sealed: string): Promise<OpenedTipsterMessage> {
  const opened = await openTipContent(keys, messageSealId(tipId, position), sealed);
  return { body: JSON.parse(opened.text) as MessageBody, opened };
}

/** Opens file `fileIndex` of an opened tipster message. */
export async function openTipsterMessageFile(
  keys: ReadonlyArray<OpeningKey>,
  message: OpenedTipsterMessage,
  tipId: string,
  position: number,
  fileIndex: number,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return openTipFile(keys, message.opened, messageSealId(tipId, position), fileIndex, sealed);
}
