import type { FieldError } from '../../platform/web/forms.js';

/**
 * Survey questions and the rules for answering them: pure, so the unit tests can hit them
 * without a database. A survey is one page (it works without JavaScript); a conditional
 * question says which earlier answer it follows ("Answer this only if you said Yes to
 * question 3"), and an answer to it is kept only when that earlier answer was given.
 */
export const QUESTION_KINDS = {
  single: 'Choose one answer',
  multiple: 'Choose all that apply',
  agreement: 'How much do you agree (strongly agree to strongly disagree, or don’t know)',
  text: 'Free text',
} as const;
export type QuestionKind = keyof typeof QUESTION_KINDS;

export function isQuestionKind(v: string): v is QuestionKind {
  return Object.hasOwn(QUESTION_KINDS, v);
}

/** The agreement scale, in order. The values are stored; the labels are shown. */
export const AGREEMENT = [
  { value: 'strongly-agree', label: 'Strongly agree' },
  { value: 'agree', label: 'Agree' },
  { value: 'neither', label: 'Neither agree nor disagree' },
  { value: 'disagree', label: 'Disagree' },
  { value: 'strongly-disagree', label: 'Strongly disagree' },
  { value: 'dont-know', label: 'Don’t know' },
] as const;
export const AGREEING: readonly string[] = ['strongly-agree', 'agree'];
export const DONT_KNOW = 'dont-know';

/** The longest free-text answer: about a page of writing. Longer is an error, never cut short. */
export const MAX_TEXT_ANSWER = 1200;
/** Most choices one question may offer. */
export const MAX_OPTIONS = 20;

export interface Question {
  id: string;
  position: number;
  kind: QuestionKind;
  text: string;
  hint: string;
  /** The choices of a single or multiple choice question; empty for the others. */
  options: string[];
  required: boolean;
  /** Shown (and kept) only when the question at this position was answered with this value. */
  showIf: { position: number; value: string } | null;
}

/** The values a question accepts, with their labels. */
export function choicesOf(q: Pick<Question, 'kind' | 'options'>): { value: string; label: string }[] {
  if (q.kind === 'agreement') return AGREEMENT.map((a) => ({ ...a }));
  if (q.kind === 'text') return [];
  return q.options.map((o) => ({ value: o, label: o }));
}

export function labelOf(q: Pick<Question, 'kind' | 'options'>, value: string): string {
  return choicesOf(q).find((c) => c.value === value)?.label ?? value;
}

/** The form field of a question. Positions are unique in a survey. */
export const fieldName = (q: Pick<Question, 'position'>) => `q${q.position}`;

// C0 controls other than tab and line breaks, and DEL (as src/platform/web/forms.ts).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface ReadAnswers {
  /** Values kept to show again on the form (strings, or lists for checkboxes). */
  values: Record<string, string | string[]>;
  /** What will be stored: question id to its answer values (one for most, several for checkboxes). */
  answers: Map<string, string[]>;
  errors: FieldError[];
}

/**
 * Reads a submitted survey. Unknown fields are ignored; a question answered with a value it
 * does not offer, a field sent twice where one answer is expected, hidden control characters
 * and answers over the length limit are errors on that question. Answers to a conditional
 * question whose condition is not met are dropped, not stored.
 */
