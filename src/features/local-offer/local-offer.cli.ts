/**
 * `send-hub local-offer import <file|dir> [--dry-run]` and
 * `send-hub local-offer export --format json|csv --out <path>`: the Local Offer as HSDS.
 * Exit code 1 when an import is refused (nothing written); the problems go to stderr, each
 * naming the record, the field and the reason.
 */
import fs from 'node:fs';
import { Command, Option } from 'commander';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { auditService } from '../../platform/audit/audit.service.js';
import { exportCsv, exportJson } from './hsds.export.js';
import { formatProblem, HsdsImportError, importFiles, importHsds, type ImportReport } from './hsds.import.js';

type WithDatabase = (purpose: string, work: (config: Config, database: Database) => Promise<void>) => Promise<void>;

const SHOWN = 50;

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${t.replace(/_/g, ' ')}`).join(', ') || 'nothing';
}

function printProblems(label: string, problems: ImportReport['warnings'], write: (s: string) => void) {
  if (!problems.length) return;
  write(`${problems.length} ${label}:`);
  for (const p of problems.slice(0, SHOWN)) write(`  - ${formatProblem(p)}`);
  if (problems.length > SHOWN) write(`  … and ${problems.length - SHOWN} more`);
}

export function localOfferCommand(withDatabase: WithDatabase): Command {
  const command = new Command('local-offer').description('the Local Offer service directory: import and export Open Referral UK / HSDS data');

  command
    .command('import')
    .description('import HSDS JSON (services, organizations, service_at_locations, taxonomies, taxonomy terms; single, arrays or pages) or HSDS tabular CSV files; a folder imports every .json and .csv in it')
    .argument('<path>', 'a .json or .csv file, or a folder of them')
    .option('--dry-run', 'check and report, change nothing')
    .action((target: string, opts: { dryRun?: boolean }) => {
      if (!fs.existsSync(target)) {
        console.error(`There is no file or folder ${target}.`);
        process.exitCode = 2;
        return;
      }
      return withDatabase('local-offer import', async (_config, database) => {
        await migrateToLatest(database.db);
        const files = importFiles(target);
        if (files.length === 0) {
          console.error(`${target} holds no .json or .csv files.`);
          process.exitCode = 2;
          return;
        }
        try {
          const report = await importHsds(database.db, files, { dryRun: opts.dryRun === true, audit: { service: auditService(), actor: null } });
          console.log(`${report.dryRun ? 'Checked (dry run, nothing written)' : 'Imported'}: ${describeCounts(report.counts)}.`);
          printProblems('warnings', report.warnings, (s) => console.log(s));
        } catch (e) {
          if (!(e instanceof HsdsImportError)) throw e;
          console.error(`Nothing was imported: ${e.report.errors.length} ${e.report.errors.length === 1 ? 'problem needs' : 'problems need'} fixing first.`);
          printProblems('errors', e.report.errors, (s) => console.error(s));
          printProblems('warnings', e.report.warnings, (s) => console.error(s));
          process.exitCode = 1;
        }
      });
    });

  command
    .command('export')
    .description('export every service as HSDS: json (an array of nested ORUK service objects) or csv (the HSDS tabular files, in a folder)')
    .addOption(new Option('--format <format>', 'json or csv').choices(['json', 'csv']).makeOptionMandatory())
    .requiredOption('--out <path>', 'the .json file to write, or the folder for the CSV files')
    .action((opts: { format: 'json' | 'csv'; out: string }) =>
      withDatabase('local-offer export', async (_config, database) => {
        await migrateToLatest(database.db);
        if (opts.format === 'json') {
          const n = await exportJson(database.db, opts.out);
          console.log(`Wrote ${n} services to ${opts.out}.`);
        } else {
          const counts = await exportCsv(database.db, opts.out);
          console.log(`Wrote ${Object.keys(counts).length} HSDS tables to ${opts.out}: ${Object.entries(counts).map(([f, n]) => `${f} (${n})`).join(', ')}.`);
        }
      }),
    );
  return command;
}
