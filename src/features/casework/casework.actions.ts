/**
 * The things an officer records from the case page, each a GOV.UK form: what it asks, how its
 * answers become an EhcEvent, and its error messages. Pure: the routes read the form, call
 * parseAction, then s.ehc.recordEvent, which checks the rest and records the event.
 */
import { daysBetween, formatLongDate, isExceptionKind, MIN_CLOSURE_DAYS, MIN_OUT_OF_AREA_DAYS } from '../ehc/clock/index.js';
import { isAgency, SECTION_KEYS, type Stage } from '../ehc/ehc.codes.js';
import type { EhcEvent } from '../ehc/ehc.events.js';
import { readForm, required, type FieldError } from '../../platform/web/forms.js';
import { dateFields, readDateInput } from '../../platform/web/date-input.js';
import { MEDIATION_STATUSES, TRIBUNAL_STATUSES } from './casework.present.js';

export interface ActionContext {
  receivedOn: string;
  draftIssuedOn: string | null;
  today: string;
}

interface DateSpec {
  name: string;
  label: string;
  missing: string;
  /** May be after today (the end of an exception still running). */
  future?: boolean;
}

type Values = Record<string, string>;

export interface ActionSpec {
  /** The URL's last part: /casework/requests/:id/<name>. */
  name: string;
  title: string;
  button: string;
  /** The success banner on the case page. */
  done: string;
  /** The stages the case page offers this action in. */
  stages: readonly Stage[];
  fields: readonly string[];
  dates: readonly DateSpec[];
  required: readonly [field: string, message: string][];
  maxLength: number;
  /** The fields as they appear on the page (dates by name), when not fields then dates. */
  order?: readonly string[];
  build(v: Values, d: Record<string, string>, ctx: ActionContext, errors: FieldError[]): EhcEvent;
}

const ASSESSING: Stage[] = ['assessing', 'drafting'];
const OPEN: Stage[] = ['requested', 'assessing', 'drafting', 'draft-issued'];
const DECIDED: Stage[] = ['not-assessing', 'not-issuing', 'final-issued'];
const ALL: Stage[] = [...OPEN, ...DECIDED];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const opt = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

const marker = (type: 'mediation' | 'tribunal', statuses: Record<string, string>): ActionSpec => ({
  name: type,
  title: type === 'mediation' ? 'Record mediation' : 'Record a tribunal appeal',
  button: 'Save',
  done: type === 'mediation' ? 'Mediation recorded' : 'Tribunal appeal recorded',
  stages: DECIDED,
  fields: ['status', 'notes'],
  dates: [{ name: 'on', label: 'Date', missing: 'Enter the date' }],
  order: ['status', 'on', 'notes'],
  required: [['status', type === 'mediation' ? 'Select where mediation has got to' : 'Select where the appeal has got to']],
  maxLength: 5000,
  build: (v, d, _ctx, errors) => {
    if (v.status && !Object.hasOwn(statuses, v.status)) errors.push({ field: 'status', text: 'Select an option from the list' });
    return { type, on: d.on!, status: v.status!, ...(opt(v.notes) ? { notes: opt(v.notes)! } : {}) };
  },
});

