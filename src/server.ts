import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { describeLock } from './db/lock.js';
import { migrateToLatest } from './db/migrate.js';
import { services } from './services.js';
import { createApp } from './app.js';
import { DEMO_PASSWORD, DEMO_ROLES, demoEmail, ensureCouncil, seedPlatformDemo } from './demo/platform.seed.js';
import { seedEhcDemo } from './demo/ehc.seed.js';
import { seedEarlyWarningDemo } from './demo/early-warning.seed.js';
import { seedIndicatorsDemo } from './demo/indicators.seed.js';
import { seedStrategyDemo } from './demo/strategy.seed.js';
import { seedVoiceDemo } from './demo/voice.seed.js';
import { seedLocalOfferDemo } from './demo/local-offer.seed.js';
import { seedLocalOfferWorkflowDemo } from './demo/local-offer-workflow.seed.js';
import { runReminders } from './features/advice/reminders.runner.js';

/** How often the server sends advice reminders (`send-hub jobs reminders` runs them once). */
const REMINDERS_EVERY_MS = 60 * 60 * 1000;

/** Starts the web app: migrate, seed on first start, listen, and stop cleanly on a signal. */
export async function serve(config: Config): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, purpose: 'serve' });
  await migrateToLatest(database.db);
  await ensureCouncil(database.db, config.area);
  const seeded = config.seedDemo ? await seedPlatformDemo(database.db, config.area) : false;
  const s = services(config, database);
  // The demo's EHC casework goes through the services (rules, letters, audit), so it comes after them.
  if (seeded) await seedEhcDemo(s);
  if (seeded) await seedEarlyWarningDemo(database.db, s.today());
  if (seeded) await seedStrategyDemo(database.db, { today: s.today() });
  if (seeded) await seedVoiceDemo(s);
  if (seeded) await seedLocalOfferDemo(database.db, s.today());
  if (seeded) await seedLocalOfferWorkflowDemo(database.db, s.today());
  // Last of the seeds: the indicators are computed from everything the others added.
  if (seeded) await seedIndicatorsDemo(s);
  const { server } = await createApp(s);
  const address = await server.listen({ port: config.port, host: config.host });
  const url = config.baseUrl;
  if (database.kind === 'embedded') describeLock(config.dataDir, url);

  console.log(`\n${config.serviceName} for ${config.area.name} is running at ${url}`);
  console.log(`Database: ${database.kind === 'embedded' ? `embedded, in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}${seeded ? '; the demo area was added' : ''}.`);
  if (config.seedDemo) {
    console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const role of DEMO_ROLES) console.log(`  ${demoEmail(role)}`);
  }
  console.log(`\nListening on ${address}. Press Ctrl+C to stop.`);

  // Advice reminders a minute after start, then every hour. A failed run is logged and tried
  // again next time; the timers never keep the process alive on their own.
  const sendReminders = () => {
    runReminders(s, s.today()).then(
      (run) => run.emails && server.log.info({ reminders: run }, 'advice reminders sent'),
      (err: unknown) => server.log.error({ err }, 'advice reminders failed'),
    );
  };
  const firstReminders = setTimeout(sendReminders, 60_000).unref();
  const reminders = setInterval(sendReminders, REMINDERS_EVERY_MS).unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(firstReminders);
    clearInterval(reminders);
    server.log.info({ signal }, 'stopping');
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
