import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config.js';
import { services, type Services } from '../../src/services.js';
import { createApp, type App } from '../../src/app.js';
import { demoEmail, ensureCouncil, seedPlatformDemo } from '../../src/demo/platform.seed.js';
import { isLoopbackHttp, oidcService, OidcUnavailableError } from '../../src/platform/auth/oidc.service.js';
import { freshDatabase, testDialects } from '../support/database.js';
import { describeApp } from '../support/context.js';
import { closeServer, listenOnLoopback, LOGIN_AS_HEADER, startLoopbackOidc, type LoopbackOidc } from '../support/loopback-oidc.js';
import { cookieAttributes, HttpBrowser, type Page } from '../support/http-browser.js';

const CALLBACK = '/sign-in/oidc/callback';

/**
 * The whole authorization code flow against a real OpenID Connect provider (oidc-provider) on
 * loopback: the app listens on a real port as http://localhost:<port>, the provider on
 * http://127.0.0.1:<port>, and a cookie-keeping client follows the redirects between them.
 */
for (const dialect of testDialects()) {
  describe(`sign-in with OpenID Connect [${dialect}]`, () => {
    let app: App | undefined;
    let s: Services;
    let idp: LoopbackOidc | undefined;
    let base: string;
    let closeApp: () => Promise<void> = async () => {};
    let drop: () => Promise<void> = async () => {};

    before(async () => {
      const listener = await listenOnLoopback();
      closeApp = () => closeServer(listener.server);
      base = `http://localhost:${new URL(listener.url).port}`;
      idp = await startLoopbackOidc({
        redirectUri: `${base}${CALLBACK}`,
        accounts: {
          'hp-1': { email: demoEmail('health-professional').toUpperCase(), email_verified: true, name: 'Dr Test' },
          'stranger-1': { email: 'nobody@example.org', email_verified: true },
          'unverified-1': { email: demoEmail('analyst'), email_verified: false },
          'userinfo-1': { email: demoEmail('casework-officer'), email_verified: true, emailOnlyAtUserInfo: true },
          'disabled-1': { email: demoEmail('forum-member'), email_verified: true },
          'sneaky-1': { email: demoEmail('health-professional'), email_verified: true },
        },
      });
      const fresh = await freshDatabase(dialect);
      drop = fresh.drop;
      const config = loadConfig(
        {
          LOG_LEVEL: 'silent',
          BASE_URL: base,
          OIDC_ISSUER: idp.issuer,
          OIDC_CLIENT_ID: idp.clientId,
          OIDC_CLIENT_SECRET: idp.clientSecret,
          OIDC_LABEL: 'your council account',
        },
        process.cwd(),
      );
      await ensureCouncil(fresh.database.db, config.area);
      await seedPlatformDemo(fresh.database.db, config.area);
      s = services(config, fresh.database);
      app = await createApp(s, { logger: false });
      const server = app.server;
      listener.handle((req, res) => server.routing(req, res));
    });

    after(async () => {
      await closeApp();
      await app?.server.close();
      await idp?.close();
      await drop();
    });

    /** A browser that will sign in at the provider as `loginAs` ('deny' refuses). */
    const browser = (loginAs: string) =>
      new HttpBrowser((url): Record<string, string> => (url.origin === idp!.issuer ? { [LOGIN_AS_HEADER]: loginAs } : {}));

    /** Opens the sign-in page and presses "Sign in with …": the app's answer to that POST. */
    async function pressOidcButton(b: HttpBrowser, returnTo = '/home'): Promise<Page> {
      const page = await b.request(`${base}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /action="\/sign-in\/oidc"/);
      assert.match(page.body, /Sign in with your council account/);
      // Browsers apply form-action to the redirect after the POST: the provider must be allowed.
      assert.match(page.headers.get('content-security-policy') ?? '', new RegExp(`form-action 'self' ${idp!.issuer}(;| )`));
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      return b.request(`${base}/sign-in/oidc`, { method: 'POST', form: { _csrf: csrf, returnTo } });
    }

    /** Presses the button and follows every redirect: through the provider, back to the callback, and on. */
    async function signIn(loginAs: string, returnTo = '/home') {
      const b = browser(loginAs);
      const { hops, last } = await b.follow(await pressOidcButton(b, returnTo));
      const callback = hops.find((h) => h.url.pathname === CALLBACK);
      return { b, hops, last, callback };
    }

    const failures = () =>
      s.db.selectFrom('audit_log').selectAll().where('action', '=', 'sign-in').where('outcome', '=', 'failed').orderBy('id', 'desc').execute();
    const user = (role: Parameters<typeof demoEmail>[0]) => s.users.findByEmail(s.db, demoEmail(role));

    test('the button sends the browser to the provider with state, nonce and PKCE, and keeps them on the server', async () => {
      const b = browser('hp-1');
      const res = await pressOidcButton(b);
      assert.equal(res.status, 303);
      assert.equal(res.location!.origin, idp!.issuer);
      const params = res.location!.searchParams;
      assert.equal(params.get('client_id'), idp!.clientId);
      assert.equal(params.get('redirect_uri'), `${base}${CALLBACK}`);
      assert.equal(params.get('response_type'), 'code');
      assert.equal(params.get('code_challenge_method'), 'S256');
      assert.ok(params.get('state') && params.get('nonce') && params.get('code_challenge'));
      const cookie = cookieAttributes(res.setCookies, 'send-hub-oidc');
      assert.ok(cookie, 'sets the send-hub-oidc cookie');
      assert.equal(cookie['max-age'], '600');
      assert.equal(cookie.samesite, 'Lax');
      assert.ok('httponly' in cookie);
      assert.equal(cookie.path, '/sign-in/oidc');
      const row = await s.db.selectFrom('oidc_logins').selectAll().where('state', '=', params.get('state')!).executeTakeFirstOrThrow();
      assert.equal(row.nonce, params.get('nonce'));
      assert.notEqual(row.id, b.cookies(new URL(base).host).get('send-hub-oidc'), 'only the digest of the cookie is stored');
      assert.equal(row.return_to, '/home');
    });

    test('a known user with a verified email signs in, reaches their home page, and is linked by subject', async () => {
      const { b, callback, last } = await signIn('hp-1', '/home');
      assert.equal(callback?.status, 303, callback?.body);
      assert.equal(callback.location!.pathname, '/home');
      assert.ok(cookieAttributes(callback.setCookies, 'send-hub-session'), 'a session cookie is set');
      assert.ok(b.cookies(new URL(base).host).has('send-hub-session'));
      assert.equal(b.cookies(new URL(base).host).has('send-hub-oidc'), false, 'the sign-in cookie is cleared');
      assert.equal(last.url.pathname, '/home');
      assert.equal(last.status, 200);
      assert.match(last.body, /Hello, /);
      assert.match(last.body, /Health professional/);
      const back = await b.request(callback.url);
      assert.equal(back.status, 303, 'the back button after signing in leads home, not to an error');
      assert.equal(back.location!.pathname, '/home');

      const linked = await user('health-professional');
      assert.equal(linked?.oidc_issuer, idp!.issuer);
      assert.equal(linked?.oidc_subject, 'hp-1');
      const session = await s.db.selectFrom('sessions').select('id').where('user_id', '=', linked!.id).execute();
      assert.ok(session.length >= 1, 'the session is stored in the database');
      const audit = await s.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'sign-in')
        .where('outcome', '=', 'succeeded')
        .where('subject_id', '=', linked!.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(audit.details, { method: 'oidc' });
      const spent = await s.db.selectFrom('oidc_logins').select('id').where('state', '=', callback.url.searchParams.get('state')!).execute();
      assert.equal(spent.length, 0, 'the finished sign-in is spent');
    });

    test('a second sign-in matches by subject, even when the provider now gives another email', async () => {
      idp!.accounts.set('hp-1', { email: 'changed@elsewhere.example', email_verified: false });
      try {
        const { callback, last } = await signIn('hp-1', '/home?from=oidc');
        assert.equal(callback?.status, 303, callback?.body);
        assert.equal(callback.location!.pathname + callback.location!.search, '/home?from=oidc');
        assert.equal(last.status, 200);
        assert.match(last.body, /Health professional/);
        const u = await user('health-professional');
        assert.equal(u?.email, demoEmail('health-professional'), 'the email in the service is not changed by the provider');
      } finally {
        idp!.accounts.set('hp-1', { email: demoEmail('health-professional'), email_verified: true });
      }
    });

    test('another identity with the same verified email cannot take over an account already linked', async () => {
      const before = (await failures()).length;
      const { callback, b } = await signIn('sneaky-1');
      assert.equal(callback?.status, 403);
      assert.match(callback.body, /You do not have an account yet/);
      assert.equal(b.cookies(new URL(base).host).has('send-hub-session'), false);
      const [entry] = await failures();
      assert.equal((await failures()).length, before + 1);
      assert.deepEqual(entry!.details, { method: 'oidc', reason: 'linked-to-another-identity' });
      assert.equal((await user('health-professional'))?.oidc_subject, 'hp-1');
    });

    test('an unknown email is refused with the no-account page, and the refusal is audited', async () => {
      const { callback, b, last } = await signIn('stranger-1');
      assert.equal(callback?.status, 403);
      assert.equal(last, callback, 'no further redirect');
      assert.match(callback.body, /<h1 class="govuk-heading-l">You do not have an account yet<\/h1>/);
      assert.match(callback.body, /Ask your administrator to add you\./);
      assert.equal(b.cookies(new URL(base).host).has('send-hub-session'), false);
      const [entry] = await failures();
      assert.equal(entry!.subject_id, null);
      assert.deepEqual(entry!.details, { method: 'oidc', reason: 'no-account' });
      const home = await b.request(`${base}/home`);
      assert.equal(home.status, 303, 'still signed out');
    });

    test('an email the provider has not verified does not match or link an account', async () => {
      const { callback } = await signIn('unverified-1');
      assert.equal(callback?.status, 403);
      assert.match(callback.body, /You do not have an account yet/);
      const analyst = await user('analyst');
      assert.equal(analyst?.oidc_subject, null);
      const [entry] = await failures();
      assert.equal(entry!.subject_id, analyst!.id);
      assert.deepEqual(entry!.details, { method: 'oidc', reason: 'email-not-verified' });
    });

    test('an email given only at the UserInfo endpoint is used to link on first sign-in', async () => {
      const { callback, last } = await signIn('userinfo-1');
      assert.equal(callback?.status, 303, callback?.body);
      assert.equal(last.status, 200);
      assert.match(last.body, /SEND casework officer/);
      assert.equal((await user('casework-officer'))?.oidc_subject, 'userinfo-1');
    });

    test('a disabled user is refused', async () => {
      await s.db.updateTable('users').set({ disabled: true }).where('email', '=', demoEmail('forum-member')).execute();
      const { callback, b } = await signIn('disabled-1');
      assert.equal(callback?.status, 403);
      assert.match(callback.body, /Your account has been switched off/);
      assert.equal(b.cookies(new URL(base).host).has('send-hub-session'), false);
      const [entry] = await failures();
      assert.deepEqual(entry!.details, { method: 'oidc', reason: 'disabled' });
      assert.equal((await user('forum-member'))?.oidc_subject, null, 'not linked either');
    });

    test('a tampered state is refused, and the sign-in cannot then be replayed', async () => {
      const b = browser('hp-1');
      const { stoppedAt } = await b.follow(await pressOidcButton(b), (next) => next.pathname === CALLBACK);
      assert.ok(stoppedAt, 'the provider redirected back');
      assert.ok(stoppedAt.searchParams.get('code'), 'the provider sent a code');
      assert.equal(stoppedAt.searchParams.get('iss'), idp!.issuer, 'and said who it is (RFC 9207)');
      const tampered = new URL(stoppedAt);
      tampered.searchParams.set('state', `${stoppedAt.searchParams.get('state')}x`);
      const res = await b.request(tampered);
      assert.equal(res.status, 400);
      assert.match(res.body, /Sign-in did not work/);
      assert.match(res.body, /we have not signed you in/);
      assert.equal(b.cookies(new URL(base).host).has('send-hub-session'), false);
      assert.deepEqual((await failures())[0]!.details, { method: 'oidc', reason: 'invalid-response' });

      const replay = await b.request(stoppedAt);
      assert.equal(replay.status, 400);
      assert.match(replay.body, /Your sign-in has timed out/);
      assert.equal(b.cookies(new URL(base).host).has('send-hub-session'), false);
    });

    test('a callback in a browser that did not start the sign-in is refused', async () => {
      const starter = browser('hp-1');
      const { stoppedAt } = await starter.follow(await pressOidcButton(starter), (next) => next.pathname === CALLBACK);
      const other = browser('hp-1');
      const res = await other.request(stoppedAt!);
      assert.equal(res.status, 400);
      assert.match(res.body, /Your sign-in has timed out/);
      assert.equal(other.cookies(new URL(base).host).has('send-hub-session'), false);
    });

    test('a sign-in older than 10 minutes has expired', async () => {
      const b = browser('hp-1');
      const { stoppedAt } = await b.follow(await pressOidcButton(b), (next) => next.pathname === CALLBACK);
      await s.db
        .updateTable('oidc_logins')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('state', '=', stoppedAt!.searchParams.get('state')!)
        .execute();
      const res = await b.request(stoppedAt!);
      assert.equal(res.status, 400);
      assert.match(res.body, /Your sign-in has timed out/);
      assert.match(res.body, /href="\/sign-in\?returnTo=%2Fhome"/);
    });

    test('the CSRF token is required to start a sign-in', async () => {
      const b = browser('hp-1');
      await b.request(`${base}/sign-in`);
      const count = async () => (await s.db.selectFrom('oidc_logins').select('id').execute()).length;
      const rows = await count();
      const res = await b.request(`${base}/sign-in/oidc`, { method: 'POST', form: { returnTo: '/home' } });
      assert.equal(res.status, 403);
      assert.equal(res.location, undefined);
      assert.equal(cookieAttributes(res.setCookies, 'send-hub-oidc'), undefined);
      assert.equal(await count(), rows);
      const forged = await b.request(`${base}/sign-in/oidc`, { method: 'POST', form: { _csrf: 'forged', returnTo: '/home' } });
      assert.equal(forged.status, 403);
    });

    test('when the person cancels at the provider (access_denied) they see a clear page, not an error', async () => {
      const { callback, b } = await signIn('deny');
      assert.ok(callback, 'the provider redirected back');
      assert.equal(callback.url.searchParams.get('error'), 'access_denied');
      assert.equal(callback.status, 403);
      assert.match(callback.body, /You have not signed in/);
      assert.match(callback.body, /You did not finish signing in with your council account/);
      assert.doesNotMatch(callback.body, /problem with the service/);
      assert.equal(b.cookies(new URL(base).host).has('send-hub-session'), false);
      assert.deepEqual((await failures())[0]!.details, { method: 'oidc', reason: 'provider-error', providerError: 'access_denied' });

      const bare = await browser('x').request(`${base}${CALLBACK}?error=access_denied`);
      assert.equal(bare.status, 403);
      assert.match(bare.body, /You have not signed in/);
    });

    test('returnTo is kept only when it is a path on this site', async () => {
      const { callback } = await signIn('hp-1', 'https://evil.example/steal');
      assert.equal(callback?.status, 303);
      assert.equal(callback.location!.href, `${base}/home`);
    });
  });
}

describeApp(
  'sign-in with OpenID Connect when the provider is down',
  (ctx) => {
    test('the service starts, and the button leads to a clear page rather than an error', async () => {
      const c = ctx().client();
      const page = await c.get('/sign-in');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Sign in with your council account/);
      const res = await c.post('/sign-in/oidc', { returnTo: '/home' });
      assert.equal(res.statusCode, 503);
      assert.match(res.body, /You cannot sign in with your council account at the moment/);
      assert.match(res.body, /sign in with your email address and password instead/);
      assert.doesNotMatch(String(res.headers['set-cookie'] ?? ''), /send-hub-oidc/);
      const audit = await ctx().s.db.selectFrom('audit_log').selectAll().where('action', '=', 'sign-in').executeTakeFirstOrThrow();
      assert.deepEqual(audit.details, { method: 'oidc', reason: 'unavailable' });
    });
  },
  // Port 1 on loopback: nothing listens, so the connection is refused at once.
  { env: { OIDC_ISSUER: 'http://127.0.0.1:1', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y', OIDC_LABEL: 'your council account' } },
);

describeApp('sign-in with OpenID Connect when it is not configured', (ctx) => {
  test('the sign-in page has no button and the routes are not found', async () => {
    const c = ctx().client();
    const page = await c.get('/sign-in');
    assert.doesNotMatch(page.body, /sign-in\/oidc/);
    assert.match(String(page.headers['content-security-policy']), /form-action 'self';/);
    assert.equal((await c.post('/sign-in/oidc', { returnTo: '/home' })).statusCode, 404);
    assert.equal((await c.get(`${CALLBACK}?code=x&state=y`)).statusCode, 404);
  });
});

describe('OpenID Connect issuer rules', () => {
  test('plain http is allowed only on loopback', () => {
    assert.equal(isLoopbackHttp(new URL('http://127.0.0.1:8080')), true);
    assert.equal(isLoopbackHttp(new URL('http://localhost:8080/realms/x')), true);
    assert.equal(isLoopbackHttp(new URL('http://[::1]:8080')), true);
    assert.equal(isLoopbackHttp(new URL('http://idp.example.org')), false);
    assert.equal(isLoopbackHttp(new URL('http://127.0.0.1.example.org')), false);
    assert.equal(isLoopbackHttp(new URL('https://127.0.0.1')), false);
  });

  test('an http issuer elsewhere is refused before any request is made', async () => {
    const oidc = oidcService({ issuer: 'http://idp.example.org', clientId: 'a', clientSecret: 'b', label: 'x' }, 'https://hub.example');
    await assert.rejects(oidc.discover(), (e: unknown) => e instanceof OidcUnavailableError && /must use https/.test(e.message));
  });
});
