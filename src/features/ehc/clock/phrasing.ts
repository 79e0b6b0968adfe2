/**
 * Plain English for families (glossary, "Writing for people"): say what was due, by date, and
 * how late it is. "Health advice was due on 3 April 2026. It is 5 days late." beats "overdue".
 */
import { daysBetween, formatLongDate, type IsoDate } from './dates.js';
import { stepState, type ClockStep } from './state.js';

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

function inTime(daysLeft: number): string {
  if (daysLeft === 0) return 'That is today.';
  if (daysLeft === 1) return 'That is tomorrow.';
  return `That is in ${days(daysLeft)}.`;
}

/**
 * One or two short sentences on a step, e.g.
 *   "Health advice is due on 3 April 2026. That is in 4 days."
 *   "Health advice was due on 3 April 2026. It is 5 days late."
 *   "Health advice was due on 3 April 2026. It was done on 1 April 2026, on time."
 */
export function describeState(label: string, dueOn: IsoDate, doneOn: IsoDate | null | undefined, today: IsoDate): string {
  const due = formatLongDate(dueOn);
  switch (stepState(dueOn, doneOn, today)) {
    case 'met':
      return `${label} was due on ${due}. It was done on ${formatLongDate(doneOn as IsoDate)}, on time.`;
    case 'met-late':
      return `${label} was due on ${due}. It was done on ${formatLongDate(doneOn as IsoDate)}, ${days(daysBetween(dueOn, doneOn as IsoDate))} late.`;
    case 'overdue':
      return `${label} was due on ${due}. It is ${days(daysBetween(dueOn, today))} late.`;
    case 'due-soon':
      return `${label} is due on ${due}. ${inTime(daysBetween(today, dueOn))}`;
    case 'not-due':
      return `${label} is due on ${due}.`;
  }
}

/** describeState for a computed step; a step that no longer applies says so. */
export function describeStep(step: ClockStep, today: IsoDate): string {
  if (step.state === 'not-applicable') return `${step.label} is not needed now.`;
  return describeState(step.label, step.dueOn, step.doneOn, today);
}
