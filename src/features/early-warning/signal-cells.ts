/**
 * The school and cohort signals' weekly sums, kept between early-warning runs (ADR 0017):
 * sessions possible and missed (study leave left out) and pupils, by week, school and SEN group
 * at the census that applies to the week. A run sums again only:
 * - the weeks writers of attendance_weeks marked as changed (attendance-changes.ts);
 * - the weeks whose census is now another (a later census came in, or `today` moved);
 * - every week, when the loaded school censuses are not those the sums were made with.
 * The series read from the kept sums are the same as summing afresh (a test holds it so).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { keepFingerprint, keptFingerprint } from '../../db/derived-state.js';
import { takeChangedWeeks } from '../data-hub/storage/attendance-changes.js';
import { studyLeaveSessions } from '../data-hub/storage/attendance-sessions.js';

/** Any fixed number: one refresh of the kept sums at a time ("EWCELL"). */
const REFRESH_LOCK = 0x455743454c4c;
/** The derived_state name of the kept sums. */
export const SIGNAL_CELLS_STATE = 'early-warning-week-cells';

export const weekMap = (pairs: readonly (readonly [string, string])[]) =>
  sql`(values ${sql.join(pairs.map(([w, c]) => sql`(${w}::date, ${c}::date)`))}) as m(week_start, census_date)`;

export const provisionGroup = sql`case when c.sen_provision = 'E' then 'ehc-plan'
  when c.sen_provision = 'K' and c.primary_need = 'SEMH' then 'sen-support-semh'
  when c.sen_provision = 'K' then 'sen-support-other' else 'no-sen' end`;

export interface SignalCellsRefresh {
  /** rebuilt: every week summed; weeks: only some; unchanged: none. */
  mode: 'rebuilt' | 'weeks' | 'unchanged';
  weeks: number;
}

/** The school censuses loaded: any census import or undo changes it. */
async function censusFingerprint(tx: Db): Promise<string> {
  const r = await sql<{ fp: string | null }>`
    select string_agg(id::text, ',' order by id) as fp from imports where dataset = 'school-census' and status = 'loaded'`.execute(tx);
  return r.rows[0]?.fp ?? '';
}

async function sumWeeks(tx: Db, pairs: readonly [string, string][]): Promise<void> {
  for (let i = 0; i < pairs.length; i += 200) {
    const part = pairs.slice(i, i + 200);
    const lo = part.reduce((m, [w]) => (w < m ? w : m), part[0]![0]);
    const hi = part.reduce((m, [w]) => (w > m ? w : m), part[0]![0]);
    await sql`
      insert into early_warning_week_cells (week_start, urn, grp, n, x, pupils)
      select w.week_start, w.urn, ${provisionGroup} as grp,
        sum(w.possible - ${studyLeaveSessions('w')}),
        sum(w.possible - w.attending - ${studyLeaveSessions('w')}),
        count(*) filter (where w.possible > 0)
      from attendance_weeks w
      join ${weekMap(part)} on m.week_start = w.week_start
      join school_census c on c.upn = w.upn and c.census_date = m.census_date
      where w.week_start >= ${lo}::date and w.week_start <= ${hi}::date
      group by 1, 2, 3`.execute(tx);
  }
}

/**
 * Brings the kept sums up to date for this week-to-census map (every week up to today, and the
 * census that applies to it), and drops weeks no longer in it. One transaction.
 */
export async function refreshSignalCells(db: Db, map: readonly [string, string][]): Promise<SignalCellsRefresh> {
  return inTransaction(db, async (tx) => {
    await sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(tx);
    const changed = new Set(await takeChangedWeeks(tx, 'early-warning'));
    const fingerprint = await censusFingerprint(tx);
    const rebuild = (await keptFingerprint(tx, SIGNAL_CELLS_STATE)) !== fingerprint;
    const stored = new Map<string, string>();
    if (rebuild) {
      await tx.deleteFrom('early_warning_week_cells').execute();
      await tx.deleteFrom('early_warning_cell_weeks').execute();
    } else {
      const rows = await sql<{ week: string; census: string }>`select week_start::text as week, census_date::text as census from early_warning_cell_weeks`.execute(tx);
      for (const r of rows.rows) stored.set(r.week, r.census);
    }
    const inMap = new Set(map.map(([w]) => w));
    const todo = map.filter(([w, c]) => changed.has(w) || stored.get(w) !== c);
    const drop = [...new Set([...[...stored.keys()].filter((w) => !inMap.has(w)), ...todo.filter(([w]) => stored.has(w)).map(([w]) => w)])];
    for (let i = 0; i < drop.length; i += 1000) {
      const part = drop.slice(i, i + 1000);
      await tx.deleteFrom('early_warning_week_cells').where('week_start', 'in', part).execute();
      await tx.deleteFrom('early_warning_cell_weeks').where('week_start', 'in', part).execute();
    }
    if (todo.length) {
      await sumWeeks(tx, todo);
      for (let i = 0; i < todo.length; i += 1000) {
        await tx.insertInto('early_warning_cell_weeks').values(todo.slice(i, i + 1000).map(([week_start, census_date]) => ({ week_start, census_date }))).execute();
      }
    }
    await keepFingerprint(tx, SIGNAL_CELLS_STATE, fingerprint);
    return { mode: rebuild ? 'rebuilt' : todo.length ? 'weeks' : 'unchanged', weeks: todo.length };
  });
}

/** The kept sums, up to today. */
export async function keptSignalCells(db: Db, today: string) {
  return db.selectFrom('early_warning_week_cells').select(['urn', 'week_start as week', 'grp', 'n', 'x', 'pupils']).where('week_start', '<=', today).execute();
}
