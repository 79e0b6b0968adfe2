import type { Services } from '../services.js';
import type { RecomputeResult } from '../features/indicators/recompute.js';

/**
 * The demo's indicators: computed from whatever the demo holds (the EHC casework on first start;
 * the partners' data too after `send-hub seed-demo --scale`). Runs last, after every other seed,
 * so that survey and casework figures are in. Idempotent: a recompute replaces the values.
 */
export async function seedIndicatorsDemo(s: Services): Promise<RecomputeResult> {
  return s.indicators.recompute(s.db);
}
