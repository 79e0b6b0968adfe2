/**
 * `send-hub seed-demo`: the synthetic area generated and imported through the real importer,
 * at the scales in BENCH_SEED_SCALES (default "0.1,1"), to show how the time grows with the
 * area. Each scale runs on a fresh database of its own (a new embedded one, or a new database on
 * the BENCH_DATABASE_URL server) holding only the platform and casework demo, so each is timed as
 * a first seed-demo --scale. With BENCH_KEEP_AREAS=1 the seeded databases are kept for the
 * indicators and early-warning scenarios (bench/support/area.ts).
 */
import type { Scenario } from '../support/scenario.js';
import { scalesFromEnv } from '../support/env.js';
import { areaApp } from '../support/area.js';

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
      // A fresh database for each scale, on the same kind as the app's: each is a first seed-demo
      // (with BENCH_KEEP_AREAS=1, kept for the indicators and early-warning scenarios after it).
      const { app, seeded } = await areaApp(ctx, scale);
      try {
        if (!seeded) throw new Error(`The area at scale ${scale} is kept from an earlier run, so its seeding cannot be timed here: drop its sph_keep_ database first`);
        const fileRows = seeded.files.reduce((n, f) => n + f.rows, 0);
        const bytes = seeded.files.reduce((n, f) => n + f.bytes, 0);
        const loaded = seeded.imports.reduce((n, i) => n + i.rowsLoaded, 0);
        first ??= seeded.seconds / scale;
        rows.push([
          String(scale),
          fileRows.toLocaleString('en-GB'),
          String(Math.round(bytes / 2 ** 20)),
          (seeded.generateMs / 1000).toFixed(1),
          (seeded.importMs / 1000).toFixed(1),
          seeded.seconds.toFixed(1),
          (seeded.seconds / scale / first).toFixed(2),
          Math.round(loaded / (seeded.importMs / 1000)).toLocaleString('en-GB'),
          String(seeded.peakMb),
        ]);
      } finally {
        await app.close();
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
