import { CONCERN_FOLLOW_UP_DAYS, HEALTH_CHECK_LOOKBACK_DAYS, MISSED_CHECK_GRACE_DAYS, MISSED_CHECK_TYPES } from './thresholds.js';
import { addDays } from './dates.js';
import { formatLongDate } from '../../ehc/clock/index.js';
import { date, text, type FlagCandidate } from './types.js';

export interface HealthCheck {
  key: string;
  checkType: string;
  dueDate: string | null;
  completedDate: string | null;
  outcome: string | null;
}

/** The latest date of each thing that follows a check up (null: none). */
export interface FollowUps {
  /** The latest completed health check of any type. */
  lastCheckDone: string | null;
  lastCamhsReferral: string | null;
  /** The latest census recording SEN Support or an EHC plan. */
  lastSenCensus: string | null;
  lastEhcRequest: string | null;
}

const CHECK_NAMES: Record<string, string> = {
  antenatal: 'antenatal contact', 'new-birth': 'new birth visit', '6-8-week': '6 to 8 week review', '1-year': '1 year review',
  '2-2.5-year': '2 to 2½ year review', 'school-entry': 'school entry check', 'year-6': 'Year 6 check', 'year-9': 'Year 9 check', '16-19': '16 to 19 check',
};
export const checkName = (t: string) => CHECK_NAMES[t] ?? t;

/**
 * A missed or concerning health check with no follow-up:
 * - missed: a health visiting review or school entry check not seen, more than 8 weeks past its
 *   due date, with no check of any kind done since it was due (declined checks are the family's
 *   choice and are not flagged);
 * - concern: a check that raised a concern (not one that referred on: a referral is a follow-up)
 *   more than 12 weeks ago, with nothing after it: no later check, CAMHS referral, census
 *   recording SEN, or request for an EHC needs assessment.
 * Only checks due or done in the last year.
 */
export function healthCheckNotFollowedUp(childId: string, checks: readonly HealthCheck[], f: FollowUps, today: string): FlagCandidate[] {
  const oldest = addDays(today, -HEALTH_CHECK_LOOKBACK_DAYS);
  const out: FlagCandidate[] = [];
  const after = (d: string | null, from: string) => d !== null && d > from && d <= today;
  for (const c of checks) {
    if (c.outcome === 'not-seen' && !c.completedDate && c.dueDate && (MISSED_CHECK_TYPES as readonly string[]).includes(c.checkType)) {
      if (c.dueDate < oldest || c.dueDate > addDays(today, -MISSED_CHECK_GRACE_DAYS)) continue;
      if (after(f.lastCheckDone, c.dueDate)) continue;
      out.push({
        rule: 'health-check', childId, episode: c.key, team: 'health', urn: null,
        summary: `The ${checkName(c.checkType)} due on ${formatLongDate(c.dueDate)} was missed, and no check has been done since.`,
        evidence: { items: [text('Check', checkName(c.checkType)), date('Due on', c.dueDate), text('Outcome', 'Not seen'), text('Checks done since', 'None')] },
      });
    } else if (c.outcome === 'concern' && c.completedDate) {
      if (c.completedDate < oldest || c.completedDate > addDays(today, -CONCERN_FOLLOW_UP_DAYS)) continue;
      const from = c.completedDate;
      if (after(f.lastCheckDone, from) || after(f.lastCamhsReferral, from) || (f.lastSenCensus !== null && f.lastSenCensus >= from && f.lastSenCensus <= today) || after(f.lastEhcRequest, from)) continue;
      out.push({
        rule: 'health-check', childId, episode: c.key, team: 'health', urn: null,
        summary: `The ${checkName(c.checkType)} on ${formatLongDate(c.completedDate)} raised a concern, and nothing has followed in ${Math.floor(CONCERN_FOLLOW_UP_DAYS / 7)} weeks.`,
        evidence: {
          items: [
            text('Check', checkName(c.checkType)), date('Done on', c.completedDate), text('Outcome', 'Concern raised'),
            text('Since then', 'No further check, CAMHS referral, SEN Support or EHC plan in a census, or request for an EHC needs assessment'),
          ],
        },
      });
    }
  }
  return out;
}
