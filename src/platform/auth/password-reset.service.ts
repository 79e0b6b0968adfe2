import type { Db } from '../../db/database.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { UsersService } from './users.service.js';
import { digest, newSecret } from './secrets.js';
import { inTransaction } from '../../db/transaction.js';

const LIFETIME_MS = 60 * 60_000;

/**
 * Password reset by a one-time link sent through the notification outbox. The answer to a
 * request is the same whether or not the email is known, so the page cannot be used to find
 * out who has an account.
 */
export function passwordResetService(deps: {
  users: UsersService;
  notifications: NotificationsService;
  baseUrl: string;
  serviceName: string;
}) {
  return {
    async request(db: Db, email: string, now = new Date()): Promise<{ userId?: string }> {
      const user = await deps.users.findByEmail(db, email);
      if (!user || user.disabled) return {};
      const secret = newSecret();
      await inTransaction(db, async (tx) => {
        await tx
          .insertInto('password_resets')
          .values({ token_hash: digest(secret), user_id: user.id, created_at: now, expires_at: new Date(now.getTime() + LIFETIME_MS) })
          .execute();
        await deps.notifications.queueEmail(tx, {
          to: user.email,
          template: 'password-reset',
          subject: `Reset your ${deps.serviceName} password`,
          body:
            `Someone asked to reset the password for ${user.email}.\n\n` +
            `To choose a new password, open this link within 1 hour:\n${deps.baseUrl}/password-reset/${secret}\n\n` +
            'The link works once. If you did not ask for this, you can ignore this email: your password has not changed.',
        });
      });
      return { userId: user.id };
    },

    /** The user a link belongs to, if it is unused and in date. */
    async check(db: Db, secret: string, now = new Date()): Promise<string | undefined> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return undefined;
      const row = await db
        .selectFrom('password_resets')
        .select(['user_id', 'expires_at', 'used_at'])
        .where('token_hash', '=', digest(secret))
        .executeTakeFirst();
      if (!row || row.used_at || new Date(row.expires_at) <= now) return undefined;
      return row.user_id;
    },

    /** Sets the new password and spends the link, in one transaction. */
    async complete(db: Db, secret: string, password: string): Promise<string | undefined> {
      return inTransaction(db, async (tx) => {
        const userId = await this.check(tx, secret);
        if (!userId) return undefined;
        await deps.users.setPassword(tx, userId, password);
        await tx.updateTable('password_resets').set({ used_at: new Date() }).where('token_hash', '=', digest(secret)).execute();
        // Anyone holding an old session is signed out.
        await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        return userId;
      });
    },
  };
}
