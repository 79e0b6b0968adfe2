/**
 * What a provider may change about their service, and the rules of the update form, pure.
 * A proposal holds only the fields that changed; the council's officer sees each one before
 * and after, and approves or rejects the whole with a reason.
 */
import { readForm, type FieldError } from '../../platform/web/forms.js';

export type EditableField =
  | 'name'
  | 'description'
  | 'eligibility_description'
  | 'minimum_age'
  | 'maximum_age'
  | 'application_process'
  | 'fees_description'
  | 'wait_time'
  | 'url'
  | 'email';

export type FieldValue = string | number | null;
export type Changes = Partial<Record<EditableField, FieldValue>>;

interface FieldRule {
  key: EditableField;
  /** The label on the form and in the officer's comparison. */
  label: string;
  hint?: string;
  kind: 'text' | 'textarea' | 'age' | 'url' | 'email';
  required?: boolean;
  max: number;
}

export const EDITABLE: readonly FieldRule[] = [
  { key: 'name', label: 'Name of the service', kind: 'text', required: true, max: 300 },
  { key: 'description', label: 'What the service does', hint: 'Write for parents: short sentences and everyday words', kind: 'textarea', required: true, max: 4000 },
  { key: 'eligibility_description', label: 'Who it is for', hint: 'For example, children aged 2 to 11 with speech, language or communication needs who live in Carlisle', kind: 'textarea', max: 2000 },
  { key: 'minimum_age', label: 'Youngest age, in years', kind: 'age', max: 3 },
  { key: 'maximum_age', label: 'Oldest age, in years', kind: 'age', max: 3 },
  { key: 'application_process', label: 'How to get the service', hint: 'Can families just turn up, or do they need a referral? Who can refer?', kind: 'textarea', max: 2000 },
  { key: 'fees_description', label: 'Cost', hint: 'For example, free, or £5 a session', kind: 'textarea', max: 1000 },
  { key: 'wait_time', label: 'How long families usually wait', kind: 'text', max: 300 },
  { key: 'url', label: 'Website', hint: 'The full address, starting with https://', kind: 'url', max: 500 },
  { key: 'email', label: 'Email address', kind: 'email', max: 320 },
];

export const NOTE_FIELD = 'note';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function labelOf(key: string): string {
  return EDITABLE.find((f) => f.key === key)?.label ?? key;
}

/** The service's current values as the form shows them. */
export function formValues(current: Record<EditableField, FieldValue>): Record<string, string> {
  return Object.fromEntries(EDITABLE.map((f) => [f.key, current[f.key] === null || current[f.key] === undefined ? '' : String(current[f.key])]));
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

export interface ProposalForm {
  values: Record<string, string>;
  errors: FieldError[];
  proposal?: { changes: Changes; before: Changes; note: string | null };
}

/** Reads the update form against the service's current values: only what changed is proposed. */
export function readProposal(body: unknown, current: Record<EditableField, FieldValue>): ProposalForm {
  const labels = Object.fromEntries(EDITABLE.map((f) => [f.key, f.label]));
  const state = readForm(body, [...EDITABLE.map((f) => f.key), NOTE_FIELD], { ...labels, note: 'Your note' }, 4000);
  const { values, errors } = state;
  const next: Partial<Record<EditableField, FieldValue>> = {};
  for (const f of EDITABLE) {
    if (errors.some((e) => e.field === f.key)) continue;
    const raw = values[f.key]!.trim();
    if (raw.length > f.max) {
      errors.push({ field: f.key, text: `${f.label} must be ${f.max} characters or fewer` });
      continue;
    }
    if (raw === '') {
      if (f.required) errors.push({ field: f.key, text: `Enter the ${f.label.toLowerCase()}` });
      else next[f.key] = null;
      continue;
    }
    if (f.kind === 'age') {
      if (!/^\d{1,2}$/.test(raw)) errors.push({ field: f.key, text: `${f.label.replace(', in years', '')} must be a whole number of years, like 5` });
      else next[f.key] = Number(raw);
    } else if (f.kind === 'url') {
      if (!/^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i.test(raw)) errors.push({ field: f.key, text: 'Enter the website’s full address, starting with https://, like https://www.example.org' });
      else next[f.key] = raw;
    } else if (f.kind === 'email') {
      if (!EMAIL.test(raw)) errors.push({ field: f.key, text: 'Enter an email address in the correct format, like name@example.com' });
      else next[f.key] = raw;
    } else {
      next[f.key] = raw;
    }
  }
  if (!errors.length && typeof next.minimum_age === 'number' && typeof next.maximum_age === 'number' && next.minimum_age > next.maximum_age) {
    errors.push({ field: 'maximum_age', text: 'Oldest age must be the same as or more than the youngest age' });
  }
  if (!errors.some((e) => e.field === NOTE_FIELD) && values.note!.length > 2000) errors.push({ field: NOTE_FIELD, text: 'Your note must be 2000 characters or fewer' });
  if (errors.length) return { values, errors };

  const changes: Changes = {};
  const before: Changes = {};
  for (const f of EDITABLE) {
    if (!sameValue(next[f.key], current[f.key])) {
      changes[f.key] = next[f.key] ?? null;
      before[f.key] = current[f.key] ?? null;
    }
  }
  if (Object.keys(changes).length === 0) return { values, errors: [{ field: EDITABLE[0]!.key, text: 'You have not changed anything. Change at least one answer, or go back' }] };
  return { values, errors, proposal: { changes, before, note: values.note!.trim() || null } };
}

/** Whether the ages would still make sense once the changes apply to the service as it is now. */
export function agesProblem(current: Record<EditableField, FieldValue>, changes: Changes): string | undefined {
  const min = 'minimum_age' in changes ? changes.minimum_age : current.minimum_age;
  const max = 'maximum_age' in changes ? changes.maximum_age : current.maximum_age;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    return `The youngest age (${min}) would be more than the oldest age (${max}). Reject this update and ask the provider to send it again`;
  }
  return undefined;
}

/** The reason an officer gives; required to reject, optional to approve. */
export function readDecision(body: unknown): { values: Record<string, string>; errors: FieldError[]; decision?: { approve: boolean; reason: string | null } } {
  const state = readForm(body, ['decision', 'reason'], { decision: 'Your decision', reason: 'The reason' }, 2000);
  const { values, errors } = state;
  if (errors.length) return { values, errors };
  const reason = values.reason!.trim();
  if (values.decision === 'approve') return { values, errors, decision: { approve: true, reason: reason || null } };
  if (values.decision === 'reject') {
    if (!reason) return { values, errors: [{ field: 'reason', text: 'Enter the reason you are rejecting this update: the provider will see it' }] };
    return { values, errors, decision: { approve: false, reason } };
  }
  return { values, errors: [{ field: 'decision', text: 'Choose whether to approve or reject this update' }] };
}
