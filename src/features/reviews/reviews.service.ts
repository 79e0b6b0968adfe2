/**
 * Recording an annual review: one change at a time, each checked against what is already
 * recorded and the statutory clock, written with its audit entry in one transaction. The law
 * sets notice periods and deadlines; a late step is recorded and shown as late, never refused.
 */
import type { Db } from '../../db/database.js';
import type { AnnualReview } from '../../db/ehc.tables.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import { addMonths, ClockInputError, formatLongDate, isSen2CeaseReasonCode, nextReviewDue, type PhaseTransferKind, type Sen2CeaseReasonCode } from '../ehc/clock/index.js';
import { addPlanVersion, onlySections } from '../plans/plans.queries.js';
import type { ReviewDecision } from './reviews.codes.js';
import { formatPhaseTransfer, meetingHeld, viewReview, type ReviewFacts } from './reviews.model.js';
import type { Pfa } from './reviews.pfa.js';

export type ReviewChange =
  | { type: 'schedule'; meetingOn: string; invitationsSentOn: string | null }
  | { type: 'advice-circulated'; on: string }
  | { type: 'meeting-held'; on: string; pfa: Pfa | null; notes: string | null }
  | { type: 'report-sent'; on: string }
  | { type: 'decision'; on: string; decision: ReviewDecision; ceaseReason: Sen2CeaseReasonCode | null }
  | { type: 'amendment-proposals'; on: string; sections: Record<string, string> }
  | { type: 'amended-final'; on: string; sections: Record<string, string> }
  | { type: 'phase-transfer'; kind: PhaseTransferKind | null; year: number | null };

/** Bad input, named by the form field to show it against. */
export class ReviewInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'ReviewInputError';
  }
}

export interface ReviewRecord {
  row: AnnualReview;
  child: { id: string; givenName: string; familyName: string; dateOfBirth: string };
  plan: { id: string; status: string; requestId: string | null };
  /** The date the months count from: the last review's meeting, else the plan's issue. */
  basisOn: string;
  /** The review that follows this one, once the council has decided. */
  nextReviewId: string | null;
}

