/**
 * Imports started from the upload page run in the background of the web process, so the page
 * can answer at once and show progress. A job lives in memory: the import itself is recorded
 * in the database when it ends (imports, with its report), so a restart loses only the progress
 * bar of an import that the restart also rolled back.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../platform/audit/audit.service.js';
import type { DatasetName } from '../formats/dataset.js';
import { importFile, type ImportOptions, type ImportProgress, type ImportSummary } from '../import/index.js';

export interface ImportJob {
  readonly id: string;
  readonly userId: string;
  readonly dataset: DatasetName;
  readonly fileName: string;
  readonly dryRun: boolean;
  readonly startedAt: Date;
  state: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  summary?: ImportSummary;
  /** Set when the import failed for a reason other than the file's content. */
  error?: string;
  finishedAt?: Date;
}

/** Finished jobs are forgotten after this long (their imports stay recorded). */
const KEEP_MS = 60 * 60 * 1000;

export function importJobs(options: { afterImport?: (summary: ImportSummary) => Promise<void> } = {}) {
  const jobs = new Map<string, ImportJob>();

  const prune = () => {
    const now = Date.now();
    for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt.getTime() > KEEP_MS) jobs.delete(id);
  };

  return {
    /**
     * Starts importing a file already on disk (removed when the import ends). Resolves at once
     * with the job; `done` resolves when it ends (tests wait on it).
     */
    start(db: Db, actor: Actor, input: { dataset: DatasetName; file: string; fileName: string; options: Pick<ImportOptions, 'dryRun' | 'acceptValid'> }) {
      prune();
      const job: ImportJob = {
        id: randomUUID(),
        userId: actor.userId,
        dataset: input.dataset,
        fileName: input.fileName,
        dryRun: input.options.dryRun === true,
        startedAt: new Date(),
        state: 'running',
        progress: { bytesRead: 0, totalBytes: 0, rowsRead: 0 },
      };
      jobs.set(job.id, job);
      const done = importFile(db, actor, input.dataset, input.file, {
        ...input.options,
        fileName: input.fileName,
        onProgress: (p) => {
          job.progress = p;
        },
      })
        .then(async (summary) => {
          job.summary = summary;
          job.progress = { ...job.progress, bytesRead: job.progress.totalBytes, rowsRead: summary.rowsRead };
          job.state = 'done';
          if (summary.outcome === 'loaded' && !summary.dryRun) await options.afterImport?.(summary);
        })
        .catch((error: unknown) => {
          job.state = job.summary ? 'done' : 'failed';
          if (!job.summary) job.error = error instanceof Error ? error.message : String(error);
        })
        .finally(async () => {
          job.finishedAt = new Date();
          await rm(input.file, { force: true });
        });
      return { job, done };
    },
    get(id: string): ImportJob | undefined {
      return jobs.get(id);
    },
    /** Jobs still running, for the data hub's front page. */
    running(): ImportJob[] {
      return [...jobs.values()].filter((j) => j.state === 'running');
    },
  };
}

export type ImportJobs = ReturnType<typeof importJobs>;

/** 0 to 100, for the progress bar. */
export function percentDone(job: ImportJob): number {
  if (job.state !== 'running') return 100;
  const { bytesRead, totalBytes } = job.progress;
  return totalBytes > 0 ? Math.min(99, Math.floor((bytesRead / totalBytes) * 100)) : 0;
}
