/**
 * Value parsers for import rows. Each returns the parsed value or, as a string, the problem in
 * words that follow the value in a rejection: `date 2026-02-30` + ` is not a real date: …`.
 */

export interface DateValue {
  /** ISO 8601, `2026-03-17`. */
  readonly iso: string;
  /** Days since 1970-01-01 (UTC): for weekdays, weeks and differences. */
  readonly day: number;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2099;

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** One shared DateValue per day: parsing allocates nothing for a day seen before. */
const byDay = new Map<number, DateValue>();

function dateValue(year: number, month: number, day: number): DateValue | string {
  if (month < 1 || month > 12) return `is not a real date: there is no month ${month}`;
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return `is outside the years ${EARLIEST_YEAR} to ${LATEST_YEAR}`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return day < 1 ? 'is not a real date: there is no day 0' : `is not a real date: ${MONTHS[month - 1]} ${year} has ${last} days`;
  }
  const n = daysFromCivil(year, month, day);
  let value = byDay.get(n);
  if (!value) {
    value = { iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, day: n };
    byDay.set(n, value);
  }
  return value;
}

function digitsAt(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `2026-03-17`, or `17/03/2026` (day first), normalised to ISO. The ISO form is read without a
 * regular expression: the attendance file has one date per row.
 */
export function parseDate(value: string): DateValue | string {
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const year = digitsAt(value, 0, 4);
    const month = digitsAt(value, 5, 7);
    const day = digitsAt(value, 8, 10);
    if (year >= 0 && month >= 0 && day >= 0) return dateValue(year, month, day);
  }
  const m = UK_DATE.exec(value);
  if (m) return dateValue(Number(m[3]), Number(m[2]), Number(m[1]));
  return 'is not a date: write dates as 2026-03-17 or 17/03/2026';
}

/** 0 for Monday to 6 for Sunday. 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday on or before a day. */
export function mondayOf(day: number): number {
  return day - weekdayOf(day);
}

export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const UK_MONTH = /^(\d{1,2})\/(\d{4})$/;

/** A month: `2026-03`, `03/2026`, or any date in it; normalised to `2026-03`. */
export function parseMonth(value: string): string {
  let m = ISO_MONTH.exec(value);
  let year: number, month: number;
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else if ((m = UK_MONTH.exec(value))) {
    month = Number(m[1]);
    year = Number(m[2]);
  } else {
    const date = parseDate(value);
    if (typeof date === 'string') return 'is not a month: write months as 2026-03';
    return date.iso.slice(0, 7);
  }
  if (month < 1 || month > 12) return `is not a real month: there is no month ${month}`;
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return `is outside the years ${EARLIEST_YEAR} to ${LATEST_YEAR}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Is `parseMonth`'s result a problem rather than a month? */
export function isMonthProblem(result: string): boolean {
  return !/^\d{4}-\d{2}$/.test(result);
}

export function parseWholeNumber(value: string, min: number, max: number): number | string {
  if (!/^\d{1,9}$/.test(value)) return 'is not a whole number';
  const n = Number(value);
  if (n < min || n > max) return `is not between ${min} and ${max}`;
  return n;
}

export function parseBoolean(value: string): boolean | string {
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return 'is not true or false';
}

export const URN = /^\d{6}$/;
export const ULN = /^\d{10}$/;

/**
 * A string that holds no reference to the text it was cut from. V8 makes substrings of 13 or more
 * characters (a UPN is 13) as views into their parent, so a UPN kept in a long-lived map would
 * keep a whole read chunk alive.
 */
export function detach(value: string): string {
  return (' ' + value).slice(1);
}
