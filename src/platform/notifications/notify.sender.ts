import { NotifyClient } from 'notifications-node-client';
import type { EmailMessage, NotificationSender } from './notifications.service.js';

/**
 * GOV.UK Notify. Notify sends from templates made in its own admin site; we use one general
 * email template whose subject and body are the placeholders ((subject)) and ((body)), so that
 * the words stay in this service's templates (NOTIFY_EMAIL_TEMPLATE_ID names it).
 */
export function notifySender(apiKey: string, templateId: string): NotificationSender {
  const client = new NotifyClient(apiKey);
  return {
    name: 'GOV.UK Notify',
    async sendEmail(message: EmailMessage) {
      const response = await client.sendEmail(templateId, message.to, {
        personalisation: { subject: message.subject, body: message.body },
        reference: message.template,
      });
      return { reference: String((response as { data?: { id?: string } }).data?.id ?? '') };
    },
  };
}
