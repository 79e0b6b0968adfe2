import { sql, type Kysely } from 'kysely';

/**
 * Early warning: flags raised on one child by a rule, with their evidence, routed to a team and
 * closed with an outcome; and the signals (p-charts) of schools, localities and cohorts, replaced
 * on each run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table early_warning_flags (
      id uuid primary key default gen_random_uuid(),
      rule text not null,
      child_id uuid not null references children(id) on delete cascade,
      -- What makes this flag one occurrence: the school year, a referral, a check, a placement.
      episode text not null,
      team text not null check (team in ('school', 'health', 'casework')),
      -- The school or AP setting that also sees the flag (its SENCO or AP provider).
      organisation_id uuid references organisations(id) on delete set null,
      urn text,
      locality text,
      summary text not null,
      evidence jsonb not null,
      raised_on date not null,
      updated_on date not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      outcome text check (outcome in ('useful', 'not-useful', 'already-known')),
      outcome_note text,
      closed_by uuid references users(id),
      closed_at timestamptz,
      created_at timestamptz not null default now(),
      check ((status = 'open') = (outcome is null))
    );
    create unique index early_warning_flags_once on early_warning_flags (rule, child_id, episode);
    create index early_warning_flags_open on early_warning_flags (team, raised_on) where status = 'open';
    create index early_warning_flags_org on early_warning_flags (organisation_id) where organisation_id is not null;
    create index early_warning_flags_child on early_warning_flags (child_id);

    create table early_warning_signals (
      level text not null check (level in ('school', 'locality', 'cohort')),
      unit_key text not null,
      unit_name text not null,
      locality text,
      measure text not null,
      status text not null,
      pool_weeks integer not null,
      baseline_until date,
      centre double precision,
      sigma_z double precision not null,
      recent_rate double precision,
      first_signal_period date,
      first_signal_rule text,
      points jsonb not null,
      as_of date not null,
      computed_at timestamptz not null default now(),
      primary key (level, unit_key)
    );

    create table early_warning_runs (
      id uuid primary key default gen_random_uuid(),
      as_of date not null,
      started_at timestamptz not null,
      finished_at timestamptz not null default now(),
      flags_raised integer not null,
      flags_refreshed integer not null,
      signals integer not null,
      details jsonb not null default '{}'
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table early_warning_runs; drop table early_warning_signals; drop table early_warning_flags;`.execute(db);
}
