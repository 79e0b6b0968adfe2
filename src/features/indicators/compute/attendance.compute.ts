/**
 * Attendance, persistent and severe absence, and exclusions, by academic year and cohort. The
 * heavy part (the pupil-week rollups) is set-based SQL; the tallies over pupils are pure.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { ComputedValue, IndicatorComputation } from '../indicator.types.js';
import { boundsOf } from '../periods.js';
import { cohortGroups, loadCohorts, type Cohort } from './cohorts.js';
import { RateTally } from './grouping.js';
import { keptWeeklyCells, weeklyCellsAfresh } from './weekly-cells.js';
import { attendanceYearFingerprint, keepYear, keptYear } from './kept-years.js';

/** Persistent absence: 10% or more of possible sessions missed; severe: 50% or more (DfE). */
export const PERSISTENT_ABSENCE = 0.1;
export const SEVERE_ABSENCE = 0.5;

export interface PupilAttendance {
  upn: string;
  possible: number;
  attending: number;
}

/** Attendance, persistent and severe absence from each pupil's year so far. Pure. */
export function attendanceValues(period: string, pupils: readonly PupilAttendance[], cohorts: ReadonlyMap<string, Cohort>): ComputedValue[] {
  const rate = new RateTally('attendance-rate');
  const persistent = new RateTally('persistent-absence');
  const severe = new RateTally('severe-absence');
  for (const p of pupils) {
    if (p.possible <= 0) continue;
    const groups = cohortGroups(cohorts.get(p.upn));
    const absent = p.possible - p.attending;
    rate.add(period, p.attending, groups, { d: p.possible, child: p.upn });
    persistent.add(period, absent >= PERSISTENT_ABSENCE * p.possible, groups);
    severe.add(period, absent >= SEVERE_ABSENCE * p.possible, groups);
  }
  return [...rate.values(), ...persistent.values(), ...severe.values()];
}

export interface SuspensionFacts {
  upn: string;
  category: string;
}

/** Suspension and permanent exclusion rates, and pupils with one or more suspensions. Pure. */
export function exclusionValues(period: string, cohorts: ReadonlyMap<string, Cohort>, events: readonly SuspensionFacts[]): ComputedValue[] {
  const suspensions = new Map<string, number>();
  const permanent = new Map<string, number>();
  for (const e of events) {
    const m = e.category === 'permanent' ? permanent : suspensions;
    m.set(e.upn, (m.get(e.upn) ?? 0) + 1);
  }
  const sRate = new RateTally('suspension-rate');
  const pRate = new RateTally('permanent-exclusion-rate', 10_000);
  const oneOrMore = new RateTally('one-or-more-suspensions');
  for (const c of cohorts.values()) {
    const groups = cohortGroups(c);
    const s = suspensions.get(c.upn) ?? 0;
    sRate.add(period, s, groups, { child: c.upn });
    pRate.add(period, permanent.get(c.upn) ?? 0, { locality: c.locality, 'sen-provision': c.sen }, { child: c.upn });
    oneOrMore.add(period, s > 0, groups);
  }
  return [...sRate.values(), ...pRate.values(), ...oneOrMore.values()];
}

/** Each pupil's possible and attended sessions in a period: one pass over the rollups. */
export async function pupilAttendance(db: Kysely<DB>, from: string, to: string): Promise<PupilAttendance[]> {
  const rows = await sql<{ upn: string; possible: number; attending: number }>`
    select upn, sum(possible)::bigint as possible, sum(attending)::bigint as attending
    from attendance_weeks where week_start >= ${from}::date and week_start <= ${to}::date
    group by upn
  `.execute(db);
  return rows.rows.map((r) => ({ upn: r.upn, possible: Number(r.possible), attending: Number(r.attending) }));
}

export interface WeeklyRate {
  week: string;
  breakdown: '' | 'sen-provision' | 'locality';
  group: string;
  possible: number;
  attending: number;
  pupils: number;
}

/** The weekly sums by week, SEN status and locality, as the cells hold them (weekly-cells.ts). */
export interface WeeklyCell {
  week: string;
  sen: string;
  locality: string;
  possible: number;
  attending: number;
  pupils: number;
}

/** Rolls the cells up to the whole area, by SEN status and by locality, each week. Pure. */
export function rollUpWeekly(cells: readonly WeeklyCell[]): WeeklyRate[] {
  const out = new Map<string, WeeklyRate>();
  for (const c of cells) {
    for (const [breakdown, group] of [['', ''], ['sen-provision', c.sen], ['locality', c.locality]] as const) {
      const key = `${c.week}\u0000${breakdown}\u0000${group}`;
      const r = out.get(key) ?? { week: c.week, breakdown, group, possible: 0, attending: 0, pupils: 0 };
      r.possible += c.possible;
      r.attending += c.attending;
      r.pupils += c.pupils;
      out.set(key, r);
    }
  }
  return [...out.values()];
}

/** A year's weekly attendance for the whole area, by SEN status and by locality, aggregated afresh from every pupil-week. */
export async function weeklyRates(db: Kysely<DB>, period: string, from: string, to: string): Promise<WeeklyRate[]> {
  return rollUpWeekly(await weeklyCellsAfresh(db, period, from, to));
}

export function weeklyValues(rates: readonly WeeklyRate[]): ComputedValue[] {
  return rates.map((r) => ({
    indicatorId: 'attendance-rate-weekly',
    period: r.week,
    breakdown: r.breakdown,
    breakdownValue: r.group,
    numerator: r.attending,
    denominator: r.possible,
    value: r.possible === 0 ? null : (100 * r.attending) / r.possible,
    children: r.pupils,
  }));
}

/** The academic years in the data, as the recompute passes them in. */
export function attendanceComputation(years: () => readonly string[], today: string): IndicatorComputation {
  return {
    ids: ['attendance-rate', 'attendance-rate-weekly', 'persistent-absence', 'severe-absence', 'suspension-rate', 'permanent-exclusion-rate', 'one-or-more-suspensions'],
    async compute({ db }) {
      const out: ComputedValue[] = [];
      for (const period of years()) {
        const { from } = boundsOf(period);
        const to = boundsOf(period).to < today ? boundsOf(period).to : today;
        // A year whose pupil-weeks, cohorts and suspensions are as they were: its values as kept.
        const fingerprint = await attendanceYearFingerprint(db, period, to);
        const kept = await keptYear(db, 'attendance', period, fingerprint);
        if (kept) {
          out.push(...kept);
          continue;
        }
        const cohorts = await loadCohorts(db, period);
        const [pupils, weekly, events] = await Promise.all([
          pupilAttendance(db, from, to),
          // Kept between recomputes (weekly-cells.ts); the recompute brings them up to date first.
          keptWeeklyCells(db, period, from, to).then(rollUpWeekly),
          db.selectFrom('suspensions').select(['upn', 'category']).where('start_date', '>=', from).where('start_date', '<=', to).execute(),
        ]);
        const values = [...attendanceValues(period, pupils, cohorts), ...weeklyValues(weekly), ...(cohorts.size > 0 ? exclusionValues(period, cohorts, events) : [])];
        await keepYear(db, 'attendance', period, fingerprint, values);
        out.push(...values);
      }
      return out;
    },
  };
}
