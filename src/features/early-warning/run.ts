import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { attendanceFall, persistentAbsenceOnset, type RecentAttendance, type WeeksTotal, type YearAttendance } from './rules/attendance.js';
import { repeatedSuspensions, type Suspension } from './rules/suspensions.js';
import { senSupportCamhsWait, type CamhsReferral, type SenStatus } from './rules/camhs.js';
import { healthCheckNotFollowedUp, type FollowUps, type HealthCheck } from './rules/health-checks.js';
import { missingEducation, type CareEpisode } from './rules/missing-education.js';
import { apPastPlannedEnd, type ApPlacement } from './rules/ap.js';
import { addDays, schoolYearStart } from './rules/dates.js';
import { ATTENDANCE_BASELINE_WEEKS, ATTENDANCE_RECENT_WEEKS, HEALTH_CHECK_LOOKBACK_DAYS, REPEATED_SUSPENSIONS_WITHIN_DAYS } from './rules/thresholds.js';
import type { FlagCandidate, RuleId } from './rules/types.js';
import { computeSignals, SIGNALS, type ComputedSignal } from './signals.js';
import { SIGNAL_CELLS_STATE, type SignalCellsRefresh } from './signal-cells.js';
import { largeCatchUp } from '../data-hub/storage/attendance-changes.js';
import { studyLeaveSessions } from '../data-hub/storage/attendance-sessions.js';

export interface EarlyWarningRun {
  asOf: string;
  candidates: number;
  raised: number;
  refreshed: number;
  byRule: Record<string, number>;
  signals: { level: string; key: string; status: string }[];
  ms: { analyse: number; flags: number; signals: number; store: number };
  /** How the school signals' kept weekly sums were brought up to date. */
  signalCells: SignalCellsRefresh;
}

const num = (v: unknown) => Number(v ?? 0);
const iso = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const total = (weeks: unknown, possible: unknown, attended: unknown, from: unknown, to: unknown): WeeksTotal => ({
  weeks: num(weeks), possible: num(possible), attended: num(attended), from: iso(from), to: iso(to),
});

/** Sessions possible less study leave (planned, and not the absence a flag is about). */
const possibleLessStudyLeave = sql`(w.possible - ${studyLeaveSessions('w')})`;

/**
 * Each linked child's attendance, from one pass over the pupil-week rollups since the earlier of
 * half a year ago and the start of the school year: their last 4 and previous 12 school weeks
 * with sessions (attendance falling), and the school year so far with and without its last 4
 * weeks (persistent absence).
 */
