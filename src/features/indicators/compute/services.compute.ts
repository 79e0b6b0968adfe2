/**
 * Developmental checks, alternative provision, post-16 activity and SEN rates. Pure rules over
 * facts; the loaders read them.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { ComputedValue, IndicatorComputation } from '../indicator.types.js';
import { academicYearOf, addDays, boundsOf, daysBetween } from '../periods.js';
import { median } from '../stats.js';
import { loadCohorts, type Cohort } from './cohorts.js';
import { RateTally } from './grouping.js';

const SEEN = new Set(['no-concern', 'concern', 'referred']);
const CONCERN = new Set(['concern', 'referred']);
/** How long after a concern a SEN record still counts as confirming it. */
export const CONFIRMATION_DAYS = 365;

export interface CheckFacts {
  checkType: string;
  dueDate: string | null;
  completedDate: string | null;
  outcome: string | null;
  locality: string;
  /** For concerns: whether the child was recorded with SEN within 12 months after the check; null when not linked. */
  confirmedSen: boolean | null;
}

export function healthCheckValues(checks: readonly CheckFacts[], today: string): ComputedValue[] {
  const coverage = new RateTally('health-check-coverage');
  const confirmed = new RateTally('health-check-concern-confirmed-send');
  const ripe = addDays(today, -CONFIRMATION_DAYS);
  for (const c of checks) {
    if (c.dueDate && c.dueDate <= today) {
      coverage.add(academicYearOf(c.dueDate), c.outcome !== null && SEEN.has(c.outcome), { 'check-type': c.checkType, locality: c.locality });
    }
    if (c.completedDate && c.outcome && CONCERN.has(c.outcome) && c.completedDate <= ripe && c.confirmedSen !== null) {
      confirmed.add(academicYearOf(c.completedDate), c.confirmedSen, { 'check-type': c.checkType });
    }
  }
  return [...coverage.values(), ...confirmed.values()];
}

export async function loadChecks(db: Kysely<DB>): Promise<CheckFacts[]> {
  const [checks, sen] = await Promise.all([
    sql<{ check_type: string; due_date: string | null; completed_date: string | null; outcome: string | null; locality: string | null; child_id: string | null }>`
      select h.check_type, h.due_date, h.completed_date, h.outcome, l.locality, h.child_id
      from health_checks h left join localities l on l.postcode_prefix = split_part(h.postcode, ' ', 1)
    `.execute(db),
    db.selectFrom('school_census').select(['child_id', 'census_date']).where('sen_provision', 'in', ['E', 'K']).where('child_id', 'is not', null).execute(),
  ]);
  const senDates = new Map<string, string[]>();
  for (const r of sen) {
    const list = senDates.get(r.child_id!) ?? [];
    list.push(r.census_date);
    senDates.set(r.child_id!, list);
  }
  return checks.rows.map((r) => {
    let confirmedSen: boolean | null = null;
    if (r.child_id !== null) {
      const from = r.completed_date;
      const to = from === null ? null : addDays(from, CONFIRMATION_DAYS);
      confirmedSen = from !== null && (senDates.get(r.child_id) ?? []).some((d) => d >= from && d <= to!);
    }
    return { checkType: r.check_type, dueDate: r.due_date, completedDate: r.completed_date, outcome: r.outcome, locality: r.locality ?? 'Unknown', confirmedSen };
  });
}

export interface PlacementFacts {
  upn: string;
  startDate: string;
  endDate: string | null;
  outcome: string | null;
}

const BACK_TO_SCHOOL = new Set(['reintegrated', 'new-school']);

export function apValues(placements: readonly PlacementFacts[], years: readonly string[], senOf: (period: string, upn: string) => string | undefined, today: string): ComputedValue[] {
  const out: ComputedValue[] = [];
  const back = new RateTally('ap-reintegration');
  for (const period of years) {
    const { from, to: end } = boundsOf(period);
    const to = end < today ? end : today;
    if (from > today) continue;
    const inAp = new Map<string, Set<string>>();
    const lengths = new Map<string, number[]>();
    const add = <T>(m: Map<string, T[]> | Map<string, Set<T>>, key: string, v: T) => {
      const cur = (m as Map<string, unknown>).get(key);
      if (cur instanceof Set) cur.add(v);
      else if (Array.isArray(cur)) cur.push(v);
    };
    for (const p of placements) {
      const sen = senOf(period, p.upn) ?? 'unknown';
      if (p.startDate <= to && (p.endDate === null || p.endDate >= from)) {
        for (const key of ['', sen]) {
          if (!inAp.has(key)) inAp.set(key, new Set());
          add(inAp, key, p.upn);
        }
      }
      if (p.endDate && p.endDate >= from && p.endDate <= to) {
        const weeks = daysBetween(p.startDate, p.endDate) / 7;
        for (const key of ['', sen]) {
          if (!lengths.has(key)) lengths.set(key, []);
          add(lengths, key, weeks);
        }
        back.add(period, p.outcome !== null && BACK_TO_SCHOOL.has(p.outcome), { 'sen-provision': sen });
      }
    }
    for (const [key, set] of inAp) {
      out.push({ indicatorId: 'children-in-ap', period, breakdown: key === '' ? '' : 'sen-provision', breakdownValue: key, numerator: set.size, denominator: null, value: set.size });
    }
    for (const [key, weeks] of lengths) {
      out.push({ indicatorId: 'ap-median-length', period, breakdown: key === '' ? '' : 'sen-provision', breakdownValue: key, numerator: null, denominator: weeks.length, value: median(weeks) });
    }
  }
  return [...out, ...back.values()];
}

