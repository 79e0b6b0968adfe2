/**
 * A reporting period from the URL, pure. People type dates as "1 4 2026", "1/4/2026",
 * "1 April 2026" or "2026-04-01"; links and the API use 'YYYY-MM-DD'. Errors follow the GOV.UK
 * date patterns ("Start date must be a real date").
 */
import { readDateInput } from '../../platform/web/date-input.js';
import type { FieldError } from '../../platform/web/forms.js';

export interface PeriodForm {
  values: { from: string; to: string };
  errors: FieldError[];
  period?: { from: string; to: string };
}

/** One typed date to 'YYYY-MM-DD', or the message saying what is wrong. */
export function parseTypedDate(text: string, label: string, missing: string): { value: string } | { error: string } {
  const t = text.trim();
  if (t === '') return { error: missing };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const parts = iso ? [iso[3]!, iso[2]!, iso[1]!] : t.split(/[\s/.,-]+/).filter(Boolean);
  if (parts.length !== 3) return { error: `${label} must be a real date, like 1 4 2026` };
  const r = readDateInput({ 'd-day': parts[0], 'd-month': parts[1], 'd-year': parts[2] }, 'd', { label, missing });
  if (r.error) return { error: r.error.text.startsWith('Year ') ? `${label} must have a year with 4 numbers, like 2026` : r.error.text };
  return { value: r.value };
}

/** 'YYYY-MM-DD' as people type it: "1 4 2026". */
export function typedDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${Number(m)} ${y}`;
}

/**
 * Reads ?from=&to=. With neither, the calendar year so far (SEN2 counts calendar years); with
 * one, asks for the other; the end must not come before the start.
 */
export function readPeriod(query: { from?: string; to?: string }, today: string): PeriodForm {
  const values = { from: query.from ?? '', to: query.to ?? '' };
  if (values.from.trim() === '' && values.to.trim() === '') {
    const from = `${today.slice(0, 4)}-01-01`;
    return { values: { from: typedDate(from), to: typedDate(today) }, errors: [], period: { from, to: today } };
  }
  const errors: FieldError[] = [];
  const from = parseTypedDate(values.from, 'Start date', 'Enter the start date of the period');
  const to = parseTypedDate(values.to, 'End date', 'Enter the end date of the period');
  if ('error' in from) errors.push({ field: 'from', text: from.error });
  if ('error' in to) errors.push({ field: 'to', text: to.error });
  if ('value' in from && 'value' in to) {
    if (to.value < from.value) errors.push({ field: 'to', text: 'End date must be the same as or after the start date' });
    else return { values, errors, period: { from: from.value, to: to.value } };
  }
  return { values, errors };
}
