import { sql, type Kysely } from 'kysely';

/**
 * attendance_coverage now says which import stored each school-week, so that undoing an import
 * takes its school-weeks out again: the next file for those weeks then loads by COPY instead of
 * the slower merge (import.service.ts). A school-week is covered while any loaded import lists it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
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
}