async function childAttendance(db: Db, today: string): Promise<{ recent: RecentAttendance[]; year: YearAttendance[] }> {
  const recent = ATTENDANCE_RECENT_WEEKS;
  const last = ATTENDANCE_RECENT_WEEKS + ATTENDANCE_BASELINE_WEEKS;
  const halfYear = addDays(today, -183);
  const yearStart = schoolYearStart(today);
  const from = halfYear < yearStart ? halfYear : yearStart;
  const rows = await sql<Record<string, unknown>>`
    with w as (
      select w.child_id, w.urn, w.week_start, ${possibleLessStudyLeave} as possible, w.attending,
        row_number() over (partition by w.child_id order by w.week_start desc, w.urn) as rn
      from attendance_weeks w
      where w.child_id is not null and w.week_start <= ${today} and w.week_start >= ${from}
        and ${possibleLessStudyLeave} > 0
    )
    select child_id, max(week_start) as latest, (array_agg(urn order by week_start desc))[1] as urn,
      count(*) filter (where rn <= ${recent} and week_start > ${halfYear}) as r_weeks,
      sum(possible) filter (where rn <= ${recent} and week_start > ${halfYear}) as r_possible,
      sum(attending) filter (where rn <= ${recent} and week_start > ${halfYear}) as r_attended,
      min(week_start) filter (where rn <= ${recent} and week_start > ${halfYear}) as r_from,
      max(week_start) filter (where rn <= ${recent} and week_start > ${halfYear}) as r_to,
      array_agg(attending::float8 / possible order by week_start) filter (where rn <= ${recent} and week_start > ${halfYear}) as r_rates,
      count(*) filter (where rn > ${recent} and rn <= ${last} and week_start > ${halfYear}) as b_weeks,
      sum(possible) filter (where rn > ${recent} and rn <= ${last} and week_start > ${halfYear}) as b_possible,
      sum(attending) filter (where rn > ${recent} and rn <= ${last} and week_start > ${halfYear}) as b_attended,
      min(week_start) filter (where rn > ${recent} and rn <= ${last} and week_start > ${halfYear}) as b_from,
      max(week_start) filter (where rn > ${recent} and rn <= ${last} and week_start > ${halfYear}) as b_to,
      count(*) filter (where week_start >= ${yearStart}) as y_weeks,
      sum(possible) filter (where week_start >= ${yearStart}) as y_possible,
      sum(attending) filter (where week_start >= ${yearStart}) as y_attended,
      min(week_start) filter (where week_start >= ${yearStart}) as y_from,
      max(week_start) filter (where week_start >= ${yearStart}) as y_to,
      count(*) filter (where week_start >= ${yearStart} and rn > ${recent}) as e_weeks,
      sum(possible) filter (where week_start >= ${yearStart} and rn > ${recent}) as e_possible,
      sum(attending) filter (where week_start >= ${yearStart} and rn > ${recent}) as e_attended,
      max(week_start) filter (where week_start >= ${yearStart} and rn > ${recent}) as e_to
    from w group by child_id`.execute(db);
  const out = { recent: [] as RecentAttendance[], year: [] as YearAttendance[] };
  for (const r of rows.rows) {
    const childId = String(r.child_id);
    const urn = String(r.urn);
    const latestWeek = iso(r.latest)!;
    if (num(r.r_weeks) > 0) {
      out.recent.push({
        childId, urn, latestWeek,
        recent: total(r.r_weeks, r.r_possible, r.r_attended, r.r_from, r.r_to),
        baseline: total(r.b_weeks, r.b_possible, r.b_attended, r.b_from, r.b_to),
        recentWeekRates: ((r.r_rates as unknown[] | null) ?? []).map(Number),
      });
    }
    if (num(r.y_weeks) > 0) {
      out.year.push({
        childId, urn, latestWeek: iso(r.y_to)!,
        year: total(r.y_weeks, r.y_possible, r.y_attended, r.y_from, r.y_to),
        earlier: total(r.e_weeks, r.e_possible, r.e_attended, r.y_from, r.e_to),
      });
    }
  }
  return out;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Every rule over the data hub, as of `today`: the flags that should be open. */
export async function findFlags(db: Db, today: string, timings: Record<string, number> = {}): Promise<FlagCandidate[]> {
  const out: FlagCandidate[] = [];
  let mark = performance.now();
  const lap = (label: string) => {
    const now = performance.now();
    timings[label] = now - mark;
    mark = now;
  };
  const attendance = await childAttendance(db, today);
  lap('attendance-query');
  for (const a of attendance.recent) {
    const f = attendanceFall(a, today);
    if (f) out.push(f);
  }
  for (const a of attendance.year) {
    const f = persistentAbsenceOnset(a, today);
    if (f) out.push(f);
  }
  lap('attendance-rules');

  const suspensions = await db
    .selectFrom('suspensions')
    .select(['child_id', 'start_date', 'urn', 'sessions', 'reason'])
    .where('child_id', 'is not', null)
    .where('category', '=', 'suspension')
    .where('start_date', '<=', today)
    .where('start_date', '>', addDays(today, -2 * REPEATED_SUSPENSIONS_WITHIN_DAYS))
    .execute();
  for (const [childId, rows] of groupBy(suspensions, (r) => r.child_id!)) {
    const list: Suspension[] = rows.map((r) => ({ startDate: iso(r.start_date)!, urn: r.urn, sessions: r.sessions, reason: r.reason }));
    const f = repeatedSuspensions(childId, list, today);
    if (f) out.push(f);
  }
  lap('suspensions');

  // SEN status at each child's latest census on or before today.
  const senRows = await sql<{ child_id: string; sen_provision: string; census_date: unknown; urn: string }>`
    select distinct on (child_id) child_id, sen_provision, census_date, urn
    from school_census where child_id is not null and census_date <= ${today}
    order by child_id, census_date desc`.execute(db);
  const sen = new Map<string, SenStatus>(senRows.rows.map((r) => [r.child_id, { provision: r.sen_provision, censusDate: iso(r.census_date)!, urn: r.urn }]));

  const waiting = await db
    .selectFrom('camhs_referrals')
    .select(['child_id', 'referral_id', 'provider_code', 'referral_date', 'referral_outcome', 'first_contact_date', 'treatment_start_date', 'discharge_date', 'extract_date'])
    .where('child_id', 'is not', null)
    .where('referral_outcome', '=', 'accepted')
    .where('referral_date', '<=', today)
    .where((eb) => eb.or([eb('treatment_start_date', 'is', null), eb('treatment_start_date', '>', today)]))
    .execute();
  for (const [childId, rows] of groupBy(waiting, (r) => r.child_id!)) {
    const refs: CamhsReferral[] = rows.map((r) => ({
      referralId: r.referral_id, providerCode: r.provider_code, referralDate: iso(r.referral_date)!, outcome: r.referral_outcome,
      firstContactDate: iso(r.first_contact_date), treatmentStartDate: iso(r.treatment_start_date), dischargeDate: iso(r.discharge_date), extractDate: iso(r.extract_date)!,
    }));
    out.push(...senSupportCamhsWait(childId, sen.get(childId) ?? null, refs, today));
  }
  lap('camhs');

  const oldest = addDays(today, -HEALTH_CHECK_LOOKBACK_DAYS);
  const checks = await db
    .selectFrom('health_checks')
    .select(['child_id', 'natural_key', 'check_type', 'due_date', 'completed_date', 'outcome'])
    .where('child_id', 'is not', null)
    .where((eb) => eb.or([
      eb.and([eb('outcome', '=', 'not-seen'), eb('due_date', '>=', oldest), eb('due_date', '<=', today)]),
      eb.and([eb('outcome', '=', 'concern'), eb('completed_date', '>=', oldest), eb('completed_date', '<=', today)]),
    ]))
    .execute();
  if (checks.length) {
    const ids = [...new Set(checks.map((c) => c.child_id!))];
    const follow = new Map<string, FollowUps>();
    const get = (id: string) => follow.get(id) ?? (follow.set(id, { lastCheckDone: null, lastCamhsReferral: null, lastSenCensus: null, lastEhcRequest: null }), follow.get(id)!);
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const done = await db.selectFrom('health_checks').select(['child_id', (eb) => eb.fn.max('completed_date').as('d')]).where('child_id', 'in', chunk).where('completed_date', '<=', today).groupBy('child_id').execute();
      for (const r of done) get(r.child_id!).lastCheckDone = iso(r.d);
      const camhs = await db.selectFrom('camhs_referrals').select(['child_id', (eb) => eb.fn.max('referral_date').as('d')]).where('child_id', 'in', chunk).where('referral_date', '<=', today).groupBy('child_id').execute();
      for (const r of camhs) get(r.child_id!).lastCamhsReferral = iso(r.d);
      const census = await db.selectFrom('school_census').select(['child_id', (eb) => eb.fn.max('census_date').as('d')]).where('child_id', 'in', chunk).where('sen_provision', 'in', ['K', 'E']).where('census_date', '<=', today).groupBy('child_id').execute();
      for (const r of census) get(r.child_id!).lastSenCensus = iso(r.d);
      const ehc = await db.selectFrom('ehc_requests').select(['child_id', (eb) => eb.fn.max('received_on').as('d')]).where('child_id', 'in', chunk).where('received_on', '<=', today).groupBy('child_id').execute();
      for (const r of ehc) get(r.child_id).lastEhcRequest = iso(r.d);
    }
    for (const [childId, rows] of groupBy(checks, (r) => r.child_id!)) {
      const list: HealthCheck[] = rows.map((r) => ({ key: r.natural_key, checkType: r.check_type, dueDate: iso(r.due_date), completedDate: iso(r.completed_date), outcome: r.outcome }));
      out.push(...healthCheckNotFollowedUp(childId, list, get(childId), today));
    }
  }
  lap('health-checks');

  const cme = await db
    .selectFrom('social_care_episodes')
    .select(['child_id', 'natural_key', 'status', 'start_date', 'end_date', 'la_child_id'])
    .where('child_id', 'is not', null)
    .where('status', '=', 'CME')
    .execute();
  for (const [childId, rows] of groupBy(cme, (r) => r.child_id!)) {
    const list: CareEpisode[] = rows.map((r) => ({ key: r.natural_key, status: r.status, startDate: iso(r.start_date)!, endDate: iso(r.end_date), laChildId: r.la_child_id }));
    out.push(...missingEducation(childId, list, today));
  }

  const ap = await db
    .selectFrom('ap_placements')
    .select(['child_id', 'natural_key', 'ap_urn', 'commissioner', 'start_date', 'planned_end_date', 'end_date', 'sessions_per_week', 'reason'])
    .where('child_id', 'is not', null)
    .where('planned_end_date', 'is not', null)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', today)]))
    .execute();
  for (const [childId, rows] of groupBy(ap, (r) => r.child_id!)) {
    const list: ApPlacement[] = rows.map((r) => ({
      key: r.natural_key, apUrn: r.ap_urn, commissioner: r.commissioner, startDate: iso(r.start_date)!, plannedEndDate: iso(r.planned_end_date),
      endDate: iso(r.end_date), sessionsPerWeek: r.sessions_per_week, reason: r.reason,
    }));
    out.push(...apPastPlannedEnd(childId, list, today));
  }
  lap('cme-and-ap');
  return out;
}

