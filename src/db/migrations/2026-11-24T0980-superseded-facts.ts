import { sql, type Kysely } from 'kysely';

/**
 * Rows a corrected file replaced, kept with the import that replaced them, so that undoing that
 * import brings them back. Each is the whole row as it was (to_jsonb), restored with
 * jsonb_populate_record. And the school-weeks attendance covers (see below).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table superseded_facts (
      import_id uuid not null references imports(id),
      fact_table text not null,
      natural_key text not null,
      row jsonb not null
    );
    create index superseded_facts_import on superseded_facts (import_id);

    -- The school-weeks attendance has been stored for: an import looks for stored weeks to
    -- merge with only where a school-week is listed here, so a new year's file skips the lookup.
    create table attendance_coverage (
      urn text not null,
      week_start date not null,
      primary key (urn, week_start)
    );
    insert into attendance_coverage select distinct urn, week_start from attendance_weeks;
  `.execute(db);
}
