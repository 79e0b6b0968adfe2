import ical from 'ical-generator';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';

/**
 * Working groups: their members (people with an account, or named people from outside; parent
 * carer representatives marked), their meetings with agendas and minutes, and the actions
 * agreed, which may answer an action of the strategy.
 */
export function groupsService(deps: { audit: AuditService }) {
  const record = (tx: Db, actor: Actor, action: string, subjectId: string, details: Record<string, unknown> = {}) =>
    deps.audit.record(tx, { actor, action, outcome: 'succeeded', subjectType: 'working-group', subjectId, details });

  return {
    async list(db: Db) {
      return db
        .selectFrom('working_groups as g')
        .selectAll('g')
        .select((eb) => [
          eb.selectFrom('working_group_members as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.group_id', '=', 'g.id').as('members'),
          eb.selectFrom('working_group_members as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.group_id', '=', 'g.id').where('m.parent_carer_rep', '=', true).as('reps'),
        ])
        .orderBy('g.name')
        .execute();
    },

    async get(db: Db, id: string) {
      const group = await db.selectFrom('working_groups').selectAll().where('id', '=', id).executeTakeFirst();
      if (!group) return undefined;
      const members = await db
        .selectFrom('working_group_members as m')
        .leftJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.id', 'm.name', 'm.organisation', 'm.parent_carer_rep', 'u.email'])
        .where('m.group_id', '=', id)
        .orderBy('m.parent_carer_rep', 'desc')
        .orderBy('m.name')
        .execute();
      const meetings = await db.selectFrom('group_meetings').selectAll().where('group_id', '=', id).orderBy('starts_at').execute();
      return { group, members, meetings };
    },

    async create(db: Db, actor: Actor, input: { name: string; purpose: string }): Promise<string> {
      return inTransaction(db, async (tx) => {
        const row = await tx.insertInto('working_groups').values(input).returning('id').executeTakeFirstOrThrow();
        await record(tx, actor, 'working-group.created', row.id, { name: input.name });
        return row.id;
      });
    },

    async nameTaken(db: Db, name: string): Promise<boolean> {
      return !!(await db.selectFrom('working_groups').select('id').where('name', '=', name).executeTakeFirst());
    },

    async addMember(db: Db, actor: Actor, groupId: string, m: { userId: string | null; name: string; organisation: string; parentCarerRep: boolean }) {
      await inTransaction(db, async (tx) => {
        await tx.insertInto('working_group_members').values({ group_id: groupId, user_id: m.userId, name: m.name, organisation: m.organisation, parent_carer_rep: m.parentCarerRep }).execute();
        await record(tx, actor, 'working-group.member-added', groupId, { parentCarerRep: m.parentCarerRep });
      });
    },

    async addMeeting(db: Db, actor: Actor, groupId: string, m: { title: string; startsAt: Date; endsAt: Date; place: string; agenda: string }): Promise<string> {
      return inTransaction(db, async (tx) => {
        const row = await tx
          .insertInto('group_meetings')
          .values({ group_id: groupId, title: m.title, starts_at: m.startsAt, ends_at: m.endsAt, place: m.place, agenda: m.agenda })
          .returning('id')
          .executeTakeFirstOrThrow();
        await record(tx, actor, 'working-group.meeting-added', groupId, { meetingId: row.id });
        return row.id;
      });
    },

    async meeting(db: Db, id: string) {
      const meeting = await db
        .selectFrom('group_meetings as m')
        .innerJoin('working_groups as g', 'g.id', 'm.group_id')
        .selectAll('m')
        .select('g.name as group_name')
        .where('m.id', '=', id)
        .executeTakeFirst();
      if (!meeting) return undefined;
      const actions = await db
        .selectFrom('group_actions as a')
        .leftJoin('strategy_actions as s', 's.id', 'a.strategy_action_id')
        .selectAll('a')
        .select(['s.reference as strategy_reference', 's.title as strategy_title'])
        .where('a.meeting_id', '=', id)
        .orderBy('a.due_on')
        .orderBy('a.text')
        .execute();
      return { meeting, actions };
    },

    async saveNotes(db: Db, actor: Actor, meetingId: string, notes: { agenda: string; minutes: string }) {
      await inTransaction(db, async (tx) => {
        const row = await tx.updateTable('group_meetings').set(notes).where('id', '=', meetingId).returning('group_id').executeTakeFirstOrThrow();
        await record(tx, actor, 'working-group.minutes-saved', row.group_id, { meetingId });
      });
    },

    async addAction(db: Db, actor: Actor, meetingId: string, a: { text: string; owner: string; dueOn: string | null; strategyActionId: string | null }) {
      await inTransaction(db, async (tx) => {
        await tx.insertInto('group_actions').values({ meeting_id: meetingId, text: a.text, owner: a.owner, due_on: a.dueOn, strategy_action_id: a.strategyActionId }).execute();
        await record(tx, actor, 'working-group.action-added', meetingId, {});
      });
    },

    async setActionDone(db: Db, actor: Actor, meetingId: string, actionId: string, done: boolean): Promise<boolean> {
      return inTransaction(db, async (tx) => {
        const row = await tx.updateTable('group_actions').set({ done }).where('id', '=', actionId).where('meeting_id', '=', meetingId).returning('id').executeTakeFirst();
        if (row) await record(tx, actor, 'working-group.action-updated', meetingId, { actionId, done });
        return !!row;
      });
    },

    /** Meetings from a date on, for the public calendar: titles, times and places only. */
    async upcoming(db: Db, from: Date) {
      return db
        .selectFrom('group_meetings as m')
        .innerJoin('working_groups as g', 'g.id', 'm.group_id')
        .select(['m.id', 'm.title', 'm.starts_at', 'm.ends_at', 'm.place', 'g.name as group_name'])
        .where('m.ends_at', '>=', from)
        .orderBy('m.starts_at')
        .limit(200)
        .execute();
    },

    /**
     * The public iCalendar feed: each meeting's group, title, time and place. Members, agendas
     * and minutes stay out: the feed is public and may be copied anywhere.
     */
    async feed(db: Db, options: { from: Date; baseUrl: string; name: string }): Promise<string> {
      const meetings = await this.upcoming(db, options.from);
      const cal = ical({ name: options.name, prodId: { company: 'SEND Partnership Hub', product: 'meetings', language: 'EN' } });
      for (const m of meetings) {
        cal.createEvent({
          id: `${m.id}@send-hub`,
          start: new Date(m.starts_at),
          end: new Date(m.ends_at),
          summary: `${m.group_name}: ${m.title}`,
          ...(m.place ? { location: m.place } : {}),
          url: `${options.baseUrl}/meetings#meeting-${m.id}`,
          stamp: new Date(m.starts_at),
        });
      }
      return cal.toString();
    },
  };
}

export type GroupsService = ReturnType<typeof groupsService>;
