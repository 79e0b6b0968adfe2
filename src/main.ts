import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig, ConfigError, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { DatabaseBusyError } from './db/lock.js';
import { migrateToLatest } from './db/migrate.js';
import { services } from './services.js';
import { ensureCouncil, seedPlatformDemo } from './demo/platform.seed.js';
import { seedEhcDemo } from './demo/ehc.seed.js';
import { seedAreaData } from './demo/area.seed.js';
import path from 'node:path';
import { serve } from './server.js';
import { ALL_ROLES } from './platform/access/roles.js';
import { UserInputError } from './platform/auth/users.service.js';
import { runReminders } from './features/advice/reminders.runner.js';
import { importCommand } from './features/data-hub/import/import.cli.js';
import { describeRecompute, indicatorsCommand } from './features/indicators/indicators.cli.js';
import { earlyWarningCommand } from './features/early-warning/early-warning.cli.js';
import { localOfferCommand } from './features/local-offer/local-offer.cli.js';

/** The send-hub command line. Every command reads the same DATA_DIR and DATABASE_URL as the server. */
function parseScale(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 100) throw new InvalidArgumentError('give a number above 0 and at most 100, such as 1 or 0.1');
  return n;
}

function parseSeed(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('give a whole number, such as 1');
  return Number(value);
}

