/** Recording an adviser's answer: the one place an answer is written. */
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import type { Services } from '../../services.js';
import { EhcInputError } from '../ehc/ehc.errors.js';
import type { Answer } from './advice.form.js';

/** The request was answered already (perhaps by a colleague in the same team a moment ago). */
export class AlreadyAnsweredError extends Error {
  constructor() {
    super('This advice request has already been answered');
    this.name = 'AlreadyAnsweredError';
  }
}

/**
 * Advice for an assessment goes through the EHC pathway's events (so the clock, the case's
 * stage and its timeline move with it). Advice asked for an annual review has no assessment
 * request: it is recorded on the advice request alone, audited in the same transaction.
 */
export async function recordAnswer(
  s: Pick<Services, 'ehc' | 'audit'>,
  db: Db,
  actor: Actor,
  a: { id: string; request_id: string | null; child_id: string },
  answer: Answer,
  today: string,
  httpRequestId: string,
): Promise<void> {
  if (a.request_id) {
    try {
      await s.ehc.recordEvent(db, actor, a.request_id, { type: 'advice-received', adviceRequestId: a.id, receivedOn: today, nilReturn: answer.nilReturn, advice: answer.advice }, today, httpRequestId);
    } catch (e) {
      // Another answer won the race: the service found nothing outstanding to answer.
      if (e instanceof EhcInputError && e.field === 'adviceRequestId') throw new AlreadyAnsweredError();
      throw e;
    }
    return;
  }
  await inTransaction(db, async (tx) => {
    const updated = await tx
      .updateTable('advice_requests')
      .set({ received_on: today, nil_return: answer.nilReturn, advice: JSON.stringify(answer.advice), answered_by: actor.userId })
      .where('id', '=', a.id)
      .where('received_on', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AlreadyAnsweredError();
    await s.audit.record(tx, {
      actor,
      action: 'advice.received',
      outcome: 'succeeded',
      subjectType: 'advice-request',
      subjectId: a.id,
      childId: a.child_id,
      requestId: httpRequestId,
      details: { nilReturn: answer.nilReturn },
    });
  });
}
