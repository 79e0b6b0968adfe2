/**
 * Small-number suppression for published figures: a count that could identify a child is shown
 * as "fewer than 5", and so is any rate built on it. The threshold follows the DfE's practice
 * for published SEN statistics (counts of 1 to 4 suppressed; 0 shown).
 */
export const SUPPRESSION_THRESHOLD = 5;

export interface Disclosed {
  /** The number to show, or null when suppressed. */
  value: number | null;
  suppressed: boolean;
  /** What a page shows: the number, or "fewer than 5". */
  text: string;
}

export function discloseCount(count: number, threshold = SUPPRESSION_THRESHOLD): Disclosed {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`a count must be a whole number of 0 or more, not ${count}`);
  if (count > 0 && count < threshold) return { value: null, suppressed: true, text: `fewer than ${threshold}` };
  return { value: count, suppressed: false, text: count.toLocaleString('en-GB') };
}

/**
 * A rate is suppressed when its numerator or denominator is a small non-zero count: either
 * could be worked back to a handful of children.
 */
export function discloseRate(numerator: number, denominator: number, threshold = SUPPRESSION_THRESHOLD): Disclosed & { numerator: Disclosed; denominator: Disclosed } {
  const n = discloseCount(numerator, threshold);
  const d = discloseCount(denominator, threshold);
  if (denominator === 0) return { value: null, suppressed: false, text: 'no one counted', numerator: n, denominator: d };
  if (n.suppressed || d.suppressed) return { value: null, suppressed: true, text: 'not shown: fewer than 5 children', numerator: n, denominator: d };
  const rate = (100 * numerator) / denominator;
  return { value: rate, suppressed: false, text: `${rate.toFixed(1)}%`, numerator: n, denominator: d };
}
