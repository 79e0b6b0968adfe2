/**
 * Phase transfers (reg 18): the plan must be reviewed and amended, naming the new setting,
 * by 15 February in the calendar year of the transfer (e.g. primary to secondary in
 * September 2026: 15 February 2026), by 31 March for secondary school to post-16, and
 * 5 months before any other post-16 move.
 */
import { addMonths, parseIsoDate, type IsoDate } from './dates.js';
import { ClockInputError } from './errors.js';
import { OTHER_POST16_MOVE_MONTHS_BEFORE } from './rules.js';

export type PhaseTransferKind = 'school-phase' | 'secondary-to-post-16';

const DEADLINE_MONTH_DAY: Readonly<Record<PhaseTransferKind, string>> = {
  'school-phase': '02-15',
  'secondary-to-post-16': '03-31',
};

export function phaseTransferDeadline(kind: PhaseTransferKind, yearOfTransfer: number): IsoDate {
  const monthDay = Object.prototype.hasOwnProperty.call(DEADLINE_MONTH_DAY, kind) ? DEADLINE_MONTH_DAY[kind] : undefined;
  if (monthDay === undefined) {
    throw new ClockInputError('kind', kind, "must be 'school-phase' or 'secondary-to-post-16'");
  }
  if (!Number.isInteger(yearOfTransfer) || yearOfTransfer < 1000 || yearOfTransfer > 9999) {
    throw new ClockInputError('yearOfTransfer', yearOfTransfer, 'must be a four-digit year');
  }
  return `${yearOfTransfer}-${monthDay}`;
}

/** Any other post-16 move: 5 months before it (month-end clamped: 31 July -> 28/29 February). */
export function otherPost16MoveDeadline(moveOn: IsoDate): IsoDate {
  return addMonths(parseIsoDate(moveOn, 'moveOn'), -OTHER_POST16_MOVE_MONTHS_BEFORE);
}