export const ACTIONS: readonly ActionSpec[] = [
  {
    name: 'decision',
    title: 'Decide whether to assess',
    button: 'Record the decision',
    done: 'Decision recorded',
    stages: ['requested'],
    fields: ['outcome', 'reasons'],
    dates: [{ name: 'on', label: 'Date of the decision', missing: 'Enter the date of the decision' }],
    required: [['outcome', 'Select whether you will carry out an assessment']],
    maxLength: 5000,
    order: ['outcome', 'reasons', 'on'],
    build: (v, d, _ctx, errors) => {
      if (v.outcome && v.outcome !== 'assess' && v.outcome !== 'not-assess') errors.push({ field: 'outcome', text: 'Select whether you will carry out an assessment' });
      if (v.outcome === 'not-assess' && !opt(v.reasons)) errors.push({ field: 'reasons', text: 'Enter the reasons for not assessing: the family has a right to them' });
      return { type: 'decision', on: d.on!, outcome: v.outcome as 'assess', ...(opt(v.reasons) ? { reasons: opt(v.reasons)! } : {}) };
    },
  },
  {
    name: 'advice',
    title: 'Ask for advice',
    button: 'Ask for advice',
    done: 'Advice requested',
    stages: ASSESSING,
    fields: ['agency', 'teamId', 'assigneeEmail', 'question'],
    dates: [{ name: 'askedOn', label: 'Date you asked', missing: 'Enter the date you asked for the advice' }],
    required: [['agency', 'Select the kind of advice you are asking for']],
    maxLength: 5000,
    order: ['agency', 'teamId', 'assigneeEmail', 'askedOn', 'question'],
    build: (v, d, _ctx, errors) => {
      if (v.agency && !isAgency(v.agency)) errors.push({ field: 'agency', text: 'Select the kind of advice you are asking for' });
      const team = opt(v.teamId);
      const email = opt(v.assigneeEmail)?.toLowerCase();
      if (!team && !email) errors.push({ field: 'teamId', text: 'Select a team, or enter the email address of the person to ask' });
      if (team && email) errors.push({ field: 'teamId', text: 'Select a team or enter a person’s email address, not both' });
      if (team && !UUID.test(team)) errors.push({ field: 'teamId', text: 'Select a team from the list' });
      if (email && !EMAIL.test(email)) errors.push({ field: 'assigneeEmail', text: 'Enter an email address in the correct format, like name@example.org' });
      return {
        type: 'advice-requested', agency: v.agency as 'health', askedOn: d.askedOn!,
        ...(team ? { teamId: team } : {}), ...(email ? { assigneeEmail: email } : {}), ...(opt(v.question) ? { question: opt(v.question)! } : {}),
      };
    },
  },
  {
    name: 'draft',
    title: 'Issue the draft plan',
    button: 'Issue the draft plan',
    done: 'Draft plan issued',
    stages: ASSESSING,
    fields: SECTION_KEYS,
    dates: [{ name: 'on', label: 'Date the draft was issued', missing: 'Enter the date the draft plan was issued' }],
    required: [],
    maxLength: 20000,
    order: ['on', ...SECTION_KEYS],
    build: (v, d, _ctx, errors) => {
      const sections = Object.fromEntries(SECTION_KEYS.filter((k) => opt(v[k])).map((k) => [k, v[k]!.trim()]));
      if (Object.keys(sections).length === 0) errors.push({ field: 'A', text: 'Write at least one section of the draft plan' });
      return { type: 'draft-issued', on: d.on!, sections };
    },
  },
  {
    name: 'comments',
    title: 'Record the family’s comments on the draft',
    button: 'Save the comments',
    done: 'Comments recorded',
    stages: ['draft-issued'],
    fields: ['comments', 'preferredSetting'],
    dates: [{ name: 'on', label: 'Date the comments were received', missing: 'Enter the date the comments were received' }],
    required: [],
    maxLength: 20000,
    order: ['on', 'comments', 'preferredSetting'],
    build: (v, d, ctx, errors) => {
      afterDraft(d.on, ctx, 'on', 'Date the comments were received', errors);
      if ((v.preferredSetting ?? '').length > 300) errors.push({ field: 'preferredSetting', text: 'Preferred setting must be 300 characters or fewer' });
      return { type: 'comments-received', on: d.on!, ...(opt(v.comments) ? { comments: opt(v.comments)! } : {}), ...(opt(v.preferredSetting) ? { preferredSetting: opt(v.preferredSetting)! } : {}) };
    },
  },
  {
    name: 'final',
    title: 'Issue the final plan',
    button: 'Issue the final plan',
    done: 'Final plan issued',
    stages: ['draft-issued'],
    fields: [],
    dates: [{ name: 'on', label: 'Date the final plan was issued', missing: 'Enter the date the final plan was issued' }],
    required: [],
    maxLength: 500,
    build: (_v, d, ctx, errors) => {
      afterDraft(d.on, ctx, 'on', 'Date the final plan was issued', errors);
      return { type: 'final-issued', on: d.on! };
    },
  },
  {
    name: 'not-issuing',
    title: 'Decide not to issue a plan',
    button: 'Record the decision',
    done: 'Decision not to issue a plan recorded',
    stages: [...ASSESSING, 'draft-issued'],
    fields: ['reasons'],
    dates: [{ name: 'on', label: 'Date you told the family', missing: 'Enter the date you told the family' }],
    required: [['reasons', 'Enter the reasons for not issuing a plan: the family has a right to them']],
    maxLength: 5000,
    order: ['on', 'reasons'],
    build: (v, d) => ({ type: 'not-issuing', on: d.on!, reasons: v.reasons!.trim() }),
  },
  {
    name: 'exception',
    title: 'Record an exception to the time limits',
    button: 'Record the exception',
    done: 'Exception recorded',
    stages: OPEN,
    fields: ['kind', 'reason'],
    dates: [
      { name: 'from', label: 'Start date', missing: 'Enter the date the exception started' },
      { name: 'to', label: 'End date', missing: 'Enter the date the exception ended, or is expected to end', future: true },
    ],
    required: [['kind', 'Select which exception applies'], ['reason', 'Enter why the exception applies']],
    maxLength: 2000,
    order: ['kind', 'from', 'to', 'reason'],
    build: (v, d, _ctx, errors) => {
      if (v.kind && !isExceptionKind(v.kind)) errors.push({ field: 'kind', text: 'Select which exception applies' });
      if (d.from && d.to) {
        const span = daysBetween(d.from, d.to);
        if (span < 0) errors.push({ field: 'to-day', text: 'End date must be the same as or after the start date' });
        else if ((v.kind === 'a' || v.kind === 'b') && span < MIN_CLOSURE_DAYS) errors.push({ field: 'to-day', text: 'End date must be at least 4 weeks after the start date for a closure' });
        else if (v.kind === 'd' && span + 1 < MIN_OUT_OF_AREA_DAYS) errors.push({ field: 'to-day', text: 'End date must make at least 4 weeks out of the area' });
      }
      return { type: 'exception', kind: v.kind as 'a', from: d.from!, to: d.to!, reason: v.reason!.trim() };
    },
  },
  marker('mediation', MEDIATION_STATUSES),
  marker('tribunal', TRIBUNAL_STATUSES),
  {
    name: 'note',
    title: 'Add an internal note',
    button: 'Add the note',
    done: 'Note added',
    stages: ALL,
    fields: ['text'],
    dates: [],
    required: [['text', 'Enter the note']],
    maxLength: 10000,
    build: (v, _d, ctx) => ({ type: 'note', on: ctx.today, text: v.text!.trim() }),
  },
];

