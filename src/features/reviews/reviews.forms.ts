/**
 * The forms that record a review, each a GOV.UK form: what it asks, who may use it, when it is
 * offered, and how its answers become a ReviewChange. Pure: routes read the form, call
 * parseReviewForm, then the service, which checks the change against what is recorded.
 */
import { isSen2CeaseReasonCode, SEN2_CEASE_REASONS } from '../ehc/clock/index.js';
import { SECTION_KEYS } from '../ehc/ehc.codes.js';
import { readForm, type FieldError } from '../../platform/web/forms.js';
import { dateFields, readDateInput } from '../../platform/web/date-input.js';
import { preparingForAdulthood } from './ncy.js';
import { isPhaseTransferKind, isReviewDecision } from './reviews.codes.js';
import { meetingHeld, type ReviewFacts } from './reviews.model.js';
import { pfaFieldNames, readPfa } from './reviews.pfa.js';
import type { ReviewChange } from './reviews.service.js';

export interface FormContext {
  today: string;
  dateOfBirth: string;
  planActive: boolean;
}

interface DateSpec {
  name: string;
  label: string;
  missing: string;
  optional?: boolean;
}

type Values = Record<string, string>;

export interface ReviewFormSpec {
  /** The URL's last part: /reviews/:reviewId/<name>. */
  name: string;
  title: string;
  button: string;
  done: string;
  /** Only the council's casework staff; otherwise the school's SENCO may record it too. */
  councilOnly: boolean;
  fields: readonly string[];
  dates: readonly DateSpec[];
  maxLength: number;
  offered(r: ReviewFacts, ctx: FormContext): boolean;
  build(v: Values, d: Record<string, string | null>, ctx: FormContext, errors: FieldError[]): ReviewChange;
}

const sectionFields = SECTION_KEYS.map((k) => `section-${k}`);
const sectionsOf = (v: Values) => Object.fromEntries(SECTION_KEYS.map((k) => [k, v[`section-${k}`] ?? '']));
const undecided = (r: ReviewFacts, ctx: FormContext) => ctx.planActive && !r.decision;

