/** Order statistics for waits and lengths: pure. */

/**
 * The p-th percentile (0–100) of the values by the nearest-rank method, as the NHS reports
 * waiting-time percentiles: the smallest value with at least p% of values at or below it.
 * null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`a percentile is between 0 and 100, not ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The median: the middle value, or the mean of the middle two. null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A percentage, or null when nothing to divide by. */
export function rate(numerator: number, denominator: number, per = 100): number | null {
  return denominator === 0 ? null : (per * numerator) / denominator;
}
