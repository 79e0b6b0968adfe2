/**
 * The adviser's words, pure: how an advice request stands ("Due in 5 days", "3 days late"),
 * and the sections their answer is written in, each with a hint on what to put there.
 */
import { daysBetween, formatLongDate } from '../ehc/clock/index.js';
import { ADVICE_SECTIONS, AGENCIES, SECTIONS, type Agency, type SectionKey } from '../ehc/ehc.codes.js';

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** An outstanding request: "Due in 5 days", "Due tomorrow", "Due today", "3 days late". */
export function dueWords(dueOn: string, today: string): string {
  const left = daysBetween(today, dueOn);
  if (left < 0) return `${days(-left)} late`;
  if (left === 0) return 'Due today';
  if (left === 1) return 'Due tomorrow';
  return `Due in ${days(left)}`;
}

/** Outstanding requests are late, due within a week, or not due yet: the tag's colour. */
export function dueTag(dueOn: string, today: string): { text: string; classes: string } {
  const left = daysBetween(today, dueOn);
  const classes = left < 0 ? 'govuk-tag--red' : left <= 7 ? 'govuk-tag--yellow' : 'govuk-tag--blue';
  return { text: dueWords(dueOn, today), classes };
}

/** An answered request: "Answered on 3 April 2026, on time" or "..., 2 days late"; nil returns say so. */
export function answeredWords(a: { dueOn: string; receivedOn: string; nilReturn: boolean }): string {
  const late = daysBetween(a.dueOn, a.receivedOn);
  const when = `on ${formatLongDate(a.receivedOn)}, ${late > 0 ? `${days(late)} late` : 'on time'}`;
  return a.nilReturn ? `No needs found in this area: answered ${when}` : `Answered ${when}`;
}

export function agencyName(agency: string): string {
  return Object.hasOwn(AGENCIES, agency) ? AGENCIES[agency as Agency] : 'Other';
}

/** What each section of an adviser's answer is for (SEND Code of Practice 9.62 to 9.69). */
export const SECTION_HINTS: Record<SectionKey, string> = {
  A: 'What the child or young person and their family told you about their views, interests and hopes.',
  B: 'Each of the child’s special educational needs: what they find hard, and why.',
  C: 'Health needs related to the child’s special educational needs or disability: what they are and how they affect the child day to day.',
  D: 'Social care needs related to the child’s special educational needs or disability, and how they affect the child and family.',
  E: 'The outcomes the child should work towards: specific, with a timescale, and how progress will be checked.',
  F: 'The help needed to meet each educational need: what, how often, how long, and who gives it.',
  G: 'Health provision needed because of the child’s learning difficulties or disabilities: what, how often, and who provides it.',
  H1: 'Help the council must give under section 2 of the Chronically Sick and Disabled Persons Act 1970, such as help at home, short breaks or adaptations.',
  H2: 'Any other social care provision needed because of the child’s learning difficulties or disabilities, including for young people over 18.',
  I: 'The type of school or setting the child needs.',
  J: 'Anything about a personal budget or direct payments.',
  K: 'Reports or assessments you used.',
};

export interface AnswerSection {
  key: SectionKey;
  /** The form field's name and id: "section-C". */
  field: string;
  label: string;
  hint: string;
}

/** The sections an agency's answer is written in (ADVICE_SECTIONS), in plan order. */
export function answerSections(agency: Agency): AnswerSection[] {
  return ADVICE_SECTIONS[agency].map((key) => ({
    key,
    field: `section-${key}`,
    label: `Section ${key}: ${SECTIONS[key]}`,
    hint: SECTION_HINTS[key],
  }));
}
