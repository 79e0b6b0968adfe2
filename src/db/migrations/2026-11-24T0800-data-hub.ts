import { sql, type Kysely } from 'kysely';

/**
 * The data hub: every import (who, when, file hash, counts), its rejections, the fact tables of
 * data-formats.md, and the linkage of records to children.
 *
 * Fact tables share a shape: `natural_key` (the format's keyOf, unique: a re-import of a record
 * replaces it), `import_id` (the import that last wrote the row, for undo) and `child_id` (null
 * until linked). Attendance is stored as pupil-week rollups keyed by pupil, school and week.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table imports (
      id uuid primary key default gen_random_uuid(),
      dataset text not null,
      file_name text not null,
      file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
      imported_by uuid references users(id),
      imported_at timestamptz not null default now(),
      rows_read integer not null default 0,
      rows_loaded integer not null default 0,
      rows_rejected integer not null default 0,
      status text not null check (status in ('loaded','rejected','undone')),
      report jsonb not null default '{}',
      undone_by uuid references users(id),
      undone_at timestamptz
    );
    create unique index imports_loaded_file on imports (dataset, file_sha256) where status = 'loaded';
    create index imports_at on imports (imported_at);

    create table import_rejections (
      import_id uuid not null references imports(id) on delete cascade,
      line integer not null,
      "column" text not null,
      value text not null,
      reason text not null
    );
    create index import_rejections_import on import_rejections (import_id, line);

    create table school_details (
      organisation_id uuid primary key references organisations(id) on delete cascade,
      natural_key text not null unique,
      import_id uuid not null references imports(id),
      urn text not null,
      name text not null,
      type text not null,
      phase text not null,
      postcode text,
      locality text
    );

    create table localities (
      natural_key text primary key,
      import_id uuid not null references imports(id),
      postcode_prefix text not null,
      locality text not null,
      icb_code text not null
    );

    create table school_census (
      natural_key text primary key,
      import_id uuid not null references imports(id),
      child_id uuid references children(id) on delete set null,
      census_date date not null,
      urn text not null,
      upn text not null,
      forename text,
      surname text,
      date_of_birth date,
      gender text,
      postcode text,
      ncy text not null,
      sen_provision text not null,
      primary_need text,
      secondary_need text,
      fsm_eligible boolean
    );

    create table suspensions (
      natural_key text primary key,
      import_id uuid not null references imports(id),
      child_id uuid references children(id) on delete set null,
      upn text not null,
      urn text not null,
      start_date date not null,
      category text not null,
      sessions integer,
      reason text not null
    );

    create table camhs_referrals (
      natural_key text primary key,
      import_id uuid not null references imports(id),
      child_id uuid references children(id) on delete set null,
      extract_date date not null,
      referral_id text not null,
      nhs_number text,
      forename text,
      surname text,
      date_of_birth date,
      postcode text,
      provider_code text not null,
      icb_code text,
      referral_date date not null,
      first_contact_date date,
      treatment_start_date date,
      discharge_date date,
      referral_outcome text
    );

    create table health_checks (
      natural_key text primary key,
      import_id uuid not null references imports(id),
      child_id uuid references children(id) on delete set null,
      nhs_number text,
      forename text,
      surname text,
      date_of_birth date,
      postcode text,
      check_type text not null,
      due_date date,
      completed_date date,
      outcome text,
      domains jsonb not null default '[]'
    );

    create table social_care_episodes (
      natural_key text primary key,
      import_id uuid not null references imports(id),
      child_id uuid references children(id) on delete set null,
      la_child_id text not null,
      upn text,
      nhs_number text,
      forename text,
      surname text,
      date_of_birth date,
      status text not null,
      start_date date not null,
      end_date date
    );

    create table ap_placements (
      natural_key text primary key,
      import_id uuid not null references imports(id),
      child_id uuid references children(id) on delete set null,
      upn text not null,
      ap_urn text not null,
      commissioner text not null,
      commissioner_urn text,
      start_date date not null,
      planned_end_date date,
      end_date date,
      sessions_per_week integer,
      reason text not null,
      outcome text
    );

    create table post16_activity (
      natural_key text primary key,
      import_id uuid not null references imports(id),
      child_id uuid references children(id) on delete set null,
      uln text,
      upn text,
      month text not null,
      activity text not null
    );

    create table attendance_weeks (
      upn text not null,
      urn text not null,
      week_start date not null,
      import_id uuid not null references imports(id),
      child_id uuid references children(id) on delete set null,
      possible smallint not null,
      attending smallint not null,
      present smallint not null,
      approved_activity smallint not null,
      authorised smallint not null,
      unauthorised smallint not null,
      not_possible smallint not null,
      sessions text not null,
      codes jsonb not null,
      primary key (upn, urn, week_start)
    );

    create table child_links (
      child_id uuid not null references children(id) on delete cascade,
      import_id uuid not null references imports(id) on delete cascade,
      dataset text not null,
      method text not null check (method in ('upn','nhs-number','name-dob')),
      created_at timestamptz not null default now(),
      primary key (child_id, import_id, method)
    );

    create table link_queue (
      id uuid primary key default gen_random_uuid(),
      import_id uuid not null references imports(id) on delete cascade,
      dataset text not null,
      fact_table text not null,
      natural_key text not null,
      line integer not null,
      forename text not null,
      surname text not null,
      date_of_birth date not null,
      candidate_child_ids jsonb not null,
      resolved_child_id uuid references children(id) on delete set null,
      resolved_by uuid references users(id),
      resolved_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index link_queue_open on link_queue (created_at) where resolved_at is null;
  `.execute(db);
  for (const t of ['school_details', 'localities', 'school_census', 'suspensions', 'camhs_referrals', 'health_checks', 'social_care_episodes', 'ap_placements', 'post16_activity', 'attendance_weeks']) {
    await sql`create index ${sql.raw(`${t}_import`)} on ${sql.table(t)} (import_id)`.execute(db);
    if (t !== 'school_details' && t !== 'localities') await sql`create index ${sql.raw(`${t}_child`)} on ${sql.table(t)} (child_id)`.execute(db);
  }
  await sql`create index children_upn on children (upn) where upn is not null`.execute(db);
  await sql`create index children_nhs_number on children (nhs_number) where nhs_number is not null`.execute(db);
  await sql`create index children_name_dob on children (lower(family_name), date_of_birth)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index children_upn; drop index children_nhs_number; drop index children_name_dob;
    drop table link_queue; drop table child_links; drop table attendance_weeks; drop table post16_activity;
    drop table ap_placements; drop table social_care_episodes; drop table health_checks;
    drop table camhs_referrals; drop table suspensions; drop table school_census; drop table localities;
    drop table school_details; drop table import_rejections; drop table imports;
  `.execute(db);
}
