/**
 * The early-warning run after an import (issue 5): the synthetic area at each scale in
 * BENCH_EW_SCALES (default "0.1,1") is generated and imported, then `runEarlyWarning` (every
 * rule over every child, every signal, and storing both) is timed as of the last week of the
 * data. The baseline, timed in the same rounds, is one plain pass over the attendance rollups
 * (sum of sessions possible): the least any attendance-based run must read.
 *
 * BENCH_EW_ROUNDS (default 3) repeats each timing; medians are reported.
 */
import { sql } from 'kysely';
import type { Scenario } from '../support/scenario.js';
import { areaApp } from '../support/area.js';
import { median } from '../support/load.js';
import { runEarlyWarning } from '../../src/features/early-warning/run.js';
import { roundsFromEnv, scalesFromEnv } from '../support/env.js';

const TODAY = '2026-07-20';

export const earlyWarningScenario: Scenario<{ scales: number[]; rounds: number }> = {
  name: 'early-warning',
  description: 'the early-warning run (flags and signals) after an import, by scale, against one pass over the attendance rollups',

  async setup() {
    const scales = scalesFromEnv('BENCH_EW_SCALES', '0.1,1');
    const rounds = roundsFromEnv('BENCH_EW_ROUNDS', 3);
    return { scales, rounds };
  },

  async run(ctx, { scales, rounds }) {
    const rows: string[][] = [];
    for (const scale of scales) {
      const { app } = await areaApp(ctx, scale);
      try {
        const db = app.s.db;
        const pupilWeeks = Number((await db.selectFrom('attendance_weeks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        // The first run raises every flag; later runs find them raised (the daily case).
        const first = await runEarlyWarning(db, { today: TODAY });
        const scan: number[] = [];
        const total: number[] = [];
        const flags: number[] = [];
        const signals: number[] = [];
        const store: number[] = [];
        const analyse: number[] = [];
        for (let r = 0; r < rounds; r++) {
          let t = performance.now();
          await sql`select sum(possible) from attendance_weeks`.execute(db);
          scan.push((performance.now() - t) / 1000);
          t = performance.now();
          const run = await runEarlyWarning(db, { today: TODAY });
          total.push((performance.now() - t) / 1000);
          flags.push(run.ms.flags / 1000);
          signals.push(run.ms.signals / 1000);
          store.push(run.ms.store / 1000);
          analyse.push(run.ms.analyse / 1000);
          ctx.log(`scale ${scale}: run ${total.at(-1)!.toFixed(2)} s (statistics ${analyse.at(-1)!.toFixed(2)}, flags ${flags.at(-1)!.toFixed(2)}, signals ${signals.at(-1)!.toFixed(2)}, store ${store.at(-1)!.toFixed(2)}); scan ${scan.at(-1)!.toFixed(2)} s`);
        }
        rows.push([
          String(scale),
          pupilWeeks.toLocaleString('en-GB'),
          first.raised.toLocaleString('en-GB'),
          String(first.signals.length),
          median(scan).toFixed(2),
          median(analyse).toFixed(2),
          median(flags).toFixed(2),
          median(signals).toFixed(2),
          median(store).toFixed(2),
          median(total).toFixed(2),
          (median(total) / median(scan)).toFixed(1),
        ]);
      } finally {
        await app.close();
      }
    }
    return {
      title: 'the early-warning run after an import: flags and signals',
      measurements: [],
      tables: [
        {
          header: ['Scale', 'Pupil-weeks (2 years)', 'Flags raised (first run)', 'Charts', 'Scan s (baseline)', 'Statistics s', 'Flags s', 'Signals s', 'Store s', 'Run s', 'Run ÷ scan'],
          rows,
        },
      ],
      notes: [
        `Median of ${rounds} rounds after a first run that raised the flags, as of ${TODAY}. Statistics: \`analyze attendance_weeks, school_census\` (fresh planner statistics after an import). Flags: the seven rules over every linked child (attendance as two set-based queries over the last half-year and the school year; the rest over small tables). ` +
          'Signals: the weekly series of every school, locality and cohort (SEN status spans from the census joined to the pupil-week rollups) and their p-charts. ' +
          'Store: new flags inserted, open ones refreshed, signals replaced, in transactions. Scan: one `select sum(possible) from attendance_weeks`, timed in the same rounds.',
      ],
    };
  },
};
