/**
 * An academic year's attendance by week, SEN provision and locality, kept between recomputes
 * (indicator_weekly_cells, ADR 0017) instead of aggregated afresh from every pupil-week each time.
 *
 * - Rebuilt whole for a year when its cohorts change (a new census moves pupils between SEN
 *   provision or localities): the cohorts' fingerprint is kept in derived_state.
 * - Otherwise only the weeks that writers of attendance_weeks marked as changed
 *   (attendance-changes.ts) are aggregated again: after a day's import, one week.
 *
 * The result is the same as `weeklyCells` over every pupil-week (a test holds it so); only the
 * work differs.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import { hashSum, keepFingerprint, keptFingerprint } from '../../../db/derived-state.js';
import { takeChangedWeeks } from '../../data-hub/storage/attendance-changes.js';
import { boundsOf } from '../periods.js';
import type { WeeklyCell } from './attendance.compute.js';

/** Any fixed number: the one refresh of the cells at a time ("WEEKLY"). */
const REFRESH_LOCK = 0x5745454b4c59;
/** derived_state names: this prefix and the academic year. */
export const WEEKLY_CELLS_STATE = 'indicator-weekly-cells:';

export interface CellsRefresh {
  period: string;
  /** rebuilt: every week of the year aggregated; weeks: only changed weeks; unchanged: nothing to do. */
  mode: 'rebuilt' | 'weeks' | 'unchanged';
  /** The weeks aggregated again (for 'weeks'). */
  weeks: string[];
}

/**
 * What a year's cells depend on besides the pupil-weeks: each pupil's SEN provision and
 * locality. A count and an order-free sum of 64-bit hashes, so it costs one pass, no sort.
 */
async function cohortFingerprint(tx: Db, period: string): Promise<string> {
  const r = await sql<{ fp: string }>`
    select ${hashSum(sql`upn || '|' || sen_provision || '|' || locality`)} as fp from indicator_cohorts where period = ${period}`.execute(tx);
  return r.rows[0]!.fp;
}

/**
 * A year's cells from its pupil-weeks between `from` and `to` (all of them, or only those of
 * `weeks`, sorted): grouped first by the stored columns (the cheap hash aggregate), then by the
 * values shown (a pupil without a cohort counts as unknown).
 */
function cellsFromPupilWeeks(period: string, from: string, to: string, weeks: readonly string[] | null) {
  const lo = weeks && weeks[0]! > from ? weeks[0]! : from;
  const hi = weeks && weeks.at(-1)! < to ? weeks.at(-1)! : to;
  return sql<{ week_start: string; sen: string; locality: string; possible: number; attending: number; pupils: number }>`
    select week_start, coalesce(sen, 'unknown') as sen, coalesce(locality, 'Unknown') as locality,
      sum(possible)::bigint as possible, sum(attending)::bigint as attending, sum(pupils)::bigint as pupils
    from (
      select a.week_start, c.sen_provision as sen, c.locality, sum(a.possible)::bigint as possible, sum(a.attending)::bigint as attending, count(*)::bigint as pupils
      from attendance_weeks a
      left join indicator_cohorts c on c.period = ${period} and c.upn = a.upn
      where a.week_start >= ${lo}::date and a.week_start <= ${hi}::date
        ${weeks ? sql`and a.week_start = any(${[...weeks]}::date[])` : sql``}
      group by a.week_start, c.sen_provision, c.locality
    ) g
    group by week_start, coalesce(sen, 'unknown'), coalesce(locality, 'Unknown')`;
}

async function aggregateInto(tx: Db, period: string, weeks: readonly string[] | null): Promise<void> {
  const { from, to } = boundsOf(period);
  await sql`
    insert into indicator_weekly_cells (period, week_start, sen_provision, locality, possible, attending, pupils)
    select ${period}, week_start, sen, locality, possible, attending, pupils from (${cellsFromPupilWeeks(period, from, to, weeks)}) c`.execute(tx);
}

/** The cells aggregated afresh from every pupil-week between `from` and `to` (the benchmark's and the tests' reference). */
export async function weeklyCellsAfresh(db: Db, period: string, from: string, to: string): Promise<WeeklyCell[]> {
  const rows = await sql<{ week: string; sen: string; locality: string; possible: number; attending: number; pupils: number }>`
    select week_start::text as week, sen, locality, possible, attending, pupils from (${cellsFromPupilWeeks(period, from, to, null)}) c`.execute(db);
  return rows.rows.map((r) => ({ week: r.week, sen: r.sen, locality: r.locality, possible: Number(r.possible), attending: Number(r.attending), pupils: Number(r.pupils) }));
}

/**
 * Brings the cells of these academic years up to date (their cohorts must be rebuilt first), and
 * drops those of other years. One transaction: readers see the cells before or after.
 */
export async function refreshWeeklyCells(db: Db, years: readonly string[]): Promise<CellsRefresh[]> {
  return inTransaction(db, async (tx) => {
    await sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(tx);
    const changed = await takeChangedWeeks(tx, 'indicators');
    const keep = years.length ? [...years] : ['-'];
    await tx.deleteFrom('indicator_weekly_cells').where('period', 'not in', keep).execute();
    await tx
      .deleteFrom('derived_state')
      .where('name', 'like', `${WEEKLY_CELLS_STATE}%`)
      .where('name', 'not in', keep.map((y) => WEEKLY_CELLS_STATE + y))
      .execute();
    const out: CellsRefresh[] = [];
    for (const period of years) {
      const name = WEEKLY_CELLS_STATE + period;
      const fingerprint = await cohortFingerprint(tx, period);
      if ((await keptFingerprint(tx, name)) !== fingerprint) {
        await tx.deleteFrom('indicator_weekly_cells').where('period', '=', period).execute();
        await aggregateInto(tx, period, null);
        await keepFingerprint(tx, name, fingerprint);
        out.push({ period, mode: 'rebuilt', weeks: [] });
        continue;
      }
      const { from, to } = boundsOf(period);
      const weeks = changed.filter((w) => w >= from && w <= to);
      if (weeks.length === 0) {
        out.push({ period, mode: 'unchanged', weeks: [] });
        continue;
      }
      await tx.deleteFrom('indicator_weekly_cells').where('period', '=', period).where('week_start', 'in', weeks).execute();
      await aggregateInto(tx, period, weeks);
      out.push({ period, mode: 'weeks', weeks });
    }
    return out;
  });
}

/** The kept cells of a year, up to `to`. */
export async function keptWeeklyCells(db: Db, period: string, from: string, to: string): Promise<WeeklyCell[]> {
  const rows = await db
    .selectFrom('indicator_weekly_cells')
    .select([sql<string>`week_start::text`.as('week'), 'sen_provision', 'locality', 'possible', 'attending', 'pupils'])
    .where('period', '=', period)
    .where('week_start', '>=', from)
    .where('week_start', '<=', to)
    .execute();
  return rows.map((r) => ({ week: r.week, sen: r.sen_provision, locality: r.locality, possible: Number(r.possible), attending: Number(r.attending), pupils: Number(r.pupils) }));
}
