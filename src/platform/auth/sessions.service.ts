import type { Db } from '../../db/database.js';
import { digest, newSecret } from './secrets.js';

/**
 * Sessions live in the database: the cookie holds a random secret, the table its digest. A
 * session ends after `idleMinutes` without a request, or `absoluteHours` after sign-in,
 * whichever comes first; "sign out everywhere" deletes all of a user's sessions.
 */
export function sessionsService(options: { idleMinutes: number; absoluteHours: number }) {
  const idleMs = options.idleMinutes * 60_000;
  const absoluteMs = options.absoluteHours * 3_600_000;
  return {
    async create(db: Db, userId: string, now = new Date()): Promise<string> {
      const secret = newSecret();
      await db
        .insertInto('sessions')
        .values({
          id: digest(secret),
          user_id: userId,
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + absoluteMs),
        })
        .execute();
      return secret;
    },

    /** The user of a live session, refreshing its idle timer; undefined if expired or unknown. */
    async resolve(db: Db, secret: string, now = new Date()): Promise<string | undefined> {
      const id = digest(secret);
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      if (new Date(row.expires_at) <= now || new Date(row.last_seen_at).getTime() + idleMs <= now.getTime()) {
        await db.deleteFrom('sessions').where('id', '=', id).execute();
        return undefined;
      }
      // Touch at most once a minute: a page with many requests writes once.
      if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
        await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
      }
      return row.user_id;
    },

    async destroy(db: Db, secret: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', digest(secret)).execute();
    },

    async destroyAllForUser(db: Db, userId: string): Promise<number> {
      const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async purgeExpired(db: Db, now = new Date()): Promise<void> {
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - idleMs))]))
        .execute();
    },
  };
}

export type SessionsService = ReturnType<typeof sessionsService>;
