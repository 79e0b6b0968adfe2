/**
 * The attendance import's writing side: pupil-weeks from the rollup into attendance_weeks, while
 * the file is still being read (ADR 0007's addendum).
 *
 * - Files come sorted by pupil, so a pupil is finished when the file moves on
 *   (`AttendanceRollup.finishedWeeks`). Finished pupils' weeks are written in batches, each while
 *   the next is being read: on a PostgreSQL server the database writes on its own core.
 * - A school-week no loaded import has stored (attendance_coverage) cannot hold any of these
 *   pupil-weeks, so its weeks go in by COPY, the fastest load there is.
 * - A school-week stored before may hold them: those weeks are merged session by session with
 *   what is stored (a daily file adds its day), the stored rows kept for undo, and upserted.
 * - A pupil whose rows come back after the file moved on (an unsorted file) is written again at
 *   the end, whole, merged over what this import wrote for it before.
 *
 * Nothing here commits: it all happens in the import's one transaction.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { copyIn, copyText } from '../../../db/copy-in.js';
import { readAttendance } from '../formats/attendance.fast.js';
import { mergeWeek, type PupilWeek } from '../formats/attendance.rollup.js';
import type { Rejection } from '../formats/dataset.js';
import type { Linker } from './linker.js';

/** Pupil-weeks a statement: about 2.5 MB of COPY text. */
export const PUPIL_WEEK_BATCH = 20_000;

export interface AttendanceLoadContext {
  readonly tx: Db;
  readonly importId: string;
  readonly file: string;
  readonly totalBytes: number;
  readonly linker: Linker;
  readonly acceptValid: boolean;
  readonly onRejection: (rejection: Rejection) => void;
  readonly onProgress?: ((bytesRead: number) => void) | undefined;
}

export type AttendanceLoaded =
  | { readonly ok: false; readonly errors: string[]; readonly warnings: string[] }
  | {
      readonly ok: true;
      readonly warnings: string[];
      readonly rowsRead: number;
      readonly rowsLoaded: number;
      readonly rowsRejected: number;
      /** Pupil-weeks written (none when rows were rejected and acceptValid is off). */
      readonly pupilWeeks: number;
    };

const COPY_ATTENDANCE_WEEKS =
  'copy attendance_weeks (upn, urn, week_start, import_id, child_id, possible, attending, present, approved_activity, ' +
  'authorised, unauthorised, not_possible, sessions, codes) from stdin';

/** Reads an attendance file and writes its pupil-weeks; see the module comment. */
export async function loadAttendance(ctx: AttendanceLoadContext): Promise<AttendanceLoaded> {
  const writer = new PupilWeekWriter(ctx, await storedSchoolWeeks(ctx.tx));
  let rejected = false;
  const read = await readAttendance(fs.createReadStream(ctx.file, { highWaterMark: 64 * 1024 }), {
    onRejection: (r) => {
      rejected = true;
      ctx.onRejection(r);
    },
    ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
    afterChunk: async (rollup) => {
      const weeks = rollup.finishedWeeks();
      // Once a row is rejected nothing will load (unless acceptValid): keep checking, stop writing.
      if (rejected && !ctx.acceptValid) return;
      await writer.add(weeks);
    },
  });
  if (!read.ok) {
    await writer.abandon();
    return read;
  }
  const counts = { ok: true as const, warnings: read.warnings, rowsRead: read.rowsRead, rowsLoaded: read.rowsLoaded, rowsRejected: read.rowsRejected };
  if (read.rowsRejected > 0 && !ctx.acceptValid) {
    await writer.abandon();
    return { ...counts, pupilWeeks: 0 };
  }
  await writer.add(read.rollup.finishedWeeks());
  await writer.flush();
  // An unsorted file: pupils seen again after the file moved on are written again, whole.
  if (read.rollup.reopenedPupils > 0) {
    let batch: PupilWeek[] = [];
    for (const week of read.rollup.reopenedWeeks()) {
      batch.push(week);
      if (batch.length >= PUPIL_WEEK_BATCH) {
        await writer.merge(batch, true);
        batch = [];
      }
    }
    await writer.merge(batch, true);
  }
  await writer.recordCoverage();
  return { ...counts, pupilWeeks: read.rollup.pupilWeeks };
}

/** The school-weeks some loaded import stored attendance for, by URN. */
async function storedSchoolWeeks(tx: Db): Promise<Map<string, Set<string>>> {
  const rows = await tx.selectFrom('attendance_coverage').select(['urn', 'week_start']).distinct().execute();
  const byUrn = new Map<string, Set<string>>();
  for (const r of rows) {
    let weeks = byUrn.get(r.urn);
    if (!weeks) byUrn.set(r.urn, (weeks = new Set()));
    weeks.add(r.week_start);
  }
  return byUrn;
}

