/**
 * The weeks of attendance_weeks that have changed since each reader of weekly sums last caught
 * up (migration 1700, ADR 0017). Every writer of attendance_weeks calls `markWeeksChanged` in its
 * own transaction with the weeks it wrote or removed: the importer, undo, and the demo seed.
 * A reader takes its weeks with `takeChangedWeeks` in the transaction that brings its sums up to
 * date, so a week a writer commits meanwhile stays marked for the next time.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';

/** The readers that keep sums by week. A new one starts with no sums, and so builds them whole. */
export const WEEKLY_CONSUMERS = ['indicators', 'indicator-years', 'early-warning'] as const;
export type WeeklyConsumer = (typeof WEEKLY_CONSUMERS)[number];

/** Marks weeks (ISO Mondays) as changed for every consumer. */
export async function markWeeksChanged(tx: Db, weeks: Iterable<string>): Promise<void> {
  const list = [...new Set(weeks)];
  if (list.length === 0) return;
  await sql`insert into attendance_week_changes (consumer, week_start)
            select c, w from unnest(${[...WEEKLY_CONSUMERS]}::text[]) as c(c) cross join unnest(${list}::date[]) as w(w)
            on conflict do nothing`.execute(tx);
}

/** Marks, for every consumer, the weeks an import stored or replaced (before undoing it). */
export async function markImportWeeksChanged(tx: Db, importId: string): Promise<void> {
  await sql`insert into attendance_week_changes (consumer, week_start)
            select c, w from unnest(${[...WEEKLY_CONSUMERS]}::text[]) as c(c)
            cross join (
              select week_start as w from attendance_coverage where import_id = ${importId}::uuid
              union
              select (row->>'week_start')::date from superseded_facts where import_id = ${importId}::uuid and fact_table = 'attendance_weeks'
            ) as weeks
            on conflict do nothing`.execute(tx);
}

/** Takes (removes and returns) the weeks changed since this consumer last caught up, oldest first. */
export async function takeChangedWeeks(tx: Db, consumer: WeeklyConsumer): Promise<string[]> {
  const rows = await sql<{ week: string }>`
    delete from attendance_week_changes where consumer = ${consumer} returning week_start::text as week`.execute(tx);
  return rows.rows.map((r) => r.week).sort();
}

/**
 * Whether a consumer's next catch-up is large: more than `weeks` weeks changed, or no sums kept
 * yet (`stateName` absent from derived_state). Readers analyse the rollups for the planner only
 * then: after a day's import one week changed, and sampling every monthly partition would cost
 * more than the catch-up.
 */
export async function largeCatchUp(db: Db, consumer: WeeklyConsumer, statePrefix: string, weeks = 5): Promise<boolean> {
  const r = await sql<{ pending: number; kept: boolean }>`
    select (select count(*)::int from attendance_week_changes where consumer = ${consumer}) as pending,
      exists (select 1 from derived_state where name like ${`${statePrefix}%`}) as kept`.execute(db);
  const row = r.rows[0]!;
  return Number(row.pending) > weeks || !row.kept;
}
