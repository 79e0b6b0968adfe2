import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { demoEmail } from '../../src/demo/platform.seed.js';

describeApp('JSON API', (ctx) => {
  async function tokenFor(role: 'casework-officer' | 'family' | 'analyst') {
    const { s } = ctx();
    const u = await s.users.findByEmail(s.db, demoEmail(role));
    return (await s.apiTokens.create(s.db, u!.id, 'test')).token;
  }

  test('a bearer token acts for its user; only its digest is stored', async () => {
    const token = await tokenFor('casework-officer');
    const res = await ctx().client().get('/api/v1/me', { authorization: `Bearer ${token}` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().email, demoEmail('casework-officer'));
    assert.equal(res.headers['cache-control'], 'no-store');
    const rows = await ctx().s.db.selectFrom('api_tokens').select('token_hash').execute();
    assert.ok(rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)));
  });

  test('a bad, malformed or revoked token gets 401 in the error format', async () => {
    const c = ctx().client();
    for (const header of ['Bearer sph_nope', 'Bearer', 'Basic abc', `Bearer ${'x'.repeat(5000)}`]) {
      const res = await c.get('/api/v1/me', { authorization: header });
      assert.equal(res.statusCode, 401, header.slice(0, 20));
      assert.deepEqual(Object.keys(res.json().error).sort(), ['code', 'message']);
    }
    const token = await tokenFor('family');
    const { s } = ctx();
    const row = await s.db.selectFrom('api_tokens').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    await s.apiTokens.revoke(s.db, row.id);
    assert.equal((await c.get('/api/v1/me', { authorization: `Bearer ${token}` })).statusCode, 401);
  });

  test('no credentials: 401; unknown endpoint: 404; both in the error format', async () => {
    const c = ctx().client();
    const me = await c.get('/api/v1/me');
    assert.equal(me.statusCode, 401);
    assert.equal(me.json().error.code, 'unauthorised');
    const missing = await c.get('/api/v1/nothing-here');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'not_found');
  });

  test('a case role gets 403 for a child it is not linked to; the refusal is audited', async () => {
    const { s } = ctx();
    const leo = await s.db.selectFrom('children').select('id').where('given_name', '=', 'Leo').executeTakeFirstOrThrow();
    const token = await tokenFor('family');
    const res = await ctx().client().get(`/api/v1/children/${leo.id}`, { authorization: `Bearer ${token}` });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'forbidden');
    const mia = await s.db.selectFrom('children').select('id').where('given_name', '=', 'Mia').executeTakeFirstOrThrow();
    const own = await ctx().client().get(`/api/v1/children/${mia.id}`, { authorization: `Bearer ${token}` });
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().givenName, 'Mia');
  });

  test('the session works for the API too, but a state change needs the CSRF header', async () => {
    const c = await ctx().signedIn('casework-officer');
    assert.equal((await c.get('/api/v1/me')).statusCode, 200);
    const child = { givenName: 'Csrf', familyName: 'Check', dateOfBirth: '2015-05-05' };
    const forged = await c.request('POST', '/api/v1/children', { json: child });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json().error.code, 'csrf_failed');
    assert.equal(await ctx().s.db.selectFrom('children').select('id').where('given_name', '=', 'Csrf').executeTakeFirst(), undefined);
    const sent = await c.request('POST', '/api/v1/children', { json: child, headers: { 'x-csrf-token': c.csrf! } });
    assert.equal(sent.statusCode, 201, sent.body);
  });

  test('the OpenAPI document describes the API routes and only them', async () => {
    const res = await ctx().client().get('/api/v1/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/me']);
    assert.ok(doc.paths['/api/v1/children/{childId}']);
    assert.ok(Object.keys(doc.paths).every((p: string) => p.startsWith('/api/v1/')));
    assert.ok(doc.components.securitySchemes.bearer);
  });
});
