/**
 * Password sign-in throttling with growing delays instead of a lock, so guessing is slow and
 * nobody can lock a reviewer out: after `freeAttempts` failures each further check must wait
 * twice as long as the last (1 s, 2 s, 4 s …) up to a cap, and a success starts afresh.
 *
 * Two counts: per account (in the database, on the account's row, so every process sees it) and
 * per client (in this process's memory only: a client's address never reaches the database).
 * On Node that is one count per server process; on Cloudflare one per isolate, which a spread-out
 * attacker escapes, so there the account delay and the global cap are what hold.
 */
export interface ThrottleRules {
  freeAttempts: number;
  maxDelaySeconds: number;
}

/** Seconds to wait after the last failure before the next password check. */
export function delayAfterFailures(failures: number, rules: ThrottleRules): number {
  if (failures < rules.freeAttempts) return 0;
  return Math.min(rules.maxDelaySeconds, 2 ** (failures - rules.freeAttempts));
}

/** Whole seconds still to wait at `now`, or 0. */
export function secondsToWait(failures: number, lastFailureAt: number | undefined, now: number, rules: ThrottleRules): number {
  if (lastFailureAt === undefined) return 0;
  return Math.max(0, Math.ceil((lastFailureAt + delayAfterFailures(failures, rules) * 1000 - now) / 1000));
}

/** Failures per client, in memory; forgotten once a client's delay has long passed. */
export class ClientThrottle {
  private readonly clients = new Map<string, { failures: number; lastFailureAt: number }>();

  constructor(
    private readonly rules: ThrottleRules,
    private readonly maxClients = 10_000,
  ) {}

  secondsToWait(client: string, now: number): number {
    const entry = this.clients.get(client);
    return entry ? secondsToWait(entry.failures, entry.lastFailureAt, now, this.rules) : 0;
  }

  fail(client: string, now: number): void {
    const entry = this.clients.get(client);
    this.clients.delete(client);
    this.clients.set(client, { failures: (entry?.failures ?? 0) + 1, lastFailureAt: now });
    // Oldest first in a Map: past the limit, forget those whose delay ended long ago, then the oldest.
    if (this.clients.size > this.maxClients) {
      for (const [key, value] of this.clients) {
        if (this.clients.size <= this.maxClients) break;
        if (now - value.lastFailureAt > this.rules.maxDelaySeconds * 2000 || this.clients.size > this.maxClients) this.clients.delete(key);
      }
    }
  }

  succeed(client: string): void {
    this.clients.delete(client);
  }
}