class PupilWeekWriter {
  private pending: PupilWeek[] = [];
  /** The batch being written: at most one at a time, while the next is read. */
  private writing: Promise<void> = Promise.resolve();
  /** The school-weeks this import writes, for attendance_coverage. */
  private readonly covering = new Map<string, Set<string>>();

  constructor(
    private readonly ctx: AttendanceLoadContext,
    private readonly stored: Map<string, Set<string>>,
  ) {}

  async add(weeks: Iterable<PupilWeek>): Promise<void> {
    for (const week of weeks) {
      this.pending.push(week);
      if (this.pending.length >= PUPIL_WEEK_BATCH) await this.dispatch();
    }
  }

  /** Writes what is pending and waits for every write. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) await this.dispatch();
    await this.writing;
  }

  /** Waits for a write under way (its failure no longer matters: the import is rolled back). */
  async abandon(): Promise<void> {
    this.pending = [];
    await this.writing.catch(() => {});
  }

  /** Starts writing the pending batch once the one before is written. */
  private async dispatch(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    await this.writing;
    this.writing = this.write(batch);
    // A failure is thrown by the next dispatch or by flush; until then, it is not unhandled.
    this.writing.catch(() => {});
  }

  private async write(batch: readonly PupilWeek[]): Promise<void> {
    await this.link(batch);
    const lines: string[] = [];
    const merging: PupilWeek[] = [];
    for (const w of batch) {
      this.cover(w);
      if (this.stored.get(w.urn)?.has(w.weekStart)) merging.push(w);
      else lines.push(copyLine(this.ctx.importId, w, this.ctx.linker.linkPrefetchedUpn(w.upn)));
    }
    if (lines.length > 0) await copyIn(this.ctx.tx, COPY_ATTENDANCE_WEEKS, chunked(lines));
    if (merging.length > 0) await this.merge(merging, false);
  }

  /**
   * Merges pupil-weeks over the stored ones and upserts them. Stored rows of earlier imports are
   * kept in superseded_facts for undo. `again`: the weeks were written by this import before
   * (a reopened pupil) and are merged over that, not counted twice in the linkage.
   */
  async merge(batch: readonly PupilWeek[], again: boolean): Promise<void> {
    if (batch.length === 0) return;
    if (again) await this.link(batch);
    const stored = await supersedeWeeks(this.ctx.tx, this.ctx.importId, batch);
    const columns = new PupilWeekColumns();
    for (const w of batch) {
      const before = stored.get(`${w.upn}|${w.urn}|${w.weekStart}`);
      const childId = again ? this.ctx.linker.childOfPrefetchedUpn(w.upn) : this.ctx.linker.linkPrefetchedUpn(w.upn);
      columns.push(before === undefined ? w : mergeWeek(before, w), childId);
    }
    await upsertPupilWeeks(this.ctx.tx, this.ctx.importId, columns);
  }

  /** Looks up the children of a batch's pupils (one query per 1,000 new UPNs). */
  private async link(batch: readonly PupilWeek[]): Promise<void> {
    const upns = new Set<string>();
    for (const w of batch) upns.add(w.upn);
    await this.ctx.linker.prefetch([...upns].map((upn) => ({ upn, nhsNumber: null, forename: null, surname: null, dateOfBirth: null })));
  }

  private cover(w: PupilWeek): void {
    let weeks = this.covering.get(w.urn);
    if (!weeks) this.covering.set(w.urn, (weeks = new Set()));
    weeks.add(w.weekStart);
  }

  async recordCoverage(): Promise<void> {
    const urns: string[] = [];
    const weeks: string[] = [];
    for (const [urn, starts] of this.covering) {
      for (const start of starts) {
        urns.push(urn);
        weeks.push(start);
      }
    }
    for (let i = 0; i < urns.length; i += PUPIL_WEEK_BATCH) {
      await sql`insert into attendance_coverage (urn, week_start, import_id)
                select u, w, ${this.ctx.importId}::uuid from unnest(${urns.slice(i, i + PUPIL_WEEK_BATCH)}::text[], ${weeks.slice(i, i + PUPIL_WEEK_BATCH)}::date[]) as c(u, w)
                on conflict do nothing`.execute(this.ctx.tx);
    }
  }
}

/** One pupil-week as a line of COPY text. */
export function copyLine(importId: string, w: PupilWeek, childId: string | null): string {
  return (
    `${w.upn}\t${w.urn}\t${w.weekStart}\t${importId}\t${childId ?? '\\N'}\t${w.possible}\t${w.attending}\t${w.present}\t` +
    `${w.approvedActivity}\t${w.authorised}\t${w.unauthorised}\t${w.notPossible}\t` +
    `${copyText(sessionsText(w))}\t${copyText(JSON.stringify(w.codes))}\n`
  );
}