/**
 * Stores the flags: a new one is raised; one already there and still open has its evidence
 * brought up to date; one already closed stays closed (it was reviewed). All in one transaction.
 */
async function storeFlags(db: Db, candidates: readonly FlagCandidate[], today: string): Promise<{ raised: number; refreshed: number }> {
  if (!candidates.length) return { raised: 0, refreshed: 0 };
  const orgs = await db.selectFrom('organisations').select(['id', 'code']).where('kind', 'in', ['school', 'ap-provider']).where('code', 'is not', null).execute();
  const orgByUrn = new Map(orgs.map((o) => [o.code!, o.id]));
  const schools = await db.selectFrom('school_details').select(['urn', 'locality']).execute();
  const localityByUrn = new Map(schools.map((s) => [s.urn, s.locality]));
  const children = new Set(candidates.map((c) => c.childId));
  const existing = new Map<string, 'open' | 'closed'>();
  const ids = [...children];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db.selectFrom('early_warning_flags').select(['rule', 'child_id', 'episode', 'status']).where('child_id', 'in', ids.slice(i, i + 1000)).execute();
    for (const r of rows) existing.set(`${r.rule}|${r.child_id}|${r.episode}`, r.status);
  }
  let raised = 0;
  let refreshed = 0;
  const fresh = candidates.filter((c) => !existing.has(`${c.rule}|${c.childId}|${c.episode}`));
  const open = candidates.filter((c) => existing.get(`${c.rule}|${c.childId}|${c.episode}`) === 'open');
  const row = (c: FlagCandidate) => ({
    rule: c.rule, child_id: c.childId, episode: c.episode, team: c.team,
    organisation_id: c.urn ? orgByUrn.get(c.urn) ?? null : null, urn: c.urn, locality: c.urn ? localityByUrn.get(c.urn) ?? null : null,
    summary: c.summary, evidence: JSON.stringify(c.evidence), raised_on: today, updated_on: today,
  });
  await inTransaction(db, async (tx) => {
    for (let i = 0; i < fresh.length; i += 500) {
      const r = await tx.insertInto('early_warning_flags').values(fresh.slice(i, i + 500).map(row)).onConflict((oc) => oc.columns(['rule', 'child_id', 'episode']).doNothing()).executeTakeFirst();
      raised += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    // Open flags' evidence, 500 at a time in one statement each.
    for (let i = 0; i < open.length; i += 500) {
      const values = open.slice(i, i + 500).map((c) => {
        const r = row(c);
        return sql`(${r.rule}, ${r.child_id}::uuid, ${r.episode}, ${r.summary}, ${r.evidence}::jsonb, ${r.urn}, ${r.organisation_id}::uuid, ${r.locality})`;
      });
      const result = await sql`
        update early_warning_flags f
        set summary = v.summary, evidence = v.evidence, updated_on = ${today}::date, urn = v.urn, organisation_id = v.organisation_id, locality = v.locality
        from (values ${sql.join(values)}) as v(rule, child_id, episode, summary, evidence, urn, organisation_id, locality)
        where f.rule = v.rule and f.child_id = v.child_id and f.episode = v.episode and f.status = 'open'`.execute(tx);
      refreshed += Number(result.numAffectedRows ?? 0);
    }
  });
  return { raised, refreshed };
}

