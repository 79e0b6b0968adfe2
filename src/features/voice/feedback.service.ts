import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';

/** Longest comment on a page: a short paragraph or two. */
export const MAX_FEEDBACK = 1200;

/** Which page feedback is about: a path on this site, else the start page. */
export function feedbackPage(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : '/';
}

/**
 * Feedback on public pages. It keeps the page, the answer, the comment and the date: no
 * account and no address. Nothing is shown publicly until staff publish it.
 */
export function feedbackService(deps: { audit: AuditService }) {
  return {
    async submit(db: Db, input: { page: string; useful: 'yes' | 'no' | null; comment: string; today: string }): Promise<void> {
      await db.insertInto('page_feedback').values({ page: input.page, useful: input.useful, comment: input.comment, submitted_on: input.today }).execute();
    },

    async list(db: Db, status: 'new' | 'published' | 'rejected') {
      return db.selectFrom('page_feedback').selectAll().where('status', '=', status).orderBy('submitted_on', 'desc').limit(200).execute();
    },

    async countNew(db: Db): Promise<number> {
      const r = await db.selectFrom('page_feedback').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'new').executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Publishes (with an optional reply) or rejects. Returns false if there is no such feedback. */
    async moderate(db: Db, actor: Actor, id: string, decision: { status: 'published' | 'rejected'; reply: string }): Promise<boolean> {
      return inTransaction(db, async (tx) => {
        const row = await tx
          .updateTable('page_feedback')
          .set({ status: decision.status, reply: decision.reply, moderated_by: actor.userId, moderated_at: new Date() })
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirst();
        if (!row) return false;
        await deps.audit.record(tx, { actor, action: `feedback.${decision.status}`, outcome: 'succeeded', subjectType: 'page-feedback', subjectId: id });
        return true;
      });
    },
  };
}

export type FeedbackService = ReturnType<typeof feedbackService>;
