import type { SuppressionRule } from '../indicator.types.js';

/** Counts of 1 to 4, and rates built on them, are not shown (src/platform/disclosure). */
export const SMALL_NUMBERS: SuppressionRule = { smallCount: 5 };
/** A median or percentile of fewer than 10 waits says little and could point to a child. */
export const FEW_WAITS: SuppressionRule = { smallCount: 5, minDenominator: 10 };

export const COHORT_BREAKDOWNS = ['locality', 'school', 'sen-provision', 'primary-need', 'social-care', 'fsm'] as const;