export async function loadReview(db: Db, reviewId: string, lock = false): Promise<ReviewRecord | undefined> {
  let q = db.selectFrom('annual_reviews').selectAll().where('id', '=', reviewId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  const [child, plan, previous, issued, next] = await Promise.all([
    db.selectFrom('children').select(['id', 'given_name', 'family_name', 'date_of_birth']).where('id', '=', row.child_id).executeTakeFirstOrThrow(),
    db.selectFrom('plans').select(['id', 'status', 'request_id']).where('id', '=', row.plan_id).executeTakeFirstOrThrow(),
    db.selectFrom('annual_reviews').select('meeting_on').where('plan_id', '=', row.plan_id).where('id', '!=', row.id)
      .where('decision_on', 'is not', null).where('meeting_on', 'is not', null).where('due_by', '<', row.due_by)
      .orderBy('due_by', 'desc').executeTakeFirst(),
    db.selectFrom('plan_versions').select('issued_on').where('plan_id', '=', row.plan_id).where('kind', '=', 'final')
      .where('issued_on', 'is not', null).orderBy('version').executeTakeFirst(),
    db.selectFrom('annual_reviews').select('id').where('plan_id', '=', row.plan_id).where('due_by', '>', row.due_by).orderBy('due_by').executeTakeFirst(),
  ]);
  // Reviews made outside this service (an import) may lack both: count back 12 months.
  const basisOn = previous?.meeting_on ?? issued?.issued_on ?? addMonths(row.due_by, -12);
  return {
    row,
    child: { id: child.id, givenName: child.given_name, familyName: child.family_name, dateOfBirth: child.date_of_birth },
    plan: { id: plan.id, status: plan.status, requestId: plan.request_id },
    basisOn,
    nextReviewId: next?.id ?? null,
  };
}

const day = (d: string) => formatLongDate(d);

function notFuture(field: string, on: string, today: string, what: string) {
  if (on > today) throw new ReviewInputError(field, `${what} must be today or in the past`);
}

/** Checks one change against the review as recorded; returns the columns to update. */
function changesFor(change: ReviewChange, r: AnnualReview, today: string): Partial<ReviewFacts> & { pfa?: string; notes?: string | null; cease_reason?: string | null } {
  const undecided = (field: string) => {
    if (r.decision) throw new ReviewInputError(field, 'The council has already decided after this review: record changes on the next review');
  };
  switch (change.type) {
    case 'schedule': {
      undecided('meetingOn');
      if (change.invitationsSentOn) {
        notFuture('invitationsSentOn', change.invitationsSentOn, today, 'The date the invitations were sent');
        if (change.invitationsSentOn > change.meetingOn) throw new ReviewInputError('invitationsSentOn', 'The invitations must be sent on or before the day of the meeting');
      }
      return { meeting_on: change.meetingOn, invitations_sent_on: change.invitationsSentOn ?? r.invitations_sent_on };
    }
    case 'advice-circulated':
      undecided('on');
      notFuture('on', change.on, today, 'The date the advice was circulated');
      if (r.meeting_on && change.on > r.meeting_on) throw new ReviewInputError('on', `Advice is circulated before the meeting (${day(r.meeting_on)})`);
      return { advice_circulated_on: change.on };
    case 'meeting-held':
      undecided('on');
      notFuture('on', change.on, today, 'The date of the meeting');
      if (r.report_sent_on && r.report_sent_on < change.on) throw new ReviewInputError('on', `The meeting must be on or before the report was sent (${day(r.report_sent_on)})`);
      return { meeting_on: change.on, ...(change.pfa ? { pfa: JSON.stringify(change.pfa) } : {}), notes: change.notes };
    case 'report-sent':
      notFuture('on', change.on, today, 'The date the report was sent');
      if (!meetingHeld(r, today)) throw new ReviewInputError('on', 'Record the review meeting before its report');
      if (change.on < r.meeting_on!) throw new ReviewInputError('on', `The report follows the meeting: enter a date on or after ${day(r.meeting_on!)}`);
      return { report_sent_on: change.on };
    case 'decision':
      undecided('decision');
      notFuture('on', change.on, today, 'The date of the decision');
      if (!meetingHeld(r, today)) throw new ReviewInputError('decision', 'Record the review meeting before the council’s decision');
      if (change.on < r.meeting_on!) throw new ReviewInputError('on', `The decision follows the meeting: enter a date on or after ${day(r.meeting_on!)}`);
      if (change.decision === 'cease' && !isSen2CeaseReasonCode(change.ceaseReason)) throw new ReviewInputError('ceaseReason', 'Select why the plan is ceasing');
      return { decision: change.decision, decision_on: change.on, cease_reason: change.decision === 'cease' ? change.ceaseReason : null };
    case 'amendment-proposals':
      if (r.decision !== 'amend') throw new ReviewInputError('on', 'Amendments follow a decision to amend the plan');
      if (r.amendment_proposals_on) throw new ReviewInputError('on', 'The proposed amendments have already been sent');
      notFuture('on', change.on, today, 'The date the proposals were sent');
      if (change.on < r.decision_on!) throw new ReviewInputError('on', `The proposals follow the decision: enter a date on or after ${day(r.decision_on!)}`);
      return { amendment_proposals_on: change.on };
    case 'amended-final':
      if (!r.amendment_proposals_on) throw new ReviewInputError('on', 'Send the proposed amendments before the amended plan');
      if (r.amended_final_on) throw new ReviewInputError('on', 'The amended plan has already been issued');
      notFuture('on', change.on, today, 'The date the amended plan was issued');
      if (change.on < r.amendment_proposals_on) throw new ReviewInputError('on', `The amended plan follows the proposals: enter a date on or after ${day(r.amendment_proposals_on)}`);
      return { amended_final_on: change.on };
    case 'phase-transfer':
      return { phase_transfer: change.kind && change.year ? formatPhaseTransfer(change.kind, change.year) : null };
  }
}

export function reviewsService(deps: { audit: AuditService }) {
  return {
    async record(db: Db, actor: Actor | null, reviewId: string, change: ReviewChange, today: string, httpRequestId?: string): Promise<void> {
      await inTransaction(db, async (tx) => {
        const rec = await loadReview(tx, reviewId, true);
        if (!rec) throw new ReviewInputError('reviewId', 'There is no such review');
        if (rec.plan.status === 'ceased' && change.type !== 'report-sent') throw new ReviewInputError(firstField(change), 'This plan has ceased');
        const update = changesFor(change, rec.row, today);
        const next = { ...rec.row, ...update } as AnnualReview;
        try {
          viewReview(next, rec.child.dateOfBirth, rec.basisOn, today);
        } catch (e) {
          if (e instanceof ClockInputError) throw new ReviewInputError(firstField(change), 'These dates are not in a possible order: check them against the dates already recorded');
          throw e;
        }
        await tx.updateTable('annual_reviews').set(update).where('id', '=', reviewId).execute();
        const createdBy = actor?.userId ?? null;
        const details: Record<string, unknown> = { type: change.type };
        if (change.type === 'decision') {
          details.decision = change.decision;
          if (change.decision === 'cease') {
            await tx.updateTable('plans').set({ status: 'ceased', ceased_on: change.on, cease_reason: change.ceaseReason }).where('id', '=', rec.plan.id).execute();
          } else {
            // The next review counts from this meeting (CFA s44(1)).
            const dueBy = nextReviewDue(next.meeting_on!, rec.child.dateOfBirth).dueBy;
            const id = (await tx.insertInto('annual_reviews').values({ plan_id: rec.plan.id, child_id: rec.child.id, due_by: dueBy }).returning('id').executeTakeFirstOrThrow()).id;
            Object.assign(details, { nextReviewId: id, nextDueBy: dueBy });
          }
        }
        if (change.type === 'amendment-proposals' || change.type === 'amended-final') {
          if (Object.keys(onlySections(change.sections)).length === 0) throw new ReviewInputError('section-A', 'Write the plan’s sections: they cannot all be empty');
          details.version = await addPlanVersion(tx, rec.plan.id, {
            kind: change.type === 'amendment-proposals' ? 'amendment-proposal' : 'amended-final', issuedOn: change.on, sections: change.sections, createdBy,
          });
        }
        await deps.audit.record(tx, {
          actor, action: `review.${change.type}.recorded`, outcome: 'succeeded', subjectType: 'annual-review', subjectId: reviewId,
          childId: rec.child.id, ...(httpRequestId ? { requestId: httpRequestId } : {}), details,
        });
      });
    },
  };
}

function firstField(change: ReviewChange): string {
  switch (change.type) {
    case 'schedule': return 'meetingOn';
    case 'decision': return 'decision';
    case 'phase-transfer': return 'kind';
    default: return 'on';
  }
}

export type ReviewsService = ReturnType<typeof reviewsService>;
