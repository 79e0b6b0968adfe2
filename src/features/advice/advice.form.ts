/**
 * The answer form's rules, pure. An adviser either writes advice in the sections their agency
 * informs, or says explicitly that they found no needs in their area. Silence (an empty form)
 * is never a contribution.
 */
import { readForm, type FieldError } from '../../platform/web/forms.js';
import type { Agency, SectionKey } from '../ehc/ehc.codes.js';
import { answerSections } from './advice.present.js';

/** The longest a section's advice may be (the API's limit too). */
export const MAX_SECTION = 20000;

export const NOTHING_SENT = 'Write your advice, or tell us you found no needs in your area';

export type Answer = { nilReturn: true; advice: Record<string, never> } | { nilReturn: false; advice: Partial<Record<SectionKey, string>> };

export interface AnswerForm {
  values: Record<string, string>;
  errors: FieldError[];
  answer?: Answer;
}

export function readAnswer(body: unknown, agency: Agency): AnswerForm {
  const sections = answerSections(agency);
  const labels = Object.fromEntries(sections.map((s) => [s.field, s.label]));
  const { values, errors } = readForm(body, ['answer', ...sections.map((s) => s.field)], { ...labels, answer: 'Your answer' }, MAX_SECTION);
  if (errors.length) return { values, errors };

  const written = sections.filter((s) => values[s.field]!.trim() !== '');
  const choice = values.answer;
  if (choice !== '' && choice !== 'advice' && choice !== 'nil') {
    return { values, errors: [{ field: 'answer', text: NOTHING_SENT }] };
  }
  if (choice === 'nil') {
    // Advice written and "no needs" chosen contradict each other: ask rather than drop either.
    if (written.length) {
      return {
        values,
        errors: [{ field: 'answer', text: 'You wrote advice and also said you found no needs. Choose ‘I have advice to give’ to send your advice, or delete it' }],
      };
    }
    return { values, errors, answer: { nilReturn: true, advice: {} } };
  }
  if (written.length === 0) {
    // Nothing chosen and nothing written; or "advice" chosen with every box empty.
    return choice === 'advice'
      ? { values, errors: [{ field: sections[0]!.field, text: 'Write your advice in at least one section, or choose ‘I found no needs in my area’' }] }
      : { values, errors: [{ field: 'answer', text: NOTHING_SENT }] };
  }
  // Advice written counts as choosing to give it, even if the radio was missed.
  values.answer = 'advice';
  const advice: Partial<Record<SectionKey, string>> = {};
  for (const s of written) advice[s.key] = values[s.field]!.trim();
  return { values, errors, answer: { nilReturn: false, advice } };
}
