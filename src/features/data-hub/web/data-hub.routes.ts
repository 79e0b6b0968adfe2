/**
 * The analyst's side of the data hub: upload a partner's file, watch it import, read and
 * download the rejection report; administrators undo. The command line does the same
 * (`send-hub import`), through the same importer.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../services.js';
import { access } from '../../../platform/access/access.js';
import { actorOf } from '../../../platform/web/access.plugin.js';
import { errorView, type FieldError } from '../../../platform/web/forms.js';
import { notFound } from '../../../platform/web/errors.js';
import { readMultipartForm } from '../../../platform/web/multipart.js';
import { DATASETS, DATASET_NAMES, isDatasetName } from '../formats/index.js';
import { csvRow } from '../csv/csv-writer.js';
import { ImportError, MAX_STORED_REJECTIONS, undoImport } from '../import/index.js';
import { percentDone } from './import-jobs.js';
import { describeImport, importRows, rejectionsPage, summaryRows } from './data-hub.queries.js';
import { formatDateTime } from '../../../platform/web/format.js';

/** Who uploads partners' files and reads the reports: the data team. */
export const DATA_ROLES = ['analyst', 'administrator'] as const;
const DATA = access.roles(...DATA_ROLES);
const ADMIN = access.roles('administrator');
/** The largest file the upload page takes: a year of a large area's attendance fits. */
export const UPLOAD_MAX_BYTES = 4 * 1024 ** 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PER_PAGE = 100;

const datasetItems = (selected?: string) => [
  { value: '', text: 'Choose the kind of file' },
  ...DATASET_NAMES.map((name) => ({ value: name, text: DATASETS[name].title, selected: name === selected })),
];

