/**
 * Imports one partner file into the data hub: read and validate it (formats/), link each record
 * to a child (linker.ts), and write the facts, in one transaction per file.
 *
 * - A file that is not CSV, or whose header lacks a required column, is refused before any row.
 * - A file with any rejected row loads nothing, unless `acceptValid`: then the good rows load and
 *   the rejections are stored with the import (the first 10,000; the rest are counted).
 * - A file already loaded (same dataset and SHA-256, not undone) changes nothing and says so.
 * - A record whose natural key is already stored replaces the stored row ("a corrected file
 *   replaces what it supersedes"): the row then belongs to the newer import, and the row it
 *   replaced is kept (superseded_facts). Undoing the newer import removes its rows and brings back
 *   what they replaced. Attendance is merged, not replaced: a file's sessions are laid over the
 *   stored week, so a daily file adds its day and a corrected file corrects the sessions it names.
 * - Refused and rejected files are recorded too (status 'rejected', with their report), so that
 *   the person who sent them can read why; dry runs record nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../../db/database.js';
import { auditService, type Actor } from '../../../platform/audit/audit.service.js';
import { sha256OfFile } from '../../../platform/files/sha256.js';
import { CsvError } from '../csv/csv-error.js';
import { openCsvFile } from '../csv/csv-reader.js';
import { checkHeader, DuplicateRows, malformedRejection, type DatasetName, type ImportRecord, type Rejection } from '../formats/dataset.js';
import { formatFor } from '../formats/index.js';
import type { SchoolRecord } from '../formats/schools.js';
import { loadAttendance } from './attendance.load.js';
import { markImportWeeksChanged } from '../storage/attendance-changes.js';
import { Linker, type LinkCounts } from './linker.js';
import { childrenAddedSinceLastImport, relinkUnlinked } from './relink.js';
import { ALL_FACT_TABLES, FACTS, type FactMapping, type FactTable } from './tables.js';

/** Rejections stored per import; the rest are counted in the report. */
export const MAX_STORED_REJECTIONS = 10_000;
/** Rows per multi-row INSERT. */
export const INSERT_BATCH = 1_000;

export interface ImportProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rowsRead: number;
}

export interface ImportOptions {
  /** Check, link and report, then roll everything back and record nothing. */
  readonly dryRun?: boolean;
  /** Load the good rows of a file with rejections. */
  readonly acceptValid?: boolean;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** The name to record (default: the file's base name). */
  readonly fileName?: string;
}

/**
 * loaded: the rows are in (with dryRun: they would be). rejected: rows were rejected, so nothing
 * loaded. refused: the file could not be read as this dataset at all. unchanged: already loaded.
 */
export type ImportOutcome = 'loaded' | 'rejected' | 'refused' | 'unchanged';

export interface ImportSummary {
  readonly importId: string | null;
  readonly dataset: DatasetName;
  readonly fileName: string;
  readonly sha256: string;
  readonly outcome: ImportOutcome;
  readonly dryRun: boolean;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  /** Why the file was refused, or why it is unchanged. */
  readonly errors: string[];
  readonly warnings: string[];
  /** In file order, at most MAX_STORED_REJECTIONS. */
  readonly rejections: Rejection[];
  readonly rejectionsNotStored: number;
  readonly linkage: LinkCounts;
  /** Attendance: the pupil-week rollups written. */
  readonly pupilWeeks?: number;
  /** Records of earlier imports linked to a child because this file named the child. */
  readonly relinked?: number;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

const audit = auditService();

class Rollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('rolled back');
  }
}

/** An identical file is loaded already: roll back, and say so. */
class AlreadyLoaded extends Error {
  constructor(readonly earlier: { id: string; imported_at: Date | string; rows_loaded: number }) {
    super('already loaded');
  }
}

/** The hash an attendance import is recorded under until its file's is known (never a real one's: it is checked). */
const PROVISIONAL_SHA256 = '0'.repeat(64);


