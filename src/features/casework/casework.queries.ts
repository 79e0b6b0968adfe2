import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { ClockInputError, computeAssessmentClock, type AssessmentClock, type ExceptionKind } from '../ehc/clock/index.js';
import type { Stage } from '../ehc/ehc.codes.js';

/** Stages in which a request still has work to do: the work queues show only these. */
export const OPEN_STAGES = ['requested', 'assessing', 'drafting', 'draft-issued'] as const satisfies readonly Stage[];
export type OpenStage = (typeof OPEN_STAGES)[number];
export const isOpenStage = (v: unknown): v is OpenStage => typeof v === 'string' && (OPEN_STAGES as readonly string[]).includes(v);

export interface QueueFilter {
  /** One officer's cases; 'none' for cases nobody is assigned to; absent for everyone's. */
  officer?: string | 'none';
  stage?: OpenStage;
  /** Part of the child's name. */
  search?: string;
}

export interface OpenCase {
  id: string;
  childId: string;
  childName: string;
  stage: OpenStage;
  receivedOn: string;
  officerUserId: string | null;
  officerName: string | null;
  /** Null when the recorded facts break the clock's rules: the case needs checking by hand. */
  clock: AssessmentClock | null;
}

/**
 * Every open case matching the filter, with its statutory clock, in three queries whatever
 * the number of cases: the requests, then their advice and their exceptions through the same
 * filter as a sub-query (no list of ids, so no limit on parameters), clocks computed in memory.
 */
export async function loadOpenCases(db: Db, filter: QueueFilter, today: string): Promise<OpenCase[]> {
  const matching = () => {
    let q = db.selectFrom('ehc_requests').innerJoin('children', 'children.id', 'ehc_requests.child_id').where('ehc_requests.stage', 'in', filter.stage ? [filter.stage] : [...OPEN_STAGES]);
    if (filter.officer === 'none') q = q.where('ehc_requests.officer_user_id', 'is', null);
    else if (filter.officer) q = q.where('ehc_requests.officer_user_id', '=', filter.officer);
    const words = filter.search?.trim().split(/\s+/).filter(Boolean) ?? [];
    for (const w of words) {
      const pattern = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where(sql<boolean>`concat(children.given_name, ' ', children.family_name) ilike ${pattern}`);
    }
    return q;
  };

  const [requests, advice, exceptions] = await Promise.all([
    matching()
      .leftJoin('users as officer', 'officer.id', 'ehc_requests.officer_user_id')
      .select([
        'ehc_requests.id', 'ehc_requests.child_id', 'ehc_requests.stage', 'ehc_requests.received_on', 'ehc_requests.officer_user_id',
        'ehc_requests.decision', 'ehc_requests.decision_on', 'ehc_requests.draft_issued_on', 'ehc_requests.comments_received_on',
        'ehc_requests.final_issued_on', 'ehc_requests.not_issuing_on',
        'children.given_name', 'children.family_name', 'officer.name as officer_name',
      ])
      .execute(),
    db
      .selectFrom('advice_requests')
      .select(['request_id', 'agency', 'asked_on', 'received_on', 'nil_return'])
      .where('request_id', 'in', matching().select('ehc_requests.id'))
      .orderBy('asked_on')
      .orderBy('agency')
      .execute(),
    db
      .selectFrom('ehc_exceptions')
      .select(['request_id', 'kind', 'from_on', 'to_on', 'reason'])
      .where('request_id', 'in', matching().select('ehc_requests.id'))
      .execute(),
  ]);

  const adviceOf = groupBy(advice, (a) => a.request_id!);
  const exceptionsOf = groupBy(exceptions, (e) => e.request_id);
  return requests.map((r) => {
    let clock: AssessmentClock | null;
    try {
      clock = computeAssessmentClock(
        {
          receivedOn: r.received_on,
          decision: r.decision && r.decision_on ? { on: r.decision_on, outcome: r.decision as 'assess' | 'not-assess' } : null,
          advice: (adviceOf.get(r.id) ?? []).map((a) => ({ agency: a.agency, askedOn: a.asked_on, receivedOn: a.received_on, nilReturn: a.nil_return })),
          draftIssuedOn: r.draft_issued_on,
          commentsReceivedOn: r.comments_received_on,
          finalIssuedOn: r.final_issued_on,
          notIssuingOn: r.not_issuing_on,
          exceptions: (exceptionsOf.get(r.id) ?? []).map((e) => ({ kind: e.kind as ExceptionKind, from: e.from_on, to: e.to_on, reason: e.reason })),
        },
        today,
      );
    } catch (e) {
      if (!(e instanceof ClockInputError)) throw e;
      clock = null;
    }
    return {
      id: r.id,
      childId: r.child_id,
      childName: `${r.given_name} ${r.family_name}`,
      stage: r.stage as OpenStage,
      receivedOn: r.received_on,
      officerUserId: r.officer_user_id,
      officerName: r.officer_name,
      clock,
    };
  });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** How many open requests nobody is assigned to (requests families made online, for one). */
export async function countUnassigned(db: Db): Promise<number> {
  const row = await db
    .selectFrom('ehc_requests')
    .select(db.fn.countAll<string>().as('n'))
    .where('stage', 'in', [...OPEN_STAGES])
    .where('officer_user_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The people cases can be assigned to, for the manager's filters and team view. */
export function caseworkers(db: Db) {
  return db.selectFrom('users').select(['id', 'name', 'role']).where('role', 'in', ['casework-officer', 'casework-manager']).where('disabled', '=', false).orderBy('name').execute();
}
