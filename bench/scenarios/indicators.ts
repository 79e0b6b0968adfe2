/**
 * Recomputing every indicator after a daily attendance import (issue 5): the synthetic area at
 * each scale in BENCH_INDICATORS_SCALES (default "0.1,1") is generated and imported and
 * recomputed once (yesterday's), then each round imports one more school day's sessions for
 * every pupil on roll and times the recompute that follows. The attendance part of it, a year's
 * weekly rates by SEN status, locality and week, is timed three ways in the same run: as the
 * recompute gets them (the kept cells brought up to date for the day's week, ADR 0017), afresh
 * from every pupil-week (one aggregate), and in DuckDB (@duckdb/node-api, the yardstick) on the
 * same pupil-week rows, exported from our database.
 *
 * BENCH_INDICATORS_ROUNDS (default 3) repeats each timing; medians are reported.
 */
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Scenario } from '../support/scenario.js';
import { areaApp } from '../support/area.js';
import { median } from '../support/load.js';
import type { Db } from '../../src/db/database.js';
import { rollUpWeekly, weeklyRates, type WeeklyRate } from '../../src/features/indicators/compute/attendance.compute.js';
import { keptWeeklyCells } from '../../src/features/indicators/compute/weekly-cells.js';
import { recomputeIndicators } from '../../src/features/indicators/recompute.js';
import { roundsFromEnv, scalesFromEnv } from '../support/env.js';
import { importNextSchoolDay } from '../support/day-import.js';

const YEAR = '202526';
const FROM = '2025-09-01';
const TO = '2026-08-31';
const TODAY = '2026-09-01';

/** Writes the year's pupil-week rollups and the pupils' cohorts as CSV, a month (one partition) at a time. */
async function exportRows(db: Db, dir: string): Promise<{ weeks: string; cohorts: string; rows: number }> {
  const weeks = path.join(dir, 'attendance_weeks.csv');
  const cohorts = path.join(dir, 'cohorts.csv');
  const out = fs.createWriteStream(weeks, { highWaterMark: 1 << 22 });
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('upn,urn,week_start,possible,attending\n');
  let rows = 0;
  // Month by month rather than in pages of a sorted scan: the table has no index to page by.
  // FROM is the 1st of a month and TO the last day of one, so the months cover the year exactly.
  for (let month = new Date(`${FROM}T00:00:00Z`); month.toISOString().slice(0, 10) <= TO; month.setUTCMonth(month.getUTCMonth() + 1)) {
    const start = month.toISOString().slice(0, 10);
    const next = new Date(month);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const end = next.toISOString().slice(0, 10);
    const page = await db
      .selectFrom('attendance_weeks')
      .select(['upn', 'urn', 'week_start', 'possible', 'attending'])
      .where('week_start', '>=', start)
      .where('week_start', '<', end)
      .execute();
    let chunk = '';
    for (const r of page) {
      chunk += `${r.upn},${r.urn},${r.week_start},${r.possible},${r.attending}\n`;
      if (chunk.length > 1 << 20) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(chunk);
    rows += page.length;
  }
  out.end();
  await once(out, 'close');
  const c = await db.selectFrom('indicator_cohorts').select(['upn', 'sen_provision', 'locality']).where('period', '=', YEAR).execute();
  fs.writeFileSync(cohorts, `upn,sen_provision,locality\n${c.map((r) => `${r.upn},${r.sen_provision},"${r.locality.replace(/"/g, '""')}"`).join('\n')}\n`);
  return { weeks, cohorts, rows };
}

const DUCKDB_WEEKLY = `
  select strftime(a.week_start, '%Y-%m-%d') as week, coalesce(c.sen_provision, 'unknown') as sen, coalesce(c.locality, 'Unknown') as locality,
    sum(a.possible)::bigint as possible, sum(a.attending)::bigint as attending, count(*)::bigint as pupils
  from attendance_weeks a
  left join cohorts c on c.upn = a.upn
  where a.week_start >= DATE '${FROM}' and a.week_start <= DATE '${TO}'
  group by 1, 2, 3`;

