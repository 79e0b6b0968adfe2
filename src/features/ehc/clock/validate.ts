/**
 * Check a case's events before the clock reads them. Every problem throws ClockInputError
 * naming the field ('advice[2].receivedOn'), so a form can point at it. The order checks
 * reject only what cannot happen: nothing in the assessment happens before the request.
 */
import { compareDates, parseIsoDate, type IsoDate } from './dates.js';
import { ClockInputError } from './errors.js';
import { checkException } from './exceptions.js';
import type { CaseEvents } from './assessment.js';

function notBefore(date: IsoDate, field: string, earliest: IsoDate, earliestField: string): void {
  if (compareDates(date, earliest) < 0) {
    throw new ClockInputError(field, date, `must not be before ${earliestField} (${earliest})`);
  }
}

function optionalDate(value: unknown, field: string): IsoDate | undefined {
  return value === undefined || value === null ? undefined : parseIsoDate(value, field);
}

export function validateCaseEvents(events: CaseEvents, today: IsoDate): void {
  parseIsoDate(today, 'today');
  const received = parseIsoDate(events.receivedOn, 'receivedOn');

  if (events.decision != null) {
    notBefore(parseIsoDate(events.decision.on, 'decision.on'), 'decision.on', received, 'receivedOn');
    if (events.decision.outcome !== 'assess' && events.decision.outcome !== 'not-assess') {
      throw new ClockInputError('decision.outcome', events.decision.outcome, "must be 'assess' or 'not-assess'");
    }
  }

  if (!Array.isArray(events.advice)) throw new ClockInputError('advice', events.advice, 'must be a list');
  events.advice.forEach((advice, i) => {
    const field = `advice[${i}]`;
    if (typeof advice.agency !== 'string' || advice.agency.trim() === '') {
      throw new ClockInputError(`${field}.agency`, advice.agency, 'must name who was asked');
    }
    const asked = parseIsoDate(advice.askedOn, `${field}.askedOn`);
    notBefore(asked, `${field}.askedOn`, received, 'receivedOn');
    const answered = optionalDate(advice.receivedOn, `${field}.receivedOn`);
    if (answered !== undefined) notBefore(answered, `${field}.receivedOn`, asked, `${field}.askedOn`);
    // A nil return ("no needs in my area") is an answer, so it has a date like any other.
    if (advice.nilReturn === true && answered === undefined) {
      throw new ClockInputError(`${field}.receivedOn`, advice.receivedOn, 'must give the date the nil return was received');
    }
  });

  const draft = optionalDate(events.draftIssuedOn, 'draftIssuedOn');
  if (draft !== undefined) notBefore(draft, 'draftIssuedOn', received, 'receivedOn');
  const comments = optionalDate(events.commentsReceivedOn, 'commentsReceivedOn');
  if (comments !== undefined) {
    if (draft === undefined) {
      throw new ClockInputError('commentsReceivedOn', comments, 'needs draftIssuedOn: comments are on a draft plan');
    }
    notBefore(comments, 'commentsReceivedOn', draft, 'draftIssuedOn');
  }

  const final = optionalDate(events.finalIssuedOn, 'finalIssuedOn');
  const notIssuing = optionalDate(events.notIssuingOn, 'notIssuingOn');
  if (final !== undefined) {
    notBefore(final, 'finalIssuedOn', draft ?? received, draft !== undefined ? 'draftIssuedOn' : 'receivedOn');
    if (notIssuing !== undefined) {
      throw new ClockInputError('notIssuingOn', notIssuing, 'cannot be set when finalIssuedOn is set');
    }
    if (events.decision?.outcome === 'not-assess') {
      throw new ClockInputError('finalIssuedOn', final, "cannot be set when the decision was 'not-assess'");
    }
  }
  if (notIssuing !== undefined) notBefore(notIssuing, 'notIssuingOn', received, 'receivedOn');

  if (!Array.isArray(events.exceptions)) {
    throw new ClockInputError('exceptions', events.exceptions, 'must be a list');
  }
  events.exceptions.forEach((exception, i) => {
    const field = `exceptions[${i}]`;
    parseIsoDate(exception.from, `${field}.from`);
    parseIsoDate(exception.to, `${field}.to`);
    checkException(exception, field);
  });
}
