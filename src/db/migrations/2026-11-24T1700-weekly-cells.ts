import { sql, type Kysely } from 'kysely';

/**
 * Keeping a year's weekly attendance sums rather than re-aggregating every pupil-week after each
 * import (ADR 0017):
 * - `attendance_week_changes`: the weeks of attendance_weeks that a writer (an import, an undo,
 *   the demo seed) changed and a reader of weekly sums (a consumer) has not yet caught up with.
 *   One row per consumer and week; the writer adds them in its own transaction, the consumer
 *   deletes them in the transaction that brings its sums up to date.
 * - `indicator_weekly_cells`: an academic year's attendance by week, SEN provision and locality
 *   (the pupils' cohorts of that year), the cells the weekly attendance indicator is rolled up
 *   from.
 * - `derived_state`: what each kept result was computed from (a fingerprint), so that it is
 *   rebuilt whole when that changes (a new census moves pupils between cohorts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table attendance_week_changes (
      consumer text not null,
      week_start date not null,
      primary key (consumer, week_start)
    );
    create table indicator_weekly_cells (
      period text not null,
      week_start date not null,
      sen_provision text not null,
      locality text not null,
      possible bigint not null,
      attending bigint not null,
      pupils integer not null,
      primary key (period, week_start, sen_provision, locality)
    );
    create table derived_state (
      name text primary key,
      fingerprint text not null,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table derived_state;
    drop table indicator_weekly_cells;
    drop table attendance_week_changes;
  `.execute(db);
}
