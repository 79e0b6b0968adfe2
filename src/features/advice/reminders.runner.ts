/**
 * The reminders job: reads outstanding advice, lets chooseReminders decide, and writes each
 * email to the notification outbox in the same transaction as the flag that says it was sent,
 * so a reminder is never sent twice nor recorded without its email. Then delivers the outbox.
 */
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../services.js';
import { addDays } from '../ehc/clock/index.js';
import type { Agency } from '../ehc/ehc.codes.js';
import { chooseReminders, REMIND_DAYS_BEFORE, reminderEmail, type OutstandingAdvice, type Person } from './reminders.js';

const FLAG = { before: 'reminded_before_at', due: 'reminded_due_at', escalation: 'escalated_at' } as const;

export interface RemindersRun {
  before: number;
  due: number;
  escalation: number;
  emails: number;
  delivered: { sent: number; failed: number };
}

export async function runReminders(s: Pick<Services, 'db' | 'config' | 'notifications' | 'audit'>, today: string, now = new Date()): Promise<RemindersRun> {
  const run: RemindersRun = { before: 0, due: 0, escalation: 0, emails: 0, delivered: { sent: 0, failed: 0 } };
  await inTransaction(s.db, async (tx) => {
    const rows = await loadOutstanding(tx, today);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const reminder of chooseReminders(rows, today)) {
      const flag = FLAG[reminder.kind];
      // Claim the reminder: a second runner at the same moment finds the flag set and sends nothing.
      const claimed = await tx
        .updateTable('advice_requests')
        .set({ [flag]: now })
        .where('id', '=', reminder.adviceRequestId)
        .where(flag, 'is', null)
        .where('received_on', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!claimed) continue;
      const row = byId.get(reminder.adviceRequestId)!;
      for (const to of reminder.to) {
        const email = reminderEmail(reminder.kind, row, to, today, { baseUrl: s.config.baseUrl, serviceName: s.config.serviceName });
        await s.notifications.queueEmail(tx, { to: to.email, template: `advice-${reminder.kind}`, ...email });
        run.emails++;
      }
      run[reminder.kind]++;
    }
    if (run.emails) {
      await s.audit.record(tx, { actor: null, action: 'advice.reminders.sent', outcome: 'succeeded', details: { before: run.before, due: run.due, escalation: run.escalation, emails: run.emails, today } });
    }
  });
  run.delivered = await s.notifications.deliver(s.db);
  return run;
}

/** Outstanding advice due within the reminder window (or late) that still has a reminder to send. */
export async function loadOutstanding(db: Db, today: string): Promise<OutstandingAdvice[]> {
  const rows = await db
    .selectFrom('advice_requests as a')
    .innerJoin('children as c', 'c.id', 'a.child_id')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .leftJoin('users as assignee', (j) => j.onRef('assignee.id', '=', 'a.assignee_user_id').on('assignee.disabled', '=', false))
    .leftJoin('users as manager', (j) => j.onRef('manager.id', '=', 't.manager_user_id').on('manager.disabled', '=', false))
    .leftJoin('ehc_requests as r', 'r.id', 'a.request_id')
    .leftJoin('users as officer', (j) => j.onRef('officer.id', '=', 'r.officer_user_id').on('officer.disabled', '=', false))
    .select([
      'a.id', 'a.agency', 'a.asked_on', 'a.due_on', 'a.received_on', 'a.reminded_before_at', 'a.reminded_due_at', 'a.escalated_at',
      'a.team_id', 'a.assignee_user_id', 'c.given_name', 'c.family_name',
      't.name as team_name', 't.email as team_email',
      'assignee.name as assignee_name', 'assignee.email as assignee_email',
      'manager.name as manager_name', 'manager.email as manager_email',
      'officer.name as officer_name', 'officer.email as officer_email',
    ])
    .where('a.received_on', 'is', null)
    .where('a.due_on', '<=', addDays(today, REMIND_DAYS_BEFORE))
    // Only rows with a reminder still to send today, so long-answered or escalated ones are not read again.
    .where((eb) =>
      eb.or([
        eb.and([eb('a.due_on', '>', today), eb('a.reminded_before_at', 'is', null)]),
        eb.and([eb('a.due_on', '=', today), eb('a.reminded_due_at', 'is', null)]),
        eb.and([eb('a.due_on', '<', today), eb('a.escalated_at', 'is', null)]),
      ]),
    )
    .orderBy('a.due_on')
    .execute();
  if (rows.length === 0) return [];

  // Teams without a shared address are reminded through their members.
  const teamIds = [...new Set(rows.filter((r) => r.team_id && !r.team_email).map((r) => r.team_id!))];
  const members = teamIds.length
    ? await db
        .selectFrom('team_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.team_id', 'u.name', 'u.email'])
        .where('m.team_id', 'in', teamIds)
        .where('u.disabled', '=', false)
        .orderBy('u.name')
        .execute()
    : [];
  // A person asked by name is escalated to the manager of their team (one of the same agency first).
  const assigneeIds = [...new Set(rows.filter((r) => !r.team_id && r.assignee_user_id).map((r) => r.assignee_user_id!))];
  const managers = assigneeIds.length
    ? await db
        .selectFrom('team_members as m')
        .innerJoin('teams as t', 't.id', 'm.team_id')
        .innerJoin('users as u', 'u.id', 't.manager_user_id')
        .select(['m.user_id', 't.agency', 't.name as team_name', 'u.name', 'u.email'])
        .where('m.user_id', 'in', assigneeIds)
        .where('u.disabled', '=', false)
        .orderBy('t.name')
        .execute()
    : [];

  return rows.map((r) => {
    const person = (name: string | null, email: string | null): Person | null => (name && email ? { name, email } : null);
    let advisers: Person[];
    if (r.team_id) advisers = r.team_email ? [{ name: r.team_name!, email: r.team_email }] : members.filter((m) => m.team_id === r.team_id).map((m) => ({ name: m.name, email: m.email }));
    else advisers = r.assignee_email ? [{ name: r.assignee_name!, email: r.assignee_email }] : [];
    let manager = person(r.manager_name, r.manager_email);
    if (!r.team_id && r.assignee_user_id) {
      const theirs = managers.filter((m) => m.user_id === r.assignee_user_id);
      const m = theirs.find((x) => x.agency === r.agency) ?? theirs[0];
      manager = m ? { name: m.name, email: m.email } : null;
    }
    return {
      id: r.id,
      agency: r.agency as Agency,
      childInitials: `${r.given_name.trim()[0] ?? ''} ${r.family_name.trim()[0] ?? ''}`.trim(),
      askedOn: r.asked_on,
      dueOn: r.due_on,
      receivedOn: r.received_on,
      remindedBeforeAt: r.reminded_before_at,
      remindedDueAt: r.reminded_due_at,
      escalatedAt: r.escalated_at,
      askedOf: r.team_id ? `the ${r.team_name}` : r.assignee_name ?? 'the adviser',
      askedOfTeam: Boolean(r.team_id),
      advisers,
      manager,
      officer: person(r.officer_name, r.officer_email),
    };
  });
}
