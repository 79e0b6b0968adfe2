import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import { digest, newSecret } from '../../platform/auth/secrets.js';
import type { NotificationsService } from '../../platform/notifications/notifications.service.js';

/** What people can sign up to hear about. */
export const TOPICS = {
  newsletter: 'The e-newsletter: news of the partnership’s work, about once a month',
  surveys: 'New surveys, and their results',
  meetings: 'Working group meetings and what they decided',
  'you-said-we-did': 'You said, we did: what changed because of what families told us',
} as const;
export type Topic = keyof typeof TOPICS;
export const isTopic = (t: string): t is Topic => Object.hasOwn(TOPICS, t);

/** One confirmation email per address in this time, however often the form is sent. */
const RESEND_AFTER_MS = 10 * 60 * 1000;

/**
 * Newsletter and email alerts with a double opt-in: signing up sends a confirmation link, and
 * nothing else is sent until it is used. The answer to the form is the same whether or not the
 * address was already subscribed. Unsubscribing deletes the address; every message carries a
 * one-click link to do it.
 */
export function subscriptionsService(deps: { audit: AuditService; notifications: NotificationsService; baseUrl: string; serviceName: string }) {
  const { notifications, baseUrl, serviceName, audit } = deps;
  const unsubscribeUrl = (token: string) => `${baseUrl}/unsubscribe/${token}`;
  const footer = (token: string) => `\n\n---\nYou get this because you signed up at ${baseUrl}/subscribe.\nUnsubscribe with one click: ${unsubscribeUrl(token)}`;

  return {
    unsubscribeUrl,

    async subscribe(db: Db, email: string, topics: readonly Topic[], now = new Date()): Promise<void> {
      await inTransaction(db, async (tx) => {
        const existing = await tx.selectFrom('subscribers').selectAll().where('email', '=', email).forUpdate().executeTakeFirst();
        if (existing?.confirmation_sent_at && now.getTime() - new Date(existing.confirmation_sent_at).getTime() < RESEND_AFTER_MS) return;
        if (existing?.confirmed_at) {
          await tx.updateTable('subscribers').set({ confirmation_sent_at: now }).where('id', '=', existing.id).execute();
          await notifications.queueEmail(tx, {
            to: email,
            template: 'subscription-already',
            subject: `You are already signed up for emails from ${serviceName}`,
            body: `Someone, probably you, asked to sign this address up for emails from ${serviceName}. It is already signed up, so nothing has changed.${footer(existing.unsubscribe_token)}`,
          });
          return;
        }
        const confirm = newSecret();
        const row = existing
          ? await tx
              .updateTable('subscribers')
              .set({ topics: JSON.stringify(topics), confirm_token_hash: digest(confirm), confirmation_sent_at: now })
              .where('id', '=', existing.id)
              .returning('unsubscribe_token')
              .executeTakeFirstOrThrow()
          : await tx
              .insertInto('subscribers')
              .values({ email, topics: JSON.stringify(topics), confirm_token_hash: digest(confirm), confirmation_sent_at: now, unsubscribe_token: newSecret() })
              .returning('unsubscribe_token')
              .executeTakeFirstOrThrow();
        await notifications.queueEmail(tx, {
          to: email,
          template: 'subscription-confirm',
          subject: `Confirm that you want emails from ${serviceName}`,
          body: [
            `Someone, probably you, asked to sign this address up for emails from ${serviceName} about:`,
            ...topics.map((t) => `- ${TOPICS[t]}`),
            '',
            `To confirm, open this link and press the button: ${baseUrl}/subscribe/confirm/${confirm}`,
            '',
            'If it was not you, ignore this email: we will not email you again.',
          ].join('\n') + footer(row.unsubscribe_token),
        });
      });
    },

    /** Confirms a sign-up. False when the link is unknown or was used. */
    async confirm(db: Db, token: string): Promise<boolean> {
      const row = await db
        .updateTable('subscribers')
        .set({ confirmed_at: new Date(), confirm_token_hash: null })
        .where('confirm_token_hash', '=', digest(token))
        .returning('id')
        .executeTakeFirst();
      return !!row;
    },

    async isPendingConfirmation(db: Db, token: string): Promise<boolean> {
      return !!(await db.selectFrom('subscribers').select('id').where('confirm_token_hash', '=', digest(token)).executeTakeFirst());
    },

    /** Deletes the subscription. False when there was none (already unsubscribed). */
    async unsubscribe(db: Db, token: string): Promise<boolean> {
      const row = await db.deleteFrom('subscribers').where('unsubscribe_token', '=', token).returning('id').executeTakeFirst();
      return !!row;
    },

    async counts(db: Db): Promise<Record<Topic, number>> {
      const rows = await db.selectFrom('subscribers').select('topics').where('confirmed_at', 'is not', null).execute();
      const counts = Object.fromEntries(Object.keys(TOPICS).map((t) => [t, 0])) as Record<Topic, number>;
      for (const r of rows) for (const t of (r.topics as string[]) ?? []) if (isTopic(t)) counts[t]++;
      return counts;
    },

    async issues(db: Db) {
      return db.selectFrom('newsletter_issues').selectAll().orderBy('sent_at', 'desc').limit(50).execute();
    },

    /** Sends a message to everyone confirmed for the topic, each with their own unsubscribe link. */
    async send(db: Db, actor: Actor, issue: { topic: Topic; subject: string; body: string }): Promise<number> {
      return inTransaction(db, async (tx) => {
        const rows = await tx.selectFrom('subscribers').select(['email', 'topics', 'unsubscribe_token']).where('confirmed_at', 'is not', null).orderBy('email').execute();
        const to = rows.filter((r) => ((r.topics as string[]) ?? []).includes(issue.topic));
        for (const r of to) {
          await notifications.queueEmail(tx, { to: r.email, template: `newsletter-${issue.topic}`, subject: issue.subject, body: issue.body + footer(r.unsubscribe_token) });
        }
        const row = await tx
          .insertInto('newsletter_issues')
          .values({ topic: issue.topic, subject: issue.subject, body: issue.body, recipients: to.length, sent_by: actor.userId })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(tx, { actor, action: 'newsletter.sent', outcome: 'succeeded', subjectType: 'newsletter', subjectId: row.id, details: { topic: issue.topic, recipients: to.length } });
        return to.length;
      });
    },
  };
}

export type SubscriptionsService = ReturnType<typeof subscriptionsService>;
