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
import { CopyBuffer } from '../../../db/copy-buffer.js';
import { readAttendance } from '../formats/attendance.fast.js';
import { mergeWeek, SESSIONS_PER_WEEK, weekFromCodes, type AttendanceRollup, type PupilWeek, type RollupPupil } from '../formats/attendance.rollup.js';
import { REGISTER_CODES, type AttendanceCategory } from '../formats/codes.js';
import type { Rejection } from '../formats/dataset.js';
import type { Linker } from './linker.js';
import { ensurePartitions, existingMonths } from '../storage/attendance-partitions.js';
import { markWeeksChanged } from '../storage/attendance-changes.js';

/** Pupils a statement: about 18,000 pupil-weeks, 1.6 MB of COPY text, at 37 weeks a pupil. */
export const PUPIL_BATCH = 500;
/** Pupil-weeks a statement on the merge path. */
export const PUPIL_WEEK_BATCH = 20_000;
/** Merges held before they are written: see PupilWeekWriter.held. */
export const MERGE_BATCH = 100_000;

export interface AttendanceLoadContext {
  readonly tx: Db;
  readonly importId: string;
  readonly file: string;
  readonly totalBytes: number;
  readonly linker: Linker;
  readonly acceptValid: boolean;
  readonly onRejection: (rejection: Rejection) => void;
  readonly onProgress?: ((bytesRead: number) => void) | undefined;
  /** Records child_links rows for links made so far (import.service.ts's `recordChildLinks`). */
  readonly recordLinks: (links: readonly [string, string][]) => Promise<void>;
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

/** The advisory lock attendance imports hold for their transaction (any fixed number; this spells "ATTEND"). */
const ATTENDANCE_IMPORT_LOCK = 0x415454454e44;

const COPY_ATTENDANCE_WEEKS =
  'copy attendance_weeks (upn, child_id, import_id, urn, week_start, possible, attending, present, approved_activity, ' +
  'authorised, unauthorised, not_possible, sessions) from stdin';

/** Reads an attendance file and writes its pupil-weeks; see the module comment. */
export async function loadAttendance(ctx: AttendanceLoadContext): Promise<AttendanceLoaded> {
  // One attendance import at a time: what a file may insert rather than merge depends on what
  // the others stored (attendance_coverage), and nothing else keeps a pupil-week single.
  await sql`select pg_advisory_xact_lock(${ATTENDANCE_IMPORT_LOCK})`.execute(ctx.tx);
  const writer = new PupilWeekWriter(ctx, await storedSchoolWeeks(ctx.tx), await existingMonths(ctx.tx));
  let rejected = false;
  const read = await readAttendance(fs.createReadStream(ctx.file, { highWaterMark: 64 * 1024 }), {
    onRejection: (r) => {
      rejected = true;
      ctx.onRejection(r);
    },
    ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
    afterChunk: async (rollup) => {
      const pupils = rollup.takeFinished();
      // Once a row is rejected nothing will load (unless acceptValid): keep checking, stop writing.
      if (rejected && !ctx.acceptValid) return;
      await writer.add(rollup, pupils);
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
  await writer.add(read.rollup, read.rollup.takeFinished());
  await writer.flush();
  // An unsorted file, or a pupil on two schools' rolls listed apart: pupils seen again after the
  // file moved on. Their weeks at schools not written yet are written as any others; weeks
  // written already that gained sessions are merged over what was written.
  if (read.rollup.reopenedPupils > 0) {
    const { pupils, changedWeeks } = read.rollup.reopenedChanges();
    await writer.add(read.rollup, pupils, true);
    await writer.flush();
    for (let i = 0; i < changedWeeks.length; i += PUPIL_WEEK_BATCH) await writer.merge(changedWeeks.slice(i, i + PUPIL_WEEK_BATCH), true);
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

const COMMA = 44;
const EMPTY = Buffer.alloc(0);
/** Per rollup code number (1-based; 0 is no row): the code as COPY text, and its category. */
const CODE_BYTES = [EMPTY, ...REGISTER_CODES.map((c) => Buffer.from(copyText(c.code), 'latin1'))];
const CATEGORY_NUMBER: Record<AttendanceCategory, number> = { present: 0, 'approved-activity': 1, authorised: 2, unauthorised: 3, 'not-possible': 4 };
const CODE_CATEGORY = Uint8Array.from([255, ...REGISTER_CODES.map((c) => CATEGORY_NUMBER[c.category])]);

/** `yyyy-mm-dd<tab>` as bytes, made once per week. */
const WEEK_BYTES = new Map<string, Buffer>();
function weekBytes(weekStart: string): Buffer {
  let bytes = WEEK_BYTES.get(weekStart);
  if (!bytes) WEEK_BYTES.set(weekStart, (bytes = Buffer.from(`${weekStart}\t`, 'latin1')));
  return bytes;
}

class PupilWeekWriter {
  private rollup: AttendanceRollup | undefined;
  /** Reused for every batch: a batch's COPY text is copied out of it before the next is made. */
  private readonly out = new CopyBuffer(4 << 20);
  private pending: RollupPupil[] = [];
  /** The batch being written: at most one at a time, while the next is read. */
  private writing: Promise<void> = Promise.resolve();
  /** The school-weeks this import writes, for attendance_coverage. */
  private readonly covering = new Map<string, Set<string>>();
  /**
   * Weeks to merge over stored ones, held until MERGE_BATCH of them: each merge reads the
   * months of its weeks whole (the table has no index on the load path), so merging a daily
   * file's every pupil batch by batch read the month once per 500 pupils, quadratic in the roll.
   */
  private held: PupilWeek[] = [];
  private readonly heldKeys = new Set<string>();

  constructor(
    private readonly ctx: AttendanceLoadContext,
    private readonly stored: Map<string, Set<string>>,
    /** The months attendance_weeks has a partition for (attendance-partitions.ts). */
    private readonly months: Set<string>,
  ) {}

  /** Weeks already known to have their partition. */
  private readonly partitioned = new Set<string>();

  /** `unwrittenOnly`: only the schools of these pupils whose weeks were not handed out before. */
  async add(rollup: AttendanceRollup, pupils: readonly RollupPupil[], unwrittenOnly = false): Promise<void> {
    this.rollup = rollup;
    this.unwrittenOnly = unwrittenOnly;
    for (const pupil of pupils) {
      this.pending.push(pupil);
      if (this.pending.length >= PUPIL_BATCH) await this.dispatch();
    }
  }

  private unwrittenOnly = false;

  /** Writes what is pending and waits for every write, merges held ones included. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) await this.dispatch();
    await this.writing;
    await this.mergeHeld();
  }

  /** Waits for a write under way (its failure no longer matters: the import is rolled back). */
  async abandon(): Promise<void> {
    this.pending = [];
    this.held = [];
    this.heldKeys.clear();
    await this.writing.catch(() => {});
  }

  /** Holds weeks to merge; merges what is held first if a week is held already, or when there are enough. */
  private async hold(weeks: readonly PupilWeek[]): Promise<void> {
    for (const w of weeks) {
      const key = `${w.upn}|${w.urn}|${w.weekStart}`;
      if (this.heldKeys.has(key)) await this.mergeHeld();
      this.held.push(w);
      this.heldKeys.add(key);
    }
    if (this.held.length >= MERGE_BATCH) await this.mergeHeld();
  }

  private async mergeHeld(): Promise<void> {
    if (this.held.length === 0) return;
    const batch = this.held;
    this.held = [];
    this.heldKeys.clear();
    await this.merge(batch, false);
  }

  /** Starts writing the pending batch once the one before is written. */
  private async dispatch(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    await this.writing;
    this.writing = this.write(batch, this.unwrittenOnly);
    // A failure is thrown by the next dispatch or by flush; until then, it is not unhandled.
    this.writing.catch(() => {});
  }

  /**
   * A batch of pupils: their weeks as COPY text (no objects made per week), except the weeks of
   * school-weeks stored before, which are merged.
   */
  private async write(pupils: readonly RollupPupil[], unwrittenOnly: boolean): Promise<void> {
    const rollup = this.rollup!;
    const { linker, importId } = this.ctx;
    await linker.prefetch(pupils.map((p) => ({ upn: p.upn, nhsNumber: null, forename: null, surname: null, dateOfBirth: null })));
    const out = this.out;
    const merging: PupilWeek[] = [];
    let urnNow = '';
    let urnBytes = EMPTY;
    let storedNow: Set<string> | undefined;
    let coveringNow: Set<string> | undefined;
    const newWeeks = new Set<string>();
    for (const pupil of pupils) {
      const upn = pupil.upn;
      const childId = linker.childOfPrefetchedUpn(upn);
      const prefix = Buffer.from(`${upn}\t${childId ?? '\\N'}\t${importId}\t`, 'latin1');
      let weeks = 0;
      rollup.eachWeek(pupil, (urn, weekStart, codes, offset) => {
        if (urn !== urnNow) {
          urnNow = urn;
          urnBytes = Buffer.from(`${urn}\t`, 'latin1');
          storedNow = this.stored.get(urn);
          coveringNow = this.covering.get(urn);
          if (!coveringNow) this.covering.set(urn, (coveringNow = new Set()));
        }
        coveringNow!.add(weekStart);
        if (!this.partitioned.has(weekStart)) newWeeks.add(weekStart);
        if (storedNow?.has(weekStart)) {
          merging.push(weekFromCodes(upn, urn, weekStart, codes, offset));
          return;
        }
        weeks++;
        let present = 0;
        let approved = 0;
        let authorised = 0;
        let unauthorised = 0;
        let notPossible = 0;
        for (let s = 0; s < SESSIONS_PER_WEEK; s++) {
          const category = CODE_CATEGORY[codes[offset + s]!];
          if (category === 0) present++;
          else if (category === 1) approved++;
          else if (category === 2) authorised++;
          else if (category === 3) unauthorised++;
          else if (category === 4) notPossible++;
        }
        const attending = present + approved;
        out.put(prefix).put(urnBytes).put(weekBytes(weekStart));
        out.putSmall(attending + authorised + unauthorised).tab().putSmall(attending).tab().putSmall(present).tab();
        out.putSmall(approved).tab().putSmall(authorised).tab().putSmall(unauthorised).tab().putSmall(notPossible).tab();
        for (let s = 0; s < SESSIONS_PER_WEEK; s++) {
          if (s > 0) out.byte(COMMA);
          const n = codes[offset + s]!;
          if (n !== 0) out.put(CODE_BYTES[n]!);
        }
        out.endRow();
      }, unwrittenOnly);
      linker.countPrefetchedUpn(upn, childId, weeks);
    }
    await this.partition(newWeeks);
    if (out.size > 0) {
      const text = out.take();
      await copyIn(this.ctx.tx, COPY_ATTENDANCE_WEEKS, [text]);
    }
    // The children this batch linked, while the file is still read rather than all at the end.
    const links = linker.takeNewLinks();
    if (links.length > 0) await this.ctx.recordLinks(links);
    if (merging.length > 0) await this.hold(merging);
  }

  /**
   * Merges pupil-weeks over the stored ones and upserts them. Stored rows of earlier imports are
   * kept in superseded_facts for undo. `again`: the weeks were written by this import before
   * (a reopened pupil) and are merged over that, not counted twice in the linkage.
   */
  async merge(batch: readonly PupilWeek[], again: boolean): Promise<void> {
    if (batch.length === 0) return;
    const { linker } = this.ctx;
    await this.partition(batch.map((w) => w.weekStart));
    await linker.prefetch([...new Set(batch.map((w) => w.upn))].map((upn) => ({ upn, nhsNumber: null, forename: null, surname: null, dateOfBirth: null })));
    const stored = await supersedeWeeks(this.ctx.tx, this.ctx.importId, batch);
    const columns = new PupilWeekColumns();
    for (const w of batch) {
      let covering = this.covering.get(w.urn);
      if (!covering) this.covering.set(w.urn, (covering = new Set()));
      covering.add(w.weekStart);
      const before = stored.get(`${w.upn}|${w.urn}|${w.weekStart}`);
      const childId = linker.childOfPrefetchedUpn(w.upn);
      if (!again) linker.countPrefetchedUpn(w.upn, childId, 1);
      columns.push(before === undefined ? w : mergeWeek(before, w), childId);
    }
    await insertPupilWeeks(this.ctx.tx, this.ctx.importId, columns);
  }

  private async partition(weeks: Iterable<string>): Promise<void> {
    const list = [...weeks].filter((w) => !this.partitioned.has(w));
    if (list.length === 0) return;
    await ensurePartitions(this.ctx.tx, list, this.months);
    for (const w of list) this.partitioned.add(w);
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
    await markWeeksChanged(this.ctx.tx, weeks);
  }
}

/** The ten sessions' codes as stored: comma-separated, empty where the week has no row. */
function sessionsText(w: PupilWeek): string {
  return w.sessions.map((s) => s ?? '').join(',');
}

/**
 * Takes the stored weeks of a batch out, returning their sessions keyed upn|urn|week for the
 * newer sessions to be laid over; the merged weeks are then inserted in their place. Rows an
 * earlier import stored are kept in superseded_facts (for undo); this import's own rows (a
 * reopened pupil) are merged over but not kept. Only the batch's months are read.
 */
async function supersedeWeeks(tx: Db, importId: string, batch: readonly PupilWeek[]): Promise<Map<string, string>> {
  const weeks = [...new Set(batch.map((w) => w.weekStart))];
  const upns = [...new Set(batch.map((w) => w.upn))];
  const result = await sql<{ key: string; sessions: string }>`
    with k as (
      select * from unnest(${batch.map((w) => w.upn)}::text[], ${batch.map((w) => w.urn)}::text[], ${batch.map((w) => w.weekStart)}::date[])
        as k(upn, urn, week_start)
    ), old as (
      delete from attendance_weeks w using k
      where w.week_start = any(${weeks}::date[]) and w.upn = any(${upns}::text[])
        and w.upn = k.upn and w.urn = k.urn and w.week_start = k.week_start
      returning w.*
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
  }
}

/** Inserts a batch of pupil-weeks in one statement from column arrays (12 parameters however many rows). */
async function insertPupilWeeks(tx: Db, importId: string, c: PupilWeekColumns): Promise<void> {
  const [possible, attending, present, approved, authorised, unauthorised, notPossible] = c.counts;
  await sql`
    insert into attendance_weeks (upn, urn, week_start, import_id, child_id, possible, attending, present, approved_activity,
                                  authorised, unauthorised, not_possible, sessions)
    select w.upn, w.urn, w.week_start, ${importId}::uuid, w.child_id, w.possible, w.attending, w.present, w.approved_activity,
           w.authorised, w.unauthorised, w.not_possible, w.sessions
    from unnest(${c.upn}::text[], ${c.urn}::text[], ${c.weekStart}::date[], ${c.childId}::uuid[], ${possible}::smallint[],
                ${attending}::smallint[], ${present}::smallint[], ${approved}::smallint[], ${authorised}::smallint[],
                ${unauthorised}::smallint[], ${notPossible}::smallint[], ${c.sessions}::text[])
      as w(upn, urn, week_start, child_id, possible, attending, present, approved_activity, authorised, unauthorised, not_possible, sessions)`.execute(tx);
}