function checksum(rates: readonly { possible: number; attending: number; pupils: number }[]) {
  const sum = { rows: 0, possible: 0, attending: 0, pupils: 0 };
  for (const r of rates) {
    sum.rows++;
    sum.possible += r.possible;
    sum.attending += r.attending;
    sum.pupils += r.pupils;
  }
  return sum;
}

const seconds = async (work: () => Promise<unknown>) => {
  const t = performance.now();
  await work();
  return (performance.now() - t) / 1000;
};

export const indicatorsScenario: Scenario<{ scales: number[]; rounds: number }> = {
  name: 'indicators',
  description: 'recompute every indicator after a day\'s attendance import, by scale; the weekly rates kept and afresh against DuckDB on the same rows',

  async setup() {
    const scales = scalesFromEnv('BENCH_INDICATORS_SCALES', '0.1,1');
    const rounds = roundsFromEnv('BENCH_INDICATORS_ROUNDS', 3);
    return { scales, rounds };
  },

  async run(ctx, { scales, rounds }) {
    const table: string[][] = [];
    for (const scale of scales) {
      const { app } = await areaApp(ctx, scale);
      const dir = await mkdtemp(path.join(tmpdir(), 'send-hub-bench-indicators-'));
      const duck = await DuckDBInstance.create(':memory:');
      try {
        const db = app.s.db;
        const pupilWeeks = Number((await db.selectFrom('attendance_weeks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        // One unmeasured run: the cohorts and the weekly cells exist and the caches are warm, as after yesterday's import.
        const first = await recomputeIndicators(db, { areaCode: 'E06000063', today: TODAY });
        const imports: number[] = [];
        const totals: number[] = [];
        const attendanceParts: number[] = [];
        const kept: number[] = [];
        const ours: number[] = [];
        let oursRates: WeeklyRate[] = [];
        let keptRates: WeeklyRate[] = [];
        let dayRows = 0;
        for (let r = 0; r < rounds; r++) {
          // The day's import (not in the recompute's time).
          const day = await importNextSchoolDay(db, dir);
          dayRows = day.sessions;
          imports.push(day.seconds);
          const t = performance.now();
          const result = await recomputeIndicators(db, { areaCode: 'E06000063', today: TODAY });
          totals.push((performance.now() - t) / 1000);
          attendanceParts.push(((result.timings.attendance ?? 0) + (result.timings['weekly-cells'] ?? 0)) / 1000);
          const refreshed = result.weeklyCells.find((c) => c.period === YEAR);
          if (refreshed?.mode !== 'weeks') throw new Error(`Expected only the day's week of ${YEAR} to be aggregated again, got ${JSON.stringify(result.weeklyCells)}`);
          // The year's weekly rates as the recompute got them: the cells brought up to date, then read and rolled up.
          const read = await seconds(async () => (keptRates = rollUpWeekly(await keptWeeklyCells(db, YEAR, FROM, TO))));
          kept.push((result.timings['weekly-cells'] ?? 0) / 1000 + read);
          ours.push(await seconds(async () => (oursRates = await weeklyRates(db, YEAR, FROM, TO))));
          ctx.log(
            `scale ${scale}: ${day.day}'s import ${imports.at(-1)!.toFixed(2)} s; recompute ${totals.at(-1)!.toFixed(2)} s (attendance part ${attendanceParts.at(-1)!.toFixed(2)} s), ` +
              `weekly rates kept ${kept.at(-1)!.toFixed(3)} s, afresh ${ours.at(-1)!.toFixed(2)} s; steps: ${Object.entries(result.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(', ')}`,
          );
        }
        if (JSON.stringify(checksum(keptRates)) !== JSON.stringify(checksum(oursRates))) {
          throw new Error(`The kept weekly cells and the aggregate afresh disagree: ${JSON.stringify(checksum(keptRates))} against ${JSON.stringify(checksum(oursRates))}`);
        }

        const exported = await exportRows(db, dir);
        const conn = await duck.connect();
        const load = await seconds(async () => {
          await conn.run(`create table attendance_weeks as select * from read_csv('${exported.weeks}', header = true, columns = {'upn': 'VARCHAR', 'urn': 'VARCHAR', 'week_start': 'DATE', 'possible': 'SMALLINT', 'attending': 'SMALLINT'})`);
          await conn.run(`create table cohorts as select * from read_csv('${exported.cohorts}', header = true, columns = {'upn': 'VARCHAR', 'sen_provision': 'VARCHAR', 'locality': 'VARCHAR'})`);
        });
        const duckTimes: number[] = [];
        let duckRows: WeeklyRate[] = [];
        for (let r = 0; r < rounds; r++) {
          // The same roll-up of the cells to area, SEN status and locality as ours, in both timings.
          duckTimes.push(
            await seconds(async () => {
              const cells = (await conn.runAndReadAll(DUCKDB_WEEKLY)).getRowObjectsJS() as Record<string, unknown>[];
              duckRows = rollUpWeekly(cells.map((c) => ({ week: String(c.week), sen: String(c.sen), locality: String(c.locality), possible: Number(c.possible), attending: Number(c.attending), pupils: Number(c.pupils) })));
            }),
          );
        }
        const a = checksum(oursRates);
        const b = checksum(duckRows);
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`DuckDB and our database disagree: ${JSON.stringify(a)} against ${JSON.stringify(b)}`);
        conn.closeSync?.();
        const oursMedian = median(ours);
        const keptMedian = median(kept);
        const duckMedian = median(duckTimes);
        table.push([
          String(scale),
          pupilWeeks.toLocaleString('en-GB'),
          exported.rows.toLocaleString('en-GB'),
          first.stored.toLocaleString('en-GB'),
          `${dayRows.toLocaleString('en-GB')} in ${median(imports).toFixed(2)}`,
          median(totals).toFixed(2),
          median(attendanceParts).toFixed(2),
          keptMedian.toFixed(3),
          oursMedian.toFixed(2),
          duckMedian.toFixed(2),
          (keptMedian / duckMedian).toFixed(2),
          (oursMedian / duckMedian).toFixed(1),
          load.toFixed(2),
        ]);
      } finally {
        duck.closeSync?.();
        await rm(dir, { recursive: true, force: true });
        await app.close();
      }
    }
    return {
      title: 'recomputing every indicator after a day\'s attendance import, and the weekly rates against DuckDB',
      measurements: [],
      tables: [
        {
          header: [
            'Scale', 'Pupil-weeks (2 years)', 'Pupil-weeks in 2025/26', 'Values stored', "Day's import: sessions in s", 'Recompute s', 'Attendance part s',
            'Weekly rates s (kept)', 'Weekly rates s (afresh)', 'Weekly rates s (DuckDB)', 'Kept ÷ DuckDB', 'Afresh ÷ DuckDB', 'DuckDB CSV load s',
          ],
          rows: table,
        },
      ],
      notes: [
        `Median of ${rounds} rounds after one unmeasured recompute; each round imports one more school day (AM and PM for every pupil on roll in the last week), then recomputes. ` +
          'Recompute: every indicator, every period and breakdown, stored in one transaction. ' +
          'Attendance part: the two academic years’ attendance, absence and exclusion values (bringing the kept weekly cells up to date, per-pupil sums, cohort tallies). ' +
          'Weekly rates: one academic year’s attendance by week, SEN status and locality, rolled up in JavaScript to the area, SEN status and locality each week. ' +
          'Kept: as the recompute gets them, the kept cells brought up to date for the weeks the day’s import changed (ADR 0017), then read and rolled up. ' +
          'Afresh: one aggregate over every pupil-week of the year joined to the pupils’ cohorts. ' +
          'DuckDB: the same aggregate afresh, on the same rows (exported from ours to CSV and loaded into an in-memory DuckDB table; the load is not in its time). ' +
          'The three results are checked equal (rows and sums) before the times are reported.',
      ],
    };
  },
};
