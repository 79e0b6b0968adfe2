/** `send-hub early-warning run [--today YYYY-MM-DD]`, and the run the import command can call after a load. */
import { Command, InvalidArgumentError } from 'commander';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { todayInEngland } from '../../platform/web/format.js';
import { runEarlyWarning, type EarlyWarningRun } from './run.js';

type WithDatabase = (purpose: string, work: (config: Config, database: Database) => Promise<void>) => Promise<void>;

export function describeRun(r: EarlyWarningRun): string[] {
  const signals = r.signals.filter((x) => x.status === 'signal');
  return [
    `Early warning as of ${r.asOf}: ${r.raised.toLocaleString('en-GB')} new flag(s), ${r.refreshed.toLocaleString('en-GB')} open flag(s) brought up to date (${r.candidates.toLocaleString('en-GB')} found).`,
    ...Object.entries(r.byRule).map(([rule, n]) => `  ${rule}: ${n.toLocaleString('en-GB')}`),
    `Signals: ${signals.length} of ${r.signals.length} charts${signals.length ? `: ${signals.map((x) => `${x.level} ${x.key}`).join(', ')}` : ''}.`,
    `Took ${((r.ms.analyse + r.ms.flags + r.ms.signals + r.ms.store) / 1000).toFixed(1)} s (statistics ${(r.ms.analyse / 1000).toFixed(1)} s, flags ${(r.ms.flags / 1000).toFixed(1)} s, signals ${(r.ms.signals / 1000).toFixed(1)} s, storing ${(r.ms.store / 1000).toFixed(1)} s).`,
  ];
}

/** After an import has loaded: run early warning and say so. A failure is reported, not thrown: the import stands. */
export async function earlyWarningAfterImport(database: Database, today = todayInEngland()): Promise<void> {
  try {
    console.log(describeRun(await runEarlyWarning(database.db, { today })).join('\n'));
  } catch (error) {
    console.error(`The import stands, but early warning could not run: ${(error as Error).message}. Run send-hub early-warning run.`);
    process.exitCode = 1;
  }
}

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new InvalidArgumentError('give a date as YYYY-MM-DD, such as 2026-07-20');
  return value;
}

export function earlyWarningCommand(withDatabase: WithDatabase): Command {
  const command = new Command('early-warning').description('flags on children and signals for schools, localities and cohorts');
  command
    .command('run')
    .description('run every early-warning rule and signal over the data hub (a flag already raised is not raised again)')
    .option('--today <date>', 'the day to run as of (YYYY-MM-DD); default today in England', parseDate)
    .action((opts: { today?: string }) =>
      withDatabase('early-warning run', async (_config, database) => {
        await migrateToLatest(database.db);
        const run = await runEarlyWarning(database.db, { today: opts.today ?? todayInEngland() });
        console.log(describeRun(run).join('\n'));
      }),
    );
  return command;
}
