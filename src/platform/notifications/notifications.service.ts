import type { Db } from '../../db/database.js';
import type { OutboxMessage } from '../../db/schema.js';

export interface EmailMessage {
  to: string;
  /** A short name for what the message is, e.g. 'password-reset'; kept for the outbox view. */
  template: string;
  subject: string;
  body: string;
}

/** Where messages go once written to the outbox. */
export interface NotificationSender {
  readonly name: string;
  sendEmail(message: EmailMessage): Promise<{ reference: string }>;
}

/**
 * Every message is written to the outbox first, inside the caller's transaction, so that a
 * change and the message it promises are committed together. A sender, when configured
 * (GOV.UK Notify), delivers queued messages and marks them sent or failed; without one the
 * outbox is the delivery, readable by administrators.
 */
export function notificationsService(sender: NotificationSender | undefined) {
  return {
    senderName: sender?.name ?? 'outbox only',

    async queueEmail(db: Db, message: EmailMessage): Promise<string> {
      const row = await db
        .insertInto('notification_outbox')
        .values({
          channel: 'email',
          recipient: message.to,
          template: message.template,
          subject: message.subject,
          body: message.body,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Sends what is queued. Run after the transaction that queued it has committed. */
    async deliver(db: Db, limit = 50): Promise<{ sent: number; failed: number }> {
      if (!sender) return { sent: 0, failed: 0 };
      const queued = await db
        .selectFrom('notification_outbox')
        .selectAll()
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .limit(limit)
        .execute();
      let sent = 0;
      let failed = 0;
      for (const m of queued) {
        try {
          const { reference } = await sender.sendEmail({ to: m.recipient, template: m.template, subject: m.subject, body: m.body });
          await db
            .updateTable('notification_outbox')
            .set({ status: 'sent', sent_at: new Date(), provider_reference: reference })
            .where('id', '=', m.id)
            .execute();
          sent++;
        } catch (e) {
          await db
            .updateTable('notification_outbox')
            .set({ status: 'failed', error: (e as Error).message.slice(0, 500) })
            .where('id', '=', m.id)
            .execute();
          failed++;
        }
      }
      return { sent, failed };
    },

    list(db: Db, options: { recipient?: string; limit?: number } = {}): Promise<OutboxMessage[]> {
      let q = db.selectFrom('notification_outbox').selectAll().orderBy('created_at', 'desc').limit(options.limit ?? 100);
      if (options.recipient) q = q.where('recipient', '=', options.recipient);
      return q.execute();
    },
  };
}

export type NotificationsService = ReturnType<typeof notificationsService>;
