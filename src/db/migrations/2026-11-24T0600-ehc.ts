import { sql, type Kysely } from 'kysely';

/**
 * The EHC pathway: children's details and families, teams, requests for assessment and their
 * event history, exceptions, advice requests, plans by version, comments, reviews and documents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table children add column address text;
    alter table children add column postcode text;
    alter table children add column school_id uuid references organisations(id);
    alter table children add column locality text;
    alter table children add column gender text;

    create table family_members (
      id uuid primary key default gen_random_uuid(),
      child_id uuid not null references children(id) on delete cascade,
      name text not null,
      relationship text not null,
      email text,
      phone text,
      contact_preference text not null default 'email' check (contact_preference in ('email','phone','post','text')),
      language text,
      needs_interpreter boolean not null default false,
      user_id uuid references users(id),
      main_contact boolean not null default false,
      created_at timestamptz not null default now()
    );
    create index family_members_child on family_members (child_id);

    create table teams (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id),
      name text not null,
      agency text not null check (agency in ('education','health','psychology','social-care','preparing-for-adulthood','other','casework')),
      locality text,
      manager_user_id uuid references users(id),
      email text,
      created_at timestamptz not null default now()
    );
    create table team_members (
      team_id uuid not null references teams(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      primary key (team_id, user_id)
    );
    create index team_members_user on team_members (user_id);

    alter table case_links add column team_id uuid references teams(id) on delete cascade;
    alter table case_links drop constraint case_links_check;
    alter table case_links add constraint case_links_one_holder
      check (num_nonnulls(user_id, organisation_id, team_id) = 1);
    create index case_links_team on case_links (team_id, child_id) where ended_at is null;

    create table ehc_requests (
      id uuid primary key default gen_random_uuid(),
      child_id uuid not null references children(id) on delete cascade,
      received_on date not null,
      requested_by text not null check (requested_by in ('parent','young-person','school','professional','other')),
      requester_name text,
      reason text,
      officer_user_id uuid references users(id),
      team_id uuid references teams(id),
      stage text not null default 'requested',
      decision_on date,
      decision text check (decision in ('assess','not-assess')),
      decision_reasons text,
      draft_issued_on date,
      comments_received_on date,
      preferred_setting text,
      final_issued_on date,
      not_issuing_on date,
      not_issuing_reasons text,
      mediation text,
      tribunal text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index ehc_requests_child on ehc_requests (child_id);
    create index ehc_requests_officer on ehc_requests (officer_user_id, stage);
    create index ehc_requests_received on ehc_requests (received_on);

    create table ehc_events (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references ehc_requests(id) on delete cascade,
      type text not null,
      occurred_on date not null,
      recorded_at timestamptz not null default now(),
      recorded_by uuid references users(id),
      data jsonb not null default '{}',
      visible_to_family boolean not null default true
    );
    create index ehc_events_request on ehc_events (request_id, occurred_on);

    create table ehc_exceptions (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references ehc_requests(id) on delete cascade,
      kind text not null check (kind in ('a','b','c','d')),
      from_on date not null,
      to_on date not null,
      reason text not null,
      created_at timestamptz not null default now(),
      check (to_on >= from_on)
    );
    create index ehc_exceptions_request on ehc_exceptions (request_id);

    create table advice_requests (
      id uuid primary key default gen_random_uuid(),
      request_id uuid references ehc_requests(id) on delete cascade,
      review_id uuid,
      child_id uuid not null references children(id) on delete cascade,
      agency text not null check (agency in ('education','health','psychology','social-care','preparing-for-adulthood','other')),
      team_id uuid references teams(id),
      assignee_user_id uuid references users(id),
      asked_on date not null,
      due_on date not null,
      question text,
      received_on date,
      nil_return boolean not null default false,
      advice jsonb not null default '{}',
      answered_by uuid references users(id),
      reminded_before_at timestamptz,
      reminded_due_at timestamptz,
      escalated_at timestamptz,
      created_at timestamptz not null default now(),
      check (team_id is not null or assignee_user_id is not null),
      check (received_on is null or received_on >= asked_on)
    );
    create index advice_requests_request on advice_requests (request_id);
    create index advice_requests_assignee on advice_requests (assignee_user_id) where received_on is null;
    create index advice_requests_team on advice_requests (team_id) where received_on is null;
    create index advice_requests_due on advice_requests (due_on) where received_on is null;

    create table plans (
      id uuid primary key default gen_random_uuid(),
      child_id uuid not null references children(id) on delete cascade,
      request_id uuid references ehc_requests(id),
      status text not null default 'draft' check (status in ('draft','active','ceased')),
      ceased_on date,
      cease_reason text,
      created_at timestamptz not null default now()
    );
    create index plans_child on plans (child_id);

    create table plan_versions (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plans(id) on delete cascade,
      version integer not null,
      kind text not null check (kind in ('draft','final','amendment-proposal','amended-final')),
      issued_on date,
      sections jsonb not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (plan_id, version)
    );

    create table plan_comments (
      id uuid primary key default gen_random_uuid(),
      plan_version_id uuid not null references plan_versions(id) on delete cascade,
      author_user_id uuid references users(id),
      section text,
      body text not null,
      preferred_setting text,
      created_at timestamptz not null default now()
    );
    create index plan_comments_version on plan_comments (plan_version_id);

    create table annual_reviews (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plans(id) on delete cascade,
      child_id uuid not null references children(id) on delete cascade,
      due_by date not null,
      meeting_on date,
      invitations_sent_on date,
      advice_circulated_on date,
      report_sent_on date,
      decision text check (decision in ('maintain','amend','cease')),
      decision_on date,
      amendment_proposals_on date,
      amended_final_on date,
      cease_reason text,
      phase_transfer text,
      pfa jsonb,
      notes text,
      created_at timestamptz not null default now()
    );
    create index annual_reviews_plan on annual_reviews (plan_id);
    create index annual_reviews_due on annual_reviews (due_by) where decision_on is null;

    create table documents (
      id uuid primary key default gen_random_uuid(),
      child_id uuid not null references children(id) on delete cascade,
      request_id uuid references ehc_requests(id) on delete cascade,
      kind text not null,
      title text not null,
      body text not null,
      visible_to_family boolean not null default true,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index documents_child on documents (child_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table documents; drop table annual_reviews; drop table plan_comments; drop table plan_versions;
    drop table plans; drop table advice_requests; drop table ehc_exceptions; drop table ehc_events;
    drop table ehc_requests;
    alter table case_links drop constraint case_links_one_holder;
    alter table case_links drop column team_id;
    drop table team_members; drop table teams; drop table family_members;
    alter table children drop column address, drop column postcode, drop column school_id,
      drop column locality, drop column gender;
  `.execute(db);
}
