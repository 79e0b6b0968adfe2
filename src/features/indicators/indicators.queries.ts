import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { BenchmarkValueTable, IndicatorValueTable } from '../../db/indicators.tables.js';
import type { BenchmarkValue, Breakdown, DfeSource, IndicatorDefinition, IndicatorValue, Unit } from './indicator.types.js';
import { INDICATORS, indicatorById } from './library/index.js';

/** Reads of the indicator store: what the API, the dashboard and the action plan show. */

export function listIndicators(): readonly IndicatorDefinition[] {
  return INDICATORS;
}

export { indicatorById };

function toValue(r: Selectable<IndicatorValueTable>): IndicatorValue {
  return {
    indicatorId: r.indicator_id,
    areaCode: r.area_code,
    period: r.period,
    breakdown: r.breakdown as Breakdown,
    breakdownValue: r.breakdown_value,
    numerator: r.numerator === null ? null : Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
    value: r.value === null ? null : Number(r.value),
    suppressed: r.suppressed,
    computedAt: r.computed_at,
  };
}

export interface ValuesQuery {
  id: string;
  /** An ONS code; all areas stored when omitted (in practice, the local area). */
  area?: string;
  /** One period ('2024', '202526', '2025-11', '2025-11-17'); every period when omitted. */
  period?: string;
  /** '' (the default): the whole area. A breakdown: one row per group. */
  breakdown?: Breakdown;
}

/** An indicator's stored values, oldest period first, then by breakdown value. */
export async function indicatorValues(db: Kysely<DB>, q: ValuesQuery): Promise<IndicatorValue[]> {
  let query = db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', '=', q.id)
    .where('breakdown', '=', q.breakdown ?? '');
  if (q.area !== undefined) query = query.where('area_code', '=', q.area);
  if (q.period !== undefined) query = query.where('period', '=', q.period);
  const rows = await query.orderBy('area_code').orderBy('period').orderBy('breakdown_value').execute();
  return rows.map(toValue);
}

/** The periods an indicator has values for in an area, oldest first. */
export async function periodsFor(db: Kysely<DB>, id: string, area?: string): Promise<string[]> {
  let query = db.selectFrom('indicator_values').select('period').distinct().where('indicator_id', '=', id).where('breakdown', '=', '');
  if (area !== undefined) query = query.where('area_code', '=', area);
  const rows = await query.orderBy('period').execute();
  return rows.map((r) => r.period);
}

export interface LatestValue {
  id: string;
  name: string;
  unit: Unit;
  goodDirection: IndicatorDefinition['goodDirection'];
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}

/**
 * Each indicator's whole-area value in its latest period. Indicators unknown to the library, or
 * with no value yet, are absent from the map.
 */
export async function latestValues(db: Kysely<DB>, ids: readonly string[], area?: string): Promise<Map<string, LatestValue>> {
  const known = ids.filter((id) => indicatorById(id));
  const result = new Map<string, LatestValue>();
  if (known.length === 0) return result;
  let query = db.selectFrom('indicator_values').selectAll().where('indicator_id', 'in', known).where('breakdown', '=', '');
  if (area !== undefined) query = query.where('area_code', '=', area);
  const rows = await query.execute();
  const latest = new Map<string, Selectable<IndicatorValueTable>>();
  for (const r of rows) {
    const seen = latest.get(r.indicator_id);
    if (!seen || r.period > seen.period) latest.set(r.indicator_id, r);
  }
  for (const [id, r] of latest) {
    const def = indicatorById(id)!;
    const v = toValue(r);
    result.set(id, {
      id,
      name: def.name,
      unit: def.unit,
      goodDirection: def.goodDirection,
      period: v.period,
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      suppressed: v.suppressed,
    });
  }
  return result;
}

function toBenchmark(r: Selectable<BenchmarkValueTable>): BenchmarkValue {
  return {
    indicatorId: r.indicator_id,
    source: r.source as DfeSource,
    level: r.geographic_level,
    areaCode: r.area_code,
    areaName: r.area_name,
    period: r.period,
    value: r.value === null ? null : Number(r.value),
    numerator: r.numerator === null ? null : Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
    marker: r.marker,
  };
}

export interface BenchmarksQuery {
  id: string;
  period?: string;
  /** Only these areas (ONS codes); all when omitted. */
  areas?: readonly string[];
}

/** Published DfE figures for an indicator: England, regions and local authorities, by period. */
export async function benchmarksFor(db: Kysely<DB>, q: BenchmarksQuery): Promise<BenchmarkValue[]> {
  if (q.areas !== undefined && q.areas.length === 0) return [];
  let query = db.selectFrom('benchmark_values').selectAll().where('indicator_id', '=', q.id);
  if (q.period !== undefined) query = query.where('period', '=', q.period);
  if (q.areas !== undefined) query = query.where('area_code', 'in', [...q.areas]);
  const rows = await query.orderBy('period').orderBy('geographic_level').orderBy('area_code').execute();
  return rows.map(toBenchmark);
}

export const ENGLAND = 'E92000001';

/** The region (E12…) a local authority is in, from the DfE files imported; undefined if none names it. */
export async function regionOf(db: Kysely<DB>, areaCode: string): Promise<string | undefined> {
  const r = await db.selectFrom('benchmark_values').select('region_code').where('area_code', '=', areaCode).where('region_code', 'is not', null).limit(1).executeTakeFirst();
  return r?.region_code ?? undefined;
}

export type BenchmarkRole = 'area' | 'england' | 'region' | 'comparator';

export interface LabelledBenchmark extends BenchmarkValue {
  /** How the figure relates to the area asked about: its own published figure, England, its region, a comparator. */
  role: BenchmarkRole;
}

/**
 * The published figures to set beside an area's: its own, England's, its region's and its
 * comparators', for every period or one.
 */
export async function benchmarkSet(
  db: Kysely<DB>,
  q: { id: string; area: string; period?: string; comparators: readonly string[] },
): Promise<LabelledBenchmark[]> {
  const region = await regionOf(db, q.area);
  const roles = new Map<string, BenchmarkRole>([[ENGLAND, 'england']]);
  if (region) roles.set(region, 'region');
  for (const c of q.comparators) if (c !== q.area) roles.set(c, 'comparator');
  roles.set(q.area, 'area');
  const rows = await benchmarksFor(db, { id: q.id, ...(q.period ? { period: q.period } : {}), areas: [...roles.keys()] });
  const order: BenchmarkRole[] = ['area', 'england', 'region', 'comparator'];
  return rows
    .map((r) => ({ ...r, role: roles.get(r.areaCode)! }))
    .sort((a, b) => a.period.localeCompare(b.period) || order.indexOf(a.role) - order.indexOf(b.role) || a.areaName.localeCompare(b.areaName));
}
