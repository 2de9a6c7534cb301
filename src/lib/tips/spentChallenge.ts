import { sha256Hex } from './receiptCode';
import type { SpentChallenge } from './storage';

const hourMs = 3_600_000;

/** The next full hour at or after an instant (what is kept of a time that must not pin a tip down). */
export const ceilToHour = (ms: number) => new Date(Math.ceil(ms / hourMs) * hourMs).toISOString();

/** An instant with only its hour kept (tips.received_at). */
export const floorToHour = (date: Date) => new Date(Math.floor(date.getTime() / hourMs) * hourMs).toISOString();

/**
 * What is remembered of a solved proof-of-work challenge so it serves one tip only: a hash of the
 * challenge (random, made by us; nothing about the client) and, rounded up to the hour, when it
 * expires, after which checkPowSolution refuses it anyway and the row can go.
 */
export async function spentChallengeOf(payload: string): Promise<SpentChallenge | undefined> {
  try {
    const decoded = JSON.parse(atob(payload)) as { challenge?: unknown; salt?: unknown };
    if (typeof decoded.challenge !== 'string' || typeof decoded.salt !== 'string') return undefined;
    const expires = Number(new URLSearchParams(decoded.salt.split('?')[1] ?? '').get('expires'));
    if (!Number.isFinite(expires)) return undefined;
    return { id: await sha256Hex(`pow:${decoded.challenge}`), keepUntil: ceilToHour(expires * 1000 + 1) };
  } catch {
    return undefined;
  }
}
