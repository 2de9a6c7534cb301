import type { DeadlineRules, TipStatus } from '../tips/storage';

/** Statuses that still wait for an acknowledgement / for an answer. */
const awaitingAcknowledgement: readonly TipStatus[] = ['received'];
const awaitingAnswer: readonly TipStatus[] = ['received', 'under_review'];

export type DeadlineState = 'answer_overdue' | 'acknowledge_overdue' | 'on_time' | 'done';

/**
 * The moments before which a tip received is late: received before `acknowledgeBy` and still
 * "received" means the acknowledgement is overdue; before `answerBy` and not yet decided means the
 * answer is. Cutoffs rather than per-tip due dates, so SQL can sort by them with plain comparisons.
 */
export function deadlineCutoffs(now: Date, rules: DeadlineRules): { acknowledgeBy: string; answerBy: string } {
  const acknowledge = new Date(now.getTime() - rules.acknowledgeDays * 86_400_000);
  const answer = new Date(now);
  answer.setUTCMonth(answer.getUTCMonth() - rules.answerMonths);
  return { acknowledgeBy: acknowledge.toISOString(), answerBy: answer.toISOString() };
}

/** Where a tip stands against its deadlines at `now`. */
export function deadlineState(receivedAt: string, status: TipStatus, now: Date, rules: DeadlineRules): DeadlineState {
  const { acknowledgeBy, answerBy } = deadlineCutoffs(now, rules);
  if (awaitingAnswer.includes(status) && receivedAt < answerBy) return 'answer_overdue';
  if (awaitingAcknowledgement.includes(status) && receivedAt < acknowledgeBy) return 'acknowledge_overdue';
  return awaitingAnswer.includes(status) ? 'on_time' : 'done';
}

/** Sort rank: most overdue first. */
export function deadlineRank(state: DeadlineState): number {
  return { answer_overdue: 0, acknowledge_overdue: 1, on_time: 2, done: 3 }[state];
}

/** Due dates shown beside a tip. */
export function dueDates(receivedAt: string, rules: DeadlineRules): { acknowledgeDue: string; answerDue: string } {
  const received = new Date(receivedAt);
  const answer = new Date(received);
  answer.setUTCMonth(answer.getUTCMonth() + rules.answerMonths);
  return { acknowledgeDue: new Date(received.getTime() + rules.acknowledgeDays * 86_400_000).toISOString(), answerDue: answer.toISOString() };
}

/** Whole days since the tip arrived. */
export function ageInDays(receivedAt: string, now: Date): number {
  return Math.floor((now.getTime() - new Date(receivedAt).getTime()) / 86_400_000);
}
