import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { pChart, poolPoints, poolSizeFor, type PChart, type PracticalSize, type RatePoint, type Side } from './spc/p-chart.js';
import { CAMHS_WAIT_WEEKS, SIGNAL_BASELINE_WEEKS, SIGNAL_RECENT_WEEKS, SIGNAL_PRACTICAL } from './rules/thresholds.js';
import { addDays, schoolYearStart } from './rules/dates.js';
import { keptSignalCells, provisionGroup, refreshSignalCells, weekMap, type SignalCellsRefresh } from './signal-cells.js';

/**
 * Signals: the p-chart of one weekly rate for each school, locality or cohort. Three measures:
 *
 * - school: the share of possible sessions missed by pupils on SEN Support or with an EHC plan
 *   (their status at the census before the week), study leave left out;
 * - locality: of accepted CAMHS referrals that reached 18 weeks in the week, the share not yet
 *   in treatment (nor discharged) by then, by the locality of the child's postcode;
 * - cohort: suspensions a pupil-week, for pupils in mainstream primary or secondary schools by
 *   SEN provision (no SEN, SEN Support with SEMH as primary need, SEN Support with other needs,
 *   EHC plan).
 */
export type SignalLevel = 'school' | 'locality' | 'cohort';

export interface SignalDefinition {
  level: SignalLevel;
  measure: string;
  /** What the rate counts, in words, for the page. */
  definition: string;
  /** What n and x are, for the table's headings. */
  nLabel: string;
  xLabel: string;
  badSide: Side;
  laney: boolean;
  /** Weeks with data in the baseline, or the first school year. */
  baselineWeeks: number | 'school-year';
  practical: PracticalSize;
}

export const SIGNALS: Record<SignalLevel, SignalDefinition> = {
  school: {
    level: 'school',
    measure: 'sen-absence',
    definition:
      'The share of possible sessions missed by pupils on SEN Support or with an EHC plan at the school, each week. A pupil’s SEN status is the one recorded at the census before that week. Study leave is left out: it is planned, and comes every summer.',
    nLabel: 'Sessions possible',
    xLabel: 'Sessions missed',
    badSide: 'above',
    laney: true,
    baselineWeeks: SIGNAL_BASELINE_WEEKS.school,
    practical: SIGNAL_PRACTICAL.school,
  },
  locality: {
    level: 'locality',
    measure: 'camhs-18-weeks',
    definition: `Of the accepted CAMHS referrals that reached ${CAMHS_WAIT_WEEKS} weeks in the week, the share not yet in treatment (nor discharged). The locality is that of the child’s postcode.`,
    nLabel: 'Referrals reaching 18 weeks',
    xLabel: 'Still waiting at 18 weeks',
    badSide: 'above',
    laney: false,
    baselineWeeks: SIGNAL_BASELINE_WEEKS.locality,
    practical: SIGNAL_PRACTICAL.locality,
  },
  cohort: {
    level: 'cohort',
    measure: 'suspensions',
    definition: 'Suspensions a pupil a week, for pupils in mainstream schools, by phase and SEN provision at the census before the suspension.',
    nLabel: 'Pupils on roll (pupil-weeks)',
    xLabel: 'Suspensions',
    badSide: 'above',
    laney: false,
    baselineWeeks: SIGNAL_BASELINE_WEEKS.cohort,
    practical: SIGNAL_PRACTICAL.cohort,
  },
};

export const COHORT_NAMES: Record<string, string> = {
  'primary:no-sen': 'Primary, no SEN',
  'primary:sen-support-semh': 'Primary, SEN Support for social, emotional and mental health',
  'primary:sen-support-other': 'Primary, SEN Support for other needs',
  'primary:ehc-plan': 'Primary, EHC plan',
  'secondary:no-sen': 'Secondary, no SEN',
  'secondary:sen-support-semh': 'Secondary, SEN Support for social, emotional and mental health',
  'secondary:sen-support-other': 'Secondary, SEN Support for other needs',
  'secondary:ehc-plan': 'Secondary, EHC plan',
};

export interface Series {
  level: SignalLevel;
  key: string;
  name: string;
  locality: string | null;
  points: RatePoint[];
}

export interface ComputedSignal extends Series {
  poolWeeks: number;
  baselineUntil: string;
  chart: PChart;
}

