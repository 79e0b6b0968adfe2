/** Loads the plans issued in a period with their health and social care advice, and measures them. */
import type { Db } from '../../db/database.js';
import type { Agency } from '../ehc/ehc.codes.js';
import { computeContributions, type Contributions, type GroupBy, type IssuedPlan, type PlanAdvice } from './contributions.js';

export interface Period {
  from: string;
  to: string;
}

export function contributionsService() {
  return {
    async measure(db: Db, period: Period, by: GroupBy): Promise<Contributions> {
      return computeContributions(await loadIssuedPlans(db, period), by);
    },
  };
}

/** Plans whose final version was issued between from and to, inclusive, with their advice. */
export async function loadIssuedPlans(db: Db, period: Period): Promise<IssuedPlan[]> {
  const issued = db.selectFrom('ehc_requests').select('id').where('final_issued_on', '>=', period.from).where('final_issued_on', '<=', period.to);
  const [plans, advice] = await Promise.all([
    db
      .selectFrom('ehc_requests as r')
      .innerJoin('children as c', 'c.id', 'r.child_id')
      .select(['r.id', 'c.locality'])
      .where('r.id', 'in', issued)
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('advice_requests as a')
      .leftJoin('teams as t', 't.id', 'a.team_id')
      .select(['a.request_id', 'a.agency', 'a.team_id', 't.name as team_name', 'a.assignee_user_id', 'a.due_on', 'a.received_on', 'a.nil_return'])
      .where('a.request_id', 'in', issued)
      .where('a.agency', 'in', ['health', 'social-care'])
      .execute(),
  ]);

  // People asked by name are counted under their team: one of the request's agency if they
  // have several, else the first by name.
  const people = [...new Set(advice.filter((a) => !a.team_id && a.assignee_user_id).map((a) => a.assignee_user_id!))];
  const memberships = people.length
    ? await db
        .selectFrom('team_members as m')
        .innerJoin('teams as t', 't.id', 'm.team_id')
        .select(['m.user_id', 't.id', 't.name', 't.agency'])
        .where('m.user_id', 'in', people)
        .orderBy('t.name')
        .orderBy('t.id')
        .execute()
    : [];
  const teamOf = (a: (typeof advice)[number]): PlanAdvice['team'] => {
    if (a.team_id) return { id: a.team_id, name: a.team_name ?? '' };
    const theirs = memberships.filter((m) => m.user_id === a.assignee_user_id);
    const t = theirs.find((m) => m.agency === a.agency) ?? theirs[0];
    return t ? { id: t.id, name: t.name } : null;
  };

  const byRequest = new Map<string, PlanAdvice[]>();
  for (const a of advice) {
    const list = byRequest.get(a.request_id!) ?? [];
    list.push({ agency: a.agency as Agency, team: teamOf(a), dueOn: a.due_on, receivedOn: a.received_on, nilReturn: a.nil_return });
    byRequest.set(a.request_id!, list);
  }
  return plans.map((p) => ({ requestId: p.id, locality: p.locality, advice: byRequest.get(p.id) ?? [] }));
}

export type ContributionsService = ReturnType<typeof contributionsService>;
