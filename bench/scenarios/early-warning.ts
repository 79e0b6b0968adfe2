/**
 * The early-warning run after a daily import (issue 5): the synthetic area at each scale in
 * BENCH_EW_SCALES (default "0.1,1") is generated and imported and run once as of the last week of
 * the data (raising the flags); then each round imports one more school day's attendance and
 * times `runEarlyWarning` (every rule over every child, every signal, and storing both) as of
 * that day. The baseline, timed in the same rounds, is one plain pass over the attendance rollups
 * (sum of sessions possible): the least a run that read every pupil-week would read.
 *
 * BENCH_EW_ROUNDS (default 3) repeats each timing; medians are reported.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Scenario } from '../support/scenario.js';
import { areaApp } from '../support/area.js';
import { median } from '../support/load.js';
import { runEarlyWarning } from '../../src/features/early-warning/run.js';
import { roundsFromEnv, scalesFromEnv } from '../support/env.js';
import { importNextSchoolDay } from '../support/day-import.js';

const TODAY = '2026-07-20';

export const earlyWarningScenario: Scenario<{ scales: number[]; rounds: number }> = {
  name: 'early-warning',
  description: 'the early-warning run (flags and signals) after a day\'s attendance import, by scale, against one pass over the attendance rollups',

  async setup() {
    const scales = scalesFromEnv('BENCH_EW_SCALES', '0.1,1');
    const rounds = roundsFromEnv('BENCH_EW_ROUNDS', 3);
    return { scales, rounds };
  },

  async run(ctx, { scales, rounds }) {
    const rows: string[][] = [];
    for (const scale of scales) {
      const { app } = await areaApp(ctx, scale);
      const dir = await mkdtemp(path.join(tmpdir(), 'send-hub-bench-ew-'));
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
        const imports: number[] = [];
        let weeksSummed = 0;
        for (let r = 0; r < rounds; r++) {
          const day = await importNextSchoolDay(db, dir);
          imports.push(day.seconds);
          let t = performance.now();
          await sql`select sum(possible) from attendance_weeks`.execute(db);
          scan.push((performance.now() - t) / 1000);
          t = performance.now();
          const run = await runEarlyWarning(db, { today: day.day });
          if (run.signalCells.mode === 'rebuilt') throw new Error(`A day's import should not make the signals sum every week again (as of ${day.day})`);
          weeksSummed = Math.max(weeksSummed, run.signalCells.weeks);
          total.push((performance.now() - t) / 1000);
          flags.push(run.ms.flags / 1000);
          signals.push(run.ms.signals / 1000);
          store.push(run.ms.store / 1000);
          analyse.push(run.ms.analyse / 1000);
          ctx.log(`scale ${scale}: ${day.day}'s import ${day.seconds.toFixed(2)} s; run ${total.at(-1)!.toFixed(2)} s (statistics ${analyse.at(-1)!.toFixed(2)}, flags ${flags.at(-1)!.toFixed(2)}, signals ${signals.at(-1)!.toFixed(2)}, store ${store.at(-1)!.toFixed(2)}); scan ${scan.at(-1)!.toFixed(2)} s`);
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
          `${median(imports).toFixed(2)} (${weeksSummed})`,
        ]);
      } finally {
        await rm(dir, { recursive: true, force: true });
        await app.close();
      }
    }
    return {
      title: 'the early-warning run after a day\'s attendance import: flags and signals',
      measurements: [],
      tables: [
        {
          header: ['Scale', 'Pupil-weeks (2 years)', 'Flags raised (first run)', 'Charts', 'Scan s (baseline)', 'Statistics s', 'Flags s', 'Signals s', 'Store s', 'Run s', 'Run ÷ scan', "Day's import s (weeks summed)"],
          rows,
        },
      ],
      notes: [
        `Median of ${rounds} rounds after a first run that raised the flags, as of ${TODAY}; each round first imports the next school day's attendance for every pupil on roll (not in the run's time) and runs as of that day. Statistics: \`analyze attendance_weeks (upn, child_id, urn, week_start), school_census\` (fresh planner statistics after an import). Flags: the seven rules over every linked child (attendance as two set-based queries over the last half-year and the school year; the rest over small tables). ` +
          'Signals: the weekly series of every school, locality and cohort and their p-charts; the schools’ weekly sums are kept between runs and only the weeks changed since are summed again (ADR 0017; the most in a round in the last column). ' +
          'Store: new flags inserted, open ones refreshed, signals replaced, in transactions. Scan: one `select sum(possible) from attendance_weeks`, timed in the same rounds.',
      ],
    };
  },
};
