/**
 * The dashboard's reads of the indicator store beyond those of indicators.queries.ts: many
 * indicators at once (the headline, priority, theme and report pages read every figure they
 * show in two queries), the groups a breakdown has, and school names. Every read is of
 * precomputed figures, never of facts.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { BenchmarkValueTable, IndicatorValueTable } from '../../db/indicators.tables.js';
import type { BenchmarkValue, Breakdown, DfeSource, IndicatorValue } from '../indicators/indicator.types.js';

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** A stored figure without its bookkeeping (area, when computed): what pages draw. */
export type Figure = Pick<IndicatorValue, 'indicatorId' | 'period' | 'breakdown' | 'breakdownValue' | 'numerator' | 'denominator' | 'value' | 'suppressed'>;


export function toValue(r: Selectable<IndicatorValueTable>): IndicatorValue {
  return {
    indicatorId: r.indicator_id,
    areaCode: r.area_code,
    period: r.period,
    breakdown: r.breakdown as Breakdown,
    breakdownValue: r.breakdown_value,
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    value: num(r.value),
    suppressed: r.suppressed,
    computedAt: r.computed_at,
  };
}

function toBenchmark(r: Selectable<BenchmarkValueTable>): BenchmarkValue {
  return {
    indicatorId: r.indicator_id,
    source: r.source as DfeSource,
    level: r.geographic_level,
    areaCode: r.area_code,
    areaName: r.area_name,
    period: r.period,
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    marker: r.marker,
  };
}

/** Groups values by indicator id. */
function byIndicator<T extends { indicatorId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.indicatorId);
    if (list) list.push(r);
    else out.set(r.indicatorId, [r]);
  }
  return out;
}

/** Whole-area values of many indicators, every period; or of one breakdown at one period. */
export async function valuesOf(
  db: Kysely<DB>,
  q: { ids: readonly string[]; area: string; breakdown?: string; period?: string },
): Promise<Map<string, IndicatorValue[]>> {
  if (!q.ids.length) return new Map();
  let query = db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', 'in', [...q.ids])
    .where('area_code', '=', q.area)
    .where('breakdown', '=', q.breakdown ?? '');
  if (q.period !== undefined) query = query.where('period', '=', q.period);
  const rows = await query.orderBy('indicator_id').orderBy('period').orderBy('breakdown_value').execute();
  return byIndicator(rows.map(toValue));
}

/**
 * The latest `count` whole-area values of each indicator (by period, newest first): what the
 * headline needs, without carrying every week of a weekly measure out of the database.
 */
export async function latestOf(db: Kysely<DB>, q: { ids: readonly string[]; area: string; count: number }): Promise<Map<string, Figure[]>> {
  if (!q.ids.length) return new Map();
  // Only the columns drawn: on the embedded database, carrying rows out costs more than finding them.
  const columns = ['indicator_id', 'period', 'breakdown', 'breakdown_value', 'numerator', 'denominator', 'value', 'suppressed'] as const;
  const ranked = db
    .selectFrom('indicator_values')
    .select(columns)
    .select(sql<number>`row_number() over (partition by indicator_id order by period desc)`.as('rank'))
    .where('indicator_id', 'in', [...q.ids])
    .where('area_code', '=', q.area)
    .where('breakdown', '=', '');
  const rows = await db.selectFrom(ranked.as('r')).select(columns).where('rank', '<=', q.count).orderBy('indicator_id').orderBy('period').execute();
  return byIndicator(
    rows.map((r) => ({
      indicatorId: r.indicator_id,
      period: r.period,
      breakdown: r.breakdown as Breakdown,
      breakdownValue: r.breakdown_value,
      numerator: num(r.numerator),
      denominator: num(r.denominator),
      value: num(r.value),
      suppressed: r.suppressed,
    })),
  );
}

/** Published figures of many indicators for the areas given, every period. */
export async function benchmarksOf(db: Kysely<DB>, q: { ids: readonly string[]; areas: readonly string[] }): Promise<Map<string, BenchmarkValue[]>> {
  if (!q.ids.length || !q.areas.length) return new Map();
  const rows = await db
    .selectFrom('benchmark_values')
    .selectAll()
    .where('indicator_id', 'in', [...q.ids])
    .where('area_code', 'in', [...q.areas])
    .orderBy('indicator_id')
    .orderBy('period')
    .execute();
  return byIndicator(rows.map(toBenchmark));
}

