import { sql, type Kysely } from 'kysely';

/** Organisations, people, sign-in, the audit log, the notification outbox, children and case links. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('council','icb','nhs-trust','school','ap-provider','parent-carer-forum','sendiass','other')),
      name text not null check (length(name) between 1 and 200),
      code text,
      created_at timestamptz not null default now()
    );
    create unique index organisations_kind_code on organisations (kind, code) where code is not null;

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null check (email = lower(email) and length(email) between 3 and 254),
      name text not null check (length(name) between 1 and 200),
      organisation_id uuid not null references organisations(id),
      role text not null,
      password_hash text,
      oidc_issuer text,
      oidc_subject text,
      failed_sign_ins integer not null default 0,
      locked_until timestamptz,
      disabled boolean not null default false,
      created_at timestamptz not null default now()
    );
    create unique index users_email on users (email);
    create unique index users_oidc on users (oidc_issuer, oidc_subject) where oidc_subject is not null;

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index sessions_user on sessions (user_id);

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    create table password_resets (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );

    -- ids come from audit_head, not a sequence: a rolled-back transaction must not leave a
    -- gap, because a gap is how verification recognises a deleted entry.
    create table audit_head (
      singleton boolean primary key default true check (singleton),
      last_id bigint not null,
      last_hash text not null
    );
    insert into audit_head (last_id, last_hash) values (0, '0000000000000000000000000000000000000000000000000000000000000000');

    create table audit_log (
      id bigint primary key,
      at timestamptz not null,
      actor_user_id uuid,
      actor_organisation_id uuid,
      actor_role text,
      action text not null,
      outcome text not null check (outcome in ('allowed','refused','failed','succeeded')),
      subject_type text,
      subject_id text,
      child_id uuid,
      request_id text,
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null
    );
    create index audit_log_at on audit_log (at);
    create index audit_log_actor on audit_log (actor_user_id, at);
    create index audit_log_child on audit_log (child_id, at) where child_id is not null;

    create table notification_outbox (
      id uuid primary key default gen_random_uuid(),
      created_at timestamptz not null default now(),
      channel text not null check (channel in ('email','sms')),
      recipient text not null,
      template text not null,
      subject text not null,
      body text not null,
      status text not null default 'queued' check (status in ('queued','sent','failed')),
      sent_at timestamptz,
      error text,
      provider_reference text
    );
    create index notification_outbox_created on notification_outbox (created_at);

    create table children (
      id uuid primary key default gen_random_uuid(),
      given_name text not null,
      family_name text not null,
      date_of_birth date not null,
      upn text,
      nhs_number text,
      pseudo_key uuid not null default gen_random_uuid() unique,
      created_at timestamptz not null default now()
    );

    create table case_links (
      id uuid primary key default gen_random_uuid(),
      child_id uuid not null references children(id) on delete cascade,
      kind text not null check (kind in ('family','advice','school','ap-placement')),
      user_id uuid references users(id) on delete cascade,
      organisation_id uuid references organisations(id) on delete cascade,
      created_at timestamptz not null default now(),
      ended_at timestamptz,
      check ((user_id is null) <> (organisation_id is null))
    );
    create index case_links_user on case_links (user_id, child_id) where ended_at is null;
    create index case_links_org on case_links (organisation_id, child_id) where ended_at is null;
  `.execute(db);

  // The audit log is append-only: the database itself refuses edits and deletions, so that
  // only someone who can switch triggers off could tamper, and the hash chain shows it.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table case_links; drop table children; drop table notification_outbox;
    drop table audit_log; drop table audit_head; drop function audit_log_append_only();
    drop table password_resets; drop table api_tokens; drop table sessions;
    drop table users; drop table organisations;
  `.execute(db);
}
