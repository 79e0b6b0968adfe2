import type { IndicatorDefinition } from '../indicator.types.js';
import { apIndicators } from './ap.js';
import { attendanceIndicators } from './attendance.js';
import { camhsIndicators } from './camhs.js';
import { ehcIndicators } from './ehc.js';
import { healthCheckIndicators } from './health-checks.js';
import { post16Indicators } from './post16.js';
import { senIndicators } from './sen.js';
import { surveyIndicators } from './survey.js';

/** Every indicator, in the order pages list them. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  ...ehcIndicators,
  ...attendanceIndicators,
  ...camhsIndicators,
  ...healthCheckIndicators,
  ...apIndicators,
  ...post16Indicators,
  ...senIndicators,
  ...surveyIndicators,
];

const byId = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return byId.get(id);
}
