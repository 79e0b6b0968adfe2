import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { demoEmail, DEMO_PASSWORD } from '../../src/demo/platform.seed.js';

const PAYLOADS = [
  `'; drop table users; --`,
  `" or 1=1 --`,
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{ 7*7 }}',
  '\u0000\uFFFF',
];

describeApp('security headers and bad input', (ctx) => {
  test('pages carry a CSP with a fresh nonce, HSTS, frame denial and a request id', async () => {
    const c = ctx().client();
    const a = await c.get('/sign-in');
    const b = await c.get('/sign-in');
    const csp = String(a.headers['content-security-policy']);
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.notEqual(csp, b.headers['content-security-policy'], 'the nonce changes per request');
    const nonce = /nonce-([^']+)/.exec(csp)![1]!;
    assert.ok(a.body.includes(`nonce="${nonce}"`), 'the inline script carries the nonce');
    assert.match(String(a.headers['strict-transport-security']), /max-age=31536000/);
    assert.equal(a.headers['x-frame-options'], 'DENY');
    assert.ok(a.headers['x-request-id']);
  });

  test('script and SQL payloads in every sign-in and reset field are escaped and change nothing', async () => {
    const { s } = ctx();
    const before = await s.db.selectFrom('users').select(s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const c = ctx().client();
    await c.get('/sign-in');
    for (const p of PAYLOADS) {
      const res = await c.post('/sign-in', { email: p, password: p, returnTo: p });
      assert.equal(res.statusCode, 400);
      assert.ok(!res.body.includes('<script>alert(1)</script>'), 'never echoed unescaped');
      assert.ok(!res.body.includes('<img src=x'), 'never echoed unescaped');
      const reset = await c.post('/password-reset', { email: p });
      assert.equal(reset.statusCode, 400);
    }
    const after = await s.db.selectFrom('users').select(s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('script and SQL payloads in the administrator’s forms are refused or escaped, and change nothing', async () => {
    const { s } = ctx();
    const admin = await ctx().signedIn('administrator');
    await admin.get('/admin/users');
    const before = await s.db.selectFrom('users').select(s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const p of PAYLOADS) {
      const res = await admin.post('/admin/users', { name: p, email: p, role: p, organisation: p });
      assert.equal(res.statusCode, 400);
      assert.ok(!res.body.includes('<script>alert(1)</script>') && !res.body.includes('<img src=x'));
      const search = await admin.get(`/admin/audit?actor=${encodeURIComponent(p)}&action=${encodeURIComponent(p)}&child=${encodeURIComponent(p)}`);
      assert.equal(search.statusCode, 400);
      assert.ok(!search.body.includes('<script>alert(1)</script>'));
    }
    // A script payload as a name, with everything else right, is stored as text and shown escaped.
    const council = await s.db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirstOrThrow();
    const ok = await admin.post('/admin/users', { name: '<script>alert(1)</script>', email: 'xss@council.example', role: 'analyst', organisation: council.id });
    assert.equal(ok.statusCode, 303);
    const list = await admin.get('/admin/users');
    assert.ok(list.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!list.body.includes('<script>alert(1)</script>'));
    const after = await s.db.selectFrom('users').select(s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n) + 1);
  });

  test('a field sent twice, or far too long, is an error on that field', async () => {
    const c = ctx().client();
    await c.get('/sign-in');
    const twice = await c.post('/sign-in', { email: [demoEmail('analyst'), 'x@y.z'], password: DEMO_PASSWORD });
    assert.equal(twice.statusCode, 400);
    assert.match(twice.body, /Email address must be sent once/);
    const long = await c.post('/sign-in', { email: `${'a'.repeat(600)}@x.org`, password: DEMO_PASSWORD });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /Email address must be 500 characters or fewer/);
  });

  test('an oversized body is refused with 413 and a clear page', async () => {
    const c = ctx().client();
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: 'a@b.cd', password: 'x'.repeat(300 * 1024) });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /too large/);
  });

  test('a body that cannot be parsed is a 400 or 415, never a 500', async () => {
    const c = await ctx().signedIn('administrator');
    const bad = await c.request('POST', '/admin/users', { body: '{not json', headers: { 'content-type': 'application/json', 'x-csrf-token': c.csrf! } });
    assert.equal(bad.statusCode, 400);
    const odd = await c.request('POST', '/admin/users', { body: '<x/>', headers: { 'content-type': 'application/xml', 'x-csrf-token': c.csrf! } });
    assert.equal(odd.statusCode, 415);
    const text = await c.request('POST', '/admin/users', { body: 'x', headers: { 'content-type': 'text/plain', 'x-csrf-token': c.csrf! } });
    assert.equal(text.statusCode, 400, 'a plain-text body is read as an empty form, and its errors shown');
  });

  test('a signed-out visitor to a protected page is sent to sign in and brought back', async () => {
    const c = ctx().client();
    const res = await c.get('/admin/audit?action=sign');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sign-in?returnTo=%2Fadmin%2Faudit%3Faction%3Dsign');
    await c.get(String(res.headers.location));
    const signIn = await c.post('/sign-in', { email: demoEmail('administrator'), password: DEMO_PASSWORD, returnTo: '/admin/audit?action=sign' });
    assert.equal(signIn.headers.location, '/admin/audit?action=sign');
  });

  test('/health reports the database', async () => {
    const res = await ctx().client().get('/health');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: 'ok' });
  });

  test('an unknown page is a GOV.UK 404 page', async () => {
    const res = await ctx().client().get('/no/such/page');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Page not found/);
  });
});
