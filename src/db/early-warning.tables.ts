import type { ColumnType, Generated } from 'kysely';

/** Row types of early warning's tables (migration 2026-11-24T1400-early-warning). Dates are ISO strings. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export interface EarlyWarningFlagTable {
  id: Generated<string>;
  rule: string;
  child_id: string;
  episode: string;
  team: 'school' | 'health' | 'casework';
  organisation_id: string | null;
  urn: string | null;
  locality: string | null;
  summary: string;
  evidence: Json;
  raised_on: string;
  updated_on: string;
  status: Generated<'open' | 'closed'>;
  outcome: 'useful' | 'not-useful' | 'already-known' | null;
  outcome_note: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface EarlyWarningSignalTable {
  level: 'school' | 'locality' | 'cohort';
  unit_key: string;
  unit_name: string;
  locality: string | null;
  measure: string;
  status: string;
  pool_weeks: number;
  baseline_until: string | null;
  centre: number | null;
  sigma_z: number;
  recent_rate: number | null;
  first_signal_period: string | null;
  first_signal_rule: string | null;
  points: Json;
  as_of: string;
  computed_at: CreatedAt;
}

export interface EarlyWarningRunTable {
  id: Generated<string>;
  as_of: string;
  started_at: Timestamp;
  finished_at: CreatedAt;
  flags_raised: number;
  flags_refreshed: number;
  signals: number;
  details: Json;
}

/** A week's sums for the school signals, by school and SEN group (migration 2026-11-24T1710-signal-cells). */
export interface EarlyWarningWeekCellTable {
  week_start: string;
  urn: string;
  grp: string;
  n: number;
  x: number;
  pupils: number;
}

/** A week summed into early_warning_week_cells, and the census it was summed with. */
export interface EarlyWarningCellWeekTable {
  week_start: string;
  census_date: string;
}

export interface EarlyWarningTables {
  early_warning_week_cells: EarlyWarningWeekCellTable;
  early_warning_cell_weeks: EarlyWarningCellWeekTable;
  early_warning_flags: EarlyWarningFlagTable;
  early_warning_signals: EarlyWarningSignalTable;
  early_warning_runs: EarlyWarningRunTable;
}