/**
 * Which census gives a pupil's SEN status in each week: the latest on or before the week's
 * Monday, or the first census for weeks before it. Census days are the same for every pupil, so
 * this is a small table (one row a week) rather than a range join over every pupil's censuses.
 * A pupil missing from that census (joined since) is not counted until the next.
 */
async function censusOfWeek(db: Db, today: string): Promise<[string, string][]> {
  const dates = (await sql<{ d: unknown }>`select distinct census_date as d from school_census where census_date <= ${today}`.execute(db)).rows
    .map((r) => (r.d instanceof Date ? r.d.toISOString().slice(0, 10) : String(r.d)))
    .sort();
  if (!dates.length) return [];
  const out: [string, string][] = [];
  const first = mondayOnOrBefore(addDays(dates[0]!, -400));
  for (let week = first; week <= today; week = addDays(week, 7)) {
    let census = dates[0]!;
    for (const d of dates) if (d <= week) census = d;
    out.push([week, census]);
  }
  return out;
}

function mondayOnOrBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

const num = (v: unknown) => Number(v);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const SEN_GROUPS = new Set(['sen-support-semh', 'sen-support-other', 'ehc-plan']);

/**
 * The school and cohort series from the kept weekly sums by school, week and SEN group (study
 * leave left out; brought up to date first, signal-cells.ts), and the suspensions by the same
 * groups.
 */
export async function schoolAndCohortSeries(db: Db, today: string): Promise<{ schools: Series[]; cohorts: Series[]; cells: SignalCellsRefresh }> {
  const map = await censusOfWeek(db, today);
  const cells = await refreshSignalCells(db, map);
  if (!map.length) return { schools: [], cohorts: [], cells };
  const sums = await keptSignalCells(db, today);
  const suspended = await sql<{ urn: string; week: unknown; grp: string; x: number }>`
    select x.urn, m.week_start as week, ${provisionGroup} as grp, count(*) as x
    from suspensions x
    join ${weekMap(map)} on m.week_start = x.start_date - (extract(isodow from x.start_date)::int - 1)
    join school_census c on c.upn = x.upn and c.census_date = m.census_date
    where x.category = 'suspension' and x.start_date <= ${today}
    group by 1, 2, 3`.execute(db);

  const details = await db.selectFrom('school_details').select(['urn', 'name', 'locality', 'type', 'phase']).execute();
  const byUrn = new Map<string, { name: string; locality: string | null; type: string | null; phase: string | null }>(details.map((d) => [d.urn, d]));
  // A school known as an organisation but not (yet) in a schools file still has its name.
  const orgs = await db.selectFrom('organisations').select(['code', 'name']).where('kind', 'in', ['school', 'ap-provider']).where('code', 'is not', null).execute();
  for (const o of orgs) if (!byUrn.has(o.code!)) byUrn.set(o.code!, { name: o.name, locality: null, type: null, phase: null });
  const cohortOf = (urn: string, grp: string) => {
    const d = byUrn.get(urn);
    return d?.type === 'mainstream' && (d.phase === 'primary' || d.phase === 'secondary') ? `${d.phase}:${grp}` : null;
  };

  const schools = new Map<string, Map<string, RatePoint>>();
  const cohorts = new Map<string, Map<string, RatePoint>>();
  const add = (m: Map<string, Map<string, RatePoint>>, key: string, week: string, n: number, x: number) => {
    let points = m.get(key);
    if (!points) m.set(key, (points = new Map()));
    const p = points.get(week) ?? { period: week, n: 0, x: 0 };
    p.n += n;
    p.x += x;
    points.set(week, p);
  };
  for (const r of sums) {
    const week = iso(r.week);
    if (SEN_GROUPS.has(r.grp)) add(schools, r.urn, week, num(r.n), num(r.x));
    const cohort = cohortOf(r.urn, r.grp);
    if (cohort) add(cohorts, cohort, week, num(r.pupils), 0);
  }
  for (const r of suspended.rows) {
    const cohort = cohortOf(r.urn, r.grp);
    const points = cohort ? cohorts.get(cohort) : undefined;
    const p = points?.get(iso(r.week));
    if (p) p.x += num(r.x);
  }
  return {
    cells,
    schools: [...schools].map(([urn, points]) => {
      const d = byUrn.get(urn);
      return { level: 'school' as const, key: urn, name: d?.name ?? `School ${urn}`, locality: d?.locality ?? null, points: [...points.values()] };
    }),
    cohorts: [...cohorts].map(([key, points]) => ({ level: 'cohort' as const, key, name: COHORT_NAMES[key] ?? key, locality: null, points: [...points.values()] })),
  };
}

