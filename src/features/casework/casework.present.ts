/**
 * Words for the casework pages: professionals' wording (the clock's own labels are written for
 * families). Pure, so every page and test uses the same phrases.
 */
import { daysBetween, formatLongDate, type ClockStep, type StepState } from '../ehc/clock/index.js';
import { AGENCIES, isAgency, REQUESTERS, isRequester } from '../ehc/ehc.codes.js';
import type { EhcCase } from '../ehc/ehc.service.js';

const STEP_STAFF: Record<string, string> = {
  decision: 'Decision whether to assess',
  'not-issue': 'Decision not to issue a plan, if so',
  'draft-comments': 'Family’s comments on the draft',
  'final-plan': 'Final plan',
};

export function agencyName(agency: string): string {
  return isAgency(agency) ? AGENCIES[agency] : agency;
}

export function stepLabel(step: Pick<ClockStep, 'step' | 'agency'>): string {
  if (step.step === 'advice') return `${agencyName(step.agency ?? '')} advice`;
  return STEP_STAFF[step.step] ?? step.step;
}

/** Each state as a GOV.UK tag: its words and colour. */
export const STATE_TAGS: Record<StepState, { text: string; classes: string }> = {
  'not-due': { text: 'Not due', classes: 'govuk-tag--grey' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--yellow' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  met: { text: 'Met', classes: 'govuk-tag--green' },
  'met-late': { text: 'Met late', classes: 'govuk-tag--orange' },
  'not-applicable': { text: 'Not needed', classes: 'govuk-tag--grey' },
};

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** Advice in words: "Received on 3 April 2026, 2 days late", "Not received: 5 days late". */
export function adviceStatus(a: Pick<EhcCase['advice'][number], 'dueOn' | 'receivedOn' | 'nilReturn'>, today: string): string {
  if (a.receivedOn) {
    const late = daysBetween(a.dueOn, a.receivedOn);
    const when = `on ${formatLongDate(a.receivedOn)}${late > 0 ? `, ${days(late)} late` : ''}`;
    return a.nilReturn ? `Nil return ${when}: no needs found in their area` : `Received ${when}`;
  }
  const left = daysBetween(today, a.dueOn);
  if (left < 0) return `Not received: ${days(-left)} late`;
  if (left === 0) return 'Not received: due today';
  return `Not received: due in ${days(left)}`;
}

export const MEDIATION_STATUSES = {
  requested: 'Requested',
  held: 'Held',
  agreed: 'Agreement reached',
  'not-agreed': 'No agreement',
  withdrawn: 'Withdrawn',
} as const;

export const TRIBUNAL_STATUSES = {
  'appeal-registered': 'Appeal registered',
  hearing: 'Hearing held',
  decided: 'Decided',
  withdrawn: 'Withdrawn',
  conceded: 'Conceded by the council',
} as const;

export const RELATIONSHIP_LABELS: Record<string, string> = {
  mother: 'Mother',
  father: 'Father',
  carer: 'Carer',
  guardian: 'Guardian',
  grandparent: 'Grandparent',
  'young-person': 'The young person',
  other: 'Other',
};

export const CONTACT_PREFERENCES = { email: 'Email', phone: 'Phone call', text: 'Text message', post: 'Post' } as const;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** One line of the timeline, in professionals' words, and any text recorded with it. */
export function describeEvent(e: Pick<EhcCase['events'][number], 'type' | 'data'>): { title: string; detail?: string } {
  const d = e.data;
  switch (e.type) {
    case 'request-received':
      return { title: `Request received from ${isRequester(d.requestedBy) ? REQUESTERS[d.requestedBy].toLowerCase() : 'someone'}` };
    case 'decision':
      return { title: d.outcome === 'assess' ? 'Decided to assess' : 'Decided not to assess' };
    case 'advice-requested':
      return { title: `${agencyName(str(d.agency))} advice asked of ${str(d.to) || 'an adviser'}` };
    case 'advice-received':
      return { title: d.nilReturn ? `${agencyName(str(d.agency))} advice: nil return (no needs found in their area)` : `${agencyName(str(d.agency))} advice received` };
    case 'draft-issued':
      return { title: 'Draft plan issued' };
    case 'comments-received':
      return { title: 'Family’s comments on the draft received', ...(str(d.preferredSetting) ? { detail: `Preferred setting: ${str(d.preferredSetting)}` } : {}) };
    case 'final-issued':
      return { title: 'Final plan issued' };
    case 'not-issuing':
      return { title: 'Decided not to issue a plan' };
    case 'exception':
      return { title: `Exception (${str(d.kind)}) recorded, ${formatLongDate(str(d.from))} to ${formatLongDate(str(d.to))}` };
    case 'mediation':
      return { title: `Mediation: ${MEDIATION_STATUSES[str(d.status) as keyof typeof MEDIATION_STATUSES] ?? str(d.status)}`, ...(str(d.notes) ? { detail: str(d.notes) } : {}) };
    case 'tribunal':
      return { title: `Tribunal: ${TRIBUNAL_STATUSES[str(d.status) as keyof typeof TRIBUNAL_STATUSES] ?? str(d.status)}`, ...(str(d.notes) ? { detail: str(d.notes) } : {}) };
    case 'note':
      return { title: 'Internal note', detail: str(d.text) };
    default:
      return { title: e.type };
  }
}
