/** The import formats of data-formats.md, by dataset name. */
import { apPlacements } from './ap-placements.js';
import { attendance } from './attendance.js';
import { camhsReferrals } from './camhs-referrals.js';
import type { DatasetFormat, DatasetName, ImportRecord } from './dataset.js';
import { healthChecks } from './health-checks.js';
import { localities } from './localities.js';
import { post16Activity } from './post-16-activity.js';
import { schoolCensus } from './school-census.js';
import { schools } from './schools.js';
import { socialCare } from './social-care.js';
import { suspensionsExclusions } from './suspensions-exclusions.js';

export const DATASETS = {
  schools,
  localities,
  'school-census': schoolCensus,
  attendance,
  'suspensions-exclusions': suspensionsExclusions,
  'camhs-referrals': camhsReferrals,
  'health-checks': healthChecks,
  'social-care': socialCare,
  'ap-placements': apPlacements,
  'post-16-activity': post16Activity,
} as const satisfies Record<DatasetName, DatasetFormat<ImportRecord>>;

export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

export function isDatasetName(name: string): name is DatasetName {
  return Object.hasOwn(DATASETS, name);
}

export type RecordOf<N extends DatasetName> = (typeof DATASETS)[N] extends DatasetFormat<infer R> ? R : never;

/** A format chosen at run time (the CLI's dataset argument): records typed only as ImportRecord. */
export function formatFor(name: DatasetName): DatasetFormat<ImportRecord> {
  return DATASETS[name];
}
