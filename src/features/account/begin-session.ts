import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../../platform/web/authentication.js';

/**
 * Starts a session for someone who has proved who they are (password or OpenID Connect):
 * any session they had in this browser ends, the new cookie is set, the sign-in is audited.
 */
export async function beginSession(
  s: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  method: 'password' | 'oidc',
): Promise<void> {
  if (request.sessionSecret) await s.sessions.destroy(s.db, request.sessionSecret);
  const secret = await s.sessions.create(s.db, userId);
  const user = await s.users.toCurrentUser(s.db, userId);
  await s.audit.record(s.db, {
    actor: user ? { userId: user.id, organisationId: user.organisationId, role: user.role } : null,
    action: 'sign-in',
    outcome: 'succeeded',
    subjectType: 'user',
    subjectId: userId,
    requestId: request.id,
    details: { method },
  });
  reply.setCookie(SESSION_COOKIE, secret, sessionCookieOptions(s.config.cookieSecure));
}
