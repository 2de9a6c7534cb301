/**
 * What the conversation needs from the database (migrations/0004_tip_conversations.sql), written
 * once in SQL by sqlConversationStore.ts for D1, PGlite and PostgreSQL. Same rule as TipStore and
 * StaffStore: the core never sees which database it talks to.
 */
import type { TipStatus } from '../tips/storage.ts';
import type { ConversationMessage, MessageAuthor, ReadThrough } from './model.ts';

/** A file of a tipster's message as its row describes it: the sealed bytes only, never a name. */
export interface NewMessageFile {
  objectKey: string;
  /** Sniffed from the cleaned bytes, as for a tip's files. */
  contentType: string;
  byteLength: number;
  /** SHA-256 of the sealed object, hex. */
  sha256: string;
}

export interface NewConversationMessage extends ConversationMessage {
  /** Reviewer key ids the reviewers' copy is sealed to (comma-separated), as for a tip. */
  sealedToKeyId: string;
  /** Staff messages: who wrote it (also in the audit log); tipster messages: empty. */
  writtenBy: string;
  files: NewMessageFile[];
}

export interface StoredMessageFile extends NewMessageFile {
  /** Its index among the message's files (the seal is bound to it). */
  position: number;
  deletedAt?: string;
}

export interface StoredConversationMessage extends NewConversationMessage {
  files: StoredMessageFile[];
}

/** A tip's conversation: the tipster's public key, both read marks and every message in order. */
export interface Conversation {
  tipId: string;
  /** base64url X25519 public key derived from the receipt code (tipsterKeys.ts). */
  tipsterPublicKey: string;
  staffReadThrough: ReadThrough;
  tipsterSeenThrough: ReadThrough;
  messages: StoredConversationMessage[];
}

/** What the tipster's status page shows of the tip itself: statuses and their dates, never a staff note. */
export interface TipsterStatusView {
  status: TipStatus;
  /** Oldest first, "received" (at the hour the tip came) included. */
  history: Array<{ status: TipStatus; changedAt: string }>;
}

/** A message's reviewers' copy, as `npm run tips -- reseal` rewraps it. */
export interface ReviewerCopy {
  tipId: string;
  position: number;
  author: MessageAuthor;
  forReviewers: string;
  sealedToKeyId: string;
}

export interface ConversationStore {
  /**
   * Stores the tipster's public key for a new tip. The submission calls it in the same
   * transaction as insertTip (one batch on D1), so no tip exists without a key.
   */
  startConversation(tipId: string, tipsterPublicKey: string): Promise<void>;
  /** Undefined when the tip has no conversation (a tip sealed before this feature, or deleted). */
  findConversation(tipId: string): Promise<Conversation | undefined>;
  /**
   * Writes the message and its file rows at once or not at all. "position_taken" when another
   * message got that position meanwhile (two staff writing at once, or a double submit): nothing
   * is written and the caller reseals at the next position, since the seal is bound to it.
   */
  appendMessage(message: NewConversationMessage): Promise<'appended' | 'position_taken'>;
  /** Moves a read mark forward (never back). */
  markReadByStaff(tipId: string, through: ReadThrough): Promise<void>;
  markSeenByTipster(tipId: string, through: ReadThrough): Promise<void>;
  /** Of the given tips, those with a tipster message after the staff read mark (the list's marker and sort key). */
  tipsWithUnreadAnswer(tipIds: ReadonlyArray<string>): Promise<Set<string>>;
  /** Message counts per tip for the CSV export, which gains counts and nothing else. */
  messageCounts(tipIds: ReadonlyArray<string>): Promise<Map<string, { staff: number; tipster: number }>>;
  /** Message files of tips closed before `closedBefore` whose objects are still there (retention). */
  findExpiredMessageFiles(closedBefore: string): Promise<Array<{ tipId: string; objectKey: string }>>;
  markMessageFilesDeleted(objectKeys: ReadonlyArray<string>, at: string): Promise<void>;
  /**
   * "Leave" ends a session for good: its random id is kept until the token would have expired
   * anyway, so a copied cookie is refused too. Holds no code, no key, no tip id.
   */
  endTipsterSession(sessionId: string, expiresAt: number): Promise<void>;
  isTipsterSessionEnded(sessionId: string, now: number): Promise<boolean>;
  /** The tip a receipt hash belongs to, for the status page once the code was right. */
  findTipIdByReceipt(receiptHash: string): Promise<string | undefined>;
  /** Undefined when there is no such tip. */
  findTipsterStatus(tipId: string): Promise<TipsterStatusView | undefined>;
  /** The tipster's messages of a tip sent in or after the hour `sinceHour` (the per-day reply cap). */
  countTipsterMessagesSince(tipId: string, sinceHour: string): Promise<number>;
  /** Every message's reviewers' copy (reseal). */
  listReviewerCopies(): Promise<ReviewerCopy[]>;
  /** Replaces a reviewers' copy if it is still `previous`; false when it changed meanwhile. */
  replaceReviewerCopy(tipId: string, position: number, previous: string, next: string, sealedToKeyId: string): Promise<boolean>;
}
