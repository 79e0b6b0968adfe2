/**
 * `send-hub import <dataset> <file> [--dry-run] [--accept-valid]` and `send-hub import undo <id>`.
 * Progress goes to stderr when it is a terminal; the summary to stdout. Exit code 1 when the file
 * was refused or rejected (nothing loaded).
 */
import { Command } from 'commander';
import type { Config } from '../../../config.js';
import type { Database } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { DATASET_NAMES, isDatasetName } from '../formats/index.js';
import { ImportError, importFile, undoImport, type ImportProgress, type ImportSummary } from './import.service.js';
import { importDfeCommand, recomputeAfterImport } from '../../indicators/indicators.cli.js';

type WithDatabase = (purpose: string, work: (config: Config, database: Database) => Promise<void>) => Promise<void>;

const SHOWN_REJECTIONS = 20;

export function importCommand(withDatabase: WithDatabase): Command {
  const command = new Command('import')
    .description(`import a partner's CSV file into the data hub: ${DATASET_NAMES.join(', ')}; or dfe-statistics, a DfE published statistics file`)
    .argument('<dataset>', 'the dataset the file holds')
    .argument('<file>', 'the CSV file')
    .option('--dry-run', 'check and report, change nothing')
    .option('--accept-valid', 'load the good rows of a file that has rejected rows')
    .option('--progress', 'report progress on stderr even when it is not a terminal (one line each time)')
    .action((dataset: string, file: string, opts: { dryRun?: boolean; acceptValid?: boolean; progress?: boolean }) => {
      if (dataset === 'dfe-statistics') return importDfeCommand(withDatabase, file, opts);
      if (!isDatasetName(dataset)) {
        console.error(`There is no dataset "${dataset}": choose one of ${DATASET_NAMES.join(', ')}.`);
        process.exitCode = 2;
        return;
      }
      return withDatabase(`import ${dataset}`, async (_config, database) => {
        await migrateToLatest(database.db);
        const tty = process.stderr.isTTY === true;
        let last = 0;
        const onProgress = (p: ImportProgress) => {
          const now = Date.now();
          if (!(tty || opts.progress) || now - last < 200) return;
          last = now;
          const pct = p.totalBytes > 0 ? Math.min(100, Math.round((p.bytesRead / p.totalBytes) * 100)) : 100;
          if (!tty) {
            process.stderr.write(`progress: ${pct}% ${p.rowsRead} rows\n`);
            return;
          }
          const bar = '#'.repeat(Math.round(pct / 5)).padEnd(20, '.');
          process.stderr.write(`\r[${bar}] ${pct}% ${p.rowsRead.toLocaleString('en-GB')} rows`);
        };
        const summary = await importFile(database.db, null, dataset, file, {
          dryRun: opts.dryRun === true,
          acceptValid: opts.acceptValid === true,
          onProgress,
        });
        if (tty && last > 0) process.stderr.write('\n');
        console.log(describe(summary).join('\n'));
        if (summary.outcome === 'refused' || summary.outcome === 'rejected') process.exitCode = 1;
        if (summary.outcome === 'loaded' && !summary.dryRun) await recomputeAfterImport(_config, database);
      });
    });

  command
    .command('undo')
    .description('undo an import: remove the facts it loaded (administrators; the operator here)')
    .argument('<importId>', 'the import to undo')
    .action((importId: string) =>
      withDatabase('import undo', async (_config, database) => {
        await migrateToLatest(database.db);
        try {
          const { rowsRemoved, rowsRestored } = await undoImport(database.db, null, importId);
          console.log(`Undid import ${importId}: removed ${rowsRemoved} rows${rowsRestored ? `, and brought back ${rowsRestored} rows it had replaced` : ''}.`);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          console.error(error.message);
          process.exitCode = 1;
        }
      }),
    );
  return command;
}

/** The summary an operator reads. */
export function describe(s: ImportSummary): string[] {
  const lines: string[] = [];
  const what = `${s.fileName} (${s.dataset})`;
  const verdict = {
    loaded: s.dryRun ? `Dry run: ${what} would load; nothing was changed.` : `Loaded ${what} as import ${s.importId}.`,
    rejected: `Refused ${what}: ${s.rowsRejected} ${s.rowsRejected === 1 ? 'row was' : 'rows were'} rejected, so nothing was loaded. Fix them, or use --accept-valid to load the good rows.`,
    refused: `Refused ${what}: nothing was loaded.`,
    unchanged: `Nothing changed: ${what} was already loaded.`,
  }[s.outcome];
  lines.push(verdict);
  if (s.outcome === 'rejected' && !s.dryRun && s.importId) lines.push(`The refusal is recorded as import ${s.importId}.`);
  for (const e of s.errors) lines.push(`  ${e}`);
  for (const w of s.warnings) lines.push(`  Warning: ${w}`);
  lines.push(`Rows read: ${s.rowsRead}, loaded: ${s.rowsLoaded}, rejected: ${s.rowsRejected}.`);
  if (s.pupilWeeks !== undefined) lines.push(`Pupil-weeks stored: ${s.pupilWeeks}.`);
  const l = s.linkage;
  if (s.outcome === 'loaded' && l.upn + l['nhs-number'] + l['name-dob'] + l.created + l.queued + l.unlinked > 0) {
    lines.push(`Linked by UPN: ${l.upn}, by NHS number: ${l['nhs-number']}, by name and date of birth: ${l['name-dob']}; new children: ${l.created}; waiting for a person: ${l.queued}; not linked: ${l.unlinked}.`);
  }
  if (s.relinked) lines.push(`Records from earlier files now linked to a child this file named: ${s.relinked}.`);
  const total = s.rejections.length + s.rejectionsNotStored;
  if (total > 0) {
    lines.push(total > SHOWN_REJECTIONS ? `The first ${SHOWN_REJECTIONS} of ${total} rejections:` : 'Rejections:');
    for (const r of s.rejections.slice(0, SHOWN_REJECTIONS)) {
      lines.push(`  line ${r.line}, column ${r.column || '(whole row)'}: value ${r.value === '' ? '(empty)' : r.value} — ${r.reason}`);
    }
  }
  return lines;
}
