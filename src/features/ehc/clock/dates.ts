/**
 * ISO calendar dates ('YYYY-MM-DD') and the arithmetic the statutory clock needs.
 *
 * Dates are plain strings so they cross the API, the database and the templates unchanged.
 * Arithmetic is done on whole UTC days, so no local time zone or clock change (BST) can shift
 * a deadline by a day. No "today" lives here: callers pass it in.
 */
import { ClockInputError } from './errors.js';

/** A calendar date written 'YYYY-MM-DD', e.g. '2026-04-03'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
// Four-digit years only: Date.UTC maps years 0-99 to 1900-1999, and the API writes 4 digits.
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toParts(value: unknown, field: string): DateParts {
  if (typeof value !== 'string') {
    throw new ClockInputError(field, value, 'must be a date written as YYYY-MM-DD');
  }
  const match = ISO_DATE.exec(value);
  if (match === null) {
    throw new ClockInputError(field, value, 'must be a date written as YYYY-MM-DD');
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ClockInputError(field, value, 'must be a real date');
  }
  return { year, month, day };
}

function toDayNumber(value: unknown, field: string): number {
  const { year, month, day } = toParts(value, field);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): IsoDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new ClockInputError('date', date.toISOString(), `must fall between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  return date.toISOString().slice(0, 10);
}

/** Check that a value is a real ISO date; throws ClockInputError naming `field` if not. */
export function parseIsoDate(value: unknown, field = 'date'): IsoDate {
  toParts(value, field);
  return value as IsoDate;
}

/** True when the value is a real 'YYYY-MM-DD' date (2025-02-30 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  try {
    toParts(value, 'date');
    return true;
  } catch {
    return false;
  }
}

/** The date `days` calendar days after `date` (negative for before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new ClockInputError('days', days, 'must be a whole number');
  return fromDayNumber(toDayNumber(date, 'date') + days);
}

/** The date `weeks` calendar weeks (7 days each) after `date`. */
export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  if (!Number.isInteger(weeks)) throw new ClockInputError('weeks', weeks, 'must be a whole number');
  return addDays(date, weeks * 7);
}

/**
 * The same day of the month `months` later, clamped to the month's last day when that day
 * does not exist: 2024-02-29 + 12 months = 2025-02-28; 2024-01-31 + 1 month = 2024-02-29.
 * Clamping keeps a deadline inside the month the rule points at, never in the month after.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new ClockInputError('months', months, 'must be a whole number');
  const { year, month, day } = toParts(date, 'date');
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < MIN_YEAR || newYear > MAX_YEAR) {
    throw new ClockInputError('months', months, `takes the date outside ${MIN_YEAR} to ${MAX_YEAR}`);
  }
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return fromDayNumber(Date.UTC(newYear, newMonth - 1, newDay) / MS_PER_DAY);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

/** -1, 0 or 1 as `a` is before, the same day as, or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = toDayNumber(a, 'a') - toDayNumber(b, 'b');
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** The later of two dates. */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** Saturday or Sunday. Only for display and tests: statutory deadlines never move for it. */
export function isWeekend(date: IsoDate): boolean {
  const weekday = new Date(toDayNumber(date, 'date') * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** '3 April 2026': the GOV.UK style for dates in text. */
export function formatLongDate(date: IsoDate): string {
  const { year, month, day } = toParts(date, 'date');
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}
