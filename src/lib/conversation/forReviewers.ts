/**
 * The reviewers' copy of every message, whoever wrote it, sealed exactly like a tip
 * (tipEnvelope.ts): one content key per message, wrapped for every active reviewer; the body and
 * each file encrypted under it. Staff reread their own questions from it; the tipster's answers and
 * files reach staff only through it. The envelope's tip id is the message's place,
 * "<tip id>|message:<n>|<author>", so its labels read "…|tip:<tip id>|message:<n>|<author>|content"
 * and "…|file:<k>": a message or one of its files moved to another tip, position or author does
 * not open, and `npm run tips -- reseal` can rewrap a message as it rewraps a tip (given its place).
 */
import type { OpeningKey, ReviewerPublicKey } from '../crypto/reviewerKeys.ts';
import { openTipContent, openTipFile, sealTipContent, sealTipFile, startTipSeal, type OpenedTip } from '../crypto/tipEnvelope.ts';
import { checkedPlace, type MessageAuthor, type MessageBody } from './model.ts';

/** The envelope id of a message (tip ids never hold "|", so no tip has this id). */
export function reviewerSealId(tipId: string, position: number, author: MessageAuthor): string {
  checkedPlace(tipId, position);
  return `${tipId}|message:${position}|${author}`;
}

export interface SealedForReviewers {
  /** "sealed2:…" for the message's `for_reviewers` column. */
  body: string;
  /** Each file sealed, in the order of `body.files`. */
  files: Uint8Array<ArrayBuffer>[];
  /** Comma-separated reviewer key ids, as for a tip. */
  sealedToKeyId: string;
}

/** Seals a message and its (already cleaned) files to every given reviewer. */
export async function sealForReviewers(
  reviewers: ReadonlyArray<ReviewerPublicKey>,
  tipId: string,
  position: number,
  author: MessageAuthor,
  body: MessageBody,
  files: ReadonlyArray<Uint8Array<ArrayBuffer>> = [],
): Promise<SealedForReviewers> {
  if ((body.files?.length ?? 0) !== files.length)
    throw new RangeError(`Message ${position + 1} of tip ${tipId} describes ${body.files?.length ?? 0} files but ${files.length} were given.`);
  const seal = await startTipSeal(reviewerSealId(tipId, position, author), reviewers);
  return {
    body: await sealTipContent(seal, JSON.stringify(body)),
    files: await Promise.all(files.map((bytes, index) => sealTipFile(seal, index, bytes))),
    sealedToKeyId: seal.keyIds.join(','),
  };
}

export interface OpenedForReviewer {
  body: MessageBody;
  /** Opens this message's files (openFileAsReviewer). */
  opened: OpenedTip;
}

/** Opens a message in the staff browser with a loaded reviewer key. */
export async function openAsReviewer(keys: ReadonlyArray<OpeningKey>, tipId: string, position: number, author: MessageAuthor, sealed: string): Promise<OpenedForReviewer> {
  const opened = await openTipContent(keys, reviewerSealId(tipId, position, author), sealed);
  return { body: JSON.parse(opened.text) as MessageBody, opened };
}

/** Opens file `fileIndex` of an opened message. */
export async function openFileAsReviewer(
  keys: ReadonlyArray<OpeningKey>,
  message: OpenedForReviewer,
  tipId: string,
  position: number,
  author: MessageAuthor,
  fileIndex: number,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return openTipFile(keys, message.opened, reviewerSealId(tipId, position, author), fileIndex, sealed);
}
