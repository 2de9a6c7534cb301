/**
 * One new message, sealed for both sides at once: the tipster's copy (forTipster.ts) and the
 * reviewers' copy with the files (forReviewers.ts), with one sending time and the row fields that
 * go beside them. Staff messages are sealed with this in the staff browser (the reviewers' public
 * keys are public), tipster messages on the server as they arrive.
 */
import type { ReviewerPublicKey } from '../crypto/reviewerKeys.ts';
import { sealForReviewers } from './forReviewers.ts';
import { sealForTipster } from './forTipster.ts';
import { sentHourOf, type ConversationMessage, type MessageAuthor, type MessageBody, type MessageFile } from './model.ts';

export interface MessageToSeal {
  reviewers: ReadonlyArray<ReviewerPublicKey>;
  /** base64url, as stored with the tip. */
  tipsterPublicKey: string;
  tipId: string;
  position: number;
  author: MessageAuthor;
  text: string;
  sentAt: Date;
  /** The tipster's files, already checked and cleaned like a tip's; staff messages have none. */
  files?: ReadonlyArray<{ described: MessageFile; bytes: Uint8Array<ArrayBuffer> }>;
}

export interface SealedMessage extends ConversationMessage {
  sealedToKeyId: string;
  /** The sealed files, in order, for the file store. */
  sealedFiles: Uint8Array<ArrayBuffer>[];
}

export async function sealMessage(message: MessageToSeal): Promise<SealedMessage> {
  const { reviewers, tipsterPublicKey, tipId, position, author, text, sentAt, files = [] } = message;
  if (author === 'staff' && files.length > 0) throw new RangeError('Staff messages are plain text: they carry no files.');
  const described = files.map((file) => file.described);
  const body: MessageBody = described.length ? { text, sentAt: sentAt.toISOString(), files: described } : { text, sentAt: sentAt.toISOString() };
  const [forTipster, forReviewers] = await Promise.all([
    sealForTipster(tipsterPublicKey, tipId, position, text, { author, sentAt, files: described }),
    sealForReviewers(
      reviewers,
      tipId,
      position,
      author,
      body,
      files.map((file) => file.bytes),
    ),
  ]);
  return {
    tipId,
    position,
    author,
    sentHour: sentHourOf(sentAt),
    forTipster,
    forReviewers: forReviewers.body,
    fileCount: files.length,
    sealedToKeyId: forReviewers.sealedToKeyId,
    sealedFiles: forReviewers.files,
  };
}
