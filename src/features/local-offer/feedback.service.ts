/**
 * Feedback on the Local Offer: families send it; the Local Offer officer publishes it with the
 * council's response, or does not publish it. Councils must publish comments on their Local
 * Offer with their response (SEND Regulations 2014, regulation 56). Names and email addresses
 * are never published.
 */
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import type { Services } from '../../services.js';
import type { Feedback, Moderation } from './feedback.form.js';

export class AlreadyModeratedError extends Error {
  constructor(readonly status: string) {
    super(`This feedback was already ${status === 'published' ? 'published' : 'not published'}`);
  }
}

export interface FeedbackRow {
  id: string;
  service_id: string | null;
  service_name: string | null;
  body: string;
  name: string | null;
  email: string | null;
  submitted_at: Date;
  status: 'pending' | 'published' | 'rejected';
  response: string | null;
  published_on: string | null;
}

function feedbackQuery(db: Db) {
  return db
    .selectFrom('local_offer_feedback as f')
    .leftJoin('services as s', 's.id', 'f.service_id')
    .select(['f.id', 'f.service_id', 's.name as service_name', 'f.body', 'f.name', 'f.email', 'f.submitted_at', 'f.status', 'f.response', 'f.published_on']);
}

export async function submitFeedback(s: Services, serviceId: string | null, feedback: Feedback, requestId: string): Promise<string> {
  return inTransaction(s.db, async (tx) => {
    const row = await tx
      .insertInto('local_offer_feedback')
      .values({ service_id: serviceId, body: feedback.body, name: feedback.name, email: feedback.email })
      .returning('id')
      .executeTakeFirstOrThrow();
    // What was said stays out of the audit log: it may hold personal details until moderated.
    await s.audit.record(tx, {
      actor: null, action: 'local-offer.feedback.submitted', outcome: 'succeeded', subjectType: 'local-offer-feedback', subjectId: row.id, requestId,
      details: { serviceId },
    });
    return row.id;
  });
}

export async function loadFeedback(db: Db, id: string): Promise<FeedbackRow | undefined> {
  return (await feedbackQuery(db).where('f.id', '=', id).executeTakeFirst()) as FeedbackRow | undefined;
}

export async function pendingFeedback(db: Db): Promise<FeedbackRow[]> {
  return (await feedbackQuery(db).where('f.status', '=', 'pending').orderBy('f.submitted_at').orderBy('f.id').execute()) as FeedbackRow[];
}

export async function recentlyModerated(db: Db, limit = 20): Promise<FeedbackRow[]> {
  return (await feedbackQuery(db).where('f.status', '<>', 'pending').orderBy('f.moderated_at', 'desc').limit(limit).execute()) as FeedbackRow[];
}

/** Published feedback, newest first, a page at a time; optionally for one service. */
export async function publishedFeedback(db: Db, options: { page: number; perPage: number; serviceId?: string }) {
  let q = db.selectFrom('local_offer_feedback').where('status', '=', 'published');
  if (options.serviceId) q = q.where('service_id', '=', options.serviceId);
  const { n } = await q.select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let items = feedbackQuery(db).where('f.status', '=', 'published');
  if (options.serviceId) items = items.where('f.service_id', '=', options.serviceId);
  const rows = await items
    .orderBy('f.published_on', 'desc')
    .orderBy('f.submitted_at', 'desc')
    .limit(options.perPage)
    .offset((options.page - 1) * options.perPage)
    .execute();
  return { items: rows as FeedbackRow[], total: Number(n) };
}

export async function moderateFeedback(s: Services, actor: Actor, id: string, moderation: Moderation, today: string, requestId: string): Promise<void> {
  await inTransaction(s.db, async (tx) => {
    const now = await tx.selectFrom('local_offer_feedback').select(['status', 'service_id']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (now.status !== 'pending') throw new AlreadyModeratedError(now.status);
    await tx
      .updateTable('local_offer_feedback')
      .set(
        moderation.decision === 'publish'
          ? { status: 'published', response: moderation.response, published_on: today, moderated_by: actor.userId, moderated_at: new Date() }
          : { status: 'rejected', moderated_by: actor.userId, moderated_at: new Date() },
      )
      .where('id', '=', id)
      .execute();
    await s.audit.record(tx, {
      actor, action: moderation.decision === 'publish' ? 'local-offer.feedback.published' : 'local-offer.feedback.rejected', outcome: 'succeeded',
      subjectType: 'local-offer-feedback', subjectId: id, requestId, details: { serviceId: now.service_id },
    });
  });
}
