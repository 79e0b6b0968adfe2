/**
 * Plain English for families (glossary, "Writing for people"): short sentences, "you" and
 * "we", dates like "3 April 2026", and what happens next by date. Pure, so every sentence a
 * parent reads is unit-tested.
 */
import { daysBetween, formatLongDate, stepState, type ExceptionKind, type StepId } from '../ehc/clock/index.js';
import { isAgency, REQUESTERS, isRequester, type Agency } from '../ehc/ehc.codes.js';

export function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** Who we asked for advice, in words a parent uses. */
const AGENCY_WORDS: Record<Agency, string> = {
  education: 'your child’s school',
  health: 'the health service',
  psychology: 'an educational psychologist',
  'social-care': 'the social care team',
  'preparing-for-adulthood': 'the preparing for adulthood team',
  other: 'someone else who knows your child',
};

export function agencyWords(agency: string): string {
  return isAgency(agency) ? AGENCY_WORDS[agency] : agency;
}

/** "The health service": the same words starting a sentence or a heading. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "That is today.", "That is tomorrow.", "That is in 4 days." */
export function whenFromToday(dueOn: string, today: string): string {
  const left = daysBetween(today, dueOn);
  if (left === 0) return 'That is today.';
  if (left === 1) return 'That is tomorrow.';
  return `That is in ${days(left)}.`;
}

export interface AdviceFacts {
  agency: string;
  askedOn: string;
  dueOn: string;
  receivedOn: string | null;
  nilReturn: boolean;
  reminded?: boolean;
  escalated?: boolean;
}

/**
 * What we asked of whom, by when, and whether it is late, e.g.
 *   "Advice from the health service was due on 3 April 2026. It is 5 days late. We have reminded them."
 */
export function adviceSentences(a: AdviceFacts, today: string): string[] {
  const who = agencyWords(a.agency);
  const due = formatLongDate(a.dueOn);
  const out = [`We asked ${who} for advice on ${formatLongDate(a.askedOn)}.`];
  const state = stepState(a.dueOn, a.receivedOn, today);
  if (a.receivedOn) {
    const late = daysBetween(a.dueOn, a.receivedOn);
    const came = a.nilReturn
      ? `On ${formatLongDate(a.receivedOn)} they told us they found no needs that they can help with.`
      : `Their advice came on ${formatLongDate(a.receivedOn)}.`;
    out.push(came, state === 'met' ? `That was on time. It was due on ${due}.` : `That was ${days(late)} late. It was due on ${due}.`);
    return out;
  }
  if (state === 'overdue') {
    out.push(`Advice from ${who} was due on ${due}. It is ${days(daysBetween(a.dueOn, today))} late.`);
    if (a.reminded || a.escalated) out.push('We have reminded them.');
    if (a.escalated) out.push('We have also asked their manager to help.');
    return out;
  }
  out.push(`Their advice is due on ${due}.${state === 'due-soon' ? ` ${whenFromToday(a.dueOn, today)}` : ''}`);
  return out;
}

/** A short status for the advice card's heading tag. */
export function adviceStatus(a: AdviceFacts, today: string): { text: string; classes: string } {
  if (a.receivedOn) {
    const late = daysBetween(a.dueOn, a.receivedOn) > 0;
    return late ? { text: 'Came late', classes: 'govuk-tag--orange' } : { text: 'Came on time', classes: 'govuk-tag--green' };
  }
  return daysBetween(today, a.dueOn) < 0 ? { text: 'Late', classes: 'govuk-tag--red' } : { text: 'Waiting', classes: 'govuk-tag--grey' };
}

/** The council's own legal deadlines, each as a heading and what we must do or did. */
const DEADLINE_WORDS: Partial<Record<StepId, { title: string; must: string; had: string; did: string }>> = {
  decision: {
    title: 'Deciding whether to assess your child',
    must: 'We must decide by {due}.',
    had: 'We had to decide by {due}.',
    did: 'We decided on {done}.',
  },
  'not-issue': {
    title: 'Deciding whether to write a plan',
    must: 'If we decide not to write a plan, we must tell you by {due}.',
    had: 'We had to tell you by {due} whether we would write a plan.',
    did: 'We told you on {done} that we will not write a plan.',
  },
  'final-plan': {
    title: 'Sending you the final plan',
    must: 'We must send you the final plan by {due}.',
    had: 'We had to send you the final plan by {due}.',
    did: 'We sent you the final plan on {done}.',
  },
};

export function isCouncilDeadline(step: StepId): boolean {
  return Object.hasOwn(DEADLINE_WORDS, step);
}

/**
 * One of the council's deadlines in "we" words, e.g.
 *   "We had to decide by 18 July 2026. We are 5 days late."
 *   "We decided on 20 July 2026. That was 2 days late. The deadline was 18 July 2026."
 */
export function councilDeadline(step: StepId, dueOn: string, doneOn: string | null, today: string): { title: string; text: string; met: boolean | null } {
  const w = DEADLINE_WORDS[step];
  if (!w) throw new Error(`No family words for the step ${step}`);
  const fill = (t: string) => t.replace('{due}', formatLongDate(dueOn)).replace('{done}', doneOn ? formatLongDate(doneOn) : '');
  const state = stepState(dueOn, doneOn, today);
  switch (state) {
    case 'met':
      return { title: w.title, text: `${fill(w.did)} That was on time. The deadline was ${formatLongDate(dueOn)}.`, met: true };
    case 'met-late':
      return { title: w.title, text: `${fill(w.did)} That was ${days(daysBetween(dueOn, doneOn!))} late. The deadline was ${formatLongDate(dueOn)}.`, met: false };
    case 'overdue':
      return { title: w.title, text: `${fill(w.had)} We are ${days(daysBetween(dueOn, today))} late. We are sorry.`, met: false };
    case 'due-soon':
      return { title: w.title, text: `${fill(w.must)} ${whenFromToday(dueOn, today)}`, met: null };
    case 'not-due':
      return { title: w.title, text: fill(w.must), met: null };
  }
}

/** The family's time to comment on the draft (draft + 15 days, reg 13(1)). */
export function commentPeriod(endsOn: string, today: string): string {
  const end = formatLongDate(endsOn);
  const left = daysBetween(today, endsOn);
  if (left < 0) return `The time to comment ended on ${end}. You can still send us comments until we send the final plan.`;
  if (left === 0) return `Today, ${end}, is the last day to send us your comments.`;
  return `You have until ${end} to send us your comments. ${whenFromToday(endsOn, today)}`;
}

/** Why the time limits did not apply, in plain words (reg 5(4), 10(4), 13(3)). */
const EXCEPTION_WORDS: Record<ExceptionKind, string> = {
  a: 'Your child’s school or college was closed for 4 weeks or more, for example for the summer holiday.',
  b: 'Your child’s nursery or early years setting was closed for 4 weeks or more.',
  c: 'Something exceptional happened in your child’s or your family’s life.',
  d: 'Your child or your family was away from the area for 4 weeks or more.',
};

export function exceptionSentences(kind: ExceptionKind, from: string, to: string): string[] {
  return [
    `From ${formatLongDate(from)} to ${formatLongDate(to)} the law gave us more time.`,
    EXCEPTION_WORDS[kind],
    'When this happens, we do not have to keep to the usual time limits. We still try to finish as soon as we can.',
  ];
}

/** Who asked for the assessment, as a family reads it. */
export function requesterWords(code: unknown): string {
  return isRequester(code) ? REQUESTERS[code].charAt(0).toLowerCase() + REQUESTERS[code].slice(1) : 'someone';
}