export const REVIEW_FORMS: readonly ReviewFormSpec[] = [
  {
    name: 'schedule', title: 'Book the review meeting', button: 'Save the meeting date', done: 'Meeting date saved', councilOnly: false,
    fields: [], maxLength: 100,
    dates: [
      { name: 'meetingOn', label: 'Date of the meeting', missing: 'Enter the date of the meeting' },
      { name: 'invitationsSentOn', label: 'Date the invitations were sent', missing: '', optional: true },
    ],
    offered: undecided,
    build: (_v, d) => ({ type: 'schedule', meetingOn: d.meetingOn!, invitationsSentOn: d.invitationsSentOn ?? null }),
  },
  {
    name: 'advice', title: 'Record when the advice was circulated', button: 'Save', done: 'Advice circulation saved', councilOnly: false,
    fields: [], maxLength: 100,
    dates: [{ name: 'on', label: 'Date the advice was circulated', missing: 'Enter the date the advice was sent to everyone invited' }],
    offered: undecided,
    build: (_v, d) => ({ type: 'advice-circulated', on: d.on! }),
  },
  {
    name: 'meeting', title: 'Record the review meeting', button: 'Save the meeting', done: 'Review meeting recorded', councilOnly: false,
    fields: ['notes', 'pfaShown', ...pfaFieldNames()], maxLength: 5000,
    dates: [{ name: 'on', label: 'Date of the meeting', missing: 'Enter the date the meeting was held' }],
    offered: undecided,
    build: (v, d, ctx, errors) => {
      const applies = d.on ? preparingForAdulthood(ctx.dateOfBirth, d.on) : v.pfaShown === 'yes';
      if (applies && v.pfaShown !== 'yes') {
        errors.push({ field: 'pfa-employment-outcome', text: 'The young person was in Year 9 or above at this meeting: record the Preparing for Adulthood outcomes' });
      }
      const pfa = applies && v.pfaShown === 'yes' ? readPfa(v, errors) : null;
      return { type: 'meeting-held', on: d.on!, pfa, notes: v.notes?.trim() || null };
    },
  },
  {
    name: 'report', title: 'Record the review report', button: 'Save', done: 'Review report recorded', councilOnly: false,
    fields: [], maxLength: 100,
    dates: [{ name: 'on', label: 'Date the report was sent', missing: 'Enter the date the report was sent' }],
    offered: (r, ctx) => meetingHeld(r, ctx.today) && !r.report_sent_on,
    build: (_v, d) => ({ type: 'report-sent', on: d.on! }),
  },
  {
    name: 'decision', title: 'Record the council’s decision', button: 'Record the decision', done: 'Decision recorded', councilOnly: true,
    fields: ['decision', 'ceaseReason'], maxLength: 100,
    dates: [{ name: 'on', label: 'Date of the decision', missing: 'Enter the date of the decision' }],
    offered: (r, ctx) => undecided(r, ctx) && meetingHeld(r, ctx.today),
    build: (v, d, _ctx, errors) => {
      if (!isReviewDecision(v.decision)) errors.push({ field: 'decision', text: 'Select whether the council will keep, amend or stop the plan' });
      const cease = v.decision === 'cease';
      if (cease && !isSen2CeaseReasonCode(v.ceaseReason)) errors.push({ field: 'ceaseReason', text: 'Select why the plan is ceasing' });
      return { type: 'decision', on: d.on!, decision: v.decision as 'maintain', ceaseReason: cease && isSen2CeaseReasonCode(v.ceaseReason) ? v.ceaseReason : null };
    },
  },
  {
    name: 'amendments', title: 'Send the proposed amendments', button: 'Send the proposed amendments', done: 'Proposed amendments recorded', councilOnly: true,
    fields: sectionFields, maxLength: 20000,
    dates: [{ name: 'on', label: 'Date the proposals were sent', missing: 'Enter the date the proposed amendments were sent' }],
    offered: (r) => r.decision === 'amend' && !r.amendment_proposals_on,
    build: (v, d) => ({ type: 'amendment-proposals', on: d.on!, sections: sectionsOf(v) }),
  },
  {
    name: 'amended-plan', title: 'Issue the amended plan', button: 'Issue the amended plan', done: 'Amended plan issued', councilOnly: true,
    fields: sectionFields, maxLength: 20000,
    dates: [{ name: 'on', label: 'Date the amended plan was issued', missing: 'Enter the date the amended plan was issued' }],
    offered: (r) => r.amendment_proposals_on !== null && !r.amended_final_on,
    build: (v, d) => ({ type: 'amended-final', on: d.on!, sections: sectionsOf(v) }),
  },
  {
    name: 'phase-transfer', title: 'Record a phase transfer', button: 'Save', done: 'Phase transfer saved', councilOnly: true,
    fields: ['kind', 'year'], maxLength: 100, dates: [],
    offered: (_r, ctx) => ctx.planActive,
    build: (v, _d, ctx, errors) => {
      if (v.kind === 'none') return { type: 'phase-transfer', kind: null, year: null };
      if (!isPhaseTransferKind(v.kind)) errors.push({ field: 'kind', text: 'Select which phase transfer this is, or that there is none' });
      const year = v.year?.trim() ?? '';
      const thisYear = Number(ctx.today.slice(0, 4));
      if (!year) errors.push({ field: 'year', text: 'Enter the year of the transfer' });
      else if (!/^\d{4}$/.test(year)) errors.push({ field: 'year', text: 'Year of the transfer must include 4 numbers, like 2027' });
      else if (Number(year) < thisYear - 1 || Number(year) > thisYear + 10) errors.push({ field: 'year', text: `Year of the transfer must be between ${thisYear - 1} and ${thisYear + 10}` });
      return { type: 'phase-transfer', kind: isPhaseTransferKind(v.kind) ? v.kind : null, year: /^\d{4}$/.test(year) ? Number(year) : null };
    },
  },
];

export const reviewFormNamed = (name: string) => REVIEW_FORMS.find((f) => f.name === name);

/** Reads a posted form: the change to record, or the errors to show with the values typed. */
export function parseReviewForm(spec: ReviewFormSpec, body: unknown, ctx: FormContext): { change?: ReviewChange; values: Values; errors: FieldError[] } {
  const form = readForm(body, [...spec.fields, ...dateFields(...spec.dates.map((d) => d.name))], {}, spec.maxLength);
  const { values, errors } = form;
  const dates: Record<string, string | null> = {};
  for (const d of spec.dates) {
    const blank = ['day', 'month', 'year'].every((p) => !values[`${d.name}-${p}`]?.trim());
    if (d.optional && blank) {
      dates[d.name] = null;
      continue;
    }
    const r = readDateInput(values, d.name, { label: d.label, missing: d.missing });
    if (r.error) errors.push(r.error);
    dates[d.name] = r.value ?? null;
  }
  const change = spec.build(values, dates, ctx, errors);
  return errors.length ? { values, errors } : { change, values, errors };
}

/** The plain label for each SEN2 reason a plan ceases, for the decision form. */
export const ceaseReasonItems = (selected: string | undefined) =>
  Object.entries(SEN2_CEASE_REASONS).map(([value, r]) => ({ value, text: r.label, hint: { text: r.plainLabel }, checked: selected === value }));
