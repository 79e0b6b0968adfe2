import type { ActionStatus } from '../../db/strategy.tables.js';
import { readForm, required, type FieldError, type FormState } from '../../platform/web/forms.js';
import { dateFields, readDateInput } from '../../platform/web/date-input.js';
import { LIMITS, STATUSES, isStatus, reasonRequired } from './strategy.rules.js';

/** The action plan's forms read and checked: GOV.UK messages naming the field to fix. */

function tooLong(state: FormState, field: string, max: number, label: string): void {
  if (!state.errors.some((e) => e.field === field) && state.values[field]!.length > max) {
    state.errors.push({ field, text: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` });
  }
}

/** The version of the action the page showed, for refusing stale edits. */
function version(values: Record<string, string>, errors: FieldError[]): number | undefined {
  const v = values.version ?? '';
  if (!/^\d{1,9}$/.test(v)) {
    errors.push({ field: 'version', text: 'The form was incomplete: go back, reload the page and try again' });
    return undefined;
  }
  return Number(v);
}

export interface StatusInput {
  status: ActionStatus;
  reason: string;
  version: number;
}

export function readStatusForm(body: unknown): FormState & { input?: StatusInput } {
  const state = readForm(body, ['status', 'reason', 'version'], { status: 'Status', reason: 'The reason' }, LIMITS.reason * 4);
  const { values, errors } = state;
  values.reason = values.reason!.trim();
  if (!errors.some((e) => e.field === 'status') && !isStatus(values.status!)) errors.push({ field: 'status', text: 'Select whether the action is on track, at risk, off track or done' });
  tooLong(state, 'reason', LIMITS.reason, 'The reason');
  if (isStatus(values.status!) && reasonRequired(values.status) && values.reason === '' && !errors.some((e) => e.field === 'reason')) {
    errors.push({ field: 'reason', text: `Enter why the action is ${STATUSES[values.status].label.toLowerCase()}` });
  }
  const v = version(values, errors);
  if (errors.length) return state;
  return { ...state, input: { status: values.status as ActionStatus, reason: values.reason, version: v! } };
}

export interface ProgressInput {
  updateOn: string;
  body: string;
}

export function readProgressForm(body: unknown, today: string): FormState & { input?: ProgressInput } {
  const state = readForm(body, ['body', ...dateFields('update')], { body: 'The update' }, LIMITS.update * 4);
  const { values, errors } = state;
  values.body = values.body!.trim();
  const date = readDateInput(values, 'update', { label: 'Date of the update', missing: 'Enter the date of the update' });
  if (date.error) errors.push(date.error);
  else if (date.value > today) errors.push({ field: 'update-day', text: 'Date of the update must be today or in the past' });
  required(state, 'body', 'Enter what has happened since the last update');
  tooLong(state, 'body', LIMITS.update, 'The update');
  if (errors.length) return state;
  return { ...state, input: { updateOn: date.value!, body: values.body } };
}

export interface MilestoneInput {
  title: string;
  dueOn: string;
  doneOn: string | null;
}

/** A milestone: what and when; on the edit form also whether (and when) it was done. */
export function readMilestoneForm(body: unknown, today: string, options: { withDone: boolean }): FormState & { input?: MilestoneInput } {
  const fields = ['title', 'done', ...dateFields('due', 'done-on')];
  const state = readForm(body, fields, { title: 'The milestone', done: 'Whether it is done' }, LIMITS.milestoneTitle * 4);
  const { values, errors } = state;
  values.title = values.title!.trim();
  required(state, 'title', 'Enter what the milestone is');
  tooLong(state, 'title', LIMITS.milestoneTitle, 'The milestone');
  const due = readDateInput(values, 'due', { label: 'Due date', missing: 'Enter the date the milestone is due' });
  if (due.error) errors.push(due.error);
  let doneOn: string | null = null;
  if (options.withDone) {
    if (values.done !== 'yes' && values.done !== 'no') errors.push({ field: 'done', text: 'Select whether the milestone is done' });
    else if (values.done === 'yes') {
      const done = readDateInput(values, 'done-on', { label: 'Date it was done', missing: 'Enter the date the milestone was done' });
      if (done.error) errors.push(done.error);
      else if (done.value > today) errors.push({ field: 'done-on-day', text: 'Date it was done must be today or in the past' });
      else doneOn = done.value;
    }
  }
  if (errors.length) return state;
  return { ...state, input: { title: values.title, dueOn: due.value!, doneOn } };
}

export interface DetailsInput {
  title: string;
  description: string;
  leadOrganisationId: string;
  leadPerson: string;
  partnerIds: string[];
  targetDate: string | null;
  version: number;
}

/** `organisations`: the ids a lead or partner may be (anything else is refused, not stored). */
export function readDetailsForm(body: unknown, organisations: ReadonlySet<string>): FormState & { input?: DetailsInput; partnerIds: string[] } {
  const source = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const state = readForm(body, ['title', 'description', 'lead-organisation', 'lead-person', 'version', ...dateFields('target')], { title: 'The title', description: 'The description', 'lead-person': 'The lead person' }, LIMITS.description * 4);
  const { values, errors } = state;
  for (const f of ['title', 'description', 'lead-person'] as const) values[f] = values[f]!.trim();
  required(state, 'title', 'Enter the action’s title');
  tooLong(state, 'title', LIMITS.title, 'The title');
  tooLong(state, 'description', LIMITS.description, 'The description');
  tooLong(state, 'lead-person', LIMITS.person, 'The lead person');
  if (!organisations.has(values['lead-organisation']!)) errors.push({ field: 'lead-organisation', text: 'Select the organisation that leads the action' });
  const raw = source.partners;
  const partnerList = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const partnerIds = [...new Set(partnerList.filter((p): p is string => typeof p === 'string'))];
  if (partnerIds.length !== partnerList.length || partnerIds.some((p) => !organisations.has(p))) {
    errors.push({ field: 'partners', text: 'Select partners from the list' });
  }
  let targetDate: string | null = null;
  if (['target-day', 'target-month', 'target-year'].some((f) => values[f]!.trim() !== '')) {
    const d = readDateInput(values, 'target', { label: 'Target date', missing: 'Enter the target date' });
    if (d.error) errors.push(d.error);
    else targetDate = d.value;
  }
  const v = version(values, errors);
  if (errors.length) return { ...state, partnerIds };
  return {
    ...state,
    partnerIds,
    input: {
      title: values.title!,
      description: values.description!,
      leadOrganisationId: values['lead-organisation']!,
      leadPerson: values['lead-person']!,
      partnerIds: partnerIds.filter((p) => p !== values['lead-organisation']),
      targetDate,
      version: v!,
    },
  };
}

export function readMeasureForm(body: unknown, known: (id: string) => { survey: boolean } | undefined): FormState & { input?: { ref: string; kind: 'indicator' | 'survey' } } {
  const state = readForm(body, ['measure'], { measure: 'The measure' });
  const found = known(state.values.measure!);
  if (!state.errors.length && !found) state.errors.push({ field: 'measure', text: 'Select an indicator or survey measure from the list' });
  if (state.errors.length) return state;
  return { ...state, input: { ref: state.values.measure!, kind: found!.survey ? 'survey' : 'indicator' } };
}

export interface NewActionInput {
  reference: string;
  place: { priorityId: string | null; improvementAreaId: string | null };
  title: string;
  description: string;
  leadOrganisationId: string;
  leadPerson: string;
  targetDate: string | null;
}

/**
 * A new action. `places` maps the form's place values ("priority:<id>", "area:<id>") to where
 * the action sits; `organisations` holds the ids a lead may be.
 */
export function readNewActionForm(
  body: unknown,
  places: ReadonlyMap<string, { priorityId: string | null; improvementAreaId: string | null }>,
  organisations: ReadonlySet<string>,
): FormState & { input?: NewActionInput } {
  const state = readForm(body, ['place', 'reference', 'title', 'description', 'lead-organisation', 'lead-person', ...dateFields('target')], { reference: 'The reference', title: 'The title', description: 'The description', 'lead-person': 'The lead person' }, LIMITS.description * 4);
  const { values, errors } = state;
  for (const f of ['reference', 'title', 'description', 'lead-person'] as const) values[f] = values[f]!.trim();
  const place = places.get(values.place!);
  if (!errors.some((e) => e.field === 'place') && !place) errors.push({ field: 'place', text: 'Select the priority or area for improvement the action serves' });
  required(state, 'reference', 'Enter a reference, for example 1.5');
  if (!errors.some((e) => e.field === 'reference') && !/^[A-Za-z0-9][A-Za-z0-9 .-]{0,19}$/.test(values.reference!)) {
    errors.push({ field: 'reference', text: 'The reference must be 20 characters or fewer, using only letters, numbers, spaces, full stops and hyphens' });
  }
  required(state, 'title', 'Enter the action’s title');
  tooLong(state, 'title', LIMITS.title, 'The title');
  tooLong(state, 'description', LIMITS.description, 'The description');
  if (!organisations.has(values['lead-organisation']!)) errors.push({ field: 'lead-organisation', text: 'Select the organisation that leads the action' });
  tooLong(state, 'lead-person', LIMITS.person, 'The lead person');
  let targetDate: string | null = null;
  if (['target-day', 'target-month', 'target-year'].some((f) => values[f]!.trim() !== '')) {
    const d = readDateInput(values, 'target', { label: 'Target date', missing: 'Enter the target date' });
    if (d.error) errors.push(d.error);
    else targetDate = d.value;
  }
  if (errors.length) return state;
  return {
    ...state,
    input: { reference: values.reference!, place: place!, title: values.title!, description: values.description!, leadOrganisationId: values['lead-organisation']!, leadPerson: values['lead-person']!, targetDate },
  };
}
