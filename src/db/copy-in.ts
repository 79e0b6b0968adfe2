/**
 * COPY … FROM STDIN through Kysely, inside whatever transaction the caller holds, on both
 * databases: the fastest way to load many rows (the attendance import writes its pupil-weeks so).
 *
 * Kysely has no word for COPY, so the statement travels as a raw query whose one parameter is a
 * `CopySource`; the two drivers recognise it:
 * - on a PostgreSQL server (`copyCapablePool`), the text is streamed with pg-copy-streams;
 * - on PGlite (pglite-dialect.ts), it is handed over as a Blob read through `/dev/blob`.
 *
 * The text must be in COPY's text format: tab-separated, `\N` for null, and backslash, tab,
 * newline and carriage return escaped (`copyText` does that for one value).
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { Db } from './database.js';

/** The text of a COPY FROM STDIN, in pieces (strings, or bytes such as a CopyBuffer's). */
export type CopyChunk = string | Uint8Array;

export class CopySource {
  constructor(readonly chunks: readonly CopyChunk[]) {}
}

const COPY_FROM_STDIN = /^\s*copy\s+[\s\S]+\s+from\s+stdin\b/i;

/**
 * Runs `statement` (a `COPY table (columns) FROM STDIN …`) with `chunks` as its input, as part of
 * `db`'s transaction when `db` is one. Returns the rows copied.
 */
export async function copyIn(db: Db, statement: string, chunks: readonly CopyChunk[]): Promise<number> {
  if (!COPY_FROM_STDIN.test(statement)) throw new Error(`copyIn needs a COPY … FROM STDIN statement, not: ${statement.slice(0, 60)}`);
  const result = await db.executeQuery(CompiledQuery.raw(statement, [new CopySource(chunks)]));
  return Number(result.numAffectedRows ?? 0n);
}

/** One value in COPY's text format; null is `\N`. */
export function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** For PGlite: the statement reading the Blob instead of STDIN. */
export function fromBlob(statement: string): string {
  return statement.replace(/\bfrom\s+stdin\b/i, "from '/dev/blob'");
}

export function copySourceOf(parameters: readonly unknown[]): CopySource | undefined {
  return parameters.length === 1 && parameters[0] instanceof CopySource ? parameters[0] : undefined;
}

/**
 * A pg pool as Kysely's PostgresDialect takes it, whose clients also run COPY … FROM STDIN when a
 * query's one parameter is a CopySource. Each pg client keeps one wrapper (Kysely keys its
 * connections by client).
 */
export function copyCapablePool(pool: pg.Pool): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapper = wrappers.get(client);
    if (!wrapper) {
      wrapper = {
        query: ((sqlOrCursor: unknown, parameters?: readonly unknown[]) => {
          const source = typeof sqlOrCursor === 'string' && parameters ? copySourceOf(parameters) : undefined;
          if (source) return copyOnServer(client, sqlOrCursor as string, source);
          return (client.query as (...args: unknown[]) => unknown)(sqlOrCursor, parameters && [...parameters]);
        }) as PostgresPoolClient['query'],
        release: () => client.release(),
      };
      wrappers.set(client, wrapper);
    }
    return wrapper;
  };
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}

async function copyOnServer(client: pg.PoolClient, statement: string, source: CopySource) {
  const stream = client.query(copyFrom(statement));
  await pipeline(Readable.from(source.chunks, { objectMode: false }), stream);
  // Kysely passes rowCount on as numAffectedRows only for the commands that write, so say INSERT.
  return { command: 'INSERT' as const, rowCount: stream.rowCount ?? 0, rows: [] };
}
