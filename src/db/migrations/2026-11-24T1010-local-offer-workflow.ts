import { sql, type Kysely } from 'kysely';

/**
 * The Local Offer's workflow around the directory (2026-11-24T1000-local-offer): providers'
 * proposed updates and the council's decisions, the history of every change to a service,
 * events (Family Hub SEND sessions, activities), and feedback with the council's published
 * response.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table local_offer_proposals (
      id uuid primary key default gen_random_uuid(),
      service_id uuid not null references services(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      proposed_by uuid not null references users(id),
      proposed_at timestamptz not null default now(),
      -- Only the fields the provider changed, with their new values; "before" holds the
      -- service's values of the same fields when the proposal was made.
      changes jsonb not null,
      before jsonb not null,
      note text,
      status text not null default 'pending' check (status in ('pending','approved','rejected')),
      decided_by uuid references users(id),
      decided_at timestamptz,
      reason text,
      check (status = 'pending' or (decided_by is not null and decided_at is not null)),
      check (status <> 'rejected' or length(trim(coalesce(reason, ''))) > 0)
    );
    create index local_offer_proposals_status on local_offer_proposals (status, proposed_at);
    create index local_offer_proposals_service on local_offer_proposals (service_id, proposed_at);
    create index local_offer_proposals_organisation on local_offer_proposals (organisation_id, proposed_at);

    create table local_offer_service_history (
      id uuid primary key default gen_random_uuid(),
      service_id uuid not null references services(id) on delete cascade,
      changed_at timestamptz not null default now(),
      changed_by uuid references users(id),
      kind text not null check (kind in ('update-approved','checked')),
      proposal_id uuid references local_offer_proposals(id),
      before jsonb not null default '{}',
      after jsonb not null default '{}'
    );
    create index local_offer_service_history_service on local_offer_service_history (service_id, changed_at);

    create table local_offer_events (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      description text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      location_name text not null,
      address text,
      postcode text,
      locality text,
      service_id uuid references services(id) on delete set null,
      booking text,
      cost text,
      min_age integer,
      max_age integer,
      created_at timestamptz not null default now(),
      check (ends_at >= starts_at)
    );
    create index local_offer_events_starts on local_offer_events (starts_at);

    create table local_offer_feedback (
      id uuid primary key default gen_random_uuid(),
      -- Null: feedback on the Local Offer as a whole.
      service_id uuid references services(id) on delete set null,
      body text not null,
      -- Kept private: never published, only for the council to reply.
      name text,
      email text,
      submitted_at timestamptz not null default now(),
      status text not null default 'pending' check (status in ('pending','published','rejected')),
      response text,
      moderated_by uuid references users(id),
      moderated_at timestamptz,
      published_on date,
      check (status <> 'published' or (length(trim(coalesce(response, ''))) > 0 and published_on is not null))
    );
    create index local_offer_feedback_status on local_offer_feedback (status, submitted_at);
    create index local_offer_feedback_published on local_offer_feedback (published_on) where status = 'published';
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table local_offer_feedback;
    drop table local_offer_events;
    drop table local_offer_service_history;
    drop table local_offer_proposals;
  `.execute(db);
}
