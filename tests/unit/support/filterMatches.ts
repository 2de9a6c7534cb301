import type { TipFilter, TipSummary } from '../../../src/lib/tips/storage';

/** The D1 filter clause's meaning, in JavaScript, for the in-memory store. */
export function filterMatches(filter: TipFilter, tip: TipSummary): boolean {
  if (filter.status && tip.status !== filter.status) return false;
  if (filter.category && tip.category !== filter.category) return false;
  if (filter.region && tip.region !== filter.region) return false;
  if (filter.receivedFrom && tip.receivedAt < filter.receivedFrom) return false;
  if (filter.receivedTo && tip.receivedAt >= `${filter.receivedTo}T99`) return false;
  return true;
}
