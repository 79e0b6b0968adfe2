/**
 * Writing HSDS records: a bundle of rows, one list a table, inserted in foreign-key order in
 * chunks (the demo seed, the benchmark's generator and the importer all write through here).
 * Replacing a service's records (the importer re-importing a service) deletes its dependent
 * rows first; the caller runs both in one transaction.
 */
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LocalOfferTables } from '../../db/local-offer.tables.js';

export type HsdsBundle = { [T in keyof LocalOfferTables]: Insertable<LocalOfferTables[T]>[] };

/** Tables in the order their rows must be inserted (parents first). */
export const INSERT_ORDER = [
  'taxonomies',
  'taxonomy_terms',
  'organizations',
  'services',
  'locations',
  'addresses',
  'accessibility',
  'service_at_locations',
  'contacts',
  'phones',
  'schedules',
  'cost_options',
  'languages',
  'service_areas',
  'service_attributes',
  'service_needs',
] as const satisfies readonly (keyof LocalOfferTables)[];

export function emptyBundle(): HsdsBundle {
  return Object.fromEntries(INSERT_ORDER.map((t) => [t, []])) as unknown as HsdsBundle;
}

export function bundleCounts(bundle: HsdsBundle): Record<keyof LocalOfferTables, number> {
  return Object.fromEntries(INSERT_ORDER.map((t) => [t, bundle[t].length])) as Record<keyof LocalOfferTables, number>;
}

/** Rows a statement, kept well under PostgreSQL's 65,535 bind parameters. */
function chunkSize(row: object): number {
  return Math.max(1, Math.min(1000, Math.floor(30000 / Math.max(1, Object.keys(row).length))));
}

/** Inserts every row of the bundle. Run it in a transaction (inTransaction) for all-or-nothing. */
export async function insertBundle(db: Db, bundle: HsdsBundle): Promise<void> {
  for (const table of INSERT_ORDER) {
    const rows = bundle[table] as Insertable<LocalOfferTables[typeof table]>[];
    if (rows.length === 0) continue;
    // A multi-row insert needs the same columns in every row; rows that leave a column out
    // (to get its default) go in a statement of their own shape.
    const byShape = new Map<string, object[]>();
    for (const row of rows) {
      const present = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
      const shape = Object.keys(present).sort().join(',');
      const group = byShape.get(shape) ?? [];
      group.push(present);
      byShape.set(shape, group);
    }
    for (const group of byShape.values()) {
      const size = chunkSize(group[0]!);
      for (let i = 0; i < group.length; i += size) {
        // The table name is a union here, which Kysely's types cannot follow row by row.
        await db.insertInto(table as 'services').values(group.slice(i, i + size) as never[]).execute();
      }
    }
  }
}
