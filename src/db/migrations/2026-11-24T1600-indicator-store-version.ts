import { sql, type Kysely } from 'kysely';

/**
 * The indicator store's version: one row, bumped by a statement trigger whenever
 * `indicator_values` or `benchmark_values` change (a recompute, the survey refresh, a DfE
 * import, or anyone else's write), in the writer's own transaction. The dashboard keys its cache
 * of rendered figures on it, so a recompute made by the CLI in another process (or any other
 * connection) is seen by the next page view (docs/dashboard.md, "Performance").
 *
 * A trigger rather than a call in each writer: a writer cannot forget it, and figures written
 * straight into the store (the benchmark's fill, an operator's fix) invalidate the cache too.
 * Statement-level, so a recompute's bulk insert costs one update per statement, not per row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table indicator_store_version (
      only_row boolean primary key default true check (only_row),
      version bigint not null,
      changed_at timestamptz not null default now()
    );
    insert into indicator_store_version (version) values (1);

    create function indicator_store_changed() returns trigger language plpgsql as $$
    begin
      update indicator_store_version set version = version + 1, changed_at = now();
      return null;
    end $$;
    create trigger indicator_values_changed after insert or update or delete or truncate on indicator_values
      for each statement execute function indicator_store_changed();
    create trigger benchmark_values_changed after insert or update or delete or truncate on benchmark_values
      for each statement execute function indicator_store_changed();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger benchmark_values_changed on benchmark_values;
    drop trigger indicator_values_changed on indicator_values;
    drop function indicator_store_changed();
    drop table indicator_store_version;
  `.execute(db);
}
