import type { Db } from '../../db/database.js';
import { digest, newSecret } from './secrets.js';

const PREFIX = 'sph_';

/** Bearer tokens for other systems: shown once, stored as a digest, revocable. */
export function apiTokensService() {
  return {
    async create(db: Db, userId: string, name: string): Promise<{ id: string; token: string }> {
      const token = PREFIX + newSecret();
      const row = await db
        .insertInto('api_tokens')
        .values({ user_id: userId, name, token_hash: digest(token) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, token };
    },

    /** The user a token acts for, or undefined for an unknown or revoked token. */
    async resolve(db: Db, token: string): Promise<string | undefined> {
      if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
      const row = await db
        .selectFrom('api_tokens')
        .select(['id', 'user_id', 'last_used_at'])
        .where('token_hash', '=', digest(token))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      const now = new Date();
      if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
        await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
      }
      return row.user_id;
    },

    async revoke(db: Db, id: string): Promise<void> {
      await db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', id).execute();
    },
  };
}

export type ApiTokensService = ReturnType<typeof apiTokensService>;
