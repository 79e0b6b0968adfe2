/**
 * The national curriculum year (NCY) from a date of birth. Pure.
 *
 * England's school year runs from 1 September to 31 August. Children born from 1 September of
 * year Y to 31 August of year Y+1 start Reception in September of year Y+5, Year 1 a year
 * later, and so on: Year 9 is the year they turn 14. Children out of their year group
 * (a summer-born child held back, say) are not modelled: the law counts the year group the
 * child is in, and the school census records it; this is the default for a child's age.
 */
import { parseIsoDate, type IsoDate } from '../ehc/clock/index.js';

/** Reception is 0, Year 1 is 1 ... Year 13 is 13; before Reception negative (early years). */
export type Ncy = number;

/** The calendar year in which the school year holding `date` began (September). */
export function schoolYearStart(date: IsoDate): number {
  const d = parseIsoDate(date, 'date');
  const [year, month] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  return month >= 9 ? year : year - 1;
}

/** The child's national curriculum year on `on`, by age. */
export function nationalCurriculumYear(dateOfBirth: IsoDate, on: IsoDate): Ncy {
  const cohort = schoolYearStart(dateOfBirth); // born 1 Sep cohort .. 31 Aug cohort+1
  return schoolYearStart(on) - (cohort + 5);
}

/** Year 9 and beyond: reviews consider preparing for adulthood (reg 20(6), 21(6)). */
export const PFA_FROM_YEAR = 9;

export function preparingForAdulthood(dateOfBirth: IsoDate, on: IsoDate): boolean {
  return nationalCurriculumYear(dateOfBirth, on) >= PFA_FROM_YEAR;
}

/** "Reception", "Year 9", "Early years" and, past Year 13, "Post-19". */
export function ncyLabel(ncy: Ncy): string {
  if (ncy < 0) return 'Early years';
  if (ncy === 0) return 'Reception';
  if (ncy <= 13) return `Year ${ncy}`;
  return 'Post-19';
}