export interface ActivityFacts {
  month: string;
  activity: string;
  sen: string;
  /** Young people with this month, activity and SEN status (1 for a single record). */
  count?: number;
}

const EET = new Set(['education', 'apprenticeship', 'employment', 'training']);

export function post16Values(rows: readonly ActivityFacts[]): ComputedValue[] {
  const eet = new RateTally('post16-in-education-employment-training');
  const neet = new RateTally('neet-rate');
  const unknown = new RateTally('post16-activity-not-known');
  for (const r of rows) {
    const n = r.count ?? 1;
    const groups = { 'sen-provision': r.sen };
    unknown.add(r.month, r.activity === 'unknown' ? n : 0, groups, { d: n });
    if (r.activity === 'unknown') continue;
    eet.add(r.month, EET.has(r.activity) ? n : 0, groups, { d: n });
    neet.add(r.month, r.activity === 'neet' ? n : 0, groups, { d: n });
  }
  return [...eet.values(), ...neet.values(), ...unknown.values()];
}

/** Post-16 records counted by month, activity and SEN status (the latest census's), up to today's month. */
export async function loadActivity(db: Kysely<DB>, today: string): Promise<ActivityFacts[]> {
  const rows = await sql<{ month: string; activity: string; sen: string; n: number }>`
    select left(p.month, 7) as month, p.activity, coalesce(c.sen_provision, 'unknown') as sen, count(*)::bigint as n
    from post16_activity p
    left join (select distinct on (upn) upn, sen_provision from indicator_cohorts order by upn, period desc) c on c.upn = p.upn
    where left(p.month, 7) <= ${today.slice(0, 7)}
    group by 1, 2, 3
  `.execute(db);
  return rows.rows.map((r) => ({ month: r.month, activity: r.activity, sen: r.sen, count: Number(r.n) }));
}

/** SEN support and EHC plan rates among pupils on the latest census of the year. */
export function senValues(period: string, cohorts: ReadonlyMap<string, Cohort>): ComputedValue[] {
  const support = new RateTally('sen-support-rate');
  const plans = new RateTally('ehcp-rate');
  const byNeed = { K: new Map<string, number>(), E: new Map<string, number>() };
  for (const c of cohorts.values()) {
    const groups = { locality: c.locality, school: c.urn, fsm: c.fsm, 'social-care': c.socialCare };
    support.add(period, c.sen === 'K', groups);
    plans.add(period, c.sen === 'E', groups);
    if (c.sen === 'K' || c.sen === 'E') byNeed[c.sen].set(c.need, (byNeed[c.sen].get(c.need) ?? 0) + 1);
  }
  const out = [...support.values(), ...plans.values()];
  const total = cohorts.size;
  for (const [sen, id] of [['K', 'sen-support-rate'], ['E', 'ehcp-rate']] as const) {
    for (const [need, n] of byNeed[sen]) {
      out.push({ indicatorId: id, period, breakdown: 'primary-need', breakdownValue: need, numerator: n, denominator: total, value: total === 0 ? null : (100 * n) / total });
    }
  }
  return out;
}

export function servicesComputation(years: () => readonly string[]): IndicatorComputation {
  return {
    ids: [
      'health-check-coverage',
      'health-check-concern-confirmed-send',
      'children-in-ap',
      'ap-median-length',
      'ap-reintegration',
      'post16-in-education-employment-training',
      'neet-rate',
      'post16-activity-not-known',
      'sen-support-rate',
      'ehcp-rate',
    ],
    async compute({ db, today }) {
      const cohortsByYear = new Map<string, Map<string, Cohort>>();
      for (const period of years()) cohortsByYear.set(period, await loadCohorts(db, period));
      const latestSen = new Map<string, string>();
      for (const cohorts of cohortsByYear.values()) for (const c of cohorts.values()) latestSen.set(c.upn, c.sen);
      const [checks, placements, activity] = await Promise.all([
        loadChecks(db),
        db.selectFrom('ap_placements').select(['upn', 'start_date', 'end_date', 'outcome']).execute(),
        loadActivity(db, today),
      ]);
      const out: ComputedValue[] = [...healthCheckValues(checks, today)];
      out.push(
        ...apValues(
          placements.map((p) => ({ upn: p.upn, startDate: p.start_date, endDate: p.end_date, outcome: p.outcome })),
          years(),
          (period, upn) => cohortsByYear.get(period)?.get(upn)?.sen ?? latestSen.get(upn),
          today,
        ),
      );
      out.push(...post16Values(activity));
      for (const [period, cohorts] of cohortsByYear) if (cohorts.size > 0) out.push(...senValues(period, cohorts));
      return out;
    },
  };
}
