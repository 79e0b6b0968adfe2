import type { ColumnType } from 'kysely';

/** Row types of the indicator store (migration 2026-11-24T1300-indicators). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface IndicatorValueTable {
  indicator_id: string;
  /** The ONS code of the area, e.g. E06000063. */
  area_code: string;
  /** '2024' calendar year, '202526' academic year, '2025-11' month, '2025-11-17' week (Monday). */
  period: string;
  /** '' for the whole area, else locality, school, sen-provision, primary-need, social-care, fsm, cohort, agency, provider, phase. */
  breakdown: ColumnType<string, string | undefined, string>;
  breakdown_value: ColumnType<string, string | undefined, string>;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: ColumnType<boolean, boolean | undefined, boolean>;
  computed_at: Timestamp;
}

export interface BenchmarkValueTable {
  indicator_id: string;
  /** The DfE file: sen2-timeliness, sen2-requests, sen2-caseload, attendance-ytd. */
  source: string;
  /** The file's column the value came from (lower case). */
  measure: string;
  geographic_level: 'national' | 'regional' | 'la';
  area_code: string;
  area_name: string;
  /** For a local authority, its region (E12…), as the file gives it. */
  region_code: string | null;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The published marker instead of a value: x, c, z, low, u… (null when a number was published). */
  marker: string | null;
  file_name: string;
  imported_at: Timestamp;
}

/** Each pupil's cohort in an academic year ('none' / 'unknown' rather than null). */
export interface IndicatorCohortTable {
  period: string;
  upn: string;
  child_id: string | null;
  urn: string;
  /** E, K or N. */
  sen_provision: string;
  /** A SEN2 need code, or 'none'. */
  primary_need: string;
  /** 'yes', 'no' or 'unknown'. */
  fsm: string;
  /** The home locality, or 'Unknown'. */
  locality: string;
  /** CLA, CP, CIN or 'none' (the highest status open in the year). */
  social_care: string;
  /** The school's phase, or 'unknown'. */
  phase: string;
}

/**
 * The store's one-row version (migration 2026-11-24T1600-indicator-store-version): bumped by a
 * trigger on every write to indicator_values or benchmark_values; the dashboard's cache keys on it.
 */
export interface IndicatorStoreVersionTable {
  only_row: ColumnType<boolean, boolean | undefined, never>;
  version: number;
  changed_at: Timestamp;
}

/** An academic year's attendance by week, SEN provision and locality (migration 2026-11-24T1700-weekly-cells). */
export interface IndicatorWeeklyCellTable {
  period: string;
  week_start: string;
  sen_provision: string;
  locality: string;
  possible: number;
  attending: number;
  pupils: number;
}

/** What a kept result was computed from: it is rebuilt whole when the fingerprint changes. */
export interface DerivedStateTable {
  name: string;
  fingerprint: string;
  updated_at: Timestamp;
}

/** Computed values kept while their inputs' fingerprint holds (migration 2026-11-24T1720-derived-values). */
export interface DerivedValueTable {
  name: string;
  fingerprint: string;
  /** JSON. */
  payload: string;
  updated_at: Timestamp;
}

export interface IndicatorTables {
  derived_values: DerivedValueTable;
  indicator_values: IndicatorValueTable;
  indicator_weekly_cells: IndicatorWeeklyCellTable;
  derived_state: DerivedStateTable;
  indicator_store_version: IndicatorStoreVersionTable;
  benchmark_values: BenchmarkValueTable;
  indicator_cohorts: IndicatorCohortTable;
}
