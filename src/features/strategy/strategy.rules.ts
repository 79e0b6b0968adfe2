import type { ActionStatus } from '../../db/strategy.tables.js';

/** The rules of the action plan, as pure functions: statuses, lateness, periods. */

export const STATUSES: Record<ActionStatus, { label: string; tag: string; hint: string }> = {
  'on-track': { label: 'On track', tag: 'govuk-tag--green', hint: 'The action is going to plan.' },
  'at-risk': { label: 'At risk', tag: 'govuk-tag--yellow', hint: 'Something may stop it finishing on time or doing what it should.' },
  'off-track': { label: 'Off track', tag: 'govuk-tag--red', hint: 'It will not finish on time or do what it should without a change.' },
  done: { label: 'Done', tag: 'govuk-tag--blue', hint: 'The action is complete.' },
};

export const STATUS_ORDER: readonly ActionStatus[] = ['off-track', 'at-risk', 'on-track', 'done'];

export function isStatus(value: string): value is ActionStatus {
  return Object.hasOwn(STATUSES, value);
}

/** A reason is required when an action is at risk or off track: people must know why. */
export function reasonRequired(status: ActionStatus): boolean {
  return status === 'at-risk' || status === 'off-track';
}

/** Longest texts the plan accepts. Longer is an error, never cut short. */
export const LIMITS = {
  title: 200,
  milestoneTitle: 300,
  reason: 1000,
  description: 3000,
  update: 5000,
  person: 120,
} as const;

export interface MilestoneLike {
  due_on: string;
  done_on: string | null;
}

/** A milestone is late when its due date has passed (before `today`) and it is not done. */
export function isLate(m: MilestoneLike, today: string): boolean {
  return m.done_on === null && m.due_on < today;
}

/** Late as it stood on `asAt`: due before that day and not done by then. */
export function wasLateOn(m: MilestoneLike, asAt: string): boolean {
  return m.due_on < asAt && (m.done_on === null || m.done_on > asAt);
}

/** Whole days from `from` to `to` ('YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function daysLateWords(dueOn: string, today: string): string {
  const n = daysBetween(dueOn, today);
  return n === 1 ? '1 day late' : `${n} days late`;
}

/** Does an action need a leader's attention: at risk, off track, or a milestone late? */
export function needsAttention(a: { status: ActionStatus }, milestones: readonly MilestoneLike[], today: string): boolean {
  return a.status === 'at-risk' || a.status === 'off-track' || milestones.some((m) => isLate(m, today));
}

export interface Period {
  from: string;
  to: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function realDate(text: string): boolean {
  if (!ISO.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export type PeriodResult = { period: Period; errors: { field: 'from' | 'to'; text: string }[] };

/**
 * The report's period from `?from=&to=` (YYYY-MM-DD). Missing dates default to the last three
 * months up to today; a date in the wrong form, or an end before the start, is an error naming
 * the field (the period shown is then the default).
 */
export function readPeriod(query: Record<string, unknown>, today: string): PeriodResult {
  const fallback: Period = { from: addMonths(today, -3), to: today };
  const errors: PeriodResult['errors'] = [];
  const read = (field: 'from' | 'to', label: string): string | undefined => {
    const v = query[field];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || !realDate(v)) {
      errors.push({ field, text: `${label} must be a real date in the form YYYY-MM-DD, for example 2026-04-01` });
      return undefined;
    }
    return v;
  };
  const from = read('from', 'Start of the period');
  const to = read('to', 'End of the period');
  const period = { from: from ?? (to ? addMonths(to, -3) : fallback.from), to: to ?? fallback.to };
  if (!errors.length && period.from > period.to) {
    errors.push({ field: 'to', text: 'End of the period must be the same as or after its start' });
  }
  if (!errors.length && daysBetween(period.from, period.to) > 366 * 5) {
    errors.push({ field: 'from', text: 'The period must be 5 years or shorter' });
  }
  return { period: errors.length ? fallback : period, errors };
}

/** The same day `n` months on (or back), kept within the month: 31 May - 3 months is 28 or 29 February. */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The end of a period as a timestamp bound: the start of the day after `to`, in UTC. */
export function endOfDay(to: string): string {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export function countByStatus(actions: readonly { status: ActionStatus }[]): Record<ActionStatus, number> {
  const out: Record<ActionStatus, number> = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, done: 0 };
  for (const a of actions) out[a.status] += 1;
  return out;
}

/**
 * An action's status as it stood at `end` (exclusive), from its current status and its status
 * changes (any order): the last change before `end` gives it; with none before, the first
 * change after gives the status it changed from; with no changes at all, the current status.
 */
export function statusAsAt(
  current: ActionStatus,
  changes: readonly { at: Date; before: ActionStatus | null; after: ActionStatus }[],
  end: Date,
): ActionStatus {
  const sorted = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
  const before = sorted.filter((c) => c.at < end).at(-1);
  if (before) return before.after;
  const after = sorted.find((c) => c.at >= end);
  return after?.before ?? current;
}