export async function localitySeries(db: Db, today: string): Promise<Series[]> {
  const days = CAMHS_WAIT_WEEKS * 7;
  const rows = await sql<{ locality: string; week: string; n: number; x: number }>`
    select l.locality,
      ((r.referral_date + ${days}::int) - (extract(isodow from r.referral_date + ${days}::int)::int - 1)) as week,
      count(*) as n,
      count(*) filter (where (r.treatment_start_date is null or r.treatment_start_date > r.referral_date + ${days}::int)
                         and (r.discharge_date is null or r.discharge_date > r.referral_date + ${days}::int)) as x
    from camhs_referrals r
    join lateral (
      select locality from localities l
      where split_part(upper(coalesce(r.postcode, '')), ' ', 1) like l.postcode_prefix || '%'
      order by length(l.postcode_prefix) desc limit 1
    ) l on true
    where r.referral_outcome = 'accepted'
      and r.referral_date + ${days}::int <= least(r.extract_date, ${today}::date)
      and not (r.discharge_date is not null and r.treatment_start_date is null and r.discharge_date <= r.referral_date + ${days}::int)
    group by 1, 2`.execute(db);
  const series = new Map<string, Series>();
  for (const r of rows.rows) {
    let s = series.get(r.locality);
    if (!s) series.set(r.locality, (s = { level: 'locality', key: r.locality, name: r.locality, locality: r.locality, points: [] }));
    s.points.push({ period: iso(r.week), n: num(r.n), x: num(r.x) });
  }
  return [...series.values()];
}

/**
 * The baseline ends after the level's first `weeks` weeks with data in any of its series, or,
 * for 'school-year', on the first 1 September after its first week (when a later week exists).
 */
export function baselineUntil(all: readonly Series[], weeks: number | 'school-year'): string | null {
  const periods = [...new Set(all.flatMap((s) => s.points.filter((p) => p.n > 0).map((p) => p.period)))].sort();
  if (!periods.length) return null;
  if (weeks === 'school-year') {
    const until = addDays(schoolYearStart(periods[0]!), 0).replace(/^\d{4}/, (y) => String(Number(y) + 1));
    return periods.some((p) => p >= until) ? until : null;
  }
  if (periods.length <= weeks) return null;
  return periods[weeks]!;
}

/** Charts every series of a level: pooled where counts are small, then the p-chart. */
export function chartLevel(all: readonly Series[]): ComputedSignal[] {
  if (!all.length) return [];
  const until = baselineUntil(all, SIGNALS[all[0]!.level].baselineWeeks);
  return all.map((s) => {
    const def = SIGNALS[s.level];
    if (!until) {
      return { ...s, poolWeeks: 1, baselineUntil: '', chart: pChart(s.points, { baselineUntil: '0000-00-00', badSide: def.badSide, laney: def.laney }) };
    }
    const size = poolSizeFor(s.points, until);
    if (size === null) {
      const chart = pChart([], { baselineUntil: until, badSide: def.badSide, laney: def.laney });
      return { ...s, poolWeeks: 0, baselineUntil: until, chart: { ...chart, points: s.points.map((p) => ({ ...p, p: p.n > 0 ? p.x / p.n : null, limits: null, z: null, baseline: p.period < until, hits: [] })) } };
    }
    const points = poolPoints(s.points, size, until);
    const last = points.reduce((m, p) => (p.period > m ? p.period : m), '');
    const chart = pChart(points, { baselineUntil: until, badSide: def.badSide, laney: def.laney, recentFrom: addDays(last, -7 * (SIGNAL_RECENT_WEEKS - 1)), practical: def.practical });
    return { ...s, points, poolWeeks: size, baselineUntil: until, chart };
  });
}

export async function computeSignals(db: Db, today: string): Promise<{ signals: ComputedSignal[]; cells: SignalCellsRefresh }> {
  const { schools, cohorts, cells } = await schoolAndCohortSeries(db, today);
  const localities = await localitySeries(db, today);
  return { signals: [...chartLevel(schools), ...chartLevel(localities), ...chartLevel(cohorts)], cells };
}