export function readAnswers(questions: readonly Question[], body: unknown): ReadAnswers {
  const source = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values: ReadAnswers['values'] = {};
  const answers = new Map<string, string[]>();
  const errors: FieldError[] = [];
  const byPosition = new Map(questions.map((q) => [q.position, q]));
  const sorted = [...questions].sort((a, b) => a.position - b.position);

  for (const q of sorted) {
    const field = fieldName(q);
    const raw = source[field];
    const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
    const n = q.position;
    if (list.some((v) => typeof v !== 'string')) {
      errors.push({ field, text: `Your answer to question ${n} must be sent as text` });
      values[field] = '';
      continue;
    }
    const texts = (list as string[]).map((v) => (q.kind === 'text' ? v : v.trim())).filter((v) => v.trim() !== '');
    values[field] = q.kind === 'multiple' ? texts : (texts[0] ?? '');

    // A conditional question counts only when its condition was met by a kept answer.
    if (q.showIf) {
      const parent = byPosition.get(q.showIf.position);
      const given = parent ? answers.get(parent.id) : undefined;
      if (!given || !given.includes(q.showIf.value)) continue;
    }

    if (texts.some((v) => CONTROL.test(v))) {
      errors.push({ field, text: `Your answer to question ${n} must not contain hidden control characters` });
      continue;
    }
    if (q.kind !== 'multiple' && texts.length > 1) {
      errors.push({ field, text: `Give one answer to question ${n}` });
      continue;
    }
    if (q.kind === 'text') {
      const text = texts[0] ?? '';
      if (text.length > MAX_TEXT_ANSWER) {
        errors.push({ field, text: `Your answer to question ${n} must be ${MAX_TEXT_ANSWER.toLocaleString('en-GB')} characters or fewer (it has ${text.length.toLocaleString('en-GB')})` });
        continue;
      }
      if (text.trim() === '') {
        if (q.required) errors.push({ field, text: `Enter your answer to question ${n}` });
        continue;
      }
      answers.set(q.id, [text.trim()]);
      continue;
    }
    const allowed = new Set(choicesOf(q).map((c) => c.value));
    if (texts.some((v) => !allowed.has(v))) {
      errors.push({ field, text: `Choose an answer to question ${n} from the list` });
      continue;
    }
    const unique = [...new Set(texts)];
    if (unique.length === 0) {
      if (q.required) errors.push({ field, text: q.kind === 'multiple' ? `Select at least one answer to question ${n}` : `Select an answer to question ${n}` });
      continue;
    }
    answers.set(q.id, unique);
  }
  return { values, answers, errors };
}

/**
 * Checks a new question against the survey so far. Returns the problems, as form errors on the
 * staff page's fields.
 */
export function checkNewQuestion(
  input: { kind: string; text: string; hint: string; options: string; showIfPosition: string; showIfValue: string },
  existing: readonly Question[],
): { question?: Omit<Question, 'id' | 'position'>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = input.text.trim();
  if (!isQuestionKind(input.kind)) errors.push({ field: 'kind', text: 'Select the kind of question' });
  if (text === '') errors.push({ field: 'text', text: 'Enter the question' });
  const options = input.options
    .split(/\r?\n/)
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const kind = isQuestionKind(input.kind) ? input.kind : undefined;
  if (kind === 'single' || kind === 'multiple') {
    if (options.length < 2) errors.push({ field: 'options', text: 'Enter at least 2 answers to choose from, one on each line' });
    else if (options.length > MAX_OPTIONS) errors.push({ field: 'options', text: `Enter ${MAX_OPTIONS} answers or fewer` });
    else if (new Set(options).size !== options.length) errors.push({ field: 'options', text: 'Each answer to choose from must be different' });
    else if (options.some((o) => o.length > 200)) errors.push({ field: 'options', text: 'Each answer to choose from must be 200 characters or fewer' });
  }
  let showIf: Question['showIf'] = null;
  if (input.showIfPosition.trim() !== '') {
    const position = Number(input.showIfPosition);
    const parent = existing.find((q) => q.position === position);
    if (!parent) errors.push({ field: 'showIfPosition', text: 'Choose an earlier question this one follows' });
    else if (parent.kind === 'text') errors.push({ field: 'showIfPosition', text: 'A question can only follow a question with answers to choose from' });
    else {
      const value = input.showIfValue.trim();
      const choice = choicesOf(parent).find((c) => c.value === value || c.label === value);
      if (!choice) errors.push({ field: 'showIfValue', text: `Enter one of the answers to question ${position}: ${choicesOf(parent).map((c) => c.label).join(', ')}` });
      else showIf = { position, value: choice.value };
    }
  }
  if (errors.length || !kind) return { errors };
  return {
    errors,
    question: { kind, text, hint: input.hint.trim(), options: kind === 'single' || kind === 'multiple' ? options : [], required: false, showIf },
  };
}
