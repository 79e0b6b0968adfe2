import { sql, type Kysely } from 'kysely';

/**
 * Computed values kept between recomputes, with the fingerprint of what they were computed from
 * (ADR 0017): an academic year's attendance and exclusion values are reused while its pupil-weeks,
 * cohorts and suspensions are unchanged (a closed year, after a day's import in the current one).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table derived_values (
      name text primary key,
      fingerprint text not null,
      payload text not null,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table derived_values`.execute(db);
}
