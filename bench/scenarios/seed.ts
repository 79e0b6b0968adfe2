/**
 * `send-hub seed-demo`: the synthetic area generated and imported through the real importer,
 * at the scales in BENCH_SEED_SCALES (default "0.1,1"), to show how the time grows with the
 * area. Each scale runs on a fresh database of its own (a new embedded one, or a new database on
 * the BENCH_DATABASE_URL server), so each is timed as a first seed-demo.
 */
import type { Scenario } from '../support/scenario.js';
import { seedAreaData } from '../../src/demo/area.seed.js';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scalesFromEnv } from '../support/env.js';
import { freshServerDatabase } from '../support/server.js';

interface State {
  scales: number[];
}

export const seedScenario: Scenario<State> = {
  name: 'seed',
  description: 'send-hub seed-demo (generate and import the whole synthetic area) at growing scales',

  async setup() {
    const scales = scalesFromEnv('BENCH_SEED_SCALES', '0.1,1');
    return { scales };
  },

  async run(ctx, { scales }) {
    const rows: string[][] = [];
    let first: number | undefined;
    for (const scale of scales) {
      // A fresh database for each scale, on the same kind as the app's: each is a first seed-demo.
      const server = process.env.BENCH_DATABASE_URL;
      const dir = await mkdtemp(path.join(tmpdir(), 'send-hub-bench-seed-'));
      const store = server ? await freshServerDatabase(server) : undefined;
      const database = await openDatabase({ databaseUrl: store?.databaseUrl, dataDir: dir, purpose: 'bench seed' });
      try {
        await migrateToLatest(database.db);
        let peak = process.memoryUsage.rss();
        const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
        const started = performance.now();
        const result = await seedAreaData(database.db, { scale, seed: 1, onLine: (l) => ctx.log(l) });
        const seconds = (performance.now() - started) / 1000;
        clearInterval(timer);
        const fileRows = result.files.reduce((n, f) => n + f.rows, 0);
        const bytes = result.files.reduce((n, f) => n + f.bytes, 0);
        const loaded = result.imports.reduce((n, i) => n + i.rowsLoaded, 0);
        first ??= seconds / scale;
        rows.push([
          String(scale),
          fileRows.toLocaleString('en-GB'),
          String(Math.round(bytes / 2 ** 20)),
          (result.generateMs / 1000).toFixed(1),
          (result.importMs / 1000).toFixed(1),
          seconds.toFixed(1),
          (seconds / scale / first).toFixed(2),
          Math.round(loaded / (result.importMs / 1000)).toLocaleString('en-GB'),
          String(Math.round(peak / 2 ** 20)),
        ]);
      } finally {
        await database.close();
        await store?.remove();
        await rm(dir, { recursive: true, force: true });
      }
    }
    return {
      title: 'seed-demo: the whole synthetic area generated and imported',
      measurements: [],
      tables: [
        {
          header: ['Scale', 'Rows in files', 'MB', 'Generate s', 'Import s', 'Total s', 'Time per unit of scale ÷ smallest', 'Rows loaded per s', 'Peak RSS (MB)'],
          rows,
        },
      ],
      notes: [
        'Every dataset of data-formats.md at seed 1: two school years of attendance and the rest, imported file by file through the real importer (validated, linked) in dependency order. ' +
          'The ratio column divides each scale’s seconds per unit of scale by the smallest scale’s: 1.00 is linear growth.',
      ],
    };
  },
};
