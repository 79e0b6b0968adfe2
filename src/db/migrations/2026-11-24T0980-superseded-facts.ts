import { sql, type Kysely } from 'kysely';

/**
 * Rows a corrected file replaced, kept with the import that replaced them, so that undoing that
 * import brings them back. Each is the whole row as it was (to_jsonb), restored with
 * jsonb_populate_record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table superseded_facts (
      import_id uuid not null references imports(id),
      fact_table text not null,
      natural_key text not null,
      row jsonb not null
    );
    create index superseded_facts_import on superseded_facts (import_id);
  `.execute(db);
}
