import type { ErrorView } from '../../platform/web/forms.js';
import { MAX_TEXT_ANSWER, choicesOf, fieldName, labelOf, type Question } from './survey.questions.js';

/** One question as the GOV.UK macro that shows it, with its parameters. */
export interface QuestionField {
  macro: 'radios' | 'checkboxes' | 'characterCount';
  params: Record<string, unknown>;
}

/**
 * The survey form's fields, built here so the template only picks the macro. A conditional
 * question says what it follows in its hint; nothing is hidden, so the page needs no script.
 */
export function questionFields(questions: readonly Question[], values: Record<string, string | string[]>, errors: ErrorView['errorFor']): QuestionField[] {
  const byPosition = new Map(questions.map((q) => [q.position, q]));
  return questions.map((q) => {
    const name = fieldName(q);
    const condition = q.showIf
      ? `Answer this only if you said ‘${labelOf(byPosition.get(q.showIf.position) ?? { kind: 'text', options: [] }, q.showIf.value)}’ to question ${q.showIf.position}.`
      : '';
    const hint = [condition, q.hint].filter(Boolean).join(' ');
    const optional = q.required ? '' : ' (optional)';
    const legend = { text: `${q.position}. ${q.text}${optional}`, classes: 'govuk-fieldset__legend--s' };
    const common = { ...(hint ? { hint: { text: hint } } : {}), ...(errors[name] ? { errorMessage: errors[name] } : {}) };
    if (q.kind === 'text') {
      return {
        macro: 'characterCount',
        params: { name, id: name, maxlength: MAX_TEXT_ANSWER, label: { text: legend.text, classes: 'govuk-label--s' }, value: values[name] ?? '', rows: 5, ...common },
      };
    }
    const chosen = values[name];
    const items = choicesOf(q).map((c) => ({
      value: c.value,
      text: c.label,
      checked: Array.isArray(chosen) ? chosen.includes(c.value) : chosen === c.value,
    }));
    return {
      macro: q.kind === 'multiple' ? 'checkboxes' : 'radios',
      params: { name, idPrefix: name, fieldset: { legend }, items, ...common },
    };
  });
}
