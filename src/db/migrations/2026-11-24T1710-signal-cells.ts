import { sql, type Kysely } from 'kysely';

/**
 * The early-warning signals' weekly sums by school and SEN group, kept between runs (ADR 0017):
 * - `early_warning_week_cells`: each week's sessions possible and missed (study leave left out)
 *   and pupils, by school and SEN group at the census that applies to the week;
 * - `early_warning_cell_weeks`: the weeks summed, and which census each was summed with, so that
 *   a week whose census changes (a later census now applies) is summed again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table early_warning_week_cells (
      week_start date not null,
      urn text not null,
      grp text not null,
      n bigint not null,
      x bigint not null,
      pupils bigint not null,
      primary key (week_start, urn, grp)
    );
    create table early_warning_cell_weeks (
      week_start date primary key,
      census_date date not null
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table early_warning_cell_weeks;
    drop table early_warning_week_cells;
  `.execute(db);
}
