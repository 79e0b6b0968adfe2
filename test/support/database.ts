import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export type TestDialect = 'pglite' | 'postgres';

/** PGlite always; a real PostgreSQL server too when TEST_DATABASE_URL is set. */
export function testDialects(): TestDialect[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database: an in-memory PGlite, or a new database on the server named
 * for this test and dropped afterwards.
 */
export async function freshDatabase(dialect: TestDialect): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  if (dialect === 'pglite') {
    const database = await openDatabase({ dataDir: '', purpose: 'test', inMemory: true });
    await migrateToLatest(database.db);
    return { database, drop: () => database.close() };
  }
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `sph_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', purpose: 'test' });
  await migrateToLatest(database.db);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
