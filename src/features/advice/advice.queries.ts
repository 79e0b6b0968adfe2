/** The advice pages' queries. Each takes the database first; no rules here. */
import type { Expression, SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CurrentUser } from '../../platform/auth/users.service.js';
import type { Agency } from '../ehc/ehc.codes.js';

/** The most answered requests the queue lists (newest first); outstanding ones are all shown. */
export const ANSWERED_LIMIT = 100;

export interface QueueItem {
  id: string;
  childName: string;
  agency: Agency;
  askedOn: string;
  dueOn: string;
  receivedOn: string | null;
  nilReturn: boolean;
  askedOf: string;
}

/**
 * An adviser's requests: those asked of them by name or of a team they belong to. A designated
 * clinical officer also sees every health request in the area.
 */
export async function loadQueue(db: Db, user: CurrentUser, options: { allHealth: boolean }) {
  const base = db
    .selectFrom('advice_requests as a')
    .innerJoin('children as c', 'c.id', 'a.child_id')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('users as u', 'u.id', 'a.assignee_user_id')
    .select([
      'a.id', 'a.agency', 'a.asked_on', 'a.due_on', 'a.received_on', 'a.nil_return',
      'c.given_name', 'c.family_name', 't.name as team_name', 'u.name as assignee_name',
    ])
    .where((eb) => {
      const mine: Expression<SqlBool>[] = [
        eb('a.assignee_user_id', '=', user.id),
        eb('a.team_id', 'in', eb.selectFrom('team_members').select('team_id').where('user_id', '=', user.id)),
      ];
      if (options.allHealth) mine.push(eb('a.agency', '=', 'health'));
      return eb.or(mine);
    });
  const [outstanding, answered] = await Promise.all([
    base.where('a.received_on', 'is', null).orderBy('a.due_on').orderBy('c.family_name').orderBy('a.id').execute(),
    base.where('a.received_on', 'is not', null).orderBy('a.received_on', 'desc').orderBy('a.id').limit(ANSWERED_LIMIT + 1).execute(),
  ]);
  const item = (r: (typeof outstanding)[number]): QueueItem => ({
    id: r.id,
    childName: `${r.given_name} ${r.family_name}`,
    agency: r.agency as Agency,
    askedOn: r.asked_on,
    dueOn: r.due_on,
    receivedOn: r.received_on,
    nilReturn: r.nil_return,
    askedOf: r.assignee_name ?? r.team_name ?? '',
  });
  return { outstanding: outstanding.map(item), answered: answered.slice(0, ANSWERED_LIMIT).map(item), moreAnswered: answered.length > ANSWERED_LIMIT };
}

/** One advice request with what its page shows about the child and the case. */
export async function loadAdviceRequest(db: Db, id: string) {
  const row = await db
    .selectFrom('advice_requests as a')
    .innerJoin('children as c', 'c.id', 'a.child_id')
    .leftJoin('organisations as school', 'school.id', 'c.school_id')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('users as assignee', 'assignee.id', 'a.assignee_user_id')
    .leftJoin('users as answerer', 'answerer.id', 'a.answered_by')
    .leftJoin('ehc_requests as r', 'r.id', 'a.request_id')
    .leftJoin('users as officer', 'officer.id', 'r.officer_user_id')
    .select([
      'a.id', 'a.request_id', 'a.child_id', 'a.agency', 'a.team_id', 'a.assignee_user_id', 'a.asked_on', 'a.due_on',
      'a.question', 'a.received_on', 'a.nil_return', 'a.advice',
      'c.given_name', 'c.family_name', 'c.date_of_birth', 'c.nhs_number', 'c.upn', 'school.name as school_name',
      't.name as team_name', 'assignee.name as assignee_name', 'answerer.name as answerer_name',
      'officer.name as officer_name', 'officer.email as officer_email',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, agency: row.agency as Agency } : undefined;
}

export type AdviceRequestView = NonNullable<Awaited<ReturnType<typeof loadAdviceRequest>>>;

/** Was this request asked of the user, by name or through a team they belong to? */
export async function isAskedOf(db: Db, userId: string, a: { assignee_user_id: string | null; team_id: string | null }): Promise<boolean> {
  if (a.assignee_user_id === userId) return true;
  if (!a.team_id) return false;
  const member = await db.selectFrom('team_members').select('user_id').where('team_id', '=', a.team_id).where('user_id', '=', userId).executeTakeFirst();
  return member !== undefined;
}
