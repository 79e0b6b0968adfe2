/**
 * Runs queries as the `send_hub_analyst` database role, which may read the pseudonymised
 * `analytics` schema and nothing else (migration 0960). Pages for analysts read through this,
 * so that a mistaken query for a name or an identifier is refused by the database itself.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';

export const ANALYST_DB_ROLE = 'send_hub_analyst';

export async function asAnalyst<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`set local role ${sql.raw(ANALYST_DB_ROLE)}`.execute(tx);
    await sql`set local transaction read only`.execute(tx);
    return work(tx);
  });
}
