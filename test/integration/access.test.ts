import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type TestClient, type TestContext } from '../support/context.js';

type TestContextFn = () => TestContext;
import { ALL_ROLES, type Role } from '../../src/platform/access/roles.js';
import type { RouteRule } from '../../src/platform/web/access.plugin.js';

/**
 * A value for each route parameter. Case routes get the records of a child no demo case role
 * is linked to (Leo), so that a refusal is a refusal and not a 404.
 */
function fill(rule: RouteRule, ids: Record<string, string>): string {
  const a = rule.access;
  const id = a.kind === 'child' ? (a.via ? ids[a.via] : ids.child) : '00000000-0000-4000-8000-000000000000';
  return rule.url.replace(/:(\w+)/g, (_, name: string) => (a.kind === 'child' && name === a.param ? id! : '00000000-0000-4000-8000-000000000000'));
}

/** Gives Leo a plan and a review, asked of an adviser outside the demo's people. */
async function leosRecords(s: ReturnType<TestContextFn>['s'], leoId: string): Promise<Record<string, string>> {
  const council = await s.db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirstOrThrow();
  await s.users.create(s.db, { email: 'elsewhere@adviser.example', role: 'health-professional', organisationId: council.id });
  const officer = await s.users.findByEmail(s.db, 'casework-officer@demo.send-hub.example');
  const actor = { userId: officer!.id, organisationId: officer!.organisation_id, role: officer!.role };
  const today = s.today();
  const requestId = await s.ehc.createRequest(s.db, actor, { childId: leoId, receivedOn: '2026-01-05', requestedBy: 'school' }, today);
  await s.ehc.recordEvent(s.db, actor, requestId, { type: 'decision', on: '2026-02-02', outcome: 'assess' }, today);
  await s.ehc.recordEvent(s.db, actor, requestId, { type: 'advice-requested', agency: 'health', askedOn: '2026-02-03', assigneeEmail: 'elsewhere@adviser.example' }, today);
  await s.ehc.recordEvent(s.db, actor, requestId, { type: 'final-issued', on: '2026-05-01' }, today);
  const advice = await s.db.selectFrom('advice_requests').select('id').where('request_id', '=', requestId).executeTakeFirstOrThrow();
  const plan = await s.db.selectFrom('plans').select('id').where('request_id', '=', requestId).executeTakeFirstOrThrow();
  const review = await s.db.selectFrom('annual_reviews').select('id').where('plan_id', '=', plan.id).executeTakeFirstOrThrow();
  const document = await s.db
    .insertInto('documents')
    .values({ child_id: leoId, request_id: requestId, kind: 'letter', title: 'A letter', body: 'Text' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { child: leoId, 'ehc-request': requestId, 'advice-request': advice.id, plan: plan.id, review: review.id, document: document.id };
}

function expectedFor(rule: RouteRule, role: Role | null): 'allow' | 'sign-in' | 'forbid' {
  const a = rule.access;
  if (a.kind === 'public') return 'allow';
  if (role === null) return 'sign-in';
  if (a.kind === 'signed-in') return 'allow';
  if (a.kind === 'roles') return a.roles.includes(role) ? 'allow' : 'forbid';
  return a.areaRoles.includes(role) ? 'allow' : 'forbid';
}

describeApp('access rules', (ctx) => {
  test('every route declares a rule, and every role is refused where its rule says so', async () => {
    const { app, s } = ctx();
    const leo = await s.db.selectFrom('children').select('id').where('given_name', '=', 'Leo').executeTakeFirstOrThrow();
    const ids = await leosRecords(s, leo.id);
    assert.ok(app.routes.length >= 20, `only ${app.routes.length} routes found`);

    const clients = new Map<Role | null, TestClient>([[null, ctx().client()]]);
    for (const role of ALL_ROLES) clients.set(role, await ctx().signedIn(role));

    let refusalsChecked = 0;
    for (const rule of app.routes) {
      const url = fill(rule, ids);
      for (const [role, client] of clients) {
        const expected = expectedFor(rule, role);
        if (expected === 'allow') continue;
        const res = await client.request(rule.method as 'GET', url, rule.method === 'GET' ? {} : { form: {} });
        const who = `${role ?? 'signed out'} ${rule.method} ${rule.url}`;
        if (expected === 'forbid') {
          assert.equal(res.statusCode, 403, `${who}: expected 403, got ${res.statusCode}`);
        } else if (url.startsWith('/api/')) {
          assert.equal(res.statusCode, 401, `${who}: expected 401, got ${res.statusCode}`);
          assert.equal(res.json().error.code, 'unauthorised');
        } else {
          assert.equal(res.statusCode, 303, `${who}: expected a redirect to sign in, got ${res.statusCode}`);
          assert.match(String(res.headers.location), /^\/sign-in\?returnTo=/, who);
        }
        refusalsChecked++;
      }
    }
    assert.ok(refusalsChecked >= 60, `only ${refusalsChecked} refusals checked`);
    const refused = await s.db.selectFrom('audit_log').select(s.db.fn.countAll<number>().as('n')).where('action', '=', 'access.refused').executeTakeFirstOrThrow();
    assert.ok(Number(refused.n) >= 40, 'refusals are audited');
  });

  test('a case role reaches only the children it is linked to', async () => {
    const { s } = ctx();
    const mia = await s.db.selectFrom('children').select('id').where('given_name', '=', 'Mia').executeTakeFirstOrThrow();
    const leo = await s.db.selectFrom('children').select('id').where('given_name', '=', 'Leo').executeTakeFirstOrThrow();
    const cases: [Role, number, number][] = [
      ['family', 200, 403], // Mia's parent
      ['health-professional', 200, 403], // asked for advice about Mia
      ['senco', 200, 403], // Mia's school, through the organisation's link
      ['social-worker', 403, 403], // asked about neither
      ['analyst', 403, 403], // pseudonymised data only: never a named child
      ['casework-officer', 200, 200], // area-wide casework role
    ];
    for (const [role, miaStatus, leoStatus] of cases) {
      const c = await ctx().signedIn(role);
      assert.equal((await c.get(`/children/${mia.id}`)).statusCode, miaStatus, `${role} → Mia`);
      assert.equal((await c.get(`/children/${leo.id}`)).statusCode, leoStatus, `${role} → Leo`);
    }
  });

  test('every view of a child’s record is audited with who, for which organisation, in which role', async () => {
    const { s } = ctx();
    const mia = await s.db.selectFrom('children').select('id').where('given_name', '=', 'Mia').executeTakeFirstOrThrow();
    const c = await ctx().signedIn('family');
    const res = await c.get(`/children/${mia.id}`);
    assert.equal(res.statusCode, 200);
    const entry = await s.db
      .selectFrom('audit_log')
      .selectAll()
      .where('child_id', '=', mia.id)
      .where('action', '=', 'child.viewed')
      .where('actor_role', '=', 'family')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.request_id, res.headers['x-request-id']);
    assert.ok(entry.actor_user_id && entry.actor_organisation_id);
  });

  test('a malformed child id is a 404, not an error', async () => {
    const c = await ctx().signedIn('casework-officer');
    assert.equal((await c.get(`/children/not-a-uuid'%20or%201=1`)).statusCode, 404);
  });
});
