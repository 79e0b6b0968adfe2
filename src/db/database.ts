import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { PgliteDialect } from './pglite-dialect.js';
import { acquireLock } from './lock.js';
import { copyCapablePool } from './copy-in.js';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'embedded' | 'server';
  /** Is the database answering? Used by /health. */
  ping(): Promise<boolean>;
  /** The embedded engine itself, for what Kysely cannot say (the benchmarks' bare COPY). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a server; otherwise the embedded database in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** What this process is doing, shown to another process that finds the lock taken. */
  purpose: string;
  /** Embedded only: keep everything in memory (tests). */
  inMemory?: boolean;
}

// Dates stay 'YYYY-MM-DD' strings (a Date would shift with the time zone); counts come back as
// numbers (bigint counts of one local area fit easily in a double).
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

/**
 * PGlite's own start parameters, less -F: PGlite turns fsync off by default, and then a
 * commit acknowledged to a user can be lost in a crash. We keep fsync on and commits
 * synchronous (ADR 0003).
 */
const PGLITE_START_PARAMS = [
  '--single',
  '-O',
  '-j',
  '-c', 'search_path=public',
  '-c', 'exit_on_error=false',
  '-c', 'log_checkpoints=false',
  '-c', 'max_worker_processes=0',
  '-c', 'max_parallel_workers=0',
  '-c', 'max_parallel_workers_per_gather=0',
  '-c', 'io_method=sync',
  '-c', 'max_parallel_maintenance_workers=0',
  '-c', 'fsync=on',
  '-c', 'synchronous_commit=on',
];

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server drops (a restart, a failover) must not crash the process:
    // the pool replaces it, and /health reports the database while it is away.
    pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: copyCapablePool(pool) }) });
    return {
      db,
      kind: 'server',
      ping: () => ping(db),
      close: () => db.destroy(),
    };
  }

  const release = options.inMemory ? () => {} : acquireLock(options.dataDir, options.purpose);
  try {
    const pglite = await PGlite.create({
      ...(options.inMemory ? {} : { dataDir: path.join(options.dataDir, 'pgdata') }),
      relaxedDurability: false,
      startParams: PGLITE_START_PARAMS,
      parsers: {
        [INT8]: (v: string) => Number(v),
        [DATE]: (v: string) => v,
        [NUMERIC]: (v: string) => Number(v),
      },
    });
    const db = new Kysely<DB>({ dialect: new PgliteDialect(pglite) });
    return {
      db,
      kind: 'embedded',
      pglite,
      ping: () => ping(db),
      close: async () => {
        try {
          await db.destroy();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}


async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
