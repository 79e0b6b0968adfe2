/**
 * The GOV.UK form and error pattern, written once. A form's validator returns FieldErrors;
 * the page re-renders with status 400, the values the user typed, an error summary linking to
 * each field, the message above each field, and "Error: " before the page title.
 */
export interface FieldError {
  field: string;
  text: string;
}

export interface FormState {
  values: Record<string, string>;
  errors: FieldError[];
}

export interface ErrorView {
  errorList: { text: string; href: string }[];
  errorFor: Record<string, { text: string }>;
}

export function errorView(errors: readonly FieldError[]): ErrorView {
  const errorFor: Record<string, { text: string }> = {};
  for (const e of errors) errorFor[e.field] ??= { text: e.text };
  return { errorList: errors.map((e) => ({ text: e.text, href: `#${e.field}` })), errorFor };
}

// C0 controls other than tab and line breaks, and DEL: never typed by a person, and NUL is
// refused by PostgreSQL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

/** Longest text any single-line form field accepts; longer is an error, never truncated. */
export const MAX_FIELD = 500;

/**
 * Reads a urlencoded body into strings. A field sent twice, or as something other than text,
 * is an error on that field rather than a crash.
 */
export function readForm(
  body: unknown,
  fields: readonly string[],
  labels: Record<string, string> = {},
  maxLength = MAX_FIELD,
): FormState {
  const values: Record<string, string> = {};
  const errors: FieldError[] = [];
  const source = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  for (const f of fields) {
    const v = source[f];
    if (v === undefined || v === null) {
      values[f] = '';
    } else if (typeof v === 'string') {
      values[f] = v;
      if (CONTROL.test(v)) {
        values[f] = v.replace(CONTROL_ALL, '');
        errors.push({ field: f, text: `${labels[f] ?? 'This field'} must not contain hidden control characters` });
      } else if (v.length > maxLength) {
        errors.push({ field: f, text: `${labels[f] ?? 'This field'} must be ${maxLength} characters or fewer` });
      }
    } else {
      values[f] = '';
      errors.push({ field: f, text: `${labels[f] ?? 'This field'} must be sent once, as text` });
    }
  }
  return { values, errors };
}

export function required(state: FormState, field: string, message: string): void {
  if (!state.errors.some((e) => e.field === field) && state.values[field]!.trim() === '') {
    state.errors.push({ field, text: message });
  }
}
