import { sql, type Kysely } from 'kysely';

/**
 * The indicator store (docs/indicators.md).
 *
 * `indicator_values`: every computed value of every indicator for an area, by period and
 * breakdown, recomputed after each import. Only publishable figures are kept: a suppressed
 * value has null value, numerator and denominator.
 *
 * `benchmark_values`: the DfE's published figures (`send-hub import dfe-statistics`) for
 * England, the regions and every local authority, mapped to the indicators they benchmark; the
 * value is the file's own, and `marker` keeps the file's suppression marker (x, c, z, low…)
 * where it published one instead of a number.
 *
 * `indicator_cohorts`: a working table of the recompute (each pupil's SEN provision, primary
 * need, free school meals, home locality, social care status and school phase in an academic
 * year), so that the attendance breakdowns are one set-based query.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table indicator_values (
      indicator_id text not null,
      area_code text not null,
      period text not null,
      breakdown text not null default '',
      breakdown_value text not null default '',
      numerator double precision,
      denominator double precision,
      value double precision,
      suppressed boolean not null default false,
      computed_at timestamptz not null default now(),
      primary key (indicator_id, area_code, period, breakdown, breakdown_value),
      check (breakdown <> '' or breakdown_value = ''),
      check (not suppressed or (value is null and numerator is null and denominator is null))
    );
    create index indicator_values_area_period on indicator_values (area_code, period);

    create table benchmark_values (
      indicator_id text not null,
      source text not null,
      measure text not null,
      geographic_level text not null check (geographic_level in ('national','regional','la')),
      area_code text not null,
      area_name text not null,
      region_code text,
      period text not null,
      value double precision,
      numerator double precision,
      denominator double precision,
      marker text,
      file_name text not null,
      imported_at timestamptz not null default now(),
      primary key (indicator_id, area_code, period)
    );
    create index benchmark_values_period on benchmark_values (indicator_id, period);

    -- Working table of recomputeIndicators: each pupil's cohort in an academic year (their latest
    -- census that year), rebuilt on every recompute; the attendance breakdowns join it.
    create table indicator_cohorts (
      period text not null,
      upn text not null,
      child_id uuid,
      urn text not null,
      sen_provision text not null,
      primary_need text not null,
      fsm text not null,
      locality text not null,
      social_care text not null,
      phase text not null,
      primary key (period, upn)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table indicator_cohorts; drop table benchmark_values; drop table indicator_values;`.execute(db);
}