export function cli(): Command {
  const program = new Command('send-hub')
    .description('SEND Partnership Hub: the server and the operator’s commands')
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(str) });

  program
    .command('serve')
    .description('migrate the database, add the demo area on first start (unless SEED_DEMO=false), and serve the web app')
    .action(async () => {
      await serve(loadConfig());
    });

  program
    .command('migrate')
    .description('bring the database up to date and make sure the council organisation exists')
    .action(() =>
      withDatabase('migrate', async (config, database) => {
        const applied = await migrateToLatest(database.db);
        await ensureCouncil(database.db, config.area);
        console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
      }),
    );

  program
    .command('seed-demo')
    .description('add the synthetic demo area: organisations, one user in each role, demo children and their EHC casework; with --scale, also the partners\' data (generated, then imported)')
    .option('--scale <n>', 'also generate the local area\'s partner data at this scale (1 = Cumberland\'s size) and import it', parseScale)
    .option('--seed <s>', 'the generator\'s seed: the same seed and scale give the same files', parseSeed, 1)
    .option('--out <dir>', 'keep the generated CSV files in this folder (in the formats of docs/data-formats)')
    .action((opts: { scale?: number; seed: number; out?: string }) =>
      withDatabase('seed-demo', async (config, database) => {
        await migrateToLatest(database.db);
        const added = await seedPlatformDemo(database.db, config.area);
        const ehc = await seedEhcDemo(services(config, database));
        if (added) console.log('Added the demo area.');
        if (ehc.added) console.log(`Added the demo EHC casework: ${ehc.children} children and ${ehc.requests} requests for assessment.`);
        if (opts.scale === undefined && !added && !ehc.added) console.log('The demo area is already there; nothing changed.');
        if (opts.scale !== undefined) {
          const area = await seedAreaData(database.db, {
            scale: opts.scale,
            seed: opts.seed,
            ...(opts.out ? { outDir: path.resolve(opts.out) } : {}),
            onLine: (line) => console.log(line),
          });
          const refused = area.imports.filter((i) => i.outcome === 'refused' || i.outcome === 'rejected');
          console.log(`The partners' data: generated in ${(area.generateMs / 1000).toFixed(1)} s, imported in ${(area.importMs / 1000).toFixed(1)} s${area.outDir ? `; files in ${area.outDir}` : ''}.`);
          if (refused.length) {
            console.error(`Some files were not loaded: ${refused.map((i) => i.dataset).join(', ')}.`);
            process.exitCode = 1;
          }
        }
        if (added || ehc.added || opts.scale !== undefined) {
          const started = performance.now();
          console.log(describeRecompute(await services(config, database).indicators.recompute(database.db), performance.now() - started));
        }
      }),
    );

  const user = program.command('user').description('manage the people who can sign in');
  user
    .command('create')
    .description('add a user; prints a one-time link for them to choose a password')
    .requiredOption('--email <email>', 'their email address')
    .addOption(new Option('--role <role>', 'the role they act in').choices(ALL_ROLES).makeOptionMandatory())
    .option('--organisation <organisation>', 'the organisation they act for: its id, code or name (default: the council)')
    .option('--name <name>', 'their name (default: from the email address)')
    .action((opts: { email: string; role: string; organisation?: string; name?: string }) =>
      withDatabase('user create', async (config, database) => {
        const s = services(config, database);
        await migrateToLatest(database.db);
        const councilId = await ensureCouncil(database.db, config.area);
        const org = opts.organisation ? await s.users.findOrganisation(database.db, opts.organisation) : { id: councilId };
        if (!org) throw new UserInputError('organisation', `There is no organisation "${opts.organisation}"`);
        const created = await database.db.transaction().execute(async (tx) => {
          const u = await s.users.create(tx, { email: opts.email, role: opts.role, organisationId: org.id, ...(opts.name ? { name: opts.name } : {}) });
          await s.audit.record(tx, { actor: null, action: 'user.created', outcome: 'succeeded', subjectType: 'user', subjectId: u.id, details: { role: u.role, via: 'cli' } });
          return u;
        });
        await s.passwordResets.request(database.db, created.email);
        const message = (await s.notifications.list(database.db, { recipient: created.email, limit: 1 }))[0];
        const link = message?.body.match(/https?:\/\/\S+/)?.[0];
        console.log(`Created ${created.email} (${created.role}).`);
        if (link) console.log(`They choose a password at this link, valid for 1 hour and usable once:\n${link}`);
      }),
    );

  program
    .command('token')
    .description('API bearer tokens')
    .command('create')
    .description('make a bearer token for a user; prints it once, on the last line')
    .requiredOption('--user <email>', 'the user the token acts for')
    .requiredOption('--name <name>', 'what the token is for, e.g. "school MIS sync"')
    .action((opts: { user: string; name: string }) =>
      withDatabase('token create', async (config, database) => {
        const s = services(config, database);
        await migrateToLatest(database.db);
        const u = await s.users.findByEmail(database.db, opts.user);
        if (!u) throw new UserInputError('user', `There is no user with the email ${opts.user}`);
        const { id, token } = await s.apiTokens.create(database.db, u.id, opts.name);
        await s.audit.record(database.db, { actor: null, action: 'token.created', outcome: 'succeeded', subjectType: 'api-token', subjectId: id, details: { user: u.id, via: 'cli' } });
        console.log(`Token "${opts.name}" for ${u.email}. Keep it secret: it is shown only now.`);
        console.log(token);
      }),
    );

  program
    .command('audit')
    .description('the audit log')
    .command('verify')
    .description('check the hash chain: names any entry edited or deleted; exits 1 if any was')
    .action(() =>
      withDatabase('audit verify', async (config, database) => {
        await migrateToLatest(database.db);
        const s = services(config, database);
        const { checked, problems } = await s.audit.verify(database.db);
        if (problems.length === 0) {
          console.log(`The audit log is intact: ${checked} entries checked.`);
          return;
        }
        console.log(`The audit log has been tampered with: ${problems.length} problem(s) in ${checked} entries.`);
        for (const p of problems) console.log(`  entry ${p.id}: ${p.problem}`);
        process.exitCode = 1;
      }),
    );

  program
    .command('jobs')
    .description('scheduled jobs (the server also runs them on a timer)')
    .command('reminders')
    .description('remind advisers a week before advice is due and on the day, and tell the manager when it is late')
    .action(() =>
      withDatabase('jobs reminders', async (config, database) => {
        await migrateToLatest(database.db);
        const s = services(config, database);
        const run = await runReminders(s, s.today());
        console.log(`Reminders: ${run.before} a week before, ${run.due} on the due date, ${run.escalation} late (manager told); ${run.emails} email(s) queued, ${run.delivered.sent} sent, ${run.delivered.failed} failed.`);
      }),
    );

  program.addCommand(importCommand(withDatabase));
  program.addCommand(indicatorsCommand(withDatabase));
  program.addCommand(earlyWarningCommand(withDatabase));
  program.addCommand(localOfferCommand(withDatabase));
  return program;
}

export async function withDatabase(purpose: string, work: (config: Config, database: Database) => Promise<void>) {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, purpose });
  try {
    await work(config, database);
  } finally {
    await database.close();
  }
}

export async function main(argv = process.argv) {
  try {
    await cli().parseAsync(argv);
  } catch (e) {
    if (e instanceof ConfigError) console.error(`Configuration problem: ${e.message}`);
    else if (e instanceof DatabaseBusyError) console.error(e.message);
    else if (e instanceof UserInputError) console.error(e.message);
    else throw e;
    process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
