/**
 * recomputeIndicators: every indicator's values for the local area, computed afresh from the
 * data hub and casework and stored in one transaction (readers never see half a recompute).
 * Run after each import, by the seed, and by `send-hub indicators recompute`.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import type { ComputedValue, IndicatorComputation } from './indicator.types.js';
import { indicatorById } from './library/index.js';
import { surveyComputations } from './library/survey.js';
import { academicYearsBetween } from './periods.js';
import { suppress } from './suppression.js';
import { rebuildCohorts } from './compute/cohorts.js';
import { attendanceComputation } from './compute/attendance.compute.js';
import { refreshWeeklyCells, WEEKLY_CELLS_STATE, type CellsRefresh } from './compute/weekly-cells.js';
import { largeCatchUp } from '../data-hub/storage/attendance-changes.js';
import { forgetChangedYears } from './compute/kept-years.js';
import { camhsComputation } from './compute/camhs.compute.js';
import { ehcComputation } from './compute/ehc.compute.js';
import { servicesComputation } from './compute/services.compute.js';

/**
 * The tables and columns the computations join and filter on, analysed before each recompute:
 * only those columns, so the large text and JSON columns are not sampled.
 */
const ANALYSE = sql`analyze school_census (upn, child_id, census_date), health_checks (child_id), social_care_episodes (upn, child_id)`;
/** The rollups too, when the weekly cells have much to catch up (see largeCatchUp). */
const ANALYSE_ROLLUPS = sql`analyze attendance_weeks (upn, week_start)`;

export interface RecomputeOptions {
  areaCode: string;
  /** 'YYYY-MM-DD': nothing after it is counted. */
  today: string;
}

export interface RecomputeResult {
  /** Values stored (suppressed ones included). */
  stored: number;
  suppressed: number;
  /** Academic years of pupil data found. */
  years: string[];
  /** Milliseconds per step, for the benchmark. */
  timings: Record<string, number>;
  /** How each year's weekly attendance cells were brought up to date. */
  weeklyCells: CellsRefresh[];
  /** The years whose pupil-weeks changed since the last recompute (their kept values forgotten). */
  yearsChanged: string[];
}

/**
 * The academic years with pupil data, up to today: from the school census (small), or, when
 * there is none, from the attendance rollups (a scan).
 */
async function pupilYears(db: Kysely<DB>, today: string): Promise<string[]> {
  let r = await sql<{ first: string | null; last: string | null }>`select min(census_date)::text as first, max(census_date)::text as last from school_census`.execute(db);
  if (!r.rows[0]?.first) r = await sql<{ first: string | null; last: string | null }>`select min(week_start)::text as first, max(week_start)::text as last from attendance_weeks`.execute(db);
  const { first, last } = r.rows[0] ?? { first: null, last: null };
  if (!first || !last) return [];
  return academicYearsBetween(first, last < today ? last : today).filter((y) => `${y.slice(0, 4)}-09-01` <= today);
}

export async function recomputeIndicators(db: Kysely<DB>, options: RecomputeOptions): Promise<RecomputeResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      timings[step] = (timings[step] ?? 0) + performance.now() - t;
    }
  };
  const { areaCode, today } = options;
  const years = await time('years', () => pupilYears(db, today));
  // Fresh statistics, or the planner takes a just-imported table (or the new cohorts) for a
  // handful of rows and joins it by nested loop: seconds instead of milliseconds. ANALYZE
  // samples, so it costs little even on the largest table; the embedded database has no
  // autovacuum to do it.
  await time('analyze', async () => {
    await ANALYSE.execute(db);
    // After a day's import the rollups' statistics barely move, and sampling every month of them
    // cost a quarter of the recompute; after a large import they are what keeps the joins hashed.
    if (await largeCatchUp(db, 'indicators', WEEKLY_CELLS_STATE)) await ANALYSE_ROLLUPS.execute(db);
  });
  await time('cohorts', async () => {
    await db.deleteFrom('indicator_cohorts').where('period', 'not in', years.length ? years : ['-']).execute();
    for (const y of years) await rebuildCohorts(db, y, today);
    await sql`analyze indicator_cohorts`.execute(db);
  });
  // The weekly attendance cells: only the weeks imports changed, unless the cohorts moved.
  const weeklyCells = await time('weekly-cells', () => refreshWeeklyCells(db, years));
  // Years whose pupil-weeks changed are computed again; the others may reuse their kept values.
  const yearsChanged = await time('kept-years', () => forgetChangedYears(db, years));

  const computations: [string, IndicatorComputation][] = [
    ['ehc', ehcComputation],
    ['attendance', attendanceComputation(() => years, today)],
    ['camhs', camhsComputation],
    ['services', servicesComputation(() => years)],
    ...surveyComputations.map((c, i) => [`survey-${i}`, c] as [string, IndicatorComputation]),
  ];
  const values: ComputedValue[] = [];
  const ids = new Set<string>();
  for (const [name, c] of computations) {
    for (const id of c.ids) {
      if (!indicatorById(id)) throw new Error(`The computation "${name}" names an indicator the library does not have: ${id}`);
      ids.add(id);
    }
    const computed = await time(name, () => c.compute({ db, areaCode, today }));
    for (const v of computed) {
      if (!c.ids.includes(v.indicatorId)) throw new Error(`The computation "${name}" produced a value for ${v.indicatorId}, which it does not declare`);
    }
    values.push(...computed);
  }

  const computedAt = new Date();
  const rows = values.map((v) => {
    const def = indicatorById(v.indicatorId)!;
    const p = suppress(def.suppression, v);
    return {
      indicator_id: v.indicatorId,
      area_code: areaCode,
      period: v.period,
      breakdown: v.breakdown,
      breakdown_value: v.breakdownValue,
      numerator: p.numerator,
      denominator: p.denominator,
      value: p.value === null || Number.isFinite(p.value) ? p.value : null,
      suppressed: p.suppressed,
      computed_at: computedAt,
    };
  });
  await time('store', () =>
    inTransaction(db, async (tx) => {
      await tx.deleteFrom('indicator_values').where('area_code', '=', areaCode).where('indicator_id', 'in', [...ids]).execute();
      for (let i = 0; i < rows.length; i += 1000) await tx.insertInto('indicator_values').values(rows.slice(i, i + 1000)).execute();
    }),
  );
  return { stored: rows.length, suppressed: rows.filter((r) => r.suppressed).length, years, timings, weeklyCells, yearsChanged };
}
