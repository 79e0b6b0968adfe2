import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { addDays, formatLongDate } from '../../src/features/ehc/clock/index.js';
import { aCase, actor, childNamed, daysAgo, healthAsked, text } from './family-setup.js';

describeApp('the family comments on the draft plan', (ctx) => {
  let mia = '';
  let leo = '';
  let id = '';
  let leoRequest = '';

  before(async () => {
    const { s } = ctx();
    mia = await childNamed(s, 'Mia');
    leo = await childNamed(s, 'Leo');
    id = await aCase(s, mia, 100, [
      { type: 'decision', on: daysAgo(s, 90), outcome: 'assess' },
      healthAsked(s, 80),
      { type: 'advice-received', agency: 'health', receivedOn: daysAgo(s, 40), nilReturn: false, advice: { C: 'Mild hearing loss, left ear.', G: 'Audiology review every 6 months.' } },
    ]);
    leoRequest = await aCase(s, leo, 30);
  });

  const url = () => `/family/requests/${id}/comments`;

  test('before the draft: nothing to comment on, and a post is refused', async () => {
    const c = await ctx().signedIn('family');
    const res = await c.get(url());
    assert.equal(res.statusCode, 200);
    assert.match(text(res.body), /You cannot comment on a draft plan now.*We have not sent you a draft plan yet/);
    assert.equal((await c.post(url(), { comments: 'Early thoughts' })).statusCode, 409);
  });

  test('the draft’s sections A to K, and the end of the 15 days to comment', async () => {
    const { s } = ctx();
    await s.ehc.recordEvent(s.db, await actor(s, 'casework-officer'), id, { type: 'draft-issued', on: daysAgo(s, 3) }, s.today());
    const c = await ctx().signedIn('family');
    const res = await c.get(url());
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    for (const heading of ['Section A: Views, interests and aspirations', 'Section C: Health needs', 'Section K: Advice and information']) assert.match(page, new RegExp(heading));
    assert.match(page, /Health: Mild hearing loss, left ear\./);
    assert.match(page, new RegExp(`You have until ${formatLongDate(addDays(daysAgo(s, 3), 15))} to send us your comments\\. That is in 12 days\\.`));
    assert.match(page, /Which school or setting would you like your child to go to\?/);
    const casePage = text((await c.get(`/family/requests/${id}`)).body);
    assert.match(casePage, /The draft plan is ready for your comments/);
    assert.match(casePage, /Read the draft plan and comment/);
  });

  test('an empty form is an error in the GOV.UK pattern; no token is refused', async () => {
    const c = await ctx().signedIn('family');
    await c.get(url());
    const res = await c.post(url(), { comments: ' ', preferredSetting: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Error: Comment on the draft plan/);
    assert.match(res.body, /href="#comments">Enter your comments on the draft plan, or the school or setting you would like</);
    assert.match(res.body, /id="comments-error"/);
    const long = await c.post(url(), { 'section-B': 'x', preferredSetting: 'y'.repeat(301) });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /<details class="govuk-details" open>/, 'a section box with text stays open');
    assert.equal((await c.post(url(), { comments: 'no token' }, { withCsrf: false })).statusCode, 403);
    const { s } = ctx();
    assert.equal((await s.db.selectFrom('ehc_requests').select('comments_received_on').where('id', '=', id).executeTakeFirstOrThrow()).comments_received_on, null);
  });

  test('comments and a preferred setting are recorded as the family’s, with a confirmation', async () => {
    const { s } = ctx();
    const c = await ctx().signedIn('family');
    await c.get(url());
    const res = await c.post(url(), { comments: 'Please name the audiology clinic.', 'section-C': 'She also wears glasses.', preferredSetting: 'Fellside Primary School' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `${url()}/sent`);
    const sent = await c.get(`${url()}/sent`);
    assert.equal(sent.statusCode, 200);
    assert.match(text(sent.body), /We have your comments.*What happens next.*Thank you for your comments\. We received them on/);
    assert.match(text(sent.body), new RegExp(`We will send you the final plan by ${formatLongDate(addDays(daysAgo(s, 100), 140))}`));

    const family = await actor(s, 'family');
    const r = await s.db.selectFrom('ehc_requests').select(['comments_received_on', 'preferred_setting']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(r, { comments_received_on: s.today(), preferred_setting: 'Fellside Primary School' });
    const event = await s.db.selectFrom('ehc_events').select(['recorded_by', 'occurred_on', 'visible_to_family']).where('request_id', '=', id).where('type', '=', 'comments-received').executeTakeFirstOrThrow();
    assert.deepEqual(event, { recorded_by: family.userId, occurred_on: s.today(), visible_to_family: true });
    const comment = await s.db.selectFrom('plan_comments').select(['author_user_id', 'body', 'preferred_setting']).executeTakeFirstOrThrow();
    assert.equal(comment.author_user_id, family.userId);
    assert.equal(comment.body, 'Please name the audiology clinic.\n\nAbout section C, Health needs:\nShe also wears glasses.');
    const audited = await s.db.selectFrom('audit_log').select('actor_role').where('action', '=', 'ehc.comments-received').where('child_id', '=', mia).executeTakeFirstOrThrow();
    assert.equal(audited.actor_role, 'family');
  });

  test('a second set of comments is kept, and the first comments’ date stays', async () => {
    const { s } = ctx();
    const c = await ctx().signedIn('family');
    const before = await c.get(url());
    assert.match(text(before.body), /What you have told us so far.*Please name the audiology clinic\..*School or setting you would like: Fellside Primary School/);
    assert.equal((await c.post(url(), { comments: 'One more thing: she likes music.' })).statusCode, 303);
    assert.equal((await s.db.selectFrom('plan_comments').select('id').execute()).length, 2);
    const dates = async () => (await s.db.selectFrom('ehc_requests').select(['comments_received_on', 'preferred_setting']).where('id', '=', id).executeTakeFirstOrThrow());
    assert.deepEqual(await dates(), { comments_received_on: s.today(), preferred_setting: 'Fellside Primary School' });

    // A letter the officer records later but dated earlier is the first comments; a later one never moves the date.
    const officer = await actor(s, 'casework-officer');
    await s.ehc.recordEvent(s.db, officer, id, { type: 'comments-received', on: daysAgo(s, 2), comments: 'By post.' }, s.today());
    assert.equal((await dates()).comments_received_on, daysAgo(s, 2));
    await s.ehc.recordEvent(s.db, officer, id, { type: 'comments-received', on: s.today(), comments: 'By phone.' }, s.today());
    assert.equal((await dates()).comments_received_on, daysAgo(s, 2));
    const c2 = await ctx().signedIn('family');
    assert.match(text((await c2.get(`/family/requests/${id}`)).body), new RegExp(`We received them on ${formatLongDate(daysAgo(s, 2))}`));
  });

  test('once the final plan is issued: no more comments, and a link to the plan', async () => {
    const { s } = ctx();
    await s.ehc.recordEvent(s.db, await actor(s, 'casework-officer'), id, { type: 'final-issued', on: s.today() }, s.today());
    const c = await ctx().signedIn('family');
    assert.match(text((await c.get(url())).body), /We have already sent you the final plan/);
    assert.equal((await c.post(url(), { comments: 'Too late?' })).statusCode, 409);
    const plan = await s.db.selectFrom('plans').select('id').where('request_id', '=', id).executeTakeFirstOrThrow();
    const casePage = await c.get(`/family/requests/${id}`);
    assert.match(casePage.body, new RegExp(`href="/plans/${plan.id}"`));
    assert.match(text(casePage.body), /We sent you your child’s final plan on .* The first review must happen by/);
    assert.match(text(casePage.body), /We sent you the final plan on .* That was on time\./);
  });

  test('another child’s draft is refused', async () => {
    const c = await ctx().signedIn('family');
    assert.equal((await c.get(`/family/requests/${leoRequest}/comments`)).statusCode, 403);
    assert.equal((await c.post(`/family/requests/${leoRequest}/comments`, { comments: 'x' })).statusCode, 403);
  });
});
