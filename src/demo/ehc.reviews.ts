/**
 * The demo's annual reviews. The EHC service creates each plan's first review when the plan is
 * issued; for the demo's older plans we record the reviews that would have been held since
 * (meeting, invitations, advice, report, the decision to maintain) and add the next one, as the
 * clock says (nextReviewDue). Most are held on time; some are late or still overdue.
 */
import type { Db } from '../db/database.js';
import { addDays, compareDates, nextReviewDue, type IsoDate } from '../features/ehc/clock/index.js';
import type { Rng } from './prng.js';

export interface ReviewRow {
  dueBy: IsoDate;
  meetingOn: IsoDate | null;
  invitationsSentOn: IsoDate | null;
  adviceCirculatedOn: IsoDate | null;
  reportSentOn: IsoDate | null;
  decisionOn: IsoDate | null;
}

const notAfter = (date: IsoDate, today: IsoDate): IsoDate | null => (compareDates(date, today) <= 0 ? date : null);

/** The reviews of a plan from its first due date up to today: pure, for a given random stream. */
export function reviewHistory(r: Rng, firstDue: IsoDate, dateOfBirth: IsoDate, today: IsoDate): ReviewRow[] {
  const rows: ReviewRow[] = [];
  let dueBy = firstDue;
  for (let i = 0; i < 6; i++) {
    const pending: ReviewRow = { dueBy, meetingOn: null, invitationsSentOn: null, adviceCirculatedOn: null, reportSentOn: null, decisionOn: null };
    if (compareDates(dueBy, today) > 0 || !r.chance(0.85)) return [...rows, pending];
    const meetingOn = r.chance(0.75) ? addDays(dueBy, -r.int(0, 28)) : addDays(dueBy, r.int(1, 35));
    if (compareDates(meetingOn, addDays(today, -1)) > 0) return [...rows, pending];
    const reportSentOn = notAfter(addDays(meetingOn, r.chance(0.8) ? r.int(5, 14) : r.int(15, 30)), today);
    const decisionOn = notAfter(addDays(meetingOn, r.chance(0.8) ? r.int(10, 28) : r.int(29, 45)), today);
    rows.push({
      dueBy,
      meetingOn,
      invitationsSentOn: addDays(meetingOn, -r.int(14, 21)),
      adviceCirculatedOn: addDays(meetingOn, -r.int(14, 16)),
      reportSentOn,
      decisionOn,
    });
    // The next review is counted from this one's meeting, once the council has decided.
    if (decisionOn === null) return rows;
    dueBy = nextReviewDue(meetingOn, dateOfBirth).dueBy;
  }
  return rows;
}

/** Writes a plan's review history: the first row over the review the service made (`firstId`). */
export async function recordReviews(db: Db, firstId: string, planId: string, childId: string, rows: readonly ReviewRow[]): Promise<void> {
  const values = (row: ReviewRow) => ({
    meeting_on: row.meetingOn,
    invitations_sent_on: row.invitationsSentOn,
    advice_circulated_on: row.adviceCirculatedOn,
    report_sent_on: row.reportSentOn,
    decision: row.decisionOn ? 'maintain' : null,
    decision_on: row.decisionOn,
  });
  const [head, ...rest] = rows;
  if (!head) return;
  if (head.meetingOn) await db.updateTable('annual_reviews').set(values(head)).where('id', '=', firstId).execute();
  if (rest.length) {
    await db.insertInto('annual_reviews').values(rest.map((row) => ({ plan_id: planId, child_id: childId, due_by: row.dueBy, ...values(row) }))).execute();
  }
}