export const actionNamed = (name: string) => ACTIONS.find((a) => a.name === name);

function afterDraft(on: string | undefined, ctx: ActionContext, field: string, label: string, errors: FieldError[]) {
  if (on && ctx.draftIssuedOn && on < ctx.draftIssuedOn) {
    errors.push({ field: `${field}-day`, text: `${label} must be on or after the draft was issued (${formatLongDate(ctx.draftIssuedOn)})` });
  }
}

/** The form's fields for readForm, dates expanded to their three boxes. */
export function formFields(spec: ActionSpec): string[] {
  return [...spec.fields, ...dateFields(...spec.dates.map((d) => d.name))];
}

/** Reads and checks a submitted form: the event to record, or every error at once. */
export function parseAction(spec: ActionSpec, body: unknown, ctx: ActionContext): { values: Values; event?: EhcEvent; errors: FieldError[] } {
  const form = readForm(body, formFields(spec), {}, spec.maxLength);
  for (const [field, message] of spec.required) required(form, field, message);
  const dates: Record<string, string> = {};
  for (const d of spec.dates) {
    const r = readDateInput(form.values, d.name, d);
    if (r.error) form.errors.push(r.error);
    else if (!d.future && r.value > ctx.today) form.errors.push({ field: `${d.name}-day`, text: `${d.label} must be today or in the past` });
    else if (r.value < ctx.receivedOn) form.errors.push({ field: `${d.name}-day`, text: `${d.label} must be on or after the request was received (${formatLongDate(ctx.receivedOn)})` });
    else dates[d.name] = r.value;
  }
  const event = spec.build(form.values, dates, ctx, form.errors);
  const order = spec.order ?? [...spec.fields, ...spec.dates.map((d) => d.name)];
  const rank = (field: string) => {
    const i = order.indexOf(field.replace(/-(day|month|year)$/, ''));
    return i < 0 ? order.length : i;
  };
  const errors = [...form.errors].sort((a, b) => rank(a.field) - rank(b.field));
  return errors.length ? { values: form.values, errors } : { values: form.values, event, errors: [] };
}

/** The form field to show a service error against (EhcInputError.field names the event's field). */
export function fieldForError(spec: ActionSpec, field: string): string {
  if (spec.fields.includes(field)) return field;
  const date = spec.dates.find((d) => d.name === field) ?? spec.dates[0];
  return date ? `${date.name}-day` : (spec.fields[0] ?? field);
}
