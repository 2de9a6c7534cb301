import { describe, expect, it } from 'vitest';
import {
  compareForStaffList,
  ConversationOrderError,
  inConversationOrder,
  newForTipster,
  nextPosition,
  nothingRead,
  readThroughAfterShowing,
  sentHourOf,
  unreadByStaff,
  type ConversationMessage,
  type MessageAuthor,
  type StaffListEntry,
} from '../../src/lib/conversation/model';

const tipId = 'c0ffee00-0000-4000-8000-000000000001';
const message = (position: number, author: MessageAuthor): ConversationMessage => ({
  tipId,
  position,
  author,
  sentHour: '2026-12-03T07:00:00.000Z',
  forTipster: `tipster1:${position}`,
  forReviewers: `sealed2:${position}`,
  fileCount: 0,
});
// staff asks (0), tipster answers (1), staff asks again (2), tipster answers twice (3, 4)
const conversation = [message(0, 'staff'), message(1, 'tipster'), message(2, 'staff'), message(3, 'tipster'), message(4, 'tipster')];
const positions = (messages: ConversationMessage[]) => messages.map((one) => one.position);

describe('conversation order', () => {
  it('puts messages in position order whatever order the database returned them in', () => {
    expect(positions(inConversationOrder([...conversation].reverse()))).toEqual([0, 1, 2, 3, 4]);
    expect(nextPosition(conversation)).toBe(5);
    expect(nextPosition([])).toBe(0);
  });

  it('refuses a conversation with a missing, repeated or foreign message rather than showing a hole', () => {
    expect(() => inConversationOrder([message(0, 'staff'), message(2, 'staff')])).toThrow(/message 3 where message 2 should be/);
    expect(() => inConversationOrder([message(0, 'staff'), message(0, 'tipster')])).toThrow(ConversationOrderError);
    expect(() => inConversationOrder([message(0, 'staff'), { ...message(1, 'tipster'), tipId: 'another' }])).toThrow(/mixed/);
  });

  it('keeps only the hour of sending in clear', () => {
    expect(sentHourOf(new Date('2026-12-03T07:41:09.123Z'))).toBe('2026-12-03T07:00:00.000Z');
    expect(sentHourOf(new Date('2026-12-03T23:59:59.999Z'))).toBe('2026-12-03T23:00:00.000Z');
  });
});

describe('unread and new', () => {
  it('marks the tipster answers staff have not read, and none once they read through the end', () => {
    expect(positions(unreadByStaff(conversation, nothingRead))).toEqual([1, 3, 4]);
    expect(positions(unreadByStaff(conversation, 2))).toEqual([3, 4]);
    expect(unreadByStaff(conversation, 4)).toEqual([]);
  });

  it('tells the tipster of staff messages they have not seen, never of their own', () => {
    expect(positions(newForTipster(conversation, nothingRead))).toEqual([0, 2]);
    expect(positions(newForTipster(conversation, 1))).toEqual([2]);
    expect(newForTipster(conversation, 2)).toEqual([]);
  });

  it('moves a read mark to the last message shown and never back', () => {
    expect(readThroughAfterShowing(conversation, nothingRead)).toBe(4);
    expect(readThroughAfterShowing(conversation.slice(0, 2), 3)).toBe(3);
    expect(readThroughAfterShowing([], nothingRead)).toBe(nothingRead);
  });
});

describe('the staff list', () => {
  const entry = (deadline: StaffListEntry['deadline'], hasUnreadAnswer: boolean, receivedAt: string, name: string) => ({ deadline, hasUnreadAnswer, receivedAt, name });
  it('keeps deadline order and puts tips with an unread answer first within each deadline state, then oldest first', () => {
    const tips = [
      entry('on_time', false, '2026-11-01', 'on time, read, older'),
      entry('on_time', true, '2026-11-20', 'on time, unread'),
      entry('answer_overdue', false, '2026-01-01', 'overdue, read'),
      entry('done', true, '2026-10-01', 'done, unread'),
      entry('answer_overdue', true, '2026-02-01', 'overdue, unread'),
      entry('on_time', false, '2026-11-02', 'on time, read, newer'),
    ];
    expect([...tips].sort(compareForStaffList).map((tip) => tip.name)).toEqual([
      'overdue, unread',
      'overdue, read',
      'on time, unread',
      'on time, read, older',
      'on time, read, newer',
      'done, unread',
    ]);
  });
});
