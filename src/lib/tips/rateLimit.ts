/** Start of the fixed window an instant falls in, in whole seconds since 1970. */
export function rateLimitWindowStart(now: Date, windowSeconds: number): number {
  const seconds = Math.floor(now.getTime() / 1000);
  return seconds - (seconds % windowSeconds);
}

/** Seconds until the window an instant falls in ends (what Retry-After says). */
export function secondsUntilWindowEnds(now: Date, windowSeconds: number): number {
  return rateLimitWindowStart(now, windowSeconds) + windowSeconds - Math.floor(now.getTime() / 1000);
}
