import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { demoEmail, DEMO_PASSWORD } from '../../src/demo/platform.seed.js';

describeApp('sign-in with email and password', (ctx) => {
  test('a demo user signs in, reaches their home page, and the sign-in is audited', async () => {
    const c = ctx().client();
    const res = await c.signIn(demoEmail('casework-officer'), DEMO_PASSWORD);
    assert.equal(res.headers.location, '/home');
    const home = await c.get('/home');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Hello, Priya Shah/);
    assert.equal(home.headers['cache-control'], 'no-store');
    const audit = await ctx().s.db.selectFrom('audit_log').selectAll().where('action', '=', 'sign-in').where('outcome', '=', 'succeeded').execute();
    assert.ok(audit.length >= 1);
  });

  test('a wrong password re-shows the form with the GOV.UK error pattern', async () => {
    const c = ctx().client();
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: demoEmail('analyst'), password: 'wrong password!' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Error: Sign in/);
    assert.match(res.body, /govuk-error-summary/);
    assert.match(res.body, /href="#email">Enter a correct email address and password/);
    assert.match(res.body, /value="analyst@demo.send-hub.example"/);
    assert.equal(c.cookies.has('send-hub-session'), false);
  });

  test('empty fields are named in the error summary', async () => {
    const c = ctx().client();
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: '', password: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#email">Enter your email address/);
    assert.match(res.body, /href="#password">Enter your password/);
  });

  test('five wrong passwords lock the account, even against the right password', async () => {
    const c = ctx().client();
    await c.get('/sign-in');
    for (let i = 0; i < 5; i++) await c.post('/sign-in', { email: demoEmail('forum-member'), password: `wrong-${i}-password` });
    const res = await c.post('/sign-in', { email: demoEmail('forum-member'), password: DEMO_PASSWORD });
    assert.equal(res.statusCode, 429);
    assert.match(res.body, /Your account is locked/);
    const user = await ctx().s.users.findByEmail(ctx().s.db, demoEmail('forum-member'));
    assert.ok(user?.locked_until && new Date(user.locked_until) > new Date());
  });

  test('a form posted without its CSRF token is refused and signs nobody in', async () => {
    const c = ctx().client();
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: demoEmail('administrator'), password: DEMO_PASSWORD }, { withCsrf: false });
    assert.equal(res.statusCode, 403);
    assert.equal(c.cookies.has('send-hub-session'), false);
  });

  test('returnTo only ever leads to a page on this site', async () => {
    const c = ctx().client();
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: demoEmail('senco'), password: DEMO_PASSWORD, returnTo: '//evil.example/' });
    assert.equal(res.headers.location, '/home');
  });

  test('sign out ends the session; sign out everywhere ends them all', async () => {
    const a = await ctx().signedIn('social-worker');
    const b = await ctx().signedIn('social-worker');
    const out = await a.post('/sign-out');
    assert.equal(out.statusCode, 303);
    assert.equal((await a.get('/home')).statusCode, 303);
    assert.equal((await b.get('/home')).statusCode, 200);
    const c = await ctx().signedIn('social-worker');
    await c.get('/home');
    await c.post('/sign-out-everywhere');
    assert.equal((await b.get('/home')).statusCode, 303);
  });

  test('a session ends after the idle timeout', async () => {
    const c = await ctx().signedIn('educational-psychologist');
    await ctx().s.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).execute();
    const res = await c.get('/home');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/sign-in/);
  });

  test('a session ends at the absolute timeout however busy it is', async () => {
    const c = await ctx().signedIn('ap-provider');
    await ctx().s.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    assert.equal((await c.get('/home')).statusCode, 303);
  });

  test('the session cookie is HttpOnly and SameSite', async () => {
    const c = ctx().client();
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: demoEmail('analyst'), password: DEMO_PASSWORD });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((h) => h.startsWith('send-hub-session='));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
  });
});
