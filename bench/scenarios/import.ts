/**
 * The data hub's import of session attendance (issue 4): one school year of the synthetic area,
 * validated, linked to children and stored as pupil-week rollups, against a bare COPY of the
 * same file into an unindexed table of five text columns on the same database in the same run.
 *
 * The file is the later school year of the generated area's attendance; half of it (its first
 * half-year) is imported too, to show that memory stays flat as the file grows. Before timing,
 * the area's schools and census are imported so that the rows link to children as they would.
 *
 * BENCH_IMPORT_SCALE (default 1) sets the area's size; BENCH_IMPORT_ROUNDS (default 1) repeats
 * each pair, alternating which goes first.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { sql } from 'kysely';
import type { Scenario } from '../support/scenario.js';
import { generateArea } from '../../src/demo/area/index.js';
import { SCHOOL_YEARS } from '../../src/demo/area/calendar.js';
import { importFile, undoImport } from '../../src/features/data-hub/import/index.js';
import type { Db, Database } from '../../src/db/database.js';
import { median } from '../support/load.js';
import { roundsFromEnv } from '../support/env.js';

interface YearFile {
  label: string;
  path: string;
  rows: number;
  bytes: number;
}

interface State {
  dir: string;
  files: YearFile[];
  scale: number;
}

const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Splits the two-year attendance file: the later school year, and that year's autumn and spring to February half-term. */
async function yearFiles(source: string, dir: string): Promise<YearFile[]> {
  const year = SCHOOL_YEARS[SCHOOL_YEARS.length - 1]!;
  const from = isoOfDay(year.start);
  const half = isoOfDay(year.halfTerms[3]!.first); // the spring term's second half
  const to = isoOfDay(year.end);
  const full: YearFile = { label: `school year ${year.label}`, path: path.join(dir, 'attendance-year.csv'), rows: 0, bytes: 0 };
  const part: YearFile = { label: `half of it (to ${half})`, path: path.join(dir, 'attendance-half-year.csv'), rows: 0, bytes: 0 };
  const outFull = fs.createWriteStream(full.path, { highWaterMark: 1 << 22 });
  const outHalf = fs.createWriteStream(part.path, { highWaterMark: 1 << 22 });
  const write = async (out: fs.WriteStream, line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  let header = true;
  for await (const line of readline.createInterface({ input: fs.createReadStream(source, { highWaterMark: 1 << 22 }), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      await write(outFull, `${line}\n`);
      await write(outHalf, `${line}\n`);
      continue;
    }
    // upn,urn,date,…: the date is the third field.
    const date = line.split(',', 3)[2]!;
    if (date < from || date > to) continue;
    await write(outFull, `${line}\n`);
    full.rows++;
    if (date < half) {
      await write(outHalf, `${line}\n`);
      part.rows++;
    }
  }
  outFull.end();
  outHalf.end();
  await Promise.all([once(outFull, 'close'), once(outHalf, 'close')]);
  for (const f of [full, part]) f.bytes = fs.statSync(f.path).size;
  return [part, full];
}

/** The process's resident memory, sampled every 50 ms while `work` runs: its peak, in MB. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; seconds: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakMb: Math.round(Math.max(peak, process.memoryUsage.rss()) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

/** COPY the file as it is into a fresh unindexed table (timed), then count what it copied (not timed). */
async function bareCopy(database: Database, db: Db, file: string): Promise<{ seconds: number; peakMb: number; rows: number }> {
  await sql`drop table if exists bench_attendance_copy`.execute(db);
  await sql`create table bench_attendance_copy (upn text, urn text, date text, session text, code text)`.execute(db);
  try {
    const copied = await withPeakMemory(async () => {
      if (database.pglite) {
        await database.pglite.query(`copy bench_attendance_copy from '/dev/blob' with (format csv, header true)`, [], { blob: await fs.openAsBlob(file) });
      } else {
        // The server reads the file itself, as an operator's COPY would: the fastest load there is.
        await sql`copy bench_attendance_copy from ${sql.lit(file)} with (format csv, header true)`.execute(db);
      }
    });
    const counted = await sql<{ n: number }>`select count(*)::int as n from bench_attendance_copy`.execute(db);
    return { seconds: copied.seconds, peakMb: copied.peakMb, rows: Number(counted.rows[0]!.n) };
  } finally {
    await sql`drop table if exists bench_attendance_copy`.execute(db);
  }
}

export const importScenario: Scenario<State> = {
  name: 'import',
  description: 'a school year of session attendance imported (validated, linked, rolled up) against a bare COPY of the same file',

  async setup(ctx) {
    const scale = Number(process.env.BENCH_IMPORT_SCALE ?? 1);
    if (!(scale > 0 && scale <= 10)) throw new Error(`BENCH_IMPORT_SCALE must be more than 0 and at most 10, not ${process.env.BENCH_IMPORT_SCALE}`);
    const dir = await mkdtemp(path.join(tmpdir(), 'send-hub-bench-import-'));
    // The PostgreSQL server reads the files for its COPY: let it.
    await chmod(dir, 0o755);
    ctx.log(`generating the area at scale ${scale} in ${dir}`);
    const generated = await generateArea({ scale, seed: 1, outDir: dir, datasets: ['localities', 'schools', 'school-census', 'attendance'] });
    const file = (dataset: string) => generated.files.find((f) => f.dataset === dataset)!.path;
    for (const dataset of ['localities', 'schools', 'school-census'] as const) {
      const s = await importFile(ctx.app.s.db, null, dataset, file(dataset));
      ctx.log(`imported ${dataset}: ${s.rowsLoaded} rows (${s.outcome})`);
    }
    const files = await yearFiles(file('attendance'), dir);
    await rm(file('attendance'), { force: true });
    for (const f of files) await chmod(f.path, 0o644);
    ctx.log(files.map((f) => `${f.label}: ${f.rows.toLocaleString('en-GB')} rows, ${Math.round(f.bytes / 2 ** 20)} MB`).join('; '));
    return { dir, files, scale };
  },

  async run(ctx, state) {
    const rounds = roundsFromEnv('BENCH_IMPORT_ROUNDS', 1);
    const { s } = ctx.app;
    const rows: string[][] = [];
    try {
      for (const f of state.files) {
        const copies: number[] = [];
        const imports: number[] = [];
        let peakMb = 0;
        let copyPeakMb = 0;
        let pupilWeeks = 0;
        for (let r = 0; r < rounds; r++) {
          const copyFirst = r % 2 === 0;
          for (const which of copyFirst ? ['copy', 'import'] : ['import', 'copy']) {
            global.gc?.();
            if (which === 'copy') {
              const m = await bareCopy(s.database, s.db, f.path);
              if (m.rows !== f.rows) throw new Error(`COPY loaded ${m.rows} rows of ${f.rows}`);
              copies.push(m.seconds);
              copyPeakMb = Math.max(copyPeakMb, m.peakMb);
              ctx.log(`${f.label}: bare COPY ${m.seconds.toFixed(1)} s`);
            } else {
              const m = await withPeakMemory(() => importFile(s.db, null, 'attendance', f.path));
              if (m.result.outcome !== 'loaded' || m.result.rowsLoaded !== f.rows) throw new Error(`the import ${m.result.outcome}: ${m.result.errors.join('; ')} ${m.result.rowsRejected} rejected`);
              imports.push(m.seconds);
              peakMb = Math.max(peakMb, m.peakMb);
              pupilWeeks = m.result.pupilWeeks ?? 0;
              ctx.log(`${f.label}: import ${m.seconds.toFixed(1)} s, ${pupilWeeks} pupil-weeks, linked by UPN ${m.result.linkage.upn}, peak RSS ${m.peakMb} MB`);
              await undoImport(s.db, null, m.result.importId!);
            }
          }
        }
        const copy = median(copies);
        const imp = median(imports);
        rows.push([
          f.label,
          f.rows.toLocaleString('en-GB'),
          String(Math.round(f.bytes / 2 ** 20)),
          copy.toFixed(1),
          imp.toFixed(1),
          (imp / copy).toFixed(2),
          Math.round(f.rows / imp).toLocaleString('en-GB'),
          pupilWeeks.toLocaleString('en-GB'),
          String(copyPeakMb),
          String(peakMb),
        ]);
      }
    } finally {
      await rm(state.dir, { recursive: true, force: true });
    }
    return {
      title: `session attendance at scale ${state.scale}: the validated, linked import against a bare COPY`,
      measurements: [],
      tables: [
        {
          header: ['File', 'Rows', 'MB', 'Bare COPY s', 'Import s', 'Import ÷ COPY', 'Import rows/s', 'Pupil-weeks', 'Peak RSS during COPY (MB)', 'Peak RSS during import (MB)'],
          rows,
        },
      ],
      notes: [
        `Median of ${rounds} round${rounds > 1 ? 's' : ''}; the COPY and the import alternate which goes first. ` +
          'Bare COPY: the file as it is into a table of five text columns with no index, key or check (on PostgreSQL the server reads the file itself; on PGlite from a file-backed Blob). ' +
          'Import: every rule of data-formats.md checked, each row linked to a child by UPN, rolled up to pupil-weeks and written by COPY while the file is read, in one transaction, then undone before the next run. ' +
          'Peak RSS is this process’s (the app and, on PGlite, the database); a PostgreSQL server’s memory is its own.',
      ],
    };
  },
};