/** Replaces the stored signals with this run's. */
async function storeSignals(db: Db, signals: readonly ComputedSignal[], today: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('early_warning_signals').execute();
    for (let i = 0; i < signals.length; i += 200) {
      await tx
        .insertInto('early_warning_signals')
        .values(
          signals.slice(i, i + 200).map((s) => ({
            level: s.level, unit_key: s.key, unit_name: s.name, locality: s.locality, measure: SIGNALS[s.level].measure, status: s.chart.status,
            pool_weeks: s.poolWeeks, baseline_until: s.baselineUntil || null, centre: s.chart.centre, sigma_z: s.chart.sigmaZ, recent_rate: s.chart.recentRate,
            first_signal_period: s.chart.firstSignal?.period ?? null, first_signal_rule: s.chart.firstSignal?.rule ?? null,
            points: JSON.stringify(s.chart.points), as_of: today,
          })),
        )
        .execute();
    }
  });
}

/**
 * The early-warning run: every rule over every child, and every signal, as of `today`.
 * Idempotent: a flag already raised for the same child, rule and episode is not raised again
 * (an open one has its evidence updated). Call it after each import, or from the CLI.
 */
export async function runEarlyWarning(db: Db, options: { today: string }): Promise<EarlyWarningRun> {
  const today = options.today;
  const started = new Date();
  const t0 = performance.now();
  // Fresh statistics for the planner: an import has just changed these tables, and without them
  // (PGlite has no autovacuum) PostgreSQL joins the census to the rollups by index, pupil by
  // pupil, ten times slower than by hash. Only the columns the run joins and filters on: the
  // sessions text of every sampled pupil-week cost more than half of it.
  await sql`analyze school_census`.execute(db);
  // The rollups only when the signals' sums have much to catch up: after a day's import their
  // statistics barely move, and sampling every monthly partition costs more than the run's signals.
  if (await largeCatchUp(db, 'early-warning', SIGNAL_CELLS_STATE)) await sql`analyze attendance_weeks (upn, child_id, urn, week_start)`.execute(db);
  const tAnalyse = performance.now();
  const candidates = await findFlags(db, today);
  const t1 = performance.now();
  const { signals, cells } = await computeSignals(db, today);
  const t2 = performance.now();
  const { raised, refreshed } = await storeFlags(db, candidates, today);
  await storeSignals(db, signals, today);
  const byRule: Record<string, number> = {};
  for (const c of candidates) byRule[c.rule] = (byRule[c.rule] ?? 0) + 1;
  const t3 = performance.now();
  await db.insertInto('early_warning_runs').values({
    as_of: today, started_at: started, flags_raised: raised, flags_refreshed: refreshed, signals: signals.length,
    details: JSON.stringify({ byRule, signalCells: cells, ms: { analyse: Math.round(tAnalyse - t0), flags: Math.round(t1 - tAnalyse), signals: Math.round(t2 - t1), store: Math.round(t3 - t2) } }),
  }).execute();
  return {
    asOf: today,
    candidates: candidates.length,
    raised,
    refreshed,
    byRule: byRule as Record<RuleId, number>,
    signals: signals.map((s) => ({ level: s.level, key: s.key, status: s.chart.status })),
    ms: { analyse: tAnalyse - t0, flags: t1 - tAnalyse, signals: t2 - t1, store: t3 - t2 },
    signalCells: cells,
  };
}
