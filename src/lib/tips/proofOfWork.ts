import { createChallenge, verifySolution } from 'altcha-lib/v1';
import type { AbuseCheck } from './storage';

/** How long a browser has between fetching a challenge and sending the tip. */
export const powChallengeLifetimeMs = 30 * 60 * 1000;

/**
 * A proof-of-work challenge (altcha): the browser must find a number whose hash matches, which
 * costs a person's browser a second and a mass sender a lot. Signed with our secret, so the
 * server needs no storage to check it.
 */
export function createPowChallenge(hmacKey: string, maxNumber: number, now: Date) {
  return createChallenge({ hmacKey, maxNumber, expires: new Date(now.getTime() + powChallengeLifetimeMs) });
}

/** "pow" for a valid solution, "none" when none was sent (no script), "failed" when wrong, forged or stale. */
export async function checkPowSolution(payload: string | undefined, hmacKey: string, now: Date): Promise<AbuseCheck> {
  if (payload === undefined || payload.trim() === '') return 'none';
  if (payload.length > 2000) return 'failed';
  try {
    const decoded = JSON.parse(atob(payload)) as { salt?: unknown };
    // altcha-lib checks expiry against the clock; we check it against `now` too, so tests can move time.
    const expires = typeof decoded.salt === 'string' ? Number(new URLSearchParams(decoded.salt.split('?')[1] ?? '').get('expires')) : Number.NaN;
    if (!Number.isFinite(expires) || expires * 1000 < now.getTime()) return 'failed';
    return (await verifySolution(payload, hmacKey, false)) ? 'pow' : 'failed';
  } catch {
    return 'failed';
  }
}
