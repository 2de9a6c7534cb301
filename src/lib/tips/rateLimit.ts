import { sha256Hex } from './receiptCode';

/**
 * The key a client's tips are counted under: a hash of its address with a secret salt and the
 * date, so the key changes every day, cannot be turned back into the address, and yesterday's
 * counts cannot be linked to today's. The address itself is never stored.
 */
export async function rateLimitKey(clientAddress: string, salt: string, now: Date): Promise<string> {
  const day = now.toISOString().slice(0, 10);
  return (await sha256Hex(`${salt}\u0000${day}\u0000${clientAddress}`)).slice(0, 32);
}

/** Start of the fixed window an instant falls in, in whole seconds since 1970. */
export function rateLimitWindowStart(now: Date, windowSeconds: number): number {
  const seconds = Math.floor(now.getTime() / 1000);
  return seconds - (seconds % windowSeconds);
}

/** Seconds until the window an instant falls in ends (what Retry-After says). */
export function secondsUntilWindowEnds(now: Date, windowSeconds: number): number {
  return rateLimitWindowStart(now, windowSeconds) + windowSeconds - Math.floor(now.getTime() / 1000);
}
