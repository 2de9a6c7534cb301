/**
 * Tips per client per window, counted in this process's memory only, so no table ever holds
 * anything derived from a client's address. One count per Node process (or Cloudflare isolate):
 * behind a load balancer with N processes a client gets up to N times the limit.
 * (Stand-in until the request layer's rate-limit middleware takes this over.)
 */
export class ProcessRateCounter {
  private readonly counts = new Map<string, number>();
  private window = -1;

  /** Adds one to a client's count in the window and returns the new count. */
  count(client: string, windowStart: number): number {
    // Only the current window matters: a new one forgets the old counts at once.
    if (windowStart !== this.window) {
      this.counts.clear();
      this.window = windowStart;
    }
    const count = (this.counts.get(client) ?? 0) + 1;
    this.counts.set(client, count);
    return count;
  }
}
