import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type TestClient } from '../support/context.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';
import { addDays } from '../../src/features/ehc/clock/index.js';
import { aCase, askAdvice, aTeam, aUser, userOf } from './advice.fixtures.js';

describeApp('advice: the adviser’s queue and answers', (ctx) => {
  const ids = { healthA: '', socialA: '', healthB: '', healthC: '', psychD: '', requestA: '' };
  let colleague: { id: string; email: string; name: string };
  let today = '';

  const asColleague = async (): Promise<TestClient> => {
    const c = ctx().client();
    await c.signIn(colleague.email, DEMO_PASSWORD);
    return c;
  };

  test('set-up: three cases, a health team and a social care team', async () => {
    const { s } = ctx();
    today = s.today();
    const hp = await userOf(s, 'health-professional');
    colleague = await aUser(s, 'Kate Morris', 'social-worker');
    const otherDoctor = await aUser(s, 'Dr Sam Okafor', 'health-professional');
    const cwd = await aTeam(s, { name: 'Children with Disabilities Team', agency: 'social-care', members: [colleague.id] });
    const paeds = await aTeam(s, { name: 'Community Paediatrics', agency: 'health', members: [hp.id] });

    const a = await aCase(s, { receivedOn: addDays(today, -20), givenName: 'Ava', familyName: 'Nixon' });
    ids.requestA = a.requestId;
    ids.healthA = await askAdvice(s, a.requestId, { agency: 'health', askedOn: addDays(today, -10), assigneeEmail: demoEmail('health-professional'), question: 'Please describe her hearing needs.' });
    ids.socialA = await askAdvice(s, a.requestId, { agency: 'social-care', askedOn: addDays(today, -10), teamId: cwd });
    const b = await aCase(s, { receivedOn: addDays(today, -45), givenName: 'Ben', familyName: 'Orr' });
    ids.healthB = await askAdvice(s, b.requestId, { agency: 'health', askedOn: addDays(today, -40), teamId: paeds });
    const c = await aCase(s, { receivedOn: addDays(today, -50), givenName: 'Cara', familyName: 'Pike' });
    ids.healthC = await askAdvice(s, c.requestId, { agency: 'health', askedOn: addDays(today, -45), assigneeEmail: otherDoctor.email });
    ids.psychD = await askAdvice(s, c.requestId, { agency: 'psychology', askedOn: addDays(today, -45), assigneeEmail: demoEmail('educational-psychologist') });
  });

  test('a health professional sees their own and their team’s requests only, soonest due first', async () => {
    const c = await ctx().signedIn('health-professional');
    const res = await c.get('/advice');
    assert.equal(res.statusCode, 200);
    const outstanding = res.body.slice(res.body.indexOf('id="outstanding"'), res.body.indexOf('id="answered"'));
    assert.match(outstanding, /Waiting for an answer \(2\)/);
    assert.ok(outstanding.indexOf('Ben Orr') < outstanding.indexOf('Ava Nixon'), 'the soonest due comes first');
    assert.match(outstanding, /Due in 2 days/);
    assert.match(outstanding, /Due in 32 days/);
    assert.match(outstanding, /Community Paediatrics/);
    assert.doesNotMatch(res.body, /Cara Pike/);
    assert.doesNotMatch(res.body, /Social care/);
  });

  test('a social worker outside the team sees none; one in the team sees the team’s request', async () => {
    const outsider = await ctx().signedIn('social-worker');
    const res = await outsider.get('/advice');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Nothing is waiting for an answer\./);
    assert.doesNotMatch(res.body, /Ava Nixon/);
    assert.equal((await outsider.get(`/advice/${ids.socialA}`)).statusCode, 403);

    const member = await (await asColleague()).get('/advice');
    assert.match(member.body, /Ava Nixon/);
    assert.match(member.body, /Children with Disabilities Team/);
  });

  test('the designated clinical officer sees every health request in the area, and may read but not answer others’', async () => {
    const dco = await ctx().signedIn('designated-clinical-officer');
    const res = await dco.get('/advice');
    for (const name of ['Ava Nixon', 'Ben Orr', 'Cara Pike']) assert.match(res.body, new RegExp(name));
    assert.match(res.body, /3 days late/);
    assert.doesNotMatch(res.body, /Educational psychology|Social care/);
    const page = await dco.get(`/advice/${ids.healthC}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Only they can answer it/);
    assert.doesNotMatch(page.body, /name="answer"/);
    assert.equal((await dco.post(`/advice/${ids.healthC}`, { answer: 'nil' })).statusCode, 403);
    assert.equal((await dco.get(`/advice/${ids.psychD}`)).statusCode, 403);
  });

  test('roles without a queue are refused it', async () => {
    for (const role of ['family', 'casework-officer', 'analyst'] as const) {
      assert.equal((await (await ctx().signedIn(role)).get('/advice')).statusCode, 403, role);
    }
  });

  test('the answer form: the child, the question, the due date, and the sections health advice informs', async () => {
    const { s } = ctx();
    const c = await ctx().signedIn('health-professional');
    const res = await c.get(`/advice/${ids.healthA}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Health advice request/);
    assert.match(res.body, /Ava Nixon/);
    assert.match(res.body, /Please describe her hearing needs\./);
    assert.match(res.body, /Due in 32 days/);
    assert.match(res.body, /Section C: Health needs/);
    assert.match(res.body, /Section G: Health provision/);
    assert.doesNotMatch(res.body, /Section D:/);
    assert.match(res.body, /I found no needs in my area/);
    const audit = await s.db.selectFrom('audit_log').select(['action', 'child_id']).where('action', '=', 'advice.request.viewed').where('subject_id', '=', ids.healthA).execute();
    assert.equal(audit.length, 1);
    assert.ok(audit[0]!.child_id);
  });

  test('sending nothing is an error; so is advice and "no needs" together', async () => {
    const c = await ctx().signedIn('health-professional');
    await c.get(`/advice/${ids.healthA}`);
    const empty = await c.post(`/advice/${ids.healthA}`, { 'section-C': '  ', 'section-G': '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<title>Error: /);
    assert.match(empty.body, /Write your advice, or tell us you found no needs in your area/);
    assert.match(empty.body, /href="#answer"/);
    const both = await c.post(`/advice/${ids.healthA}`, { answer: 'nil', 'section-C': 'Glasses.' });
    assert.equal(both.statusCode, 400);
    assert.match(both.body, /also said you found no needs/);
    assert.match(both.body, /Glasses\./, 'what they wrote is kept');
    const noText = await c.post(`/advice/${ids.healthA}`, { answer: 'advice' });
    assert.equal(noText.statusCode, 400);
    assert.match(noText.body, /href="#section-C"/);
    const { s } = ctx();
    const row = await s.db.selectFrom('advice_requests').select('received_on').where('id', '=', ids.healthA).executeTakeFirstOrThrow();
    assert.equal(row.received_on, null);
  });

  test('the form refuses a post without the CSRF token', async () => {
    const c = await ctx().signedIn('health-professional');
    assert.equal((await c.post(`/advice/${ids.healthA}`, { answer: 'nil' }, { withCsrf: false })).statusCode, 403);
  });

  test('answering someone else’s request is refused, even for a child one is linked to', async () => {
    const c = await ctx().signedIn('health-professional');
    // The health professional is linked to Ava for advice, but the social care request is not theirs.
    assert.equal((await c.get(`/advice/${ids.socialA}`)).statusCode, 403);
    assert.equal((await c.post(`/advice/${ids.socialA}`, { answer: 'nil' })).statusCode, 403);
    assert.equal((await c.get(`/advice/${ids.healthC}`)).statusCode, 403);
    assert.equal((await c.post(`/advice/${ids.healthC}`, { answer: 'nil' })).statusCode, 403);
    const { s } = ctx();
    const refused = await s.db.selectFrom('audit_log').select('id').where('action', '=', 'access.refused').where('subject_id', '=', ids.socialA).execute();
    assert.ok(refused.length >= 1, 'the refusal is audited');
  });

  test('a health professional answers with advice in sections C and G', async () => {
    const { s } = ctx();
    const c = await ctx().signedIn('health-professional');
    await c.get(`/advice/${ids.healthA}`);
    const res = await c.post(`/advice/${ids.healthA}`, { answer: 'advice', 'section-C': 'Mild hearing loss, left ear.', 'section-G': 'Audiology review every 6 months.' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `/advice/${ids.healthA}/answered`);
    const done = await c.get(res.headers.location as string);
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Your advice has been sent/);
    assert.match(done.body, /What happens next/);

    const row = await s.db.selectFrom('advice_requests').selectAll().where('id', '=', ids.healthA).executeTakeFirstOrThrow();
    assert.equal(row.received_on, today);
    assert.equal(row.nil_return, false);
    assert.deepEqual(row.advice, { C: 'Mild hearing loss, left ear.', G: 'Audiology review every 6 months.' });
    assert.equal(row.answered_by, (await userOf(s, 'health-professional')).id);
    const event = await s.db.selectFrom('ehc_events').select('data').where('request_id', '=', ids.requestA).where('type', '=', 'advice-received').executeTakeFirstOrThrow();
    assert.equal(event.data.adviceRequestId, ids.healthA);

    const page = await c.get(`/advice/${ids.healthA}`);
    assert.match(page.body, /Answered on .*, on time, by Dr Aisha Begum/);
    assert.match(page.body, /Audiology review every 6 months\./);
    const queue = await c.get('/advice');
    const answered = queue.body.slice(queue.body.indexOf('id="answered"'));
    assert.match(answered, /Ava Nixon/);
  });

  test('answering twice gets a clear error and changes nothing', async () => {
    const { s } = ctx();
    const c = await ctx().signedIn('health-professional');
    await c.get(`/advice/${ids.healthA}`);
    const res = await c.post(`/advice/${ids.healthA}`, { answer: 'nil' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /This request was already answered by Dr Aisha Begum on .*\. You cannot answer it again\./);
    const row = await s.db.selectFrom('advice_requests').select(['nil_return', 'advice']).where('id', '=', ids.healthA).executeTakeFirstOrThrow();
    assert.equal(row.nil_return, false);
    assert.equal(row.advice.C, 'Mild hearing loss, left ear.');
  });

  test('a social worker in the team gives a nil return, and the case moves on', async () => {
    const { s } = ctx();
    const c = await asColleague();
    const form = await c.get(`/advice/${ids.socialA}`);
    assert.match(form.body, /Section D: Social care needs/);
    assert.match(form.body, /Section H1:/);
    assert.match(form.body, /Section H2: Other social care provision/);
    const res = await c.post(`/advice/${ids.socialA}`, { answer: 'nil' });
    assert.equal(res.statusCode, 303);
    const done = await c.get(`/advice/${ids.socialA}/answered`);
    assert.match(done.body, /Your answer has been sent/);
    assert.match(done.body, /found no needs in your area/);
    const row = await s.db.selectFrom('advice_requests').selectAll().where('id', '=', ids.socialA).executeTakeFirstOrThrow();
    assert.equal(row.nil_return, true);
    assert.equal(row.received_on, today);
    assert.deepEqual(row.advice, {});
    const request = await s.db.selectFrom('ehc_requests').select('stage').where('id', '=', ids.requestA).executeTakeFirstOrThrow();
    assert.equal(request.stage, 'drafting', 'all advice is in');
  });

  test('the confirmation page before an answer goes back to the form; unknown ids are not found', async () => {
    const c = await ctx().signedIn('health-professional');
    const res = await c.get(`/advice/${ids.healthB}/answered`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/advice/${ids.healthB}`);
    assert.equal((await c.get('/advice/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await c.get('/advice/not-an-id')).statusCode, 404);
  });
});
