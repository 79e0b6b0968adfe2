import { sql, type Kysely } from 'kysely';

/**
 * A person's decisions on the link queue, and the database role analysts' pages run as.
 *
 * `send_hub_analyst` may read the pseudonymised `analytics` schema and nothing else: pages for
 * analysts switch to it (SET LOCAL ROLE) for their queries, so the database itself refuses a
 * name or an identifier. Roles belong to the whole server, so creating it tolerates another
 * database (or a test running beside this one) having made it first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table child_links drop constraint child_links_method_check;
    alter table child_links add constraint child_links_method_check check (method in ('upn','nhs-number','name-dob','manual'));
    alter table link_queue add column outcome text check (outcome in ('linked','no-match'));
    alter table link_queue add column note text check (length(note) <= 500);

    do $$
    begin
      create role send_hub_analyst nologin;
    exception when duplicate_object or unique_violation then null;
    end $$;
    grant usage on schema analytics to send_hub_analyst;
    grant select on all tables in schema analytics to send_hub_analyst;
    alter default privileges in schema analytics grant select on tables to send_hub_analyst;
    -- The service's own login must be able to SET ROLE to it (a superuser already can).
    do $$
    begin
      execute format('grant send_hub_analyst to %I', current_user);
    exception when others then null;
    end $$;
  `.execute(db);
}
