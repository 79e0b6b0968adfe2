import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { readForm } from '../../platform/web/forms.js';
import { notFound } from '../../platform/web/errors.js';
import { OIDC_LOGIN_MINUTES, OidcUnavailableError, type OidcFailureReason, type OidcService } from '../../platform/auth/oidc.service.js';
import { beginSession } from './begin-session.js';
import { safeReturnTo } from './account.routes.js';

/** Holds the random id of a sign-in in progress; the database keeps only its digest. */
export const OIDC_COOKIE = 'send-hub-oidc';

/**
 * Sign-in with OpenID Connect. The routes always exist (so every route is in the access table)
 * and answer 404 when OIDC_ISSUER is not set. They are not rate-limited by address: a whole
 * council signs in from behind one gateway at nine in the morning, no password is guessed
 * here, and a sign-in in progress is one small row that expires in 10 minutes.
 */
export async function oidcRoutes(app: FastifyInstance, s: Services) {
  // SameSite=Lax, not Strict: the cookie must come back on the provider's redirect to us.
  const cookieOptions = { path: '/sign-in/oidc', httpOnly: true, sameSite: 'lax' as const, secure: s.config.cookieSecure };

  const oidcOr404 = (): OidcService => {
    if (!s.oidc) throw notFound();
    return s.oidc;
  };

  const unavailable = async (request: FastifyRequest, reply: FastifyReply, oidc: OidcService, e: OidcUnavailableError) => {
    request.log.warn({ err: e }, 'OpenID Connect provider unavailable');
    await auditFailure(s, request, 'unavailable');
    return reply.render(
      'account/views/oidc-problem.njk',
      {
        title: `You cannot sign in with ${oidc.label} at the moment`,
        paragraphs: [
          `We cannot reach ${oidc.label} at the moment. Try again in a few minutes.`,
          'If you also have a password for this service, you can sign in with your email address and password instead.',
        ],
        tryAgain: '/sign-in',
      },
      503,
    );
  };

  app.post('/sign-in/oidc', { config: { access: access.public() } }, async (request, reply) => {
    const oidc = oidcOr404();
    const form = readForm(request.body, ['returnTo'], {});
    const returnTo = safeReturnTo(form.values.returnTo);
    try {
      const { loginId, url } = await oidc.start(s.db, returnTo);
      reply.setCookie(OIDC_COOKIE, loginId, { ...cookieOptions, maxAge: OIDC_LOGIN_MINUTES * 60 });
      return reply.redirect(url.href, 303);
    } catch (e) {
      if (e instanceof OidcUnavailableError) return unavailable(request, reply, oidc, e);
      throw e;
    }
  });

  app.get('/sign-in/oidc/callback', { config: { access: access.public() } }, async (request, reply) => {
    const oidc = oidcOr404();
    const loginId = request.cookies[OIDC_COOKIE];
    reply.clearCookie(OIDC_COOKIE, cookieOptions);
    const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    let result;
    try {
      result = await oidc.finish(s.db, loginId, search);
    } catch (e) {
      if (e instanceof OidcUnavailableError) return unavailable(request, reply, oidc, e);
      throw e;
    }
    if (result.ok) {
      await beginSession(s, request, reply, result.userId, 'oidc');
      return reply.redirect(safeReturnTo(result.returnTo), 303);
    }

    // Back button after signing in: the sign-in was spent, and there is nothing to say.
    if (result.reason === 'expired' && request.user) return reply.redirect('/home', 303);

    await auditFailure(s, request, result.reason, result.userId, result.providerError);
    const tryAgain = `/sign-in?returnTo=${encodeURIComponent(safeReturnTo(result.returnTo))}`;
    const page = problemPage(result.reason, oidc.label, result.providerError);
    if (page.template === 'no-account') {
      return reply.render('account/views/oidc-no-account.njk', { title: page.title, label: oidc.label }, page.status);
    }
    return reply.render('account/views/oidc-problem.njk', { title: page.title, paragraphs: page.paragraphs, tryAgain, providerError: page.code }, page.status);
  });
}

function auditFailure(s: Services, request: FastifyRequest, reason: OidcFailureReason, userId?: string, providerError?: string) {
  return s.audit.record(s.db, {
    actor: null,
    action: 'sign-in',
    outcome: 'failed',
    subjectType: 'user',
    ...(userId ? { subjectId: userId } : {}),
    requestId: request.id,
    details: { method: 'oidc', reason, ...(providerError ? { providerError: tidyCode(providerError) } : {}) },
  });
}

/** Error codes are short ASCII words; anything else from the query string is not shown or kept. */
function tidyCode(code: string): string {
  return /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : 'unrecognised';
}

function problemPage(
  reason: OidcFailureReason,
  label: string,
  providerError: string | undefined,
): { template: 'no-account' | 'problem'; status: number; title: string; paragraphs: string[]; code?: string } {
  switch (reason) {
    case 'no-account':
    case 'email-not-verified':
    case 'linked-to-another-identity':
      return { template: 'no-account', status: 403, title: 'You do not have an account yet', paragraphs: [] };
    case 'disabled':
      return {
        template: 'problem',
        status: 403,
        title: 'Your account has been switched off',
        paragraphs: ['You cannot sign in to this service at the moment. Ask your administrator if you need to use it again.'],
      };
    case 'expired':
      return {
        template: 'problem',
        status: 400,
        title: 'Your sign-in has timed out',
        paragraphs: [
          `You need to finish signing in with ${label} within ${OIDC_LOGIN_MINUTES} minutes, in the same browser you started in.`,
          'Nothing has changed. Start again to sign in.',
        ],
      };
    case 'provider-error':
      if (providerError === 'access_denied') {
        return {
          template: 'problem',
          status: 403,
          title: 'You have not signed in',
          paragraphs: [
            `You did not finish signing in with ${label}. This happens if you chose to cancel, or if your organisation has not allowed you to use this service.`,
            'If you think you should be able to use it, ask your administrator.',
          ],
        };
      }
      return {
        template: 'problem',
        status: 400,
        title: 'Sign-in did not work',
        paragraphs: [`Signing in with ${label} did not work. Try again. If it keeps happening, tell your administrator the error code below.`],
        code: tidyCode(providerError ?? ''),
      };
    case 'invalid-response':
    case 'unavailable':
      return {
        template: 'problem',
        status: 400,
        title: 'Sign-in did not work',
        paragraphs: [
          `We could not check the answer from ${label}, so we have not signed you in. This can happen if you used the back button or an old link.`,
          'Start again to sign in.',
        ],
      };
  }
}
