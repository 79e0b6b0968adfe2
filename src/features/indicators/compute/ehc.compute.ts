/**
 * The EHC pathway's indicators from casework. The rules are pure (ehcIndicatorValues); the
 * loader reads the rows they need.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { computeContributions, type IssuedPlan } from '../../advice/contributions.js';
import { loadIssuedPlans } from '../../advice/contributions.service.js';
import { anyExceptionApplies } from '../../ehc/clock/exceptions.js';
import { finalWithinTwentyWeeks } from '../../ehc/clock/timeliness.js';
import type { ComputeContext, ComputedValue, IndicatorComputation } from '../indicator.types.js';
import { addDays, academicYearsBetween, boundsOf, calendarYearOf } from '../periods.js';
import { RateTally } from './grouping.js';

export const SIX_WEEKS_IN_DAYS = 42;
/** The DfE counts plans maintained on the January census day; we take 15 January. */
export const CASELOAD_DAY = '-01-15';

export interface RequestFacts {
  id: string;
  receivedOn: string;
  decisionOn: string | null;
  finalIssuedOn: string | null;
  notIssuingOn: string | null;
  decision: string | null;
  locality: string | null;
  exceptions: readonly { kind: string; from: string; to: string; reason: string }[];
}

export interface AdviceFacts {
  agency: string;
  dueOn: string;
  receivedOn: string | null;
}

export interface ReviewFacts {
  dueBy: string;
  meetingOn: string | null;
  locality: string | null;
}

export interface PlanFacts {
  firstIssuedOn: string | null;
  ceasedOn: string | null;
}

export interface EhcFacts {
  requests: readonly RequestFacts[];
  advice: readonly AdviceFacts[];
  reviews: readonly ReviewFacts[];
  plans: readonly PlanFacts[];
  /** Issued plans with their health and social care advice, by calendar year. */
  issuedPlans: ReadonlyMap<string, readonly IssuedPlan[]>;
}

const locality = (l: string | null) => l?.trim() || 'Unknown';

/** The EHC indicators' values from casework facts, up to `today`. */
export function ehcIndicatorValues(facts: EhcFacts, today: string): ComputedValue[] {
  const twenty = new RateTally('ehcp-issued-within-20-weeks');
  const twentyEx = new RateTally('ehcp-issued-within-20-weeks-excluding-exceptions');
  const six = new RateTally('ehc-decision-within-6-weeks');
  for (const r of facts.requests) {
    if (r.finalIssuedOn && r.finalIssuedOn <= today) {
      const within = finalWithinTwentyWeeks(r.receivedOn, r.finalIssuedOn) === true;
      const year = calendarYearOf(r.finalIssuedOn);
      const groups = { locality: locality(r.locality) };
      twenty.add(year, within, groups);
      const exception = anyExceptionApplies(r.exceptions as never, r.receivedOn, r.finalIssuedOn);
      if (!exception) twentyEx.add(year, within, groups);
    }
    if (r.decisionOn && r.decisionOn <= today) {
      six.add(calendarYearOf(r.decisionOn), r.decisionOn <= addDays(r.receivedOn, SIX_WEEKS_IN_DAYS), { locality: locality(r.locality) });
    }
  }

  const advice = new RateTally('advice-on-time');
  for (const a of facts.advice) {
    if (a.dueOn > today) continue;
    advice.add(calendarYearOf(a.dueOn), a.receivedOn !== null && a.receivedOn <= a.dueOn, { agency: a.agency });
  }

  const reviews = new RateTally('annual-reviews-on-time');
  for (const r of facts.reviews) {
    if (r.dueBy > today) continue;
    reviews.add(calendarYearOf(r.dueBy), r.meetingOn !== null && r.meetingOn <= r.dueBy, { locality: locality(r.locality) });
  }

  const out: ComputedValue[] = [...twenty.values(), ...twentyEx.values(), ...six.values(), ...advice.values(), ...reviews.values()];

  for (const [year, plans] of facts.issuedPlans) {
    const c = computeContributions(plans, 'locality');
    for (const g of [{ ...c.total, group: '' }, ...c.groups]) {
      const breakdown = g.group === '' ? '' : 'locality';
      for (const [id, m] of [
        ['plans-with-health-contribution', g.health],
        ['plans-with-social-care-contribution', g.socialCare],
      ] as const) {
        const n = m.received - m.nilReturns;
        out.push({ indicatorId: id, period: year, breakdown, breakdownValue: g.group, numerator: n, denominator: g.plans, value: g.plans === 0 ? null : (100 * n) / g.plans });
      }
    }
  }

  // Plans maintained on each January census day up to today.
  const firstIssue = facts.plans.map((p) => p.firstIssuedOn).filter((d): d is string => d !== null).sort()[0];
  if (firstIssue) {
    for (const year of academicYearsBetween(firstIssue, today)) {
      const day = `${Number(year.slice(0, 4)) + 1}${CASELOAD_DAY}`;
      if (day > today || day < firstIssue) continue;
      const n = facts.plans.filter((p) => p.firstIssuedOn !== null && p.firstIssuedOn <= day && (p.ceasedOn === null || p.ceasedOn > day)).length;
      out.push({ indicatorId: 'ehc-plans-maintained', period: year, breakdown: '', breakdownValue: '', numerator: n, denominator: null, value: n });
    }
  }
  return out;
}

