import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type TestClient } from '../support/context.js';
import { addDays, formatLongDate } from '../../src/features/ehc/clock/index.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { actor, childNamed, text } from './family-setup.js';

const story = { relationship: 'mother', difficulties: 'She finds reading very hard and gets upset at school.', currentHelp: 'A teaching assistant two mornings a week.', declaration: 'yes' };
const ava = { child: 'new', givenName: 'Ava', familyName: 'Parker', 'dateOfBirth-day': '2', 'dateOfBirth-month': '3', 'dateOfBirth-year': '2019' };

describeApp('a parent asks for an assessment online', (ctx) => {
  let mia = '';
  let leo = '';
  let c: TestClient;

  before(async () => {
    mia = await childNamed(ctx().s, 'Mia');
    leo = await childNamed(ctx().s, 'Leo');
    c = await ctx().signedIn('family');
  });

  test('the form offers my children and a new one', async () => {
    const res = await c.get('/family/request');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`value="${mia}"`));
    assert.doesNotMatch(res.body, new RegExp(leo));
    assert.match(text(res.body), /Mia Parker Born 14 May 2017/);
    assert.match(res.body, /value="new"/);
    assert.match(res.body, /Fellside Primary School/);
  });

  test('errors in the GOV.UK pattern, with what was typed kept', async () => {
    await c.get('/family/request');
    const empty = await c.post('/family/request', {});
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<title>Error: Ask for an assessment/);
    for (const [field, message] of [
      ['child', 'Select the child you are asking about'],
      ['relationship', 'Select how you are related to the child'],
      ['difficulties', 'Tell us what is hard for your child'],
      ['declaration', 'Confirm that what you have told us is true'],
    ]) assert.match(empty.body, new RegExp(`href="#${field}">${message}<`), field);

    const badDate = await c.post('/family/request', { ...ava, 'dateOfBirth-month': '', ...story });
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.body, /href="#dateOfBirth-month">Date of birth must include a month</);
    assert.match(badDate.body, /value="Ava"/);
    assert.match(badDate.body, /She finds reading very hard/);

    const notMine = await c.post('/family/request', { ...story, child: leo });
    assert.match(notMine.body, /href="#child">Select the child you are asking about</);
    assert.equal((await c.post('/family/request', { ...ava, ...story }, { withCsrf: false })).statusCode, 403);
    const { s } = ctx();
    assert.equal((await s.db.selectFrom('children').select('id').where('given_name', '=', 'Ava').execute()).length, 0);
  });

  test('a new child: created, linked to me, the request received today, and a confirmation with the decision date', async () => {
    const { s } = ctx();
    await c.get('/family/request');
    const res = await c.post('/family/request', { ...ava, ...story });
    assert.equal(res.statusCode, 303, res.body);
    const id = /^\/family\/requests\/([0-9a-f-]{36})\/requested$/.exec(String(res.headers.location))?.[1];
    assert.ok(id, String(res.headers.location));
    const done = await c.get(String(res.headers.location));
    assert.equal(done.statusCode, 200);
    assert.match(text(done.body), new RegExp(`We will tell you by ${formatLongDate(addDays(s.today(), 42))} whether we will assess Ava’s needs\\.`));

    const family = await actor(s, 'family');
    const r = await s.db.selectFrom('ehc_requests').innerJoin('children', 'children.id', 'ehc_requests.child_id')
      .select(['children.id as child_id', 'children.date_of_birth', 'received_on', 'requested_by', 'requester_name', 'reason', 'stage']).where('ehc_requests.id', '=', id).executeTakeFirstOrThrow();
    assert.equal(r.date_of_birth, '2019-03-02');
    assert.deepEqual([r.received_on, r.requested_by, r.requester_name, r.stage], [s.today(), 'parent', 'Sam Parker', 'requested']);
    assert.match(r.reason!, /reading very hard[\s\S]*teaching assistant/);
    const member = await s.db.selectFrom('family_members').select(['user_id', 'relationship', 'email', 'main_contact']).where('child_id', '=', r.child_id).executeTakeFirstOrThrow();
    assert.deepEqual(member, { user_id: family.userId, relationship: 'mother', email: demoEmail('family'), main_contact: true });
    const actions = (await s.db.selectFrom('audit_log').select('action').where('child_id', '=', r.child_id).where('actor_user_id', '=', family.userId).execute()).map((a) => a.action);
    assert.ok(actions.includes('child.created') && actions.includes('ehc.request.created'), actions.join());

    const list = text((await c.get('/family')).body);
    assert.match(list, /Ava Parker.*We have your request/);

    // Casework sees it: through the API, and in the queue of cases nobody is assigned to yet.
    const officer = await s.users.findByEmail(s.db, demoEmail('casework-officer'));
    const token = (await s.apiTokens.create(s.db, officer!.id, 'test')).token;
    const api = await ctx().client().request('GET', `/api/v1/ehc/requests/${id}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(api.statusCode, 200);
    assert.equal(api.json().requestedBy, 'parent');
    const queue = await (await ctx().signedIn('casework-manager')).get('/casework?officer=none');
    assert.equal(queue.statusCode, 200);
    assert.match(text(queue.body), /Ava Parker/);
  });

  test('sending the same request twice: the clear message, and no second child', async () => {
    const { s } = ctx();
    await c.get('/family/request');
    const again = await c.post('/family/request', { ...ava, givenName: 'ava', ...story });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /href="#child">This child already has a request for assessment in progress</);
    assert.equal((await s.db.selectFrom('children').select('id').where('given_name', '=', 'Ava').execute()).length, 1);
    assert.equal((await s.db.selectFrom('ehc_requests').select('id').execute()).length, 1);
  });

  test('a child already linked to me: the request is theirs; a second one is refused', async () => {
    const { s } = ctx();
    await c.get('/family/request');
    const res = await c.post('/family/request', { ...story, child: mia, relationship: 'father' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal((await s.db.selectFrom('ehc_requests').select('id').where('child_id', '=', mia).execute()).length, 1);
    assert.equal((await s.db.selectFrom('family_members').select('id').where('child_id', '=', mia).execute()).length, 0, 'no family member added for a known child');
    const again = await c.post('/family/request', { ...story, child: mia });
    assert.equal(again.statusCode, 400);
    assert.match(text(again.body), /This child already has a request for assessment in progress/);
  });

  test('a young person asks for themselves', async () => {
    const { s } = ctx();
    await c.get('/family/request');
    const res = await c.post('/family/request', { ...story, child: 'new', givenName: 'Jordan', familyName: 'Reid', 'dateOfBirth-day': '1', 'dateOfBirth-month': 'September', 'dateOfBirth-year': '2008', relationship: 'young-person' });
    assert.equal(res.statusCode, 303, res.body);
    const r = await s.db.selectFrom('ehc_requests').innerJoin('children', 'children.id', 'ehc_requests.child_id').select(['requested_by', 'date_of_birth']).where('children.given_name', '=', 'Jordan').executeTakeFirstOrThrow();
    assert.deepEqual(r, { requested_by: 'young-person', date_of_birth: '2008-09-01' });
  });
});
