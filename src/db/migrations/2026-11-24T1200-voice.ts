import { sql, type Kysely } from 'kysely';

/**
 * Co-production and voice: surveys and their answers, "you said, we did", working groups and
 * their meetings, newsletter subscriptions, and feedback on public pages.
 *
 * Anonymity is a property of the tables, not only of the code that writes them. An anonymous
 * response has no user, no invitee, no address and no time finer than its month; every id is
 * a random uuid (no sequence, no created_at) so nothing orders responses against anything
 * else. A list invitee's "has responded" is the absence of their token: the token row is
 * deleted when used, and nothing joins it to the response it allowed (docs/voice.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table surveys (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(title) between 1 and 200),
      description text not null default '' check (length(description) <= 2000),
      kind text not null default 'general' check (kind in ('general','annual')),
      year integer check (year between 2000 and 2100),
      anonymous boolean not null,
      audience text not null check (audience in ('open','list')),
      open_token text unique,
      status text not null default 'draft' check (status in ('draft','open','closed')),
      publish_results boolean not null default false,
      -- The figures the public and the indicators see: refreshed only when at least 5 new
      -- answers have come in (or the survey closes), so watching them change never shows one
      -- person's answers.
      published_responses integer not null default 0,
      published_results jsonb,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (kind <> 'annual' or year is not null)
    );
    create unique index surveys_annual_year on surveys (year) where kind = 'annual';

    create table survey_questions (
      id uuid primary key default gen_random_uuid(),
      survey_id uuid not null references surveys(id) on delete cascade,
      position integer not null,
      kind text not null check (kind in ('single','multiple','agreement','text')),
      text text not null check (length(text) between 1 and 500),
      hint text not null default '' check (length(hint) <= 500),
      options jsonb not null default '[]',
      required boolean not null default false,
      statement_id uuid references strategy_family_statements(id) on delete set null,
      show_if_question_id uuid references survey_questions(id) on delete cascade,
      show_if_value text,
      check ((show_if_question_id is null) = (show_if_value is null)),
      unique (survey_id, position)
    );

    -- Each annual survey statement's totals as last published: the survey indicators read these.
    create table survey_statement_totals (
      survey_id uuid not null references surveys(id) on delete cascade,
      question_id uuid not null references survey_questions(id) on delete cascade,
      agreeing integer not null,
      with_view integer not null,
      primary key (survey_id, question_id)
    );

    create table survey_invitees (
      id uuid primary key default gen_random_uuid(),
      survey_id uuid not null references surveys(id) on delete cascade,
      email text not null check (email = lower(email) and length(email) between 3 and 254),
      invited_on date not null,
      unique (survey_id, email)
    );

    -- No created_at, no sequence: an anonymous response carries only its month.
    create table survey_responses (
      id uuid primary key default gen_random_uuid(),
      survey_id uuid not null references surveys(id) on delete cascade,
      responded_on date not null,
      respondent_user_id uuid references users(id) on delete set null,
      invitee_id uuid references survey_invitees(id) on delete set null
    );
    create index survey_responses_survey on survey_responses (survey_id);

    -- The database itself refuses an anonymous response that names anyone or dates itself
    -- finer than a month, whatever code writes it.
    create function survey_responses_anonymity() returns trigger language plpgsql as $$
    begin
      if (select anonymous from surveys where id = new.survey_id)
         and (new.respondent_user_id is not null or new.invitee_id is not null
              or new.responded_on <> date_trunc('month', new.responded_on)::date) then
        raise exception 'an anonymous response must not name a person or carry a date finer than its month';
      end if;
      return new;
    end $$;
    create trigger survey_responses_anonymity before insert or update on survey_responses
      for each row execute function survey_responses_anonymity();

    create table survey_answers (
      id uuid primary key default gen_random_uuid(),
      response_id uuid not null references survey_responses(id) on delete cascade,
      question_id uuid not null references survey_questions(id) on delete cascade,
      value text not null check (length(value) <= 2000)
    );
    create index survey_answers_question on survey_answers (question_id);
    create index survey_answers_response on survey_answers (response_id);

    -- One single-use token per invitee, kept as its SHA-256; deleted when used.
    create table survey_invite_tokens (
      token_hash text primary key,
      survey_id uuid not null references surveys(id) on delete cascade,
      invitee_id uuid not null references survey_invitees(id) on delete cascade
    );

    -- One-time form nonces: a double-clicked submit is stored once. Nothing links a nonce to
    -- the response it carried.
    create table survey_submissions (
      nonce_hash text primary key,
      survey_id uuid not null references surveys(id) on delete cascade,
      used_on date not null
    );

    create table you_said_we_did (
      id uuid primary key default gen_random_uuid(),
      source_kind text not null check (source_kind in ('survey','feedback','meeting','other')),
      source_link text not null default '' check (length(source_link) <= 500),
      you_said text not null check (length(you_said) between 1 and 2000),
      we_did text not null default '' check (length(we_did) <= 2000),
      status text not null check (status in ('listening','acting','done')),
      action_id uuid references strategy_actions(id) on delete set null,
      published boolean not null default true,
      said_on date not null,
      created_by uuid references users(id),
      updated_at timestamptz not null default now()
    );

    create table working_groups (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (length(name) between 1 and 200),
      purpose text not null default '' check (length(purpose) <= 2000)
    );

    create table working_group_members (
      id uuid primary key default gen_random_uuid(),
      group_id uuid not null references working_groups(id) on delete cascade,
      user_id uuid references users(id) on delete set null,
      name text not null check (length(name) between 1 and 200),
      organisation text not null default '' check (length(organisation) <= 200),
      parent_carer_rep boolean not null default false
    );

    create table group_meetings (
      id uuid primary key default gen_random_uuid(),
      group_id uuid not null references working_groups(id) on delete cascade,
      title text not null check (length(title) between 1 and 200),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      place text not null default '' check (length(place) <= 200),
      agenda text not null default '' check (length(agenda) <= 5000),
      minutes text not null default '' check (length(minutes) <= 20000),
      check (ends_at > starts_at)
    );
    create index group_meetings_starts on group_meetings (starts_at);

    create table group_actions (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references group_meetings(id) on delete cascade,
      text text not null check (length(text) between 1 and 500),
      owner text not null default '' check (length(owner) <= 200),
      due_on date,
      done boolean not null default false,
      strategy_action_id uuid references strategy_actions(id) on delete set null
    );

    create table subscribers (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email) and length(email) between 3 and 254),
      topics jsonb not null default '[]',
      confirm_token_hash text unique,
      confirmation_sent_at timestamptz,
      confirmed_at timestamptz,
      unsubscribe_token text not null unique
    );

    create table newsletter_issues (
      id uuid primary key default gen_random_uuid(),
      topic text not null,
      subject text not null check (length(subject) between 1 and 200),
      body text not null check (length(body) between 1 and 10000),
      recipients integer not null,
      sent_by uuid references users(id),
      sent_at timestamptz not null default now()
    );

    -- Feedback keeps no address and no account, and only its date.
    create table page_feedback (
      id uuid primary key default gen_random_uuid(),
      page text not null check (length(page) between 1 and 500),
      useful text check (useful in ('yes','no')),
      comment text not null default '' check (length(comment) <= 1200),
      status text not null default 'new' check (status in ('new','published','rejected')),
      reply text not null default '' check (length(reply) <= 2000),
      submitted_on date not null,
      moderated_by uuid references users(id),
      moderated_at timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop function survey_responses_anonymity cascade;
    drop table page_feedback, newsletter_issues, subscribers, group_actions, group_meetings,
      working_group_members, working_groups, you_said_we_did, survey_submissions, survey_invite_tokens,
      survey_invitees, survey_answers, survey_responses, survey_statement_totals, survey_questions, surveys;
  `.execute(db);
}
