import type { FieldError } from './forms.js';

/**
 * The GOV.UK date input (day, month and year boxes) read into 'YYYY-MM-DD', with the design
 * system's error messages: "Date of birth must include a month", "... must be a real date",
 * "Year must include 4 numbers". The form's fields are `<name>-day`, `<name>-month`,
 * `<name>-year`; the error names the first box to fix, so the summary's link lands on it.
 */
export type DatePart = 'day' | 'month' | 'year';
const PARTS: readonly DatePart[] = ['day', 'month', 'year'];

export interface DateInputError extends FieldError {
  /** The boxes to show in error; all three when the date as a whole is wrong. */
  parts: DatePart[];
}

export type DateInputResult = { value: string; error?: undefined } | { value?: undefined; error: DateInputError };

/** The three field names of a date input, for readForm. */
export function dateFields(...names: string[]): string[] {
  return names.flatMap((n) => PARTS.map((p) => `${n}-${p}`));
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "3", "03", "March", "Sept" or "mar" to 3 (or 9); anything else to NaN. */
function monthNumber(text: string): number {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const t = text.toLowerCase();
  const i = t.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(t)) : -1;
  return i >= 0 ? i + 1 : Number.NaN;
}

function joinParts(parts: DatePart[]): string {
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Reads one date input. `label` starts sentences ("Date of birth must ..."); `missing` is the
 * message when nothing was entered ("Enter the date of birth").
 */
export function readDateInput(values: Record<string, string | undefined>, name: string, text: { label: string; missing: string }): DateInputResult {
  const raw = Object.fromEntries(PARTS.map((p) => [p, (values[`${name}-${p}`] ?? '').trim()])) as Record<DatePart, string>;
  const fail = (parts: DatePart[], message: string): DateInputResult => ({ error: { field: `${name}-${parts[0]}`, text: message, parts } });
  const empty = PARTS.filter((p) => raw[p] === '');
  if (empty.length === 3) return fail([...PARTS], text.missing);
  if (empty.length) return fail(empty, `${text.label} must include a ${joinParts(empty)}`);
  if (!/^\d+$/.test(raw.year) || raw.year.length !== 4) return fail(['year'], 'Year must include 4 numbers');
  const day = /^\d{1,2}$/.test(raw.day) ? Number(raw.day) : Number.NaN;
  const month = monthNumber(raw.month);
  const year = Number(raw.year);
  const real = new Date(Date.UTC(year, month - 1, day));
  if (!Number.isInteger(day) || !Number.isInteger(month) || real.getUTCFullYear() !== year || real.getUTCMonth() !== month - 1 || real.getUTCDate() !== day) {
    return fail([...PARTS], `${text.label} must be a real date`);
  }
  return { value: `${raw.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** The boxes in error for each date input, for the template: { receivedOn: ['month'] }. */
export function datePartsInError(errors: readonly FieldError[]): Record<string, DatePart[]> {
  const out: Record<string, DatePart[]> = {};
  for (const e of errors) {
    const m = /^(.+)-(day|month|year)$/.exec(e.field);
    if (m && !out[m[1]!]) out[m[1]!] = 'parts' in e ? (e as DateInputError).parts : [...PARTS];
  }
  return out;
}

/** The form values of a date input showing an ISO date, for pre-filling. */
export function dateValues(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y ?? '' };
}
