/**
 * Periods as the DfE writes them, and as the store keys them:
 *   '2024'        calendar year
 *   '202526'      academic year, 1 September 2025 to 31 August 2026
 *   '2025-11'     month
 *   '2025-11-17'  week, by the Monday it starts
 */
import type { PeriodKind } from './indicator.types.js';

export interface PeriodBounds {
  /** First day, 'YYYY-MM-DD'. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function calendarYearOf(date: string): string {
  return date.slice(0, 4);
}

export function academicYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const start = m >= 9 ? y : y - 1;
  return `${start}${pad((start + 1) % 100)}`;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The kind of a period string, or undefined when it is not one we write. */
export function periodKindOf(period: string): PeriodKind | undefined {
  if (/^\d{4}$/.test(period)) return 'calendar-year';
  if (/^\d{6}$/.test(period)) {
    const a = Number(period.slice(0, 4));
    return (a + 1) % 100 === Number(period.slice(4)) ? 'academic-year' : undefined;
  }
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) {
    const d = new Date(`${period}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === period && d.getUTCDay() === 1 ? 'week' : undefined;
  }
  return undefined;
}

export function boundsOf(period: string): PeriodBounds {
  switch (periodKindOf(period)) {
    case 'calendar-year':
      return { from: `${period}-01-01`, to: `${period}-12-31` };
    case 'academic-year': {
      const y = Number(period.slice(0, 4));
      return { from: `${y}-09-01`, to: `${y + 1}-08-31` };
    }
    case 'month': {
      const [y, m] = period.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return { from: `${period}-01`, to: `${period}-${pad(last)}` };
    }
    case 'week':
      return { from: period, to: addDays(period, 6) };
    default:
      throw new RangeError(`"${period}" is not a period: write a calendar year (2024), an academic year (202526), a month (2025-11) or a week's Monday (2025-11-17)`);
  }
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The academic years from the one holding `from` to the one holding `to`, oldest first. */
export function academicYearsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(academicYearOf(from).slice(0, 4));
  const last = Number(academicYearOf(to).slice(0, 4));
  for (; y <= last; y++) out.push(`${y}${pad((y + 1) % 100)}`);
  return out;
}

/** A period's label for people: '2024', '2025/26', 'November 2025', 'week of 17 November 2025'. */
export function periodLabel(period: string): string {
  const kind = periodKindOf(period);
  if (kind === 'academic-year') return `${period.slice(0, 4)}/${period.slice(4)}`;
  if (kind === 'month') return new Date(`${period}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (kind === 'week') return `week of ${new Date(`${period}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
  return period;
}
