import { discloseCount } from '../../platform/disclosure/disclosure.js';
import type { ComputedValue, SuppressionRule } from './indicator.types.js';

export interface Publishable {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

function small(count: number | null | undefined, threshold: number): boolean {
  if (count === null || count === undefined) return false;
  return discloseCount(Math.round(count), threshold).suppressed;
}

/**
 * Applies an indicator's suppression rule to a computed value: suppressed when any count of
 * children it rests on is small (1 to smallCount - 1), or there are fewer than minDenominator
 * in the group. A suppressed value keeps none of its figures.
 */
export function suppress(rule: SuppressionRule, v: Pick<ComputedValue, 'numerator' | 'denominator' | 'value' | 'children'>): Publishable {
  const counts = [v.numerator, v.denominator, v.children];
  let hidden = counts.some((c) => small(c, rule.smallCount));
  if (!hidden && rule.minDenominator !== undefined) {
    const group = v.children ?? v.denominator;
    if (group !== null && group !== undefined && group > 0 && group < rule.minDenominator) hidden = true;
  }
  if (hidden) return { numerator: null, denominator: null, value: null, suppressed: true };
  return { numerator: v.numerator, denominator: v.denominator, value: v.value, suppressed: false };
}
