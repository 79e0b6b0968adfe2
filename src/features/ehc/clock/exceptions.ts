/**
 * The exceptions to the 6-week decision, 16-week and 20-week limits (reg 5(4), 10(4), 13(3)).
 *
 * An exception does NOT move a deadline. It records, with dates and a reason, that the time
 * limit did not apply; SEN2 then reports plans "within 20 weeks" both with and without the
 * cases where one applied. Kept deliberately simple: an exception applies to a case when its
 * recorded period overlaps the case's period (see assessment.ts for where that period ends).
 */
import { addDays, compareDates, daysBetween, type IsoDate } from './dates.js';
import { ClockInputError } from './errors.js';
import { CLOSURE_WINDOW_OFFSET_DAYS, MIN_CLOSURE_DAYS, MIN_OUT_OF_AREA_DAYS } from './rules.js';

export type ExceptionKind = 'a' | 'b' | 'c' | 'd';

export const EXCEPTION_KINDS: Readonly<Record<ExceptionKind, string>> = {
  a: 'Advice was asked of a school or college head in the week before, or during, a closure of 4 weeks or more',
  b: 'Advice was asked of an early years provider in the week before, or during, a closure of 4 weeks or more',
  c: 'Exceptional personal circumstances of the child, parent or young person',
  d: 'The child, parent or young person was out of the area for 4 weeks or more',
};

export function isExceptionKind(value: unknown): value is ExceptionKind {
  return value === 'a' || value === 'b' || value === 'c' || value === 'd';
}

/** A recorded exception. `from` and `to` both count (an inclusive period). */
export interface ClockException {
  readonly kind: ExceptionKind;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly reason: string;
}

/** A setting's closure: the first day it is closed and the day it opens again. */
export interface ClosurePeriod {
  readonly closesOn: IsoDate;
  readonly reopensOn: IsoDate;
}

export interface ExceptionWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * Exception (a)/(b) window for a closure of 4 or more continuous weeks: it starts one week
 * before the setting closes and ends one week before it reopens (reg 5(4)(a), (b)).
 * Summer 2025: closes 23 July, reopens 3 September -> window 16 July to 27 August.
 */
export function closureExceptionWindow(closure: ClosurePeriod): ExceptionWindow {
  const length = daysBetween(closure.closesOn, closure.reopensOn);
  if (length < MIN_CLOSURE_DAYS) {
    throw new ClockInputError(
      'reopensOn',
      closure.reopensOn,
      `must be at least 4 weeks after closesOn (${closure.closesOn}) for exception (a) or (b)`,
    );
  }
  return {
    from: addDays(closure.closesOn, -CLOSURE_WINDOW_OFFSET_DAYS),
    to: addDays(closure.reopensOn, -CLOSURE_WINDOW_OFFSET_DAYS),
  };
}

/** Whether a date (an advice request) falls in the window, both ends included. */
export function isInWindow(date: IsoDate, window: ExceptionWindow): boolean {
  return compareDates(window.from, date) <= 0 && compareDates(date, window.to) <= 0;
}

/**
 * Reject exceptions that cannot be right, so they cannot inflate the "excluding exceptions"
 * measure: no reason, an end before the start, or (a), (b), (d) shorter than 4 weeks.
 */
export function checkException(exception: ClockException, field: string): void {
  if (!isExceptionKind(exception.kind)) {
    throw new ClockInputError(`${field}.kind`, exception.kind, "must be 'a', 'b', 'c' or 'd'");
  }
  if (typeof exception.reason !== 'string' || exception.reason.trim() === '') {
    throw new ClockInputError(`${field}.reason`, exception.reason, 'must say why the exception applies');
  }
  const span = daysBetween(exception.from, exception.to);
  if (span < 0) {
    throw new ClockInputError(`${field}.to`, exception.to, `must not be before from (${exception.from})`);
  }
  // (a)/(b): the window is the closure shifted back a week, so it is as long as the closure.
  if ((exception.kind === 'a' || exception.kind === 'b') && span < MIN_CLOSURE_DAYS) {
    throw new ClockInputError(`${field}.to`, exception.to, 'must be at least 4 weeks after from for exception (a) or (b)');
  }
  // (d): both ends are days away, so 28 days away is from + 27.
  if (exception.kind === 'd' && span + 1 < MIN_OUT_OF_AREA_DAYS) {
    throw new ClockInputError(`${field}.to`, exception.to, 'must make at least 4 weeks out of the area for exception (d)');
  }
}

/** True when any exception's period overlaps [from, to] (both inclusive). */
export function anyExceptionApplies(
  exceptions: readonly ClockException[],
  from: IsoDate,
  to: IsoDate,
): boolean {
  if (compareDates(from, to) > 0) return false;
  return exceptions.some((e) => compareDates(e.from, to) <= 0 && compareDates(e.to, from) >= 0);
}