/** A Kysely without table types, for the generic fact inserts (tables.ts checks the rows). */
const untyped = (db: Db) => db as unknown as Kysely<Record<string, Record<string, unknown>>>;

/** What one run of a loader found. */
interface Loaded {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  errors: string[];
  warnings: string[];
  pupilWeeks?: number;
}

class Collector {
  readonly rejections: Rejection[] = [];
  notStored = 0;
  add(r: Rejection): void {
    if (this.rejections.length < MAX_STORED_REJECTIONS) this.rejections.push(r);
    else this.notStored++;
  }
  get total(): number {
    return this.rejections.length + this.notStored;
  }
}

interface LoadContext {
  readonly tx: Db;
  readonly importId: string;
  readonly dataset: DatasetName;
  readonly file: string;
  readonly totalBytes: number;
  readonly linker: Linker;
  readonly collector: Collector;
  readonly options: ImportOptions;
}

/** Imports a file; see the module comment for the rules. */
export async function importFile(
  db: Db,
  actor: Actor | null,
  dataset: DatasetName,
  file: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const fileName = options.fileName ?? path.basename(file);
  const totalBytes = (await fs.promises.stat(file)).size;
  // The file's hash is computed on another thread. An attendance file (hundreds of MB) is loaded
  // meanwhile, under a provisional hash, and checked for an earlier identical load at the end;
  // other files are small, and checked first.
  const hashing = sha256OfFile(file);
  hashing.catch(() => {});
  const deferHash = dataset === 'attendance';
  let sha256 = deferHash ? PROVISIONAL_SHA256 : await hashing;
  const dryRun = options.dryRun === true;
  const base = () => ({ dataset, fileName, sha256, dryRun, rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, warnings: [], rejections: [], rejectionsNotStored: 0 });
  const emptyLinkage: LinkCounts = { upn: 0, 'nhs-number': 0, 'name-dob': 0, created: 0, queued: 0, unlinked: 0 };

  const loadedBefore = (reader: Db, hash: string) =>
    reader
      .selectFrom('imports')
      .select(['id', 'imported_at', 'rows_loaded'])
      .where('dataset', '=', dataset)
      .where('file_sha256', '=', hash)
      .where('status', '=', 'loaded')
      .executeTakeFirst();
  const unchanged = async (earlier: { id: string; imported_at: Date | string; rows_loaded: number }): Promise<ImportSummary> => {
    const summary: ImportSummary = {
      ...base(),
      importId: earlier.id,
      outcome: 'unchanged',
      errors: [`This file was already loaded (import ${earlier.id}, ${new Date(earlier.imported_at).toISOString().slice(0, 16).replace('T', ' ')} UTC, ${earlier.rows_loaded} rows): nothing changed.`],
      linkage: emptyLinkage,
    };
    if (!dryRun) await recordAudit(db, actor, summary);
    return summary;
  };
  if (!deferHash) {
    const earlier = await loadedBefore(db, sha256);
    if (earlier) return unchanged(earlier);
  }

  try {
    return await db.transaction().execute(async (tx) => {
      const created = await tx
        .insertInto('imports')
        .values({ dataset, file_name: fileName, file_sha256: sha256, imported_by: actor?.userId ?? null, status: 'loaded', report: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ctx: LoadContext = { tx, importId: created.id, dataset, file, totalBytes, linker: new Linker(tx), collector: new Collector(), options };
      let loaded: Loaded;
      try {
        loaded = dataset === 'attendance' ? await loadAttendanceFile(ctx) : await loadRows(ctx);
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
        loaded = { rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, errors: [error.message], warnings: [] };
      }
      if (deferHash) {
        sha256 = await hashing;
        // Attendance imports hold a lock (attendance.load.ts), so an identical file loaded by
        // another import has committed by now.
        const earlier = await loadedBefore(tx, sha256);
        if (earlier) throw new AlreadyLoaded(earlier);
        await tx.updateTable('imports').set({ file_sha256: sha256 }).where('id', '=', created.id).execute();
      }
      const refused = loaded.errors.length > 0;
      const rejected = !refused && loaded.rowsRejected > 0 && !options.acceptValid;
      const summary: ImportSummary = {
        ...base(),
        importId: created.id,
        outcome: refused ? 'refused' : rejected ? 'rejected' : 'loaded',
        rowsRead: loaded.rowsRead,
        rowsLoaded: refused || rejected ? 0 : loaded.rowsLoaded,
        rowsRejected: loaded.rowsRejected,
        errors: loaded.errors,
        warnings: loaded.warnings,
        rejections: ctx.collector.rejections,
        rejectionsNotStored: ctx.collector.notStored,
        linkage: refused || rejected ? emptyLinkage : ctx.linker.counts,
        ...(loaded.pupilWeeks !== undefined && !refused && !rejected ? { pupilWeeks: loaded.pupilWeeks } : {}),
      };
      if (refused || rejected || dryRun) throw new Rollback(summary);
      await ctx.linker.settle();
      // Records of earlier files waiting for a child this file (or casework since the last
      // import) named (relink.ts); when nobody gained a UPN or NHS number there are none.
      const relink = ctx.linker.identifiersAdded > 0 || (await childrenAddedSinceLastImport(tx, created.id));
      const relinked = relink ? (await relinkUnlinked(tx)).reduce((n, r) => n + r.rows, 0) : 0;
      const done = relinked > 0 ? { ...summary, relinked } : summary;
      await finish(tx, actor, done, ctx);
      return done;
    });
  } catch (error) {
    if (error instanceof AlreadyLoaded) return unchanged(error.earlier);
    if (!(error instanceof Rollback)) throw error;
    const summary = error.summary;
    if (dryRun) return { ...summary, importId: null };
    // Record the refusal in its own transaction: nothing of the file is loaded.
    return db.transaction().execute(async (tx) => {
      const created = await tx
        .insertInto('imports')
        .values({ dataset, file_name: fileName, file_sha256: sha256, imported_by: actor?.userId ?? null, status: 'rejected', report: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const recorded = { ...summary, importId: created.id };
      await finish(tx, actor, recorded, null);
      return recorded;
    });
  }
}

/** Stores the counts, report, rejections and links of an import, and audits it. */
async function finish(tx: Db, actor: Actor | null, summary: ImportSummary, ctx: LoadContext | null): Promise<void> {
  const importId = summary.importId!;
  const status = summary.outcome === 'loaded' ? 'loaded' : 'rejected';
  const report = {
    outcome: summary.outcome,
    errors: summary.errors,
    warnings: summary.warnings,
    rejectionsNotStored: summary.rejectionsNotStored,
    linkage: summary.linkage,
    ...(summary.pupilWeeks !== undefined ? { pupilWeeks: summary.pupilWeeks } : {}),
    ...(summary.relinked !== undefined ? { relinked: summary.relinked } : {}),
  };
  await tx
    .updateTable('imports')
    .set({ status, rows_read: summary.rowsRead, rows_loaded: summary.rowsLoaded, rows_rejected: summary.rowsRejected, report: JSON.stringify(report) })
    .where('id', '=', importId)
    .execute();
  for (let i = 0; i < summary.rejections.length; i += INSERT_BATCH) {
    await tx
      .insertInto('import_rejections')
      .values(summary.rejections.slice(i, i + INSERT_BATCH).map((r) => ({ import_id: importId, line: r.line, column: r.column, value: r.value, reason: r.reason })))
      .execute();
  }
  if (ctx) {
    await recordChildLinks(tx, importId, summary.dataset, ctx.linker.takeNewLinks());
  }
  await recordAudit(tx, actor, summary);
}

/**
 * child_links rows for links an import made, in one statement of column arrays (an attendance
 * file links tens of thousands of children; the attendance writer records them batch by batch).
 */
export async function recordChildLinks(tx: Db, importId: string, dataset: DatasetName, links: readonly [string, string][]): Promise<void> {
  for (let i = 0; i < links.length; i += 50_000) {
    const part = links.slice(i, i + 50_000);
    await sql`
      insert into child_links (child_id, import_id, dataset, method)
      select l.child_id, ${importId}::uuid, ${dataset}, l.method
      from unnest(${part.map((l) => l[0])}::uuid[], ${part.map((l) => l[1])}::text[]) as l(child_id, method)
      on conflict do nothing`.execute(tx);
  }
}

async function recordAudit(db: Db, actor: Actor | null, summary: ImportSummary): Promise<void> {
  await audit.record(db, {
    actor,
    action: 'data-hub.import',
    outcome: summary.outcome === 'loaded' || summary.outcome === 'unchanged' ? 'succeeded' : 'refused',
    subjectType: 'import',
    ...(summary.importId ? { subjectId: summary.importId } : {}),
    details: {
      dataset: summary.dataset,
      fileName: summary.fileName,
      sha256: summary.sha256,
      outcome: summary.outcome,
      rowsRead: summary.rowsRead,
      rowsLoaded: summary.rowsLoaded,
      rowsRejected: summary.rowsRejected,
    },
  });
}

/** Every dataset but attendance: rows are validated, checked for repeats, linked and upserted a batch at a time. */
async function loadRows(ctx: LoadContext): Promise<Loaded> {
  const format = formatFor(ctx.dataset);
  const csv = await openCsvFile(ctx.file);
  const header = checkHeader(format, csv.header);
  if (!header.ok) return { rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, errors: header.errors, warnings: header.warnings };
  const duplicates = new DuplicateRows(format);
  let rowsRead = 0;
  let rowsLoaded = 0;
  let rowsRejected = 0;
  const rejections: Rejection[] = [];
  for await (const batch of csv.batches) {
    const records: ImportRecord[] = [];
    for (const bad of batch.malformed) {
      rowsRead++;
      rowsRejected++;
      ctx.collector.add(malformedRejection(bad.line, bad.reason));
    }
    batch.rows.forEach((fields, i) => {
      rowsRead++;
      rejections.length = 0;
      const record = header.validate(fields, batch.lines[i]!, rejections);
      const duplicate = record ? duplicates.check(record) : undefined;
      if (duplicate) rejections.push(duplicate);
      if (rejections.length > 0) {
        rowsRejected++;
        for (const r of rejections) ctx.collector.add(r);
      } else if (record) records.push(record);
    });
    // Once a row is rejected nothing will load (unless acceptValid): keep checking, stop writing.
    const writing = rowsRejected === 0 || ctx.options.acceptValid === true;
    if (writing && records.length > 0) {
      if (ctx.dataset === 'schools') await writeSchools(ctx, records as SchoolRecord[]);
      else await writeFacts(ctx, FACTS[ctx.dataset]!, records);
    }
    rowsLoaded += records.length;
    ctx.options.onProgress?.({ bytesRead: batch.bytesRead, totalBytes: ctx.totalBytes, rowsRead });
  }
  // Malformed records are reported where the reader found them; put everything in file order.
  ctx.collector.rejections.sort((a, b) => a.line - b.line);
  return { rowsRead, rowsLoaded, rowsRejected, errors: [], warnings: header.warnings };
}

async function writeFacts(ctx: LoadContext, mapping: FactMapping<ImportRecord>, records: ImportRecord[]): Promise<void> {
  const format = formatFor(ctx.dataset);
  const identities = mapping.identity ? records.map((r) => mapping.identity!(r)) : [];
  const links = mapping.identity ? await ctx.linker.linkMany(identities) : [];
  const rows: Record<string, unknown>[] = [];
  const queued: Record<string, unknown>[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const naturalKey = format.keyOf(record);
    const row: Record<string, unknown> = { natural_key: naturalKey, import_id: ctx.importId, ...mapping.row(record) };
    if (mapping.identity) {
      const identity = identities[i]!;
      const link = links[i]!;
      row.child_id = link.kind === 'linked' || link.kind === 'created' ? link.childId : null;
      if (link.kind === 'ambiguous') {
        queued.push({
          import_id: ctx.importId,
          dataset: ctx.dataset,
          fact_table: mapping.table,
          natural_key: naturalKey,
          line: record.line,
          forename: identity.forename,
          surname: identity.surname,
          date_of_birth: identity.dateOfBirth,
          candidate_child_ids: JSON.stringify(link.candidates),
        });
      }
    }
    rows.push(row);
  }
  await upsertFacts(ctx.tx, ctx.importId, mapping.table, rows);
  if (queued.length > 0) await untyped(ctx.tx).insertInto('link_queue').values(queued).execute();
}

/** Rows per upsert statement: the batch travels as one JSON parameter. */
const UPSERT_BATCH = 5_000;

/**
 * Writes fact rows, replacing those stored under the same natural keys, and keeps each row an
 * earlier import stored there (superseded_facts) for undo to restore. One statement a batch: the
 * rows travel as one JSON array, typed by the table's own row type, and a data-modifying CTE keeps
 * the old rows (it sees the table as it was before the statement).
 */
async function upsertFacts(tx: Db, importId: string, table: FactTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const updated = columns.filter((c) => c !== 'natural_key');
  const list = sql.join(columns.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
    await sql`
      with incoming as (
        select * from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows.slice(i, i + UPSERT_BATCH))}::json)
      ), kept as (
        insert into superseded_facts (import_id, fact_table, natural_key, row)
        select ${importId}::uuid, ${table}, t.natural_key, to_jsonb(t)
        from ${sql.table(table)} t join incoming using (natural_key)
        where t.import_id <> ${importId}::uuid
      )
      insert into ${sql.table(table)} (${list})
      select ${list} from incoming
      on conflict (natural_key) do update set ${sql.join(updated.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`.execute(tx);
  }
}

/** Schools are organisations (kind 'school', code = URN) with their details alongside. */
async function writeSchools(ctx: LoadContext, records: SchoolRecord[]): Promise<void> {
  for (const r of records) {
    const org = await ctx.tx
      .insertInto('organisations')
      .values({ kind: 'school', name: r.name, code: r.urn })
      .onConflict((oc) => oc.columns(['kind', 'code']).where('code', 'is not', null).doUpdateSet({ name: r.name }))
      .returning('id')
      .executeTakeFirstOrThrow();
    const details = { natural_key: r.urn, import_id: ctx.importId, urn: r.urn, name: r.name, type: r.type, phase: r.phase, postcode: r.postcode, locality: r.locality };
    await ctx.tx
      .insertInto('school_details')
      .values({ organisation_id: org.id, ...details })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(details))
      .execute();
  }
}

/** Attendance: read into pupil-week rollups and written while the file is read (attendance.load.ts). */
async function loadAttendanceFile(ctx: LoadContext): Promise<Loaded> {
  const loaded = await loadAttendance({
    tx: ctx.tx,
    importId: ctx.importId,
    file: ctx.file,
    totalBytes: ctx.totalBytes,
    linker: ctx.linker,
    acceptValid: ctx.options.acceptValid === true,
    onRejection: (r) => ctx.collector.add(r),
    onProgress: (bytesRead) => ctx.options.onProgress?.({ bytesRead, totalBytes: ctx.totalBytes, rowsRead: 0 }),
    recordLinks: (links) => recordChildLinks(ctx.tx, ctx.importId, 'attendance', links),
  });
  if (!loaded.ok) return { rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, errors: loaded.errors, warnings: loaded.warnings };
  return { ...loaded, errors: [] };
}

/**
 * A later attendance import that merged sessions into this import's pupil-weeks holds them in
 * its own rows (a merged pupil-week keeps no record of which import brought each session), so
 * undoing this one alone would leave its sessions behind. Such an undo is refused, naming the
 * later imports to undo first.
 */
async function refuseUndoUnderLaterMerges(tx: Db, importId: string): Promise<void> {
  const later = await sql<{ id: string; file_name: string; imported_at: Date }>`
    select i.id, i.file_name, i.imported_at from imports i
    where i.status = 'loaded' and i.id <> ${importId}::uuid and i.dataset = 'attendance'
      and exists (select 1 from attendance_coverage mine join attendance_coverage theirs using (urn, week_start)
                  where mine.import_id = ${importId}::uuid and theirs.import_id = i.id)
      and exists (select 1 from superseded_facts s
                  where s.import_id = i.id and s.fact_table = 'attendance_weeks' and s.row->>'import_id' = ${importId})
    order by i.imported_at desc`.execute(tx);
  if (later.rows.length === 0) return;
  const names = later.rows.map((r) => `${r.file_name} (import ${r.id}, ${new Date(r.imported_at).toISOString().slice(0, 16).replace('T', ' ')})`);
  throw new ImportError(
    `Import ${importId} cannot be undone on its own: ${later.rows.length === 1 ? 'a later import' : `${later.rows.length} later imports`} added sessions to the same pupils' weeks, ` +
      `so those weeks now hold this import's sessions too. Undo ${later.rows.length === 1 ? 'it' : 'them, newest first,'} before this one: ${names.join('; ')}.`,
  );
}

/** Removes the facts an import wrote and marks it undone. Administrators only (actor null: the operator's CLI). */
export async function undoImport(db: Db, actor: Actor | null, importId: string): Promise<{ rowsRemoved: number; rowsRestored: number }> {
  if (actor && actor.role !== 'administrator') throw new ImportError('Only an administrator can undo an import.');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(importId)) throw new ImportError(`There is no import ${importId}.`);
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('imports').select(['id', 'status', 'dataset']).where('id', '=', importId).forUpdate().executeTakeFirst();
    if (!row) throw new ImportError(`There is no import ${importId}.`);
    if (row.status !== 'loaded') throw new ImportError(`Import ${importId} was not loaded (it is ${row.status}), so there is nothing to undo.`);
    if (row.dataset === 'attendance') {
      await refuseUndoUnderLaterMerges(tx, importId);
      await markImportWeeksChanged(tx, importId);
    }
    let rowsRemoved = 0;
    for (const table of ALL_FACT_TABLES) {
      const r = await untyped(tx).deleteFrom(table).where('import_id', '=', importId).executeTakeFirst();
      rowsRemoved += Number(r.numDeletedRows);
    }
    // Bring back what this import replaced, unless its own import has been undone since.
    let rowsRestored = 0;
    for (const table of ALL_FACT_TABLES) {
      const r = await sql`
        insert into ${sql.table(table)}
        select (jsonb_populate_record(null::${sql.table(table)}, s.row)).* from superseded_facts s
        where s.import_id = ${importId}::uuid and s.fact_table = ${table}
          and (s.row->>'import_id')::uuid in (select id from imports where status = 'loaded')
        on conflict do nothing`.execute(tx);
      rowsRestored += Number(r.numAffectedRows ?? 0);
    }
    await tx.deleteFrom('superseded_facts').where('import_id', '=', importId).execute();
    await tx.deleteFrom('attendance_coverage').where('import_id', '=', importId).execute();
    await tx.deleteFrom('child_links').where('import_id', '=', importId).execute();
    await tx.deleteFrom('link_queue').where('import_id', '=', importId).execute();
    await tx.updateTable('imports').set({ status: 'undone', undone_by: actor?.userId ?? null, undone_at: new Date() }).where('id', '=', importId).execute();
    await audit.record(tx, {
      actor,
      action: 'data-hub.import-undone',
      outcome: 'succeeded',
      subjectType: 'import',
      subjectId: importId,
      details: { dataset: row.dataset, rowsRemoved, rowsRestored },
    });
    return { rowsRemoved, rowsRestored };
  });
}
