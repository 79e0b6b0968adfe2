/**
 * `send-hub indicators recompute` and `send-hub import dfe-statistics <file>` (dispatched from
 * the import command), and the recompute the import command runs after a successful load.
 */
import { Command, InvalidArgumentError } from 'commander';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { todayInEngland } from '../../platform/web/format.js';
import { DfeImportError, describeDfeImport, importDfeStatistics } from './dfe/dfe-import.js';
import { recomputeIndicators, type RecomputeResult } from './recompute.js';
import { earlyWarningAfterImport } from '../early-warning/early-warning.cli.js';

type WithDatabase = (purpose: string, work: (config: Config, database: Database) => Promise<void>) => Promise<void>;

export function describeRecompute(r: RecomputeResult, ms: number): string {
  return `Indicators recomputed: ${r.stored.toLocaleString('en-GB')} values (${r.suppressed.toLocaleString('en-GB')} not shown: small numbers) in ${(ms / 1000).toFixed(1)} s.`;
}

/**
 * After an import has loaded: recompute the indicators, then run early warning, and say so. A
 * failure is reported, not thrown: the import stands.
 */
export async function recomputeAfterImport(config: Config, database: Database): Promise<void> {
  const started = performance.now();
  const today = todayInEngland();
  try {
    const r = await recomputeIndicators(database.db, { areaCode: config.area.code, today });
    console.log(describeRecompute(r, performance.now() - started));
  } catch (error) {
    console.error(`The import stands, but the indicators could not be recomputed: ${(error as Error).message}. Run send-hub indicators recompute.`);
    process.exitCode = 1;
  }
  await earlyWarningAfterImport(database, today);
}

/** `send-hub import dfe-statistics <file> [--dry-run]`. */
export function importDfeCommand(withDatabase: WithDatabase, file: string, opts: { dryRun?: boolean }): Promise<void> {
  return withDatabase('import dfe-statistics', async (_config, database) => {
    await migrateToLatest(database.db);
    try {
      const summary = await importDfeStatistics(database.db, file, { dryRun: opts.dryRun === true });
      console.log(describeDfeImport(summary, opts.dryRun === true).join('\n'));
      if (summary.problems.length > 0) process.exitCode = 1;
    } catch (error) {
      if (!(error instanceof DfeImportError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
  });
}

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new InvalidArgumentError('give a date as YYYY-MM-DD, such as 2026-07-31');
  return value;
}

export function indicatorsCommand(withDatabase: WithDatabase): Command {
  const command = new Command('indicators').description('the indicator library and its store');
  command
    .command('recompute')
    .description('recompute every indicator for the local area from the data hub and casework')
    .option('--today <date>', 'count up to this date (default: today in England)', parseDate)
    .action((opts: { today?: string }) =>
      withDatabase('indicators recompute', async (config, database) => {
        await migrateToLatest(database.db);
        const started = performance.now();
        const r = await recomputeIndicators(database.db, { areaCode: config.area.code, today: opts.today ?? todayInEngland() });
        console.log(describeRecompute(r, performance.now() - started));
      }),
    );
  return command;
}
