import { sql, type Kysely } from 'kysely';

/**
 * The partnership strategy and its action plan (docs/strategy.md).
 *
 * - `strategy_priorities`: the strategy's priorities, with what the partnership wants to change
 *   and how it will make the changes (lists of short points, JSON arrays of strings);
 * - `strategy_family_statements`: "what it will look like for families", one statement a row, so
 *   surveys can ask families whether they agree with each;
 * - `improvement_areas`: the areas for improvement named by the area inspection;
 * - `strategy_actions`: the action plan; each action serves a priority, an area for improvement
 *   or both. `version` rises with every change, so two leaders editing at once cannot silently
 *   overwrite each other;
 * - milestones, partners, measures (indicator ids and survey measures as text), dated progress
 *   updates, evidence files (bytea, ADR 0008) and the history of every change (before/after).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table strategy_priorities (
      id uuid primary key default gen_random_uuid(),
      number integer not null unique check (number > 0),
      title text not null check (length(title) between 1 and 200),
      summary text not null default '',
      what_we_want_to_change jsonb not null default '[]',
      how_we_will_do_it jsonb not null default '[]',
      created_at timestamptz not null default now()
    );

    create table strategy_family_statements (
      id uuid primary key default gen_random_uuid(),
      priority_id uuid not null references strategy_priorities(id) on delete cascade,
      position integer not null check (position > 0),
      text text not null check (length(text) between 1 and 500),
      unique (priority_id, position)
    );

    create table improvement_areas (
      id uuid primary key default gen_random_uuid(),
      number integer not null unique check (number > 0),
      title text not null check (length(title) between 1 and 200),
      what_inspectors_found text not null default '',
      what_we_will_do jsonb not null default '[]',
      created_at timestamptz not null default now()
    );

    create table strategy_actions (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique check (length(reference) between 1 and 20),
      priority_id uuid references strategy_priorities(id),
      improvement_area_id uuid references improvement_areas(id),
      title text not null check (length(title) between 1 and 200),
      description text not null default '',
      lead_organisation_id uuid not null references organisations(id),
      lead_person text not null default '',
      status text not null default 'on-track' check (status in ('on-track','at-risk','off-track','done')),
      status_reason text not null default '',
      status_changed_at timestamptz not null default now(),
      target_date date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (priority_id is not null or improvement_area_id is not null),
      check (status in ('on-track','done') or length(status_reason) > 0)
    );
    create index strategy_actions_priority on strategy_actions (priority_id);
    create index strategy_actions_area on strategy_actions (improvement_area_id);
    create index strategy_actions_status on strategy_actions (status);

    create table strategy_action_partners (
      action_id uuid not null references strategy_actions(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      primary key (action_id, organisation_id)
    );

    create table strategy_milestones (
      id uuid primary key default gen_random_uuid(),
      action_id uuid not null references strategy_actions(id) on delete cascade,
      title text not null check (length(title) between 1 and 300),
      due_on date not null,
      done_on date,
      created_at timestamptz not null default now()
    );
    create index strategy_milestones_action on strategy_milestones (action_id, due_on);
    create index strategy_milestones_open on strategy_milestones (due_on) where done_on is null;

    create table strategy_action_measures (
      id uuid primary key default gen_random_uuid(),
      action_id uuid not null references strategy_actions(id) on delete cascade,
      kind text not null check (kind in ('indicator','survey')),
      ref text not null check (length(ref) between 1 and 200),
      label text not null default '',
      unique (action_id, kind, ref)
    );

    create table strategy_progress_updates (
      id uuid primary key default gen_random_uuid(),
      action_id uuid not null references strategy_actions(id) on delete cascade,
      update_on date not null,
      body text not null check (length(body) between 1 and 5000),
      author_user_id uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index strategy_progress_updates_action on strategy_progress_updates (action_id, update_on);

    create table strategy_evidence (
      id uuid primary key default gen_random_uuid(),
      action_id uuid not null references strategy_actions(id) on delete cascade,
      title text not null check (length(title) between 1 and 200),
      file_name text not null,
      content_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea not null,
      uploaded_by uuid references users(id),
      uploaded_at timestamptz not null default now()
    );
    create index strategy_evidence_action on strategy_evidence (action_id);

    create table strategy_action_history (
      id uuid primary key default gen_random_uuid(),
      action_id uuid not null references strategy_actions(id) on delete cascade,
      at timestamptz not null default now(),
      actor_user_id uuid references users(id),
      kind text not null check (kind in ('created','details','status','milestone','progress','evidence','measure')),
      summary text not null,
      before jsonb,
      after jsonb
    );
    create index strategy_action_history_action on strategy_action_history (action_id, at);
    create index strategy_action_history_at on strategy_action_history (at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table strategy_action_history; drop table strategy_evidence; drop table strategy_progress_updates;
    drop table strategy_action_measures; drop table strategy_milestones; drop table strategy_action_partners;
    drop table strategy_actions; drop table improvement_areas; drop table strategy_family_statements;
    drop table strategy_priorities;
  `.execute(db);
}
