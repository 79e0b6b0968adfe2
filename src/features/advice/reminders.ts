/**
 * Which reminders to send about outstanding advice, pure: a week before the due date, on the
 * due date, and, once it is late, an escalation to the manager of the team asked. Each is sent
 * once: the request's reminded_before_at, reminded_due_at and escalated_at record that it was.
 */
import { daysBetween, formatLongDate } from '../ehc/clock/index.js';
import type { Agency } from '../ehc/ehc.codes.js';
import { agencyName } from './advice.present.js';

export type ReminderKind = 'before' | 'due' | 'escalation';
/** The first reminder goes this many days before the due date (or on the first run after). */
export const REMIND_DAYS_BEFORE = 7;

export interface Person {
  name: string;
  email: string;
}

export interface OutstandingAdvice {
  id: string;
  agency: Agency;
  /** The child's initials, "M P": enough for the adviser to find the request, no more. */
  childInitials: string;
  askedOn: string;
  dueOn: string;
  receivedOn: string | null;
  remindedBeforeAt: Date | null;
  remindedDueAt: Date | null;
  escalatedAt: Date | null;
  /** The person or team asked, in words: "Dr Aisha Begum", "the Children with Disabilities Team". */
  askedOf: string;
  /** Asked of a team (so the reminders say "your team") rather than a person by name. */
  askedOfTeam: boolean;
  /** Who the reminders go to: the person asked; or the team's shared address, else its members. */
  advisers: Person[];
  /** The asked team's manager; for a person asked by name, the manager of their team. */
  manager: Person | null;
  /** The casework officer who asked: told instead when there is no manager to tell. */
  officer: Person | null;
}

export interface Reminder {
  adviceRequestId: string;
  kind: ReminderKind;
  to: Person[];
}

/**
 * The reminders due today. A request already answered gets none; one whose reminder was sent
 * gets none of that kind again; one with nobody to tell gets nothing (and is tried again on
 * the next run, when a manager or a team address may have been added).
 */
export function chooseReminders(rows: readonly OutstandingAdvice[], today: string): Reminder[] {
  const out: Reminder[] = [];
  for (const r of rows) {
    if (r.receivedOn) continue;
    const left = daysBetween(today, r.dueOn);
    if (left > REMIND_DAYS_BEFORE) continue;
    if (left > 0) {
      if (!r.remindedBeforeAt && r.advisers.length) out.push({ adviceRequestId: r.id, kind: 'before', to: r.advisers });
    } else if (left === 0) {
      if (!r.remindedDueAt && r.advisers.length) out.push({ adviceRequestId: r.id, kind: 'due', to: r.advisers });
    } else if (!r.escalatedAt) {
      const to = r.manager ?? r.officer;
      if (to) out.push({ adviceRequestId: r.id, kind: 'escalation', to: [to] });
    }
  }
  return out;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** The email for one recipient of a reminder, in plain English. */
export function reminderEmail(
  kind: ReminderKind,
  r: OutstandingAdvice,
  to: Person,
  today: string,
  service: { baseUrl: string; serviceName: string },
): { subject: string; body: string } {
  const advice = `${agencyName(r.agency).toLowerCase()} advice`;
  const Advice = `${agencyName(r.agency)} advice`;
  const link = `${service.baseUrl.replace(/\/$/, '')}/advice/${r.id}`;
  const asked = (whom: string) =>
    `On ${formatLongDate(r.askedOn)} we asked ${whom} for ${advice} for a child’s education, health and care (EHC) needs assessment. The child’s initials are ${r.childInitials}.`;
  const you = r.askedOfTeam ? `your team, ${r.askedOf},` : 'you';
  const nil = 'If you looked and found no needs in your area, say so on the same page. That is an answer too.';
  const sign = `${service.serviceName}\nThis is an automatic message. Do not reply to it.`;
  switch (kind) {
    case 'before': {
      const left = daysBetween(today, r.dueOn);
      return {
        subject: `${Advice} is due on ${formatLongDate(r.dueOn)}`,
        body: [`Hello ${to.name},`, asked(you), `The advice is due on ${formatLongDate(r.dueOn)}. That is in ${days(left)}.`, `Give your advice here: ${link}`, nil, sign].join('\n\n'),
      };
    }
    case 'due':
      return {
        subject: `${Advice} is due today`,
        body: [
          `Hello ${to.name},`, asked(you),
          `The advice is due today, ${formatLongDate(r.dueOn)}. If it is not answered today it will be late, and we will tell the manager.`,
          `Give your advice here: ${link}`, nil, sign,
        ].join('\n\n'),
      };
    case 'escalation': {
      const late = daysBetween(r.dueOn, today);
      const contact = r.officer ? `${r.officer.name} (${r.officer.email}) asked for it and can tell you more.` : 'The SEND casework team can tell you more.';
      return {
        subject: `Late: ${advice} asked of ${r.askedOf}`,
        body: [
          `Hello ${to.name},`, asked(r.askedOf),
          `It was due on ${formatLongDate(r.dueOn)}. It is ${days(late)} late and has not been answered.`,
          'The law gives advisers 6 weeks to answer (SEND Regulations 2014, regulation 8). Late advice delays the child’s plan.',
          `Please make sure it is answered soon. ${contact}`, sign,
        ].join('\n\n'),
      };
    }
  }
}
