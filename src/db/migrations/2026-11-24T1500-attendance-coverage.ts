import { sql, type Kysely } from 'kysely';

/**
 * Attendance storage made as cheap to load as a bare COPY (ADR 0007, addendum 2), and coverage
 * kept per import.
 *
 * - attendance_weeks loses every B-tree index it had on the load path: the primary key and the
 *   index on child_id each cost the server about 2.5 microseconds a row (a school year is 1.5
 *   million rows), more than the whole load without them. Each pupil-week is still stored once:
 *   the importer guarantees it (one import of attendance at a time; within a file the rollup
 *   rejects repeats; across files a week another import stored is merged, never inserted, as
 *   attendance_coverage says).
 * - Instead the table is partitioned by month of week_start: a file merging into stored weeks
 *   (a daily file, a correction) reads only its months, and the dashboard's and early warning's
 *   queries by period only theirs. Partitions are made as weeks arrive (attendance-partitions.ts).
 * - A partial index keeps the unlinked rows that re-linking looks for, by UPN.
 * - `codes` (sessions per register code, as JSON) goes: `sessions` already names each session's
 *   code, and parsing 1.5 million small JSON documents was a fifth of the load. The analytics view
 *   derives the same counts from `sessions`; study leave is counted from it directly.
 * - attendance_coverage says which import stored each school-week, so that undoing an import
 *   takes its school-weeks out again and the next file for them loads by COPY.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop view analytics.attendance_weeks;
    alter table attendance_weeks rename to attendance_weeks_old;
    alter table attendance_weeks_old rename constraint attendance_weeks_pkey to attendance_weeks_old_pkey;
    alter index attendance_weeks_child rename to attendance_weeks_old_child;

    create table attendance_weeks (
      upn text not null,
      urn text not null,
      week_start date not null,
      import_id uuid not null,
      child_id uuid,
      possible smallint not null,
      attending smallint not null,
      present smallint not null,
      approved_activity smallint not null,
      authorised smallint not null,
      unauthorised smallint not null,
      not_possible smallint not null,
      sessions text not null
    ) partition by range (week_start);
    create index attendance_weeks_unlinked on attendance_weeks (upn) where child_id is null;

    do $$
    declare m date;
    begin
      for m in select distinct date_trunc('month', week_start)::date from attendance_weeks_old loop
        execute format('create table %I partition of attendance_weeks for values from (%L) to (%L)',
          'attendance_weeks_' || to_char(m, 'YYYY_MM'), m, (m + interval '1 month')::date);
      end loop;
    end $$;
    insert into attendance_weeks
      select upn, urn, week_start, import_id, child_id, possible, attending, present, approved_activity,
             authorised, unauthorised, not_possible, sessions
      from attendance_weeks_old;
    drop table attendance_weeks_old;

    create view analytics.attendance_weeks as
      select c.pseudo_key, f.urn, f.week_start, f.possible, f.attending, f.present, f.approved_activity,
             f.authorised, f.unauthorised, f.not_possible, f.sessions,
             (select coalesce(jsonb_object_agg(s.code, s.n), '{}'::jsonb)
                from (select code, count(*) as n from unnest(string_to_array(f.sessions, ',')) as code
                      where code <> '' group by code) s) as codes
      from attendance_weeks f left join children c on c.id = f.child_id;

    drop table attendance_coverage;
    create table attendance_coverage (
      urn text not null,
      week_start date not null,
      import_id uuid not null references imports(id),
      primary key (urn, week_start, import_id)
    );
    create index attendance_coverage_import on attendance_coverage (import_id);
    insert into attendance_coverage select distinct urn, week_start, import_id from attendance_weeks;
  `.execute(db);
  // Default privileges (0960) cover the recreated view; said again here so the grant is plain to see.
  await sql`grant select on analytics.attendance_weeks to send_hub_analyst`.execute(db);
}
