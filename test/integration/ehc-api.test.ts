import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { makeNhsNumber, makeUpn } from '../../src/platform/identifiers/identifiers.js';
import type { Role } from '../../src/platform/access/roles.js';

describeApp('the EHC pathway through the API', (ctx) => {
  const tokens = new Map<Role, string>();
  async function api(role: Role, method: 'GET' | 'POST', url: string, json?: unknown) {
    if (!tokens.has(role)) {
      const { s } = ctx();
      const u = await s.users.findByEmail(s.db, demoEmail(role));
      tokens.set(role, (await s.apiTokens.create(s.db, u!.id, 'test')).token);
    }
    return ctx().client().request(method, url, { headers: { authorization: `Bearer ${tokens.get(role)}` }, ...(json === undefined ? {} : { json }) });
  }

  let childId = '';
  let requestId = '';

  test('a caseworker adds a child; identifiers are checked', async () => {
    const bad = await api('casework-officer', 'POST', '/api/v1/children', { givenName: 'Ava', familyName: 'Nixon', dateOfBirth: '2015-03-02', upn: 'A201001234567' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'upn');
    assert.match(bad.json().error.message, /wrong check letter/);
    const badNhs = await api('casework-officer', 'POST', '/api/v1/children', { givenName: 'Ava', familyName: 'Nixon', dateOfBirth: '2015-03-02', nhsNumber: '9434765918' });
    assert.match(badNhs.json().error.message, /NHS number/);
    const badDate = await api('casework-officer', 'POST', '/api/v1/children', { givenName: 'Ava', familyName: 'Nixon', dateOfBirth: '2015-02-30' });
    assert.equal(badDate.statusCode, 400);
    const ok = await api('casework-officer', 'POST', '/api/v1/children', {
      givenName: 'Ava', familyName: 'Nixon', dateOfBirth: '2015-03-02', upn: makeUpn('201001234567'), nhsNumber: makeNhsNumber('943476591'), postcode: 'ca28 7qs',
    });
    assert.equal(ok.statusCode, 201, ok.body);
    childId = ok.json().id;
  });

  test('only casework roles add children or requests', async () => {
    for (const role of ['family', 'health-professional', 'analyst', 'administrator'] as Role[]) {
      assert.equal((await api(role, 'POST', '/api/v1/children', { givenName: 'X', familyName: 'Y', dateOfBirth: '2015-01-01' })).statusCode, 403, role);
      assert.equal((await api(role, 'POST', '/api/v1/ehc/requests', { childId, receivedOn: '2026-06-01', requestedBy: 'parent' })).statusCode, 403, role);
    }
  });

  test('a request starts the clock: decision, not-issue and final-plan deadlines', async () => {
    const res = await api('casework-officer', 'POST', '/api/v1/ehc/requests', { childId, receivedOn: '2026-06-06', requestedBy: 'parent' });
    assert.equal(res.statusCode, 201, res.body);
    const c = res.json();
    requestId = c.id;
    // 2026-06-06 is a Saturday: day 0 all the same. +6 weeks, +16 weeks, +20 weeks.
    assert.deepEqual([c.deadlines.decision, c.deadlines.notIssueBy, c.deadlines.finalPlan], ['2026-07-18', '2026-09-26', '2026-10-24']);
    assert.equal(c.timeliness.finalWithin20Weeks, null);
    assert.equal(c.stage, 'requested');
    const again = await api('casework-officer', 'POST', '/api/v1/ehc/requests', { childId, receivedOn: '2026-06-07', requestedBy: 'school' });
    assert.equal(again.statusCode, 400);
    assert.match(again.json().error.message, /already has a request for assessment in progress/);
  });

  test('bad events are refused with the field named, and change nothing', async () => {
    const url = `/api/v1/ehc/requests/${requestId}/events`;
    const cases: [unknown, RegExp][] = [
      [{ type: 'decision', on: '2026-05-01', outcome: 'assess' }, /on or after the request was received/],
      [{ type: 'decision', on: '2099-01-01', outcome: 'assess' }, /today or in the past/],
      [{ type: 'decision', on: '2026-06-20', outcome: 'not-assess' }, /reasons/],
      [{ type: 'advice-requested', agency: 'health', askedOn: '2026-06-20', assigneeEmail: demoEmail('health-professional') }, /once the council has decided to assess/],
      [{ type: 'final-issued', on: '2026-06-20' }, /follows a decision to assess/],
      [{ type: 'decision', on: 'yesterday', outcome: 'assess' }, /date/],
      [{ type: 'launch', on: '2026-06-20' }, /./],
      [{ type: 'decision', on: '2026-06-20', outcome: 'assess', extra: 1 }, /./],
    ];
    for (const [body, message] of cases) {
      const res = await api('casework-officer', 'POST', url, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.match(res.json().error.message, message, JSON.stringify(body));
    }
    const c = (await api('casework-officer', 'GET', `/api/v1/ehc/requests/${requestId}`)).json();
    assert.equal(c.decision, null);
    assert.equal(c.events.length, 1);
  });

  test('the whole pathway: decision, advice from health and a nil return from social care, draft, comments, final', async () => {
    const url = `/api/v1/ehc/requests/${requestId}/events`;
    const post = async (role: Role, body: unknown) => {
      const res = await api(role, 'POST', url, body);
      assert.equal(res.statusCode, 201, `${JSON.stringify(body)} → ${res.body}`);
      return res.json();
    };
    await post('casework-officer', { type: 'decision', on: '2026-07-10', outcome: 'assess' });
    const { s } = ctx();
    const council = await s.db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirstOrThrow();
    const sw = await s.users.findByEmail(s.db, demoEmail('social-worker'));
    const team = await s.db.insertInto('teams').values({ organisation_id: council.id, name: 'Children with Disabilities Team', agency: 'social-care', locality: 'Allerdale' }).returning('id').executeTakeFirstOrThrow();
    await s.db.insertInto('team_members').values({ team_id: team.id, user_id: sw!.id }).execute();

    let c = await post('casework-officer', { type: 'advice-requested', agency: 'health', askedOn: '2026-07-13', assigneeEmail: demoEmail('health-professional') });
    c = await post('casework-officer', { type: 'advice-requested', agency: 'social-care', askedOn: '2026-07-13', teamId: team.id });
    assert.equal(c.stage, 'assessing');
    const health = c.deadlines.advice.find((a: { agency: string }) => a.agency === 'health');
    assert.equal(health.dueOn, '2026-08-24');

    // The health professional now reaches this child, and answers their own request only.
    const seen = await api('health-professional', 'GET', `/api/v1/ehc/requests/${requestId}`);
    assert.equal(seen.statusCode, 200);
    const social = c.deadlines.advice.find((a: { agency: string }) => a.agency === 'social-care');
    const wrong = await api('health-professional', 'POST', url, { type: 'advice-received', adviceRequestId: social.id, receivedOn: '2026-08-01', nilReturn: true });
    assert.equal(wrong.statusCode, 403);
    const silent = await api('health-professional', 'POST', url, { type: 'advice-received', adviceRequestId: health.id, receivedOn: '2026-08-01', nilReturn: false });
    assert.equal(silent.statusCode, 400);
    assert.match(silent.json().error.message, /Write the advice, or say that you found no needs/);
    await post('health-professional', { type: 'advice-received', adviceRequestId: health.id, receivedOn: '2026-08-20', nilReturn: false, advice: { C: 'Mild hearing loss, left ear.', G: 'Audiology review every 6 months.' } });
    // The social worker answers through the team's link: no needs in their area, late.
    c = await post('social-worker', { type: 'advice-received', adviceRequestId: social.id, receivedOn: '2026-08-28', nilReturn: true });
    assert.equal(c.stage, 'drafting');
    const states = Object.fromEntries(c.deadlines.advice.map((a: { agency: string; state: string }) => [a.agency, a.state]));
    assert.deepEqual(states, { health: 'met', 'social-care': 'met-late' });

    c = await post('casework-officer', { type: 'draft-issued', on: '2026-09-01' });
    assert.equal(c.deadlines.draftComments, '2026-09-16');
    c = await post('casework-officer', { type: 'comments-received', on: '2026-09-10', comments: 'Please name the audiology clinic.', preferredSetting: 'Fellside Primary School' });
    c = await post('casework-officer', { type: 'final-issued', on: '2026-10-20' });
    assert.equal(c.stage, 'final-issued');
    assert.deepEqual(c.timeliness, { finalWithin20Weeks: true, exceptionApplies: false });
    const final = c.steps.find((st: { step: string }) => st.step === 'final-plan');
    assert.equal(final.state, 'met');

    // The plan was assembled from the advice, and the first review is scheduled.
    const versions = await s.db.selectFrom('plan_versions').innerJoin('plans', 'plans.id', 'plan_versions.plan_id').select(['kind', 'sections']).where('plans.request_id', '=', requestId).orderBy('version').execute();
    assert.deepEqual(versions.map((v) => v.kind), ['draft', 'final']);
    assert.match(versions[1]!.sections.C!, /Mild hearing loss/);
    assert.match(versions[1]!.sections.K!, /Social care advice, received 28 August 2026: no needs identified/);
    const review = await s.db.selectFrom('annual_reviews').select('due_by').where('child_id', '=', childId).executeTakeFirstOrThrow();
    assert.equal(review.due_by, '2027-10-20');
  });

  test('a case role outside the case gets 403; every view is audited', async () => {
    assert.equal((await api('educational-psychologist', 'GET', `/api/v1/ehc/requests/${requestId}`)).statusCode, 403);
    assert.equal((await api('analyst', 'GET', `/api/v1/ehc/requests/${requestId}`)).statusCode, 403);
    const { s } = ctx();
    const views = await s.db.selectFrom('audit_log').select('actor_role').where('action', '=', 'ehc.request.viewed').where('child_id', '=', childId).execute();
    assert.ok(views.some((v) => v.actor_role === 'health-professional'));
  });

  test('a decision not to assess writes the letter with the rights to mediation and appeal', async () => {
    const child = (await api('casework-officer', 'POST', '/api/v1/children', { givenName: 'Noah', familyName: 'Graves', dateOfBirth: '2016-09-09' })).json();
    const req = (await api('casework-officer', 'POST', '/api/v1/ehc/requests', { childId: child.id, receivedOn: '2026-09-01', requestedBy: 'school' })).json();
    const res = await api('casework-officer', 'POST', `/api/v1/ehc/requests/${req.id}/events`, { type: 'decision', on: '2026-10-20', outcome: 'not-assess', reasons: 'Needs are being met through SEN Support.' });
    assert.equal(res.statusCode, 201);
    const c = res.json();
    assert.equal(c.stage, 'not-assessing');
    const decision = c.steps.find((st: { step: string }) => st.step === 'decision');
    assert.equal(decision.state, 'met-late', '2026-09-01 + 6 weeks = 2026-10-13');
    const doc = await ctx().s.db.selectFrom('documents').select(['title', 'body', 'visible_to_family']).where('request_id', '=', req.id).executeTakeFirstOrThrow();
    assert.equal(doc.visible_to_family, true);
    assert.match(doc.body, /mediation/);
    assert.match(doc.body, /First-tier Tribunal/);
  });

  test('exceptions are recorded with dates and reason, and the plan counts as "with an exception"', async () => {
    const child = (await api('casework-officer', 'POST', '/api/v1/children', { givenName: 'Isla', familyName: 'Moor', dateOfBirth: '2014-01-15' })).json();
    const req = (await api('casework-officer', 'POST', '/api/v1/ehc/requests', { childId: child.id, receivedOn: '2026-03-02', requestedBy: 'parent' })).json();
    const url = `/api/v1/ehc/requests/${req.id}/events`;
    const short = await api('casework-officer', 'POST', url, { type: 'exception', kind: 'd', from: '2026-04-01', to: '2026-04-10', reason: 'Family abroad' });
    assert.equal(short.statusCode, 400);
    assert.match(short.json().error.message, /4|28|weeks|days/);
    await api('casework-officer', 'POST', url, { type: 'decision', on: '2026-04-01', outcome: 'assess' });
    const ex = await api('casework-officer', 'POST', url, { type: 'exception', kind: 'd', from: '2026-05-01', to: '2026-06-15', reason: 'The family were abroad for six weeks' });
    assert.equal(ex.statusCode, 201, ex.body);
    const fin = await api('casework-officer', 'POST', url, { type: 'final-issued', on: '2026-08-20' });
    assert.deepEqual(fin.json().timeliness, { finalWithin20Weeks: false, exceptionApplies: true });
  });
});
