/**
 * Periods as the indicator store writes them (docs/indicators.md), read for people and turned
 * into date ranges for the board report:
 *   '2024'        calendar year 2024
 *   '202526'      school year 2025/26 (1 September 2025 to 31 August 2026)
 *   '2025-11'     November 2025
 *   '2025-11-17'  the week starting Monday 17 November 2025
 */
export type PeriodForm = 'calendar-year' | 'academic-year' | 'month' | 'week';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface DateRange {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to: string;
}

/** The form of a period, or undefined if it is none of the four. */
export function periodForm(period: string): PeriodForm | undefined {
  if (/^\d{4}$/.test(period)) return 'calendar-year';
  if (/^\d{6}$/.test(period)) {
    const a = Number(period.slice(0, 4));
    const b = Number(period.slice(4));
    return (a + 1) % 100 === b ? 'academic-year' : undefined;
  }
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(period) && validDate(period) && new Date(`${period}T00:00:00Z`).getUTCDay() === 1) return 'week';
  return undefined;
}

function validDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/**
 * Reads what a person typed or a link carried: the store's own forms, and the ways people write
 * a school year ("2025/26", "2025-26", "2025 to 2026"). Returns the store's form, or undefined.
 */
export function normalisePeriod(raw: string): string | undefined {
  const text = raw.trim();
  if (periodForm(text)) return text;
  const year = /^(\d{4})\s*(?:\/|-|to)\s*(\d{2}|\d{4})$/.exec(text);
  if (year) {
    const a = Number(year[1]);
    const next = String(a + 1);
    if (year[2] === next || year[2] === next.slice(2)) return `${a}${next.slice(2)}`;
  }
  return undefined;
}

/** "2024", "2025/26", "November 2025", "week of 17 November 2025". */
export function periodLabel(period: string): string {
  switch (periodForm(period)) {
    case 'calendar-year':
      return period;
    case 'academic-year':
      return `${period.slice(0, 4)}/${period.slice(4)}`;
    case 'month':
      return `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
    case 'week': {
      const [y, m, d] = period.split('-').map(Number);
      return `week of ${d} ${MONTHS[m! - 1]} ${y}`;
    }
    default:
      return period;
  }
}

/** A shorter label for chart axes: "2025/26", "Nov 2025", "17 Nov". */
export function periodShortLabel(period: string): string {
  switch (periodForm(period)) {
    case 'month':
      return `${MONTHS[Number(period.slice(5, 7)) - 1]!.slice(0, 3)} ${period.slice(0, 4)}`;
    case 'week': {
      const [, m, d] = period.split('-').map(Number);
      return `${d} ${MONTHS[m! - 1]!.slice(0, 3)}`;
    }
    default:
      return periodLabel(period);
  }
}

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** The days a period covers. */
export function periodRange(period: string): DateRange | undefined {
  switch (periodForm(period)) {
    case 'calendar-year':
      return { from: `${period}-01-01`, to: `${period}-12-31` };
    case 'academic-year': {
      const a = Number(period.slice(0, 4));
      return { from: `${a}-09-01`, to: `${a + 1}-08-31` };
    }
    case 'month': {
      const y = Number(period.slice(0, 4));
      const m = Number(period.slice(5, 7));
      return { from: `${period}-01`, to: `${period}-${pad(lastDayOfMonth(y, m))}` };
    }
    case 'week': {
      const end = new Date(`${period}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 6);
      return { from: period, to: end.toISOString().slice(0, 10) };
    }
    default:
      return undefined;
  }
}

/** The school year a day falls in, in the store's form: 2026-03-01 is in '202526'. */
export function academicYearOf(day: string): string {
  const y = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 9 ? y : y - 1;
  return `${start}${String(start + 1).slice(2)}`;
}

/** Periods sorted oldest first. Each form sorts by its text; mixed forms by their first day. */
export function sortPeriods(periods: Iterable<string>): string[] {
  return [...new Set(periods)].sort((a, b) => (periodRange(a)?.from ?? a).localeCompare(periodRange(b)?.from ?? b) || a.localeCompare(b));
}
