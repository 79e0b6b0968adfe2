import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { errorView, readForm, required } from '../../platform/web/forms.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../../platform/web/authentication.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { UserInputError } from '../../platform/auth/users.service.js';
import { beginSession } from './begin-session.js';

/**
 * Repeated tries from one address at one account are slowed; the per-account lockout in
 * users.service stops slow guessing from many addresses. Keyed by address and email, so that
 * staff behind one council gateway do not lock each other out.
 */
function rateLimit(max: number) {
  return {
    max,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined;
      const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
      return `${request.ip}|${email}|${request.routeOptions.url}`;
    },
  };
}

/** Where to go after signing in: only a path on this site, never another host. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length < 500 ? value : '/home';
}

export async function accountRoutes(app: FastifyInstance, s: Services) {
  const cookieOptions = sessionCookieOptions(s.config.cookieSecure);
  const SIGN_IN_LIMIT = rateLimit(s.config.login.ratePerMinute);

  app.get('/sign-in', { config: { access: access.public() } }, async (request, reply) => {
    if (request.user) return reply.redirect('/home', 303);
    const { returnTo } = request.query as { returnTo?: string };
    return reply.render('account/views/sign-in.njk', { title: 'Sign in', values: {}, returnTo: safeReturnTo(returnTo) });
  });

  app.post('/sign-in', { config: { access: access.public(), rateLimit: SIGN_IN_LIMIT } }, async (request, reply) => {
    const form = readForm(request.body, ['email', 'password', 'returnTo'], { email: 'Email address', password: 'Password' });
    required(form, 'email', 'Enter your email address');
    required(form, 'password', 'Enter your password');
    const returnTo = safeReturnTo(form.values.returnTo);
    const again = (status = 400) =>
      reply.render(
        'account/views/sign-in.njk',
        { title: 'Sign in', values: { email: form.values.email }, returnTo, ...errorView(form.errors) },
        status,
      );
    if (form.errors.length) return again();

    const result = await s.users.signIn(s.db, form.values.email!, form.values.password!);
    if (!result.ok) {
      await s.audit.record(s.db, {
        actor: null,
        action: 'sign-in',
        outcome: 'failed',
        subjectType: 'user',
        ...(result.user ? { subjectId: result.user.id } : {}),
        requestId: request.id,
        details: { method: 'password', reason: result.reason },
      });
      form.errors.push({
        field: 'email',
        text:
          result.reason === 'locked'
            ? `Your account is locked after too many wrong passwords. Wait ${s.config.login.lockMinutes} minutes, or reset your password.`
            : 'Enter a correct email address and password',
      });
      return again(result.reason === 'locked' ? 429 : 400);
    }
    await beginSession(s, request, reply, result.user.id, 'password');
    return reply.redirect(returnTo, 303);
  });

  app.post('/sign-out', { config: { access: access.signedIn() } }, async (request, reply) => {
    if (request.sessionSecret) await s.sessions.destroy(s.db, request.sessionSecret);
    await s.audit.record(s.db, { actor: actorOf(request), action: 'sign-out', outcome: 'succeeded', requestId: request.id });
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.redirect('/signed-out', 303);
  });

  app.post('/sign-out-everywhere', { config: { access: access.signedIn() } }, async (request, reply) => {
    const count = await s.sessions.destroyAllForUser(s.db, request.user!.id);
    await s.audit.record(s.db, {
      actor: actorOf(request),
      action: 'sign-out-everywhere',
      outcome: 'succeeded',
      requestId: request.id,
      details: { sessions: count },
    });
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.redirect('/signed-out', 303);
  });

  app.get('/signed-out', { config: { access: access.public() } }, async (_request, reply) =>
    reply.render('account/views/signed-out.njk', { title: 'You have signed out' }),
  );

  app.get('/password-reset', { config: { access: access.public() } }, async (_request, reply) =>
    reply.render('account/views/password-reset-request.njk', { title: 'Reset your password', values: {} }),
  );

  app.post('/password-reset', { config: { access: access.public(), rateLimit: SIGN_IN_LIMIT } }, async (request, reply) => {
    const form = readForm(request.body, ['email'], { email: 'Email address' });
    required(form, 'email', 'Enter your email address');
    if (!form.errors.length && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.values.email!.trim())) {
      form.errors.push({ field: 'email', text: 'Enter an email address in the correct format, like name@example.org' });
    }
    if (form.errors.length) {
      return reply.render(
        'account/views/password-reset-request.njk',
        { title: 'Reset your password', values: form.values, ...errorView(form.errors) },
        400,
      );
    }
    const { userId } = await s.passwordResets.request(s.db, form.values.email!);
    await s.audit.record(s.db, {
      actor: null,
      action: 'password-reset.requested',
      outcome: userId ? 'succeeded' : 'failed',
      subjectType: 'user',
      ...(userId ? { subjectId: userId } : {}),
      requestId: request.id,
    });
    await s.notifications.deliver(s.db).catch((e) => request.log.warn({ err: e }, 'notification delivery failed'));
    return reply.render('account/views/password-reset-sent.njk', { title: 'Check your email' });
  });

  app.get('/password-reset/:token', { config: { access: access.public() } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const userId = await s.passwordResets.check(s.db, token);
    if (!userId) return reply.render('account/views/password-reset-expired.njk', { title: 'This link has expired' }, 410);
    return reply.render('account/views/password-reset.njk', { title: 'Choose a new password', token, values: {} });
  });

  app.post('/password-reset/:token', { config: { access: access.public(), rateLimit: SIGN_IN_LIMIT } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const form = readForm(request.body, ['password', 'confirm'], { password: 'Password', confirm: 'Password' }, 200);
    required(form, 'password', 'Enter a new password');
    if (!form.errors.length && form.values.password !== form.values.confirm) {
      form.errors.push({ field: 'confirm', text: 'Enter the same password twice' });
    }
    const again = () =>
      reply.render('account/views/password-reset.njk', { title: 'Choose a new password', token, values: {}, ...errorView(form.errors) }, 400);
    if (form.errors.length) return again();
    try {
      const userId = await s.passwordResets.complete(s.db, token, form.values.password!);
      if (!userId) return reply.render('account/views/password-reset-expired.njk', { title: 'This link has expired' }, 410);
      await s.audit.record(s.db, { actor: null, action: 'password-reset.completed', outcome: 'succeeded', subjectType: 'user', subjectId: userId, requestId: request.id });
    } catch (e) {
      if (!(e instanceof UserInputError)) throw e;
      form.errors.push({ field: 'password', text: e.message });
      return again();
    }
    return reply.render('account/views/password-reset-done.njk', { title: 'Your password has been changed' });
  });
}
