/**
 * A family's case as a story: what happened, what happens next, in plain words. Pure: it reads
 * the case the EHC service returns and never the database, so every sentence is unit-tested.
 */
import { daysBetween, formatLongDate } from '../ehc/clock/index.js';
import { STAGES, type Stage } from '../ehc/ehc.codes.js';
import type { EhcCase } from '../ehc/ehc.service.js';
import { agencyWords, capitalise, days, requesterWords, whenFromToday } from './family.phrasing.js';

export function stageWords(stage: string): string {
  return Object.hasOwn(STAGES, stage) ? STAGES[stage as Stage].family : 'We are working on the request';
}

const MEDIATION: Record<string, string> = {
  requested: 'You asked for mediation.',
  held: 'A mediation meeting took place.',
  agreed: 'Mediation ended with an agreement.',
  'not-agreed': 'Mediation ended without an agreement.',
  withdrawn: 'Mediation was stopped.',
};
const TRIBUNAL: Record<string, string> = {
  'appeal-registered': 'The tribunal registered an appeal.',
  hearing: 'The tribunal held a hearing.',
  decided: 'The tribunal made its decision.',
  withdrawn: 'The appeal was withdrawn.',
  conceded: 'We accepted the appeal, so the tribunal did not need to decide.',
};

/** One event as a sentence for the family; null for anything they are not shown. */
export function eventSentence(e: { type: string; data: Record<string, unknown>; visibleToFamily: boolean }): string | null {
  if (!e.visibleToFamily || e.type === 'note') return null;
  const d = e.data ?? {};
  const agency = typeof d.agency === 'string' ? agencyWords(d.agency) : 'someone who knows your child';
  switch (e.type) {
    case 'request-received':
      return `We received a request for an assessment from ${requesterWords(d.requestedBy)}.`;
    case 'decision':
      return d.outcome === 'assess'
        ? 'We decided to assess your child’s needs.'
        : 'We decided not to assess your child’s needs. We sent you a letter that explains why.';
    case 'advice-requested':
      return `We asked ${agency} for advice.`;
    case 'advice-received':
      return d.nilReturn === true ? `${capitalise(agency)} told us they found no needs that they can help with.` : `${capitalise(agency)} sent us their advice.`;
    case 'draft-issued':
      return 'We sent you the draft plan to read and comment on.';
    case 'comments-received':
      return typeof d.preferredSetting === 'string' && d.preferredSetting
        ? `We received your comments on the draft plan. You told us you would like your child to go to ${d.preferredSetting}.`
        : 'We received your comments on the draft plan.';
    case 'final-issued':
      return 'We sent you your child’s final plan.';
    case 'not-issuing':
      return 'We decided not to write a plan. We sent you a letter that explains why.';
    case 'exception':
      return 'The law gave us more time for a while. You can read why below.';
    case 'mediation':
      return MEDIATION[String(d.status)] ?? 'Something changed about mediation.';
    case 'tribunal':
      return TRIBUNAL[String(d.status)] ?? 'Something changed about the appeal to the tribunal.';
    default:
      return null;
  }
}

/** What happened and when, oldest first, leaving out everything the family is not shown. */
export function familyTimeline(events: EhcCase['events']): { on: string; text: string }[] {
  return events.flatMap((e) => {
    const text = eventSentence(e);
    return text ? [{ on: e.occurredOn, text }] : [];
  });
}

/** "by 18 July 2026", or what to say when that day has come or gone. */
function mustBy(what: string, dueOn: string, today: string): string {
  const left = daysBetween(today, dueOn);
  if (left < 0) return `We had to ${what} by ${formatLongDate(dueOn)}. We are ${days(-left)} late. We will do it as soon as we can.`;
  return `We will ${what} by ${formatLongDate(dueOn)}. ${whenFromToday(dueOn, today)}`;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export interface NextFacts {
  /** When the first annual review is due, once the plan is issued. */
  reviewDueBy?: string | null;
}

/** What happens next, with dates: the first thing a parent reads. */
export function whatHappensNext(c: EhcCase, today: string, facts: NextFacts = {}): string[] {
  const r = c.request;
  const d = c.clock.deadlines;
  const finalBy = mustBy('send you the final plan', d.finalPlan, today);
  switch (r.stage as Stage) {
    case 'requested':
      return ['We are looking at the request.', mustBy('tell you whether we will assess your child’s needs', d.decision, today)];
    case 'assessing': {
      const waiting = [...new Set(c.advice.filter((a) => !a.receivedOn).map((a) => agencyWords(a.agency)))];
      return [
        waiting.length
          ? `We are waiting for advice from ${listOf(waiting)}. You can see when it is due below.`
          : 'We are asking the people who know your child for advice. They have 6 weeks to answer.',
        'When we have the advice, we will either send you a draft plan to read, or tell you that we will not write a plan.',
        finalBy,
      ];
    }
    case 'drafting':
      return ['We have all the advice we asked for. We are writing a draft plan.', 'We will send it to you to read before it is final.', finalBy];
    case 'draft-issued': {
      if (r.comments_received_on) {
        return [`Thank you for your comments. We received them on ${formatLongDate(r.comments_received_on)}.`, 'We will read them and think about them before we finish the plan.', finalBy];
      }
      const end = d.draftComments ?? today;
      return [
        daysBetween(today, end) < 0
          ? `Please read the draft plan and tell us what you think. The 15 days to comment ended on ${formatLongDate(end)}, but you can still send comments until we send the final plan.`
          : `Please read the draft plan and tell us what you think by ${formatLongDate(end)}. ${whenFromToday(end, today)}`,
        'You can also tell us which school or setting you would like your child to go to.',
        finalBy,
      ];
    }
    case 'final-issued':
      return [
        `We sent you your child’s final plan on ${formatLongDate(r.final_issued_on!)}.`,
        facts.reviewDueBy
          ? `We will look at the plan again with you at least once a year. The first review must happen by ${formatLongDate(facts.reviewDueBy)}.`
          : 'We will look at the plan again with you at least once a year.',
      ];
    case 'not-assessing':
      return [
        `We decided on ${formatLongDate(r.decision_on!)} not to assess your child’s needs.`,
        'Our letter tells you why, and what you can do if you disagree. You can ask for mediation or appeal within 2 months of the date on the letter.',
      ];
    case 'not-issuing':
      return [
        `We decided on ${formatLongDate(r.not_issuing_on!)} not to write a plan.`,
        'Our letter tells you why, and what you can do if you disagree. You can ask for mediation or appeal within 2 months of the date on the letter.',
      ];
    default:
      return [];
  }
}

/** The next thing that happens, in one sentence, for the list of children. */
export function nextInOneLine(c: EhcCase, today: string): string {
  const lines = whatHappensNext(c, today);
  return (c.request.stage === 'requested' ? lines[1] : lines[0]) ?? '';
}
