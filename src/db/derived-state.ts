/**
 * What a kept result was computed from (derived_state, ADR 0017): readers keep a fingerprint of
 * their inputs beside what they keep, and rebuild it whole when the fingerprint changes.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.js';

/** The fingerprint kept under `name`, if any. */
export async function keptFingerprint(db: Db, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('derived_state').select('fingerprint').where('name', '=', name).executeTakeFirst();
  return row?.fingerprint;
}

export async function keepFingerprint(db: Db, name: string, fingerprint: string): Promise<void> {
  await db
    .insertInto('derived_state')
    .values({ name, fingerprint, updated_at: new Date() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ fingerprint, updated_at: new Date() }))
    .execute();
}

/**
 * An aggregate fingerprint of rows: their count and the order-free sum of 64-bit hashes of
 * `text` (one pass, no sort). Use it as a select's only column over the rows that matter.
 */
export const hashSum = (text: RawBuilder<unknown>) => sql<string>`count(*)::text || ':' || coalesce(sum(hashtextextended(${text}, 0)), 0)::text`;
