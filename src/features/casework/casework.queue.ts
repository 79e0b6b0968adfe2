/**
 * The work queues' rules, pure: a case's next deadline, how late it is, the queue's sections
 * and the manager's counts. The clock decides each step's state; this only chooses and groups.
 */
import { daysBetween, type AssessmentClock, type ClockStep, type StepState } from '../ehc/clock/index.js';
import { OPEN_STAGES, type OpenCase, type OpenStage } from './casework.queries.js';
import { stepLabel } from './casework.present.js';

/** How close a case's next deadline is. */
export const LATENESS = {
  overdue: 'Overdue',
  'due-this-week': 'Due this week',
  'on-time': 'On time',
} as const;
export type Lateness = keyof typeof LATENESS;
export const isLateness = (v: unknown): v is Lateness => typeof v === 'string' && Object.hasOwn(LATENESS, v);

/** "Due this week": the deadline is today or in the next 7 days. */
export const DUE_THIS_WEEK_DAYS = 7;

export interface NextDeadline {
  label: string;
  dueOn: string;
  state: StepState;
}

const PENDING: readonly StepState[] = ['not-due', 'due-soon', 'overdue'];

/** The earliest deadline still to be met; null when nothing is pending (or the clock failed). */
export function nextDeadline(clock: AssessmentClock | null): NextDeadline | null {
  if (!clock) return null;
  let next: ClockStep | undefined;
  for (const step of clock.steps) {
    if (!PENDING.includes(step.state)) continue;
    if (!next || step.dueOn < next.dueOn) next = step;
  }
  return next ? { label: stepLabel(next), dueOn: next.dueOn, state: next.state } : null;
}

export function latenessOf(next: NextDeadline | null, today: string): Lateness {
  if (!next) return 'on-time';
  const days = daysBetween(today, next.dueOn);
  if (days < 0) return 'overdue';
  return days <= DUE_THIS_WEEK_DAYS ? 'due-this-week' : 'on-time';
}

export interface QueueRow extends OpenCase {
  next: NextDeadline | null;
  lateness: Lateness;
}

/** Cases with their next deadline, soonest (most overdue) first; cases with none last. */
export function queueRows(cases: readonly OpenCase[], today: string): QueueRow[] {
  return cases
    .map((c) => {
      const next = nextDeadline(c.clock);
      return { ...c, next, lateness: latenessOf(next, today) };
    })
    .sort((a, b) => {
      const da = a.next?.dueOn ?? '9999-12-31';
      const db = b.next?.dueOn ?? '9999-12-31';
      return da < db ? -1 : da > db ? 1 : a.childName.localeCompare(b.childName);
    });
}

export interface QueueSection {
  id: Lateness;
  heading: string;
  rows: QueueRow[];
}

/** The officer's list: "Overdue", "Due this week", "Everything else", each in deadline order. */
export function queueSections(rows: readonly QueueRow[]): QueueSection[] {
  const headings: Record<Lateness, string> = { overdue: 'Overdue', 'due-this-week': 'Due this week', 'on-time': 'Everything else' };
  return (Object.keys(headings) as Lateness[]).map((id) => ({ id, heading: headings[id], rows: rows.filter((r) => r.lateness === id) }));
}

export type Counts = Record<Lateness, number> & { total: number };
const zero = (): Counts => ({ overdue: 0, 'due-this-week': 0, 'on-time': 0, total: 0 });

export interface TeamCaseload {
  byStage: { stage: OpenStage; counts: Counts }[];
  byOfficer: { officerUserId: string | null; officerName: string; counts: Counts }[];
  total: Counts;
}

/** The manager's view: open cases by stage and by officer, each split by lateness. */
export function teamCaseload(rows: readonly QueueRow[], officers: readonly { id: string; name: string }[]): TeamCaseload {
  const byStage = new Map<OpenStage, Counts>(OPEN_STAGES.map((s) => [s, zero()]));
  const byOfficer = new Map<string | null, { officerName: string; counts: Counts }>(officers.map((o) => [o.id, { officerName: o.name, counts: zero() }]));
  const total = zero();
  for (const r of rows) {
    const officer = byOfficer.get(r.officerUserId) ?? { officerName: r.officerName ?? 'Not assigned', counts: zero() };
    byOfficer.set(r.officerUserId, officer);
    for (const c of [byStage.get(r.stage)!, officer.counts, total]) {
      c[r.lateness]++;
      c.total++;
    }
  }
  return {
    byStage: [...byStage].map(([stage, counts]) => ({ stage, counts })),
    byOfficer: [...byOfficer]
      .map(([officerUserId, o]) => ({ officerUserId, ...o }))
      .sort((a, b) => (a.officerUserId === null ? 1 : b.officerUserId === null ? -1 : a.officerName.localeCompare(b.officerName))),
    total,
  };
}
