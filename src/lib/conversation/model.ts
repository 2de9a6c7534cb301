/**
 * The conversation between staff and a tipster as plain data and small pure rules. A message's
 * row says only who wrote it, where it stands, the hour it was sent and how many files it has;
 * everything written (and the exact time) is in its sealed body.
 */
import type { DeadlineState } from '../staff/deadlines.ts';
import { deadlineRank } from '../staff/deadlines.ts';

export const messageAuthors = ['staff', 'tipster'] as const;
export type MessageAuthor = (typeof messageAuthors)[number];

/**
 * One message as stored: nothing in it is readable without the tipster's code or a reviewer's
 * key. Every message is sealed twice, once for each side, so both can reread the whole
 * conversation (sealMessage.ts).
 */
export interface ConversationMessage {
  tipId: string;
  /** 0 for the first message of the tip, then 1, 2, …: the order, and part of what the seal is bound to. */
  position: number;
  author: MessageAuthor;
  /** The hour it was sent (ISO, minutes zeroed): enough to sort and to show "new", too coarse to match a visit. */
  sentHour: string;
  /** The tipster's copy, "tipster1:…" (forTipster.ts): opens only with the receipt code. */
  forTipster: string;
  /** The reviewers' copy, "sealed2:…" (forReviewers.ts): opens only with a reviewer's key file. */
  forReviewers: string;
  fileCount: number;
}

/** A file the tipster attached, described inside the sealed body only. */
export interface MessageFile {
  name: string;
  contentType: string;
  byteLength: number;
  sha256: string;
}

/** What a sealed body holds once opened. */
export interface MessageBody {
  text: string;
  /** Exact time, ISO. */
  sentAt: string;
  files?: MessageFile[];
}

export class ConversationOrderError extends Error {}

/** Rejects a place a seal could be confused by: a tip id holding "|" (the label separator) or a position that is not a whole number ≥ 0. */
export function checkedPlace(tipId: string, position: number): void {
  if (tipId.length === 0 || tipId.includes('|')) throw new RangeError(`"${tipId}" is not a tip id.`);
  if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`Message position ${position} of tip ${tipId} is not a whole number from 0 up.`);
}

/**
 * The hour a message was sent, as stored in clear.
 * @example sentHourOf(new Date('2026-12-03T07:41:09Z')) // '2026-12-03T07:00:00.000Z'
 */
export function sentHourOf(sentAt: Date): string {
  const hour = new Date(sentAt);
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}

/**
 * The messages in conversation order. Positions must run 0, 1, 2, … without a gap or a repeat:
 * anything else means a row was lost or added outside the store, and staff should hear of it
 * rather than read a conversation with a hole in it.
 */
export function inConversationOrder<Message extends ConversationMessage>(messages: ReadonlyArray<Message>): Message[] {
  const ordered = [...messages].sort((a, b) => a.position - b.position);
  ordered.forEach((message, index) => {
    if (message.position !== index)
      throw new ConversationOrderError(
        `The conversation of tip ${message.tipId} has message ${message.position + 1} where message ${index + 1} should be: a message is missing or repeated.`,
      );
    if (index > 0 && message.tipId !== ordered[0]!.tipId)
      throw new ConversationOrderError(`Messages of tips ${ordered[0]!.tipId} and ${message.tipId} are mixed in one conversation.`);
  });
  return ordered;
}

/** Where the next message goes. */
export function nextPosition(messages: ReadonlyArray<ConversationMessage>): number {
  return inConversationOrder(messages).length;
}

/**
 * How far someone has read, as the position of the last message they saw (-1: none yet). Stored
 * per tip for staff (any reviewer's reading counts for the office) and for the tipster.
 */
export type ReadThrough = number;
export const nothingRead: ReadThrough = -1;

/** The other side's messages after `readThrough`. */
function unreadFrom(messages: ReadonlyArray<ConversationMessage>, author: MessageAuthor, readThrough: ReadThrough): ConversationMessage[] {
  return inConversationOrder(messages).filter((message) => message.author === author && message.position > readThrough);
}

/** The tipster's messages staff have not opened yet. */
export function unreadByStaff(messages: ReadonlyArray<ConversationMessage>, staffReadThrough: ReadThrough): ConversationMessage[] {
  return unreadFrom(messages, 'tipster', staffReadThrough);
}

/** Staff messages the tipster has not seen yet: "new message" on the status page. */
export function newForTipster(messages: ReadonlyArray<ConversationMessage>, tipsterSeenThrough: ReadThrough): ConversationMessage[] {
  return unreadFrom(messages, 'staff', tipsterSeenThrough);
}

/** The mark to store once the whole conversation was shown (never moves back). */
export function readThroughAfterShowing(messages: ReadonlyArray<ConversationMessage>, previously: ReadThrough): ReadThrough {
  return Math.max(previously, inConversationOrder(messages).length - 1);
}

/** What the staff list sorts a tip by. */
export interface StaffListEntry {
  deadline: DeadlineState;
  hasUnreadAnswer: boolean;
  receivedAt: string;
}

/**
 * The staff list order: deadline order first (most overdue first, as today); within the same
 * deadline state, tips with an unread answer from the tipster first; then oldest first.
 */
export function compareForStaffList(a: StaffListEntry, b: StaffListEntry): number {
  return deadlineRank(a.deadline) - deadlineRank(b.deadline) || Number(b.hasUnreadAnswer) - Number(a.hasUnreadAnswer) || a.receivedAt.localeCompare(b.receivedAt);
}
