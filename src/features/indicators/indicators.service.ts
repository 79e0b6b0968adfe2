import type { Db } from '../../db/database.js';
import { recomputeIndicators, type RecomputeResult } from './recompute.js';
import { comparatorsFor } from './comparators.js';

/** The indicator store's operations for routes, the seed, the upload page and the CLI. */
export function indicatorsService(options: { areaCode: string; comparators?: readonly string[] | undefined; today: () => string }) {
  return {
    areaCode: options.areaCode,
    /** The local area's statistical neighbours (comparators.ts; COMPARATOR_AREAS overrides). */
    comparators: comparatorsFor(options.areaCode, options.comparators),
    /** Recompute every indicator for the local area; after each import. */
    recompute(db: Db, today = options.today()): Promise<RecomputeResult> {
      return recomputeIndicators(db, { areaCode: options.areaCode, today });
    },
  };
}

export type IndicatorsService = ReturnType<typeof indicatorsService>;
