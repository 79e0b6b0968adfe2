import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { services, type Services } from '../../src/services.js';
import type { Db } from '../../src/db/database.js';
import { createApp } from '../../src/app.js';
import { DEMO_PASSWORD, demoEmail, ensureCouncil, seedPlatformDemo } from '../../src/demo/platform.seed.js';
import { seedEhcDemo } from '../../src/demo/ehc.seed.js';
import { SESSION_COOKIE } from '../../src/platform/web/authentication.js';
import type { Role } from '../../src/platform/access/roles.js';

/** The real app, listening on loopback, on a database made for this run and removed after it. */
export interface BenchApp {
  /** http://127.0.0.1:<ephemeral port> */
  url: string;
  s: Services;
  /** 'embedded PGlite 17.x (on disk, fsync on)' or 'PostgreSQL 15.x (127.0.0.1:5432)'. */
  databaseLabel: string;
  /** The database was kept from an earlier run (startBenchApp's keepAs), already seeded: seed nothing. */
  reused: boolean;
  /** Records that the database is seeded, so that a kept one is reused by later runs. */
  markReady(): Promise<void>;
  /** Signs the demo user of a role in through the real form; returns the Cookie header a browser would send. */
  signIn(role: Role): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the app in this process: the embedded database in a fresh temporary DATA_DIR, or,
 * when BENCH_DATABASE_URL is set, a fresh database on that PostgreSQL server (dropped on close).
 * Migrated and seeded with the demo area, logger off, listening on 127.0.0.1 on a free port.
 */
export async function startBenchApp(
  env: { BENCH_DATABASE_URL?: string | undefined; BENCH_KEEP_AREAS?: string | undefined } = process.env,
  options: { keepAs?: string } = {},
): Promise<BenchApp> {
  const keep = options.keepAs !== undefined && env.BENCH_KEEP_AREAS === '1' && env.BENCH_DATABASE_URL !== undefined;
  const store = !env.BENCH_DATABASE_URL
    ? await freshDataDir()
    : keep
      ? await keptServerDatabase(env.BENCH_DATABASE_URL, `sph_keep_${options.keepAs!.replace(/[^a-z0-9_]/gi, '_')}`)
      : await freshServerDatabase(env.BENCH_DATABASE_URL);
  let closeDatabase: () => Promise<void> = async () => {};
  try {
    const config = loadConfig(
      {
        LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: store.dataDir,
        ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}),
        AREA_CODE: 'E06000063',
        AREA_NAME: 'Cumberland',
      },
      process.cwd(),
    );
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, purpose: 'bench' });
    closeDatabase = () => database.close();
    await migrateToLatest(database.db);
    const reused = store.reused === true && (await isReady(database.db));
    if (store.reused && !reused) throw new Error(`The kept database ${store.where} was never finished: drop it (drop database … with (force)) and run again`);
    if (!reused) {
      await ensureCouncil(database.db, config.area);
      await seedPlatformDemo(database.db, config.area);
    }
    const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db);
    const pgVersion = version.rows[0]?.v.split(' ')[0] ?? '?';
    const databaseLabel =
      database.kind === 'embedded' ? `embedded PGlite, PostgreSQL ${pgVersion} (on disk, fsync on)` : `PostgreSQL ${pgVersion} server (${store.where})`;

    const s = services(config, database);
    // The demo area's casework: about 120 children with requests at every stage.
    if (!reused) await seedEhcDemo(s);
    const { server } = await createApp(s, { logger: false });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

    let closed = false;
    return {
      url,
      s,
      databaseLabel,
      reused,
      markReady: () => markReady(database.db),
      signIn: (role) => signIn(url, role),
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await server.close();
          await database.close();
        } finally {
          await store.remove();
        }
      },
    };
  } catch (e) {
    await closeDatabase().catch(() => {});
    await store.remove();
    throw e;
  }
}

interface Store {
  dataDir: string;
  /** A kept database that existed before this run. */
  reused?: boolean;
  databaseUrl?: string;
  /** Where the server is, without credentials, for the report. */
  where?: string;
  remove(): Promise<void>;
}

async function freshDataDir(): Promise<Store> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'send-hub-bench-'));
  return { dataDir, remove: () => fs.rm(dataDir, { recursive: true, force: true }) };
}

const READY_TABLE = 'bench_area_ready';
async function isReady(db: Db): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass(${READY_TABLE}) as t`.execute(db);
  return r.rows[0]?.t != null;
}
async function markReady(db: Db): Promise<void> {
  await sql`create table if not exists ${sql.table(READY_TABLE)} (at timestamptz default now())`.execute(db);
}

/**
 * A database on the server kept between runs (BENCH_KEEP_AREAS=1), so that an area seeded at
 * scale 10 (many minutes) serves every scenario and later run; `remove` leaves it.
 */
async function keptServerDatabase(adminUrl: string, name: string): Promise<Store> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  let reused: boolean;
  try {
    reused = (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (!reused) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { dataDir: os.tmpdir(), databaseUrl: url.toString(), where: `${url.hostname}:${url.port || '5432'}/${name}`, reused, remove: async () => {} };
}

/** A new database on the server, dropped by `remove`. */
async function freshServerDatabase(adminUrl: string): Promise<Store> {
  const name = `sph_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    // The embedded database is not used, but config still wants a directory.
    dataDir: os.tmpdir(),
    databaseUrl: url.toString(),
    where: `${url.hostname}:${url.port || '5432'}`,
    remove: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** The real sign-in form, as a browser uses it: GET for the CSRF cookie and token, then POST. */
async function signIn(baseUrl: string, role: Role): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

  const page = await fetch(`${baseUrl}/sign-in`, { redirect: 'manual' });
  keep(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error('The sign-in page has no CSRF token');

  const res = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ _csrf: token, email: demoEmail(role), password: DEMO_PASSWORD }).toString(),
  });
  await res.arrayBuffer();
  keep(res);
  if (res.status !== 303 || !jar.has(SESSION_COOKIE)) {
    throw new Error(`Signing in as ${demoEmail(role)} failed: HTTP ${res.status}`);
  }
  return cookie();
}
