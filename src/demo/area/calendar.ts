/**
 * A simple term calendar for the synthetic area: two school years of three terms, each with a
 * half-term break, England and Wales bank holidays, and the DfE school census days. Dates are day
 * numbers (days since 1970-01-01, UTC) so the hot loops compare integers, never Date objects.
 *
 * The term dates are typical of a north-west English council (190 pupil days a year; INSET days
 * are simply not pupil days). Both years fall after 19 August 2024, so every session carries the
 * register codes in force from that date.
 */

export const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 Sunday ... 6 Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekday(day: number): boolean {
  const w = weekdayOf(day);
  return w >= 1 && w <= 5;
}

/** The day `weeks` whole weeks later (fractions allowed), rounded to a day. */
export function addWeeks(day: number, weeks: number): number {
  return day + Math.round(weeks * 7);
}

interface TermSpec {
  name: 'autumn' | 'spring' | 'summer';
  first: string;
  last: string;
  /** The half-term break, Monday to Friday. */
  breakFirst: string;
  breakLast: string;
}

interface YearSpec {
  label: string;
  /** The calendar year the school year starts in. */
  startYear: number;
  terms: [TermSpec, TermSpec, TermSpec];
  /** Autumn, spring and summer census days (DfE school census: first Thursday of October, third of January and May). */
  census: [string, string, string];
}

const YEARS: YearSpec[] = [
  {
    label: '2024/25',
    startYear: 2024,
    terms: [
      { name: 'autumn', first: '2024-09-05', last: '2024-12-20', breakFirst: '2024-10-28', breakLast: '2024-11-01' },
      { name: 'spring', first: '2025-01-06', last: '2025-04-04', breakFirst: '2025-02-17', breakLast: '2025-02-21' },
      { name: 'summer', first: '2025-04-22', last: '2025-07-18', breakFirst: '2025-05-26', breakLast: '2025-05-30' },
    ],
    census: ['2024-10-03', '2025-01-16', '2025-05-15'],
  },
  {
    label: '2025/26',
    startYear: 2025,
    terms: [
      { name: 'autumn', first: '2025-09-04', last: '2025-12-19', breakFirst: '2025-10-27', breakLast: '2025-10-31' },
      { name: 'spring', first: '2026-01-05', last: '2026-03-27', breakFirst: '2026-02-16', breakLast: '2026-02-20' },
      { name: 'summer', first: '2026-04-14', last: '2026-07-17', breakFirst: '2026-05-25', breakLast: '2026-05-29' },
    ],
    census: ['2025-10-02', '2026-01-15', '2026-05-21'],
  },
];

/** England and Wales bank holidays in and around the two years. */
export const BANK_HOLIDAYS: readonly string[] = [
  '2024-08-26', '2024-12-25', '2024-12-26', '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05',
  '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26', '2026-01-01', '2026-04-03', '2026-04-06',
  '2026-05-04', '2026-05-25', '2026-08-31',
];

export interface HalfTerm {
  /** e.g. "2024/25 spring 2" */
  name: string;
  first: number;
  last: number;
}

export interface SchoolYear {
  index: number;
  label: string;
  startYear: number;
  /** 1 September and 31 August. */
  start: number;
  end: number;
  /** Every pupil day, in order: weekdays in term, not in a half-term break, not a bank holiday. */
  days: Int32Array;
  halfTerms: HalfTerm[];
  censusDays: number[];
}

function buildYear(spec: YearSpec, index: number): SchoolYear {
  const holidays = new Set(BANK_HOLIDAYS.map(dayOf));
  const days: number[] = [];
  const halfTerms: HalfTerm[] = [];
  for (const term of spec.terms) {
    const first = dayOf(term.first);
    const last = dayOf(term.last);
    const breakFirst = dayOf(term.breakFirst);
    const breakLast = dayOf(term.breakLast);
    halfTerms.push({ name: `${spec.label} ${term.name} 1`, first, last: breakFirst - 1 });
    halfTerms.push({ name: `${spec.label} ${term.name} 2`, first: breakLast + 1, last });
    for (let d = first; d <= last; d++) {
      if (isWeekday(d) && !holidays.has(d) && (d < breakFirst || d > breakLast)) days.push(d);
    }
  }
  return {
    index,
    label: spec.label,
    startYear: spec.startYear,
    start: dayOf(`${spec.startYear}-09-01`),
    end: dayOf(`${spec.startYear + 1}-08-31`),
    days: Int32Array.from(days),
    halfTerms,
    censusDays: spec.census.map(dayOf),
  };
}

export const SCHOOL_YEARS: readonly SchoolYear[] = YEARS.map(buildYear);

/** The six censuses, in order: index c belongs to school year Math.floor(c / 3). */
export const CENSUS_DAYS: readonly number[] = SCHOOL_YEARS.flatMap((y) => y.censusDays);

/** The window the files cover: 1 September 2024 to 31 August 2026; the extract is taken on its last day. */
export const PERIOD_START = SCHOOL_YEARS[0]!.start;
export const PERIOD_END = SCHOOL_YEARS[SCHOOL_YEARS.length - 1]!.end;
export const EXTRACT_DAY = PERIOD_END;

/** The population's ages are counted on this day: the start of the first year (31 August 2024). */
export const REFERENCE_DAY = PERIOD_START - 1;

export function isPupilDay(day: number): boolean {
  for (const y of SCHOOL_YEARS) {
    if (day < y.start || day > y.end) continue;
    const days = y.days;
    let lo = 0;
    let hi = days.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid] === day) return true;
      if (days[mid]! < day) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return false;
}

/** The index of the first pupil day on or after `day` in a year's days (days.length if none). */
export function dayIndexOnOrAfter(year: SchoolYear, day: number): number {
  const days = year.days;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function halfTermOf(day: number): HalfTerm | undefined {
  for (const y of SCHOOL_YEARS) for (const h of y.halfTerms) if (day >= h.first && day <= h.last) return h;
  return undefined;
}

/** The school year a day falls in (1 September to 31 August), if one of ours. */
export function schoolYearOf(day: number): SchoolYear | undefined {
  return SCHOOL_YEARS.find((y) => day >= y.start && day <= y.end);
}

/** Age in whole years on a day. */
export function ageOn(birthDay: number, day: number): number {
  const b = new Date(birthDay * MS_PER_DAY);
  const d = new Date(day * MS_PER_DAY);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  const bm = b.getUTCMonth();
  const dm = d.getUTCMonth();
  if (dm < bm || (dm === bm && d.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/** Age on 31 August before the school year that starts in `startYear`: what sets a child's year group. */
export function academicAge(birthDay: number, startYear: number): number {
  return ageOn(birthDay, dayOf(`${startYear}-08-31`));
}

/** National curriculum year from academic age: 2 is N1, 3 N2, 4 R, 5 Year 1 ... 18 Year 14. */
export function ncyOf(academicAgeYears: number): string | undefined {
  if (academicAgeYears === 2) return 'N1';
  if (academicAgeYears === 3) return 'N2';
  if (academicAgeYears === 4) return 'R';
  if (academicAgeYears >= 5 && academicAgeYears <= 18) return String(academicAgeYears - 4);
  return undefined;
}

/** Years and months as "YYYY-MM", for the monthly post-16 file. */
export function monthsBetween(first: number, last: number): { label: string; first: number }[] {
  const out: { label: string; first: number }[] = [];
  const d = new Date(first * MS_PER_DAY);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  for (;;) {
    const start = Math.round(Date.UTC(y, m, 1) / MS_PER_DAY);
    if (start > last) break;
    out.push({ label: `${y}-${String(m + 1).padStart(2, '0')}`, first: start });
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}