export async function loadEhcFacts(db: Kysely<DB>, today: string): Promise<EhcFacts> {
  const [requests, exceptions, advice, reviews, plans] = await Promise.all([
    db
      .selectFrom('ehc_requests as r')
      .innerJoin('children as c', 'c.id', 'r.child_id')
      .select(['r.id', 'r.received_on', 'r.decision_on', 'r.decision', 'r.final_issued_on', 'r.not_issuing_on', 'c.locality'])
      .execute(),
    db.selectFrom('ehc_exceptions').select(['request_id', 'kind', 'from_on', 'to_on', 'reason']).execute(),
    db.selectFrom('advice_requests').select(['agency', 'due_on', 'received_on']).where('request_id', 'is not', null).execute(),
    db
      .selectFrom('annual_reviews as a')
      .innerJoin('children as c', 'c.id', 'a.child_id')
      .select(['a.due_by', 'a.meeting_on', 'c.locality'])
      .execute(),
    db
      .selectFrom('plans as p')
      .leftJoin('plan_versions as v', (j) => j.onRef('v.plan_id', '=', 'p.id').on('v.kind', 'in', ['final', 'amended-final']))
      .select((eb) => ['p.id', 'p.ceased_on', eb.fn.min('v.issued_on').as('first_issued_on')])
      .groupBy(['p.id', 'p.ceased_on'])
      .execute(),
  ]);
  const exByRequest = new Map<string, RequestFacts['exceptions'][number][]>();
  for (const e of exceptions) {
    const list = exByRequest.get(e.request_id) ?? [];
    list.push({ kind: e.kind, from: e.from_on, to: e.to_on, reason: e.reason });
    exByRequest.set(e.request_id, list);
  }
  const years = new Set(requests.filter((r) => r.final_issued_on && r.final_issued_on <= today).map((r) => calendarYearOf(r.final_issued_on!)));
  const issuedPlans = new Map<string, IssuedPlan[]>();
  for (const year of [...years].sort()) issuedPlans.set(year, await loadIssuedPlans(db, boundsOf(year)));
  return {
    requests: requests.map((r) => ({
      id: r.id,
      receivedOn: r.received_on,
      decisionOn: r.decision_on,
      decision: r.decision,
      finalIssuedOn: r.final_issued_on,
      notIssuingOn: r.not_issuing_on,
      locality: r.locality,
      exceptions: exByRequest.get(r.id) ?? [],
    })),
    advice: advice.map((a) => ({ agency: a.agency, dueOn: a.due_on, receivedOn: a.received_on })),
    reviews: reviews.map((r) => ({ dueBy: r.due_by, meetingOn: r.meeting_on, locality: r.locality })),
    plans: plans.map((p) => ({ firstIssuedOn: (p.first_issued_on as string | null) ?? null, ceasedOn: p.ceased_on })),
    issuedPlans,
  };
}

export const ehcComputation: IndicatorComputation = {
  ids: [
    'ehcp-issued-within-20-weeks',
    'ehcp-issued-within-20-weeks-excluding-exceptions',
    'ehc-decision-within-6-weeks',
    'advice-on-time',
    'plans-with-health-contribution',
    'plans-with-social-care-contribution',
    'annual-reviews-on-time',
    'ehc-plans-maintained',
  ],
  async compute({ db, today }: ComputeContext) {
    return ehcIndicatorValues(await loadEhcFacts(db, today), today);
  },
};