export async function dataHubRoutes(app: FastifyInstance, s: Services) {
  app.get('/data', { config: { access: DATA } }, async (_request, reply) => {
    const imports = await importRows(s.db, 50);
    const queue = await s.db.selectFrom('link_queue').select(s.db.fn.countAll<number>().as('n')).where('resolved_at', 'is', null).executeTakeFirstOrThrow();
    return reply.render('data-hub/web/views/index.njk', {
      title: 'Data hub',
      imports,
      running: s.importJobs.running().map((j) => ({ ...j, percent: percentDone(j) })),
      waiting: Number(queue.n),
    });
  });

  app.get('/data/imports/new', { config: { access: DATA } }, async (_request, reply) =>
    reply.render('data-hub/web/views/upload.njk', { title: 'Import a file', datasets: datasetItems(), values: {}, maxSize: '4 GB' }),
  );

  app.post('/data/imports', { config: { access: DATA, multipartForm: true } }, async (request, reply) => {
    const values: Record<string, string> = {};
    const errors: FieldError[] = [];
    const dir = await mkdtemp(path.join(tmpdir(), 'send-hub-upload-'));
    const file = path.join(dir, 'upload.csv');
    let fileName = '';
    let bytes = 0;
    let truncated = false;
    try {
      for await (const part of readMultipartForm(app, request, reply, { fileSize: UPLOAD_MAX_BYTES, fields: 10 })) {
        if (part.type === 'field') {
          if (typeof part.value === 'string' && ['dataset', 'dryRun', 'acceptValid'].includes(part.fieldname)) values[part.fieldname] = part.value;
        } else if (part.fieldname === 'file' && !fileName) {
          fileName = path.basename(part.filename || '').slice(0, 200);
          const counter = part.file;
          counter.on('data', (chunk: Buffer) => (bytes += chunk.length));
          await pipeline(counter, createWriteStream(file));
          truncated = counter.truncated;
        } else {
          part.file.resume();
        }
      }
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    if (!values.dataset) errors.push({ field: 'dataset', text: 'Choose the kind of file you are importing' });
    else if (!isDatasetName(values.dataset)) errors.push({ field: 'dataset', text: 'Choose one of the kinds of file listed' });
    if (!fileName) errors.push({ field: 'file', text: 'Choose a CSV file to import' });
    else if (truncated) errors.push({ field: 'file', text: 'The file is larger than 4 GB: split it, or import it with send-hub import on the server' });
    else if (bytes === 0) errors.push({ field: 'file', text: `The file ${fileName} is empty` });
    if (errors.length) {
      await rm(dir, { recursive: true, force: true });
      return reply.render(
        'data-hub/web/views/upload.njk',
        { title: 'Import a file', datasets: datasetItems(values.dataset), values, maxSize: '4 GB', ...errorView(errors) },
        400,
      );
    }
    const { job, done } = s.importJobs.start(s.db, actorOf(request)!, {
      dataset: values.dataset as (typeof DATASET_NAMES)[number],
      file,
      fileName,
      options: { dryRun: values.dryRun === 'yes', acceptValid: values.acceptValid === 'yes' },
    });
    void done.finally(() => rm(dir, { recursive: true, force: true }));
    return reply.redirect(`/data/imports/jobs/${job.id}`, 303);
  });

  const jobFor = (request: { params: unknown; user: { id: string; role: string } | null }) => {
    const { jobId } = request.params as { jobId: string };
    const job = UUID.test(jobId) ? s.importJobs.get(jobId) : undefined;
    // A job is its uploader's (and the administrators'): its file name alone may say too much.
    if (!job || (job.userId !== request.user!.id && request.user!.role !== 'administrator')) throw notFound('import in progress');
    return job;
  };

  app.get('/data/imports/jobs/:jobId', { config: { access: DATA } }, async (request, reply) => {
    const job = jobFor(request);
    if (job.state === 'done' && job.summary?.importId && !job.dryRun) return reply.redirect(`/data/imports/${job.summary.importId}`, 303);
    return reply.render('data-hub/web/views/job.njk', {
      title: job.state === 'running' ? `Importing ${job.fileName}` : `Import of ${job.fileName}`,
      job,
      percent: percentDone(job),
      summary: job.summary ? describeImport(job.summary) : undefined,
    });
  });

  app.get('/data/imports/jobs/:jobId/status', { config: { access: DATA } }, async (request, reply) => {
    const job = jobFor(request);
    return reply.send({
      state: job.state,
      percent: percentDone(job),
      rowsRead: job.progress.rowsRead,
      next: job.state === 'running' ? null : job.summary?.importId && !job.dryRun ? `/data/imports/${job.summary.importId}` : `/data/imports/jobs/${job.id}`,
    });
  });

  /** The import's page; with `undoError`, the refused undo's reason in an error summary. */
  async function importPage(request: FastifyRequest, reply: FastifyReply, importId: string, page: number, undoError?: string) {
    const found = UUID.test(importId) ? await rejectionsPage(s.db, importId, page, PER_PAGE) : undefined;
    if (!found) throw notFound('import');
    const pages = Math.ceil(found.storedRejections / PER_PAGE);
    return reply.render('data-hub/web/views/import.njk', {
      title: `Import of ${found.import.file_name}`,
      i: found.import,
      report: found.report,
      summaryRows: summaryRows(found.import, found.report, formatDateTime),
      ...(undoError ? errorView([{ field: 'undo', text: undoError }]) : {}),
      rejections: found.rejections,
      storedRejections: found.storedRejections,
      maxStored: MAX_STORED_REJECTIONS,
      page,
      pages,
      prevHref: page > 1 ? `/data/imports/${importId}?page=${page - 1}` : undefined,
      nextHref: page < pages ? `/data/imports/${importId}?page=${page + 1}` : undefined,
      canUndo: request.user!.role === 'administrator' && found.import.status === 'loaded',
    }, undoError ? 409 : 200);
  }

  app.get('/data/imports/:importId', { config: { access: DATA } }, async (request, reply) => {
    const { importId } = request.params as { importId: string };
    const pageParam = Number((request.query as { page?: string }).page ?? '1');
    const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 1000 ? pageParam : 1;
    return importPage(request, reply, importId, page);
  });

  app.get('/data/imports/:importId/rejections.csv', { config: { access: DATA } }, async (request, reply) => {
    const { importId } = request.params as { importId: string };
    const found = UUID.test(importId) ? await s.db.selectFrom('imports').select(['id', 'file_name']).where('id', '=', importId).executeTakeFirst() : undefined;
    if (!found) throw notFound('import');
    const rows = await s.db.selectFrom('import_rejections').select(['line', 'column', 'value', 'reason']).where('import_id', '=', importId).orderBy('line').orderBy('column').execute();
    // Values came from an uploaded file: a spreadsheet must not run them as formulas.
    const lines = [csvRow(['line', 'column', 'value', 'reason']), ...rows.map((r) => csvRow([String(r.line), r.column, r.value, r.reason], { neutraliseFormulas: true }))];
    const body = lines.map((l) => `${l}\r\n`).join('');
    const base = found.file_name.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'import';
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${base}-rejections.csv"`)
      .send(`\uFEFF${body}`);
  });

  app.post('/data/imports/:importId/undo', { config: { access: ADMIN } }, async (request, reply) => {
    const { importId } = request.params as { importId: string };
    try {
      await undoImport(s.db, actorOf(request), importId);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      if (/There is no import/.test(error.message)) throw notFound('import');
      // Nothing was undone: the page again, saying why (the GOV.UK error pattern).
      return importPage(request, reply, importId, 1, error.message);
    }
    return reply.redirect(`/data/imports/${importId}`, 303);
  });
}
