/** What the data hub's pages read about imports. */
import type { Db } from '../../../db/database.js';
import { DATASETS, isDatasetName } from '../formats/index.js';
import type { ImportSummary } from '../import/index.js';

export interface ImportReport {
  outcome?: string;
  errors?: string[];
  warnings?: string[];
  rejectionsNotStored?: number;
  linkage?: Record<string, number>;
  pupilWeeks?: number;
  relinked?: number;
}

const datasetTitle = (name: string) => (isDatasetName(name) ? DATASETS[name].title : name);

const STATUS_TEXT: Record<string, { text: string; colour: string }> = {
  loaded: { text: 'Loaded', colour: 'green' },
  rejected: { text: 'Not loaded', colour: 'red' },
  undone: { text: 'Undone', colour: 'grey' },
};

export async function importRows(db: Db, limit: number) {
  const rows = await db
    .selectFrom('imports')
    .leftJoin('users', 'users.id', 'imports.imported_by')
    .select(['imports.id', 'imports.dataset', 'imports.file_name', 'imports.imported_at', 'imports.rows_read', 'imports.rows_loaded', 'imports.rows_rejected', 'imports.status', 'users.name as by'])
    .orderBy('imports.imported_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, datasetTitle: datasetTitle(r.dataset), status: STATUS_TEXT[r.status] ?? { text: r.status, colour: 'grey' } }));
}

export async function rejectionsPage(db: Db, importId: string, page: number, perPage: number) {
  const row = await db
    .selectFrom('imports')
    .leftJoin('users as by', 'by.id', 'imports.imported_by')
    .leftJoin('users as undoer', 'undoer.id', 'imports.undone_by')
    .select([
      'imports.id', 'imports.dataset', 'imports.file_name', 'imports.file_sha256', 'imports.imported_at', 'imports.rows_read',
      'imports.rows_loaded', 'imports.rows_rejected', 'imports.status', 'imports.report', 'imports.undone_at', 'by.name as by', 'undoer.name as undoneBy',
    ])
    .where('imports.id', '=', importId)
    .executeTakeFirst();
  if (!row) return undefined;
  const stored = await db.selectFrom('import_rejections').select(db.fn.countAll<number>().as('n')).where('import_id', '=', importId).executeTakeFirstOrThrow();
  const rejections = await db
    .selectFrom('import_rejections')
    .select(['line', 'column', 'value', 'reason'])
    .where('import_id', '=', importId)
    .orderBy('line')
    .orderBy('column')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  const report = (typeof row.report === 'string' ? JSON.parse(row.report) : row.report) as ImportReport;
  return {
    import: { ...row, datasetTitle: datasetTitle(row.dataset), statusText: STATUS_TEXT[row.status] ?? { text: row.status, colour: 'grey' } },
    report,
    rejections,
    storedRejections: Number(stored.n),
  };
}

/** A dry run's summary, for the job page (a dry run records nothing to link to). */
export function describeImport(s: ImportSummary) {
  return {
    outcome: s.outcome,
    datasetTitle: datasetTitle(s.dataset),
    rowsRead: s.rowsRead,
    rowsLoaded: s.rowsLoaded,
    rowsRejected: s.rowsRejected,
    errors: s.errors,
    warnings: s.warnings,
    rejections: s.rejections.slice(0, 100),
    moreRejections: s.rejections.length + s.rejectionsNotStored - Math.min(100, s.rejections.length),
    linkage: s.linkage,
  };
}

type Row = { key: { text: string }; value: { text?: string; html?: string } };
const esc = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The facts of one import as summary-list rows. */
export function summaryRows(i: NonNullable<Awaited<ReturnType<typeof rejectionsPage>>>['import'], report: ImportReport, formatDateTime: (v: unknown) => string): Row[] {
  const rows: Row[] = [
    { key: { text: 'Status' }, value: { html: `<strong class="govuk-tag govuk-tag--${i.statusText.colour}">${esc(i.statusText.text)}</strong>` } },
    { key: { text: 'Kind of file' }, value: { text: i.datasetTitle } },
    { key: { text: 'Imported' }, value: { text: `${formatDateTime(i.imported_at)}${i.by ? ` by ${i.by}` : ' from the command line'}` } },
    { key: { text: 'Rows' }, value: { text: `${i.rows_read} read, ${i.rows_loaded} loaded, ${i.rows_rejected} rejected` } },
  ];
  const l = report.linkage;
  if (l && i.status !== 'rejected') {
    rows.push({
      key: { text: 'Linked to children' },
      value: { text: `by UPN ${l.upn ?? 0}, by NHS number ${l['nhs-number'] ?? 0}, by name and date of birth ${l['name-dob'] ?? 0}; new children ${l.created ?? 0}; waiting for a person ${l.queued ?? 0}; not linked ${l.unlinked ?? 0}` },
    });
  }
  if (report.pupilWeeks !== undefined) rows.push({ key: { text: 'Pupil-weeks stored' }, value: { text: String(report.pupilWeeks) } });
  if (report.relinked) rows.push({ key: { text: 'Earlier records now linked' }, value: { text: String(report.relinked) } });
  if (i.status === 'undone') rows.push({ key: { text: 'Undone' }, value: { text: `${formatDateTime(i.undone_at)}${i.undoneBy ? ` by ${i.undoneBy}` : ''}` } });
  rows.push({ key: { text: 'File fingerprint (SHA-256)' }, value: { html: `<span class="app-hash">${esc(i.file_sha256)}</span>` } });
  return rows;
}