export interface GroupSet {
  /** How many groups the breakdown has figures for. */
  count: number;
  /** Their values, when there are no more than the limit asked for; else null (too many to list). */
  values: string[] | null;
}

/**
 * The groups each breakdown of some indicators has figures for: how many, and which when they
 * are few enough to offer in a list (localities, cohorts; not a large area's schools).
 */
export async function groupsOf(db: Kysely<DB>, q: { ids: readonly string[]; area: string; limit: number }): Promise<Map<string, GroupSet>> {
  if (!q.ids.length) return new Map();
  const base = db.selectFrom('indicator_values').where('indicator_id', 'in', [...q.ids]).where('area_code', '=', q.area).where('breakdown', '<>', '');
  const counts = await base.select(['breakdown', sql<number>`count(distinct breakdown_value)`.as('n')]).groupBy('breakdown').execute();
  const out = new Map<string, GroupSet>(counts.map((c) => [c.breakdown, { count: Number(c.n), values: null }]));
  const small = counts.filter((c) => Number(c.n) <= q.limit).map((c) => c.breakdown);
  if (small.length) {
    const rows = await base.select(['breakdown', 'breakdown_value']).distinct().where('breakdown', 'in', small).orderBy('breakdown').orderBy('breakdown_value').execute();
    for (const r of rows) {
      const g = out.get(r.breakdown)!;
      (g.values ??= []).push(r.breakdown_value);
    }
  }
  return out;
}

/** Whether one group has figures (a school typed into the filter, among too many to list). */
export async function hasGroup(db: Kysely<DB>, q: { id: string; area: string; breakdown: string; value: string }): Promise<boolean> {
  const row = await db
    .selectFrom('indicator_values')
    .select('period')
    .where('indicator_id', '=', q.id)
    .where('area_code', '=', q.area)
    .where('breakdown', '=', q.breakdown)
    .where('breakdown_value', '=', q.value)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * One breakdown at one period: every group when there are no more than `limit`; else the
 * `limit` furthest the wrong way (lowest when higher is better), suppressed figures last.
 */
export async function breakdownAt(
  db: Kysely<DB>,
  q: { id: string; area: string; breakdown: string; period: string; limit: number; goodDirection: 'up' | 'down' | 'neither' },
): Promise<{ values: IndicatorValue[]; total: number }> {
  // One query: the ranked rows, each carrying how many groups there are in all.
  let query = db
    .selectFrom('indicator_values')
    .selectAll()
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('indicator_id', '=', q.id)
    .where('area_code', '=', q.area)
    .where('breakdown', '=', q.breakdown)
    .where('period', '=', q.period)
    .orderBy(sql`value is null`);
  if (q.goodDirection !== 'neither') query = query.orderBy('value', q.goodDirection === 'up' ? 'asc' : 'desc');
  const rows = await query.orderBy('breakdown_value').limit(q.limit).execute();
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return { values: rows.map(toValue), total };
}

/** One group's values over every period (a locality's trend). */
export async function groupTrend(db: Kysely<DB>, q: { id: string; area: string; breakdown: string; value: string }): Promise<IndicatorValue[]> {
  const rows = await db
    .selectFrom('indicator_values')
    .selectAll()
    .where('indicator_id', '=', q.id)
    .where('area_code', '=', q.area)
    .where('breakdown', '=', q.breakdown)
    .where('breakdown_value', '=', q.value)
    .orderBy('period')
    .execute();
  return rows.map(toValue);
}

/** Schools' names by URN, for labelling the school breakdown (public information). */
export async function schoolNames(db: Kysely<DB>, urns: readonly string[]): Promise<Map<string, string>> {
  if (!urns.length) return new Map();
  const rows = await db.selectFrom('school_details').select(['urn', 'name']).where('urn', 'in', [...urns]).execute();
  return new Map(rows.map((r) => [r.urn, r.name]));
}
