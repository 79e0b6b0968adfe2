/**
 * The rules of the feedback forms, pure: a family's comment on a service or on the Local Offer,
 * and the officer's decision (publish with the council's response, or do not publish).
 */
import { readForm, required, type FieldError } from '../../platform/web/forms.js';

export const MAX_FEEDBACK = 2000;
export const MAX_RESPONSE = 4000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Feedback {
  body: string;
  name: string | null;
  email: string | null;
}

export function readFeedback(body: unknown): { values: Record<string, string>; errors: FieldError[]; feedback?: Feedback } {
  const state = readForm(body, ['feedback', 'name', 'email'], { feedback: 'Your feedback', name: 'Your name', email: 'Email address' }, MAX_FEEDBACK);
  const { values, errors } = state;
  required(state, 'feedback', 'Enter your feedback');
  if (!errors.some((e) => e.field === 'name') && values.name!.length > 200) errors.push({ field: 'name', text: 'Your name must be 200 characters or fewer' });
  const email = values.email!.trim();
  if (!errors.some((e) => e.field === 'email') && email && (!EMAIL.test(email) || email.length > 320)) {
    errors.push({ field: 'email', text: 'Enter an email address in the correct format, like name@example.com' });
  }
  if (errors.length) return { values, errors };
  return { values, errors, feedback: { body: values.feedback!.trim(), name: values.name!.trim() || null, email: email || null } };
}

export type Moderation = { decision: 'publish'; response: string } | { decision: 'reject' };

export function readModeration(body: unknown): { values: Record<string, string>; errors: FieldError[]; moderation?: Moderation } {
  const state = readForm(body, ['decision', 'response'], { decision: 'Your decision', response: 'The council’s response' }, MAX_RESPONSE);
  const { values, errors } = state;
  if (errors.length) return { values, errors };
  if (values.decision === 'publish') {
    required(state, 'response', 'Write the council’s response: feedback is published with it');
    return errors.length ? { values, errors } : { values, errors, moderation: { decision: 'publish', response: values.response!.trim() } };
  }
  if (values.decision === 'reject') return { values, errors, moderation: { decision: 'reject' } };
  return { values, errors: [{ field: 'decision', text: 'Choose whether to publish this feedback' }] };
}
