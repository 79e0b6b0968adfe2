import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import type { SessionsService } from '../auth/sessions.service.js';
import type { ApiTokensService } from '../auth/api-tokens.service.js';
import type { UsersService } from '../auth/users.service.js';

export const SESSION_COOKIE = 'send-hub-session';

/** Works out who is asking: a bearer token (API clients) or a session cookie (browsers). */
export function setUpAuthentication(
  app: FastifyInstance,
  deps: { db: Db; sessions: SessionsService; apiTokens: ApiTokensService; users: UsersService },
) {
  app.decorateRequest('user', null);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('sessionSecret', null);

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/')) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer (\S+)$/.exec(header);
      const userId = match ? await deps.apiTokens.resolve(deps.db, match[1]!) : undefined;
      if (userId) {
        request.user = (await deps.users.toCurrentUser(deps.db, userId)) ?? null;
        request.authMethod = request.user ? 'token' : null;
      }
      // A bad token is not silently ignored in favour of a cookie: the caller gets 401.
      if (!request.user) (request as { badToken?: boolean }).badToken = true;
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return;
    const userId = await deps.sessions.resolve(deps.db, secret);
    if (!userId) return;
    request.user = (await deps.users.toCurrentUser(deps.db, userId)) ?? null;
    if (request.user) {
      request.authMethod = 'session';
      request.sessionSecret = secret;
    }
  });
}

export function sessionCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}