/** The ten sessions' codes as stored: comma-separated, empty where the week has no row. */
function sessionsText(w: PupilWeek): string {
  return w.sessions.map((s) => s ?? '').join(',');
}

/** COPY text in pieces of 1,000 lines. */
function chunked(lines: readonly string[]): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += 1000) chunks.push(lines.slice(i, i + 1000).join(''));
  return chunks;
}

/**
 * The stored weeks of a batch, keyed upn|urn|week, for the newer sessions to be laid over. Rows
 * an earlier import stored are kept in superseded_facts (for undo); this import's own rows (a
 * reopened pupil) are merged over but not kept.
 */
async function supersedeWeeks(tx: Db, importId: string, batch: readonly PupilWeek[]): Promise<Map<string, string>> {
  const result = await sql<{ key: string; sessions: string }>`
    with k as (
      select * from unnest(${batch.map((w) => w.upn)}::text[], ${batch.map((w) => w.urn)}::text[], ${batch.map((w) => w.weekStart)}::date[])
        as k(upn, urn, week_start)
    ), old as (
      select w.* from attendance_weeks w join k on w.upn = k.upn and w.urn = k.urn and w.week_start = k.week_start
    ), saved as (
      insert into superseded_facts (import_id, fact_table, natural_key, row)
      select ${importId}::uuid, 'attendance_weeks', old.upn || '|' || old.urn || '|' || old.week_start, to_jsonb(old) from old
      where old.import_id <> ${importId}::uuid
    )
    select upn || '|' || urn || '|' || week_start as key, sessions from old`.execute(tx);
  return new Map(result.rows.map((r) => [r.key, r.sessions]));
}

/** A batch of pupil-weeks as one array per column (what `unnest` takes). */
class PupilWeekColumns {
  readonly upn: string[] = [];
  readonly urn: string[] = [];
  readonly weekStart: string[] = [];
  readonly childId: (string | null)[] = [];
  readonly counts: number[][] = [[], [], [], [], [], [], []];
  readonly sessions: string[] = [];
  readonly codes: string[] = [];
  push(w: PupilWeek, childId: string | null): void {
    this.upn.push(w.upn);
    this.urn.push(w.urn);
    this.weekStart.push(w.weekStart);
    this.childId.push(childId);
    const c = this.counts;
    c[0]!.push(w.possible);
    c[1]!.push(w.attending);
    c[2]!.push(w.present);
    c[3]!.push(w.approvedActivity);
    c[4]!.push(w.authorised);
    c[5]!.push(w.unauthorised);
    c[6]!.push(w.notPossible);
    this.sessions.push(sessionsText(w));
    this.codes.push(JSON.stringify(w.codes));
  }
}

/** Upserts a batch of pupil-weeks in one statement from column arrays (13 parameters however many rows). */
async function upsertPupilWeeks(tx: Db, importId: string, c: PupilWeekColumns): Promise<void> {
  const [possible, attending, present, approved, authorised, unauthorised, notPossible] = c.counts;
  await sql`
    insert into attendance_weeks (upn, urn, week_start, import_id, child_id, possible, attending, present, approved_activity,
                                  authorised, unauthorised, not_possible, sessions, codes)
    select w.upn, w.urn, w.week_start, ${importId}::uuid, w.child_id, w.possible, w.attending, w.present, w.approved_activity,
           w.authorised, w.unauthorised, w.not_possible, w.sessions, w.codes::jsonb
    from unnest(${c.upn}::text[], ${c.urn}::text[], ${c.weekStart}::date[], ${c.childId}::uuid[], ${possible}::smallint[],
                ${attending}::smallint[], ${present}::smallint[], ${approved}::smallint[], ${authorised}::smallint[],
                ${unauthorised}::smallint[], ${notPossible}::smallint[], ${c.sessions}::text[], ${c.codes}::text[])
      as w(upn, urn, week_start, child_id, possible, attending, present, approved_activity, authorised, unauthorised, not_possible, sessions, codes)
    on conflict (upn, urn, week_start) do update set
      import_id = excluded.import_id, child_id = excluded.child_id, possible = excluded.possible, attending = excluded.attending,
      present = excluded.present, approved_activity = excluded.approved_activity, authorised = excluded.authorised,
      unauthorised = excluded.unauthorised, not_possible = excluded.not_possible, sessions = excluded.sessions, codes = excluded.codes`.execute(tx);
}
