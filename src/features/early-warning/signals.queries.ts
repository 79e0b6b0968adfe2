import type { Db } from '../../db/database.js';
import type { SignalLevel } from './signals.js';

export const LEVEL_NAMES: Record<SignalLevel, string> = {
  school: 'Schools: absence of pupils with SEN',
  locality: 'Localities: CAMHS waits',
  cohort: 'Cohorts: suspensions',
};

export const STATUS_WORDS: Record<string, string> = {
  signal: 'Signal',
  'small-shift': 'Small shift',
  improvement: 'Improving',
  'in-control': 'No change',
  'insufficient-data': 'Too little data',
};

export function isLevel(v: string): v is SignalLevel {
  return v === 'school' || v === 'locality' || v === 'cohort';
}

export interface StoredSignal {
  level: SignalLevel;
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
  as_of: string;
}

const ORDER: Record<string, number> = { signal: 0, 'small-shift': 1, improvement: 2, 'in-control': 3, 'insufficient-data': 4 };

/** Every stored signal, without its points: signals first, then by name. */
export async function loadSignals(db: Db): Promise<StoredSignal[]> {
  const rows = await db
    .selectFrom('early_warning_signals')
    .select(['level', 'unit_key', 'unit_name', 'locality', 'measure', 'status', 'pool_weeks', 'baseline_until', 'centre', 'sigma_z', 'recent_rate', 'first_signal_period', 'first_signal_rule', 'as_of'])
    .execute();
  return (rows as StoredSignal[]).sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9) || a.unit_name.localeCompare(b.unit_name));
}

export async function loadSignal(db: Db, level: SignalLevel, key: string): Promise<(StoredSignal & { points: unknown }) | undefined> {
  const row = await db.selectFrom('early_warning_signals').selectAll().where('level', '=', level).where('unit_key', '=', key).executeTakeFirst();
  return row as (StoredSignal & { points: unknown }) | undefined;
}
