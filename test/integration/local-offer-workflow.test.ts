import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type TestContext } from '../support/context.js';
import { seedLocalOfferDemo } from '../../src/demo/local-offer.seed.js';
import { seedLocalOfferWorkflowDemo } from '../../src/demo/local-offer-workflow.seed.js';
import { EDITABLE } from '../../src/features/local-offer/proposal.form.js';

/** The update form as the provider sees it: every field with the service's current value. */
async function currentForm(ctx: TestContext, serviceId: string): Promise<Record<string, string>> {
  const row = await ctx.s.db.selectFrom('services').selectAll().where('id', '=', serviceId).executeTakeFirstOrThrow();
  const r = row as unknown as Record<string, unknown>;
  return Object.fromEntries(EDITABLE.map((f) => [f.key, r[f.key] === null ? '' : String(r[f.key])]));
}

async function riverside(ctx: TestContext, name = 'Talk Together drop-in, Carlisle') {
  return ctx.s.db.selectFrom('services').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

describeApp('Local Offer: provider updates, checks and feedback moderation', (ctx) => {
  before(async () => {
    await seedLocalOfferDemo(ctx().s.db, ctx().s.today());
    await seedLocalOfferWorkflowDemo(ctx().s.db, ctx().s.today());
  });

  test('a provider sees their own services and proposes an update; the officer approves it and the public page shows it', async () => {
    const { s } = ctx();
    const service = await riverside(ctx());
    const provider = await ctx().signedIn('service-provider');
    const mine = await provider.get('/local-offer/provider');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /Talk Together drop-in, Carlisle/);
    assert.doesNotMatch(mine.body, /Children&#39;s speech and language therapy/, 'only their organisation’s services');

    const form = await provider.get(`/local-offer/provider/services/${service.id}/update`);
    assert.equal(form.statusCode, 200);
    const values = await currentForm(ctx(), service.id);
    const unchanged = await provider.post(`/local-offer/provider/services/${service.id}/update`, values);
    assert.equal(unchanged.statusCode, 400);
    assert.match(unchanged.body, /You have not changed anything/);

    const sent = await provider.post(`/local-offer/provider/services/${service.id}/update`, {
      ...values,
      application_process: 'Just come along on a Tuesday morning. No referral needed.',
      maximum_age: '8',
      note: 'We now see children up to 8.',
    });
    assert.equal(sent.statusCode, 303);
    const proposalId = /\/local-offer\/provider\/proposals\/([0-9a-f-]{36})$/.exec(String(sent.headers.location))![1]!;
    const proposal = await s.db.selectFrom('local_offer_proposals').selectAll().where('id', '=', proposalId).executeTakeFirstOrThrow();
    assert.equal(proposal.status, 'pending');
    assert.deepEqual(proposal.changes, { application_process: 'Just come along on a Tuesday morning. No referral needed.', maximum_age: 8 });
    // Nothing changes for families until the officer decides.
    assert.equal((await riverside(ctx())).maximum_age, 7);
    // A second update waits for the first.
    const again = await provider.post(`/local-offer/provider/services/${service.id}/update`, { ...values, wait_time: 'Two weeks' });
    assert.equal(again.statusCode, 409);

    const officer = await ctx().signedIn('local-offer-officer');
    const queue = await officer.get('/local-offer/manage/updates');
    assert.match(queue.body, new RegExp(`/local-offer/manage/updates/${proposalId}`));
    const page = await officer.get(`/local-offer/manage/updates/${proposalId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Just come along on a Tuesday morning/);
    const none = await officer.post(`/local-offer/manage/updates/${proposalId}`, {});
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Choose whether to approve or reject this update/);
    const approved = await officer.post(`/local-offer/manage/updates/${proposalId}`, { decision: 'approve', reason: '' });
    assert.equal(approved.statusCode, 303);

    const after = await riverside(ctx());
    assert.equal(after.maximum_age, 8);
    assert.equal(after.application_process, 'Just come along on a Tuesday morning. No referral needed.');
    assert.equal(after.last_checked_on, s.today(), 'an approved update counts as a check');
    const history = await s.db.selectFrom('local_offer_service_history').selectAll().where('proposal_id', '=', proposalId).executeTakeFirstOrThrow();
    assert.deepEqual(history.before, { application_process: service.application_process, maximum_age: 7 });
    assert.deepEqual(history.after, { application_process: 'Just come along on a Tuesday morning. No referral needed.', maximum_age: 8 });
    const actions = (await s.db.selectFrom('audit_log').select('action').where('subject_id', '=', service.id).execute()).map((a) => a.action);
    assert.ok(actions.includes('local-offer.update.proposed') && actions.includes('local-offer.update.approved'));

    const publicPage = await ctx().client().get(`/local-offer/services/${service.id}`);
    assert.match(publicPage.body, /Just come along on a Tuesday morning/);
    assert.match(publicPage.body, /Ages 1 to 8/);
    const outcome = await provider.get(`/local-offer/provider/proposals/${proposalId}`);
    assert.match(outcome.body, /Approved/);
    // A decision is made once.
    const twice = await officer.post(`/local-offer/manage/updates/${proposalId}`, { decision: 'reject', reason: 'No' });
    assert.equal(twice.statusCode, 409);
  });

  test('rejecting needs a reason, leaves the service as it was, and the provider sees why', async () => {
    const { s } = ctx();
    const service = await riverside(ctx(), 'Talk Together drop-in, Brampton');
    const provider = await ctx().signedIn('service-provider');
    await provider.get(`/local-offer/provider/services/${service.id}/update`);
    const sent = await provider.post(`/local-offer/provider/services/${service.id}/update`, { ...(await currentForm(ctx(), service.id)), fees_description: '£50 a session' });
    const proposalId = /([0-9a-f-]{36})$/.exec(String(sent.headers.location))![1]!;
    const officer = await ctx().signedIn('local-offer-officer');
    await officer.get(`/local-offer/manage/updates/${proposalId}`);
    const noReason = await officer.post(`/local-offer/manage/updates/${proposalId}`, { decision: 'reject', reason: ' ' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /href="#reason">Enter the reason you are rejecting this update/);
    const rejected = await officer.post(`/local-offer/manage/updates/${proposalId}`, { decision: 'reject', reason: 'Our contract says the drop-in is free. Please check and send it again.' });
    assert.equal(rejected.statusCode, 303);
    assert.equal((await riverside(ctx(), 'Talk Together drop-in, Brampton')).fees_description, service.fees_description);
    assert.equal(await s.db.selectFrom('local_offer_service_history').select('id').where('proposal_id', '=', proposalId).executeTakeFirst(), undefined);
    const outcome = await provider.get(`/local-offer/provider/proposals/${proposalId}`);
    assert.match(outcome.body, /Rejected/);
    assert.match(outcome.body, /Our contract says the drop-in is free/);
  });

  test('the update form checks what the provider typed', async () => {
    const service = await riverside(ctx(), 'Talk Together drop-in, Wigton');
    const provider = await ctx().signedIn('service-provider');
    await provider.get(`/local-offer/provider/services/${service.id}/update`);
    const values = await currentForm(ctx(), service.id);
    const bad = await provider.post(`/local-offer/provider/services/${service.id}/update`, { ...values, name: '', minimum_age: 'two', url: 'javascript:alert(1)', email: 'nope' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Error: /);
    for (const field of ['name', 'minimum_age', 'url', 'email']) assert.match(bad.body, new RegExp(`href="#${field}"`), field);
    assert.match(bad.body, /value="two"/, 'what was typed is kept');
    const crossed = await provider.post(`/local-offer/provider/services/${service.id}/update`, { ...values, minimum_age: '9', maximum_age: '3' });
    assert.equal(crossed.statusCode, 400);
    assert.match(crossed.body, /Oldest age must be the same as or more than the youngest age/);
  });

  test('a provider cannot propose for, or see updates of, another organisation’s service', async () => {
    const { s } = ctx();
    const other = await s.db.selectFrom('services').select(['id']).where('name', 'like', 'Children%speech and language therapy, Carlisle').executeTakeFirstOrThrow();
    const provider = await ctx().signedIn('service-provider');
    assert.equal((await provider.get(`/local-offer/provider/services/${other.id}/update`)).statusCode, 403);
    await provider.get('/local-offer/provider');
    const post = await provider.post(`/local-offer/provider/services/${other.id}/update`, { name: 'Hijacked', description: 'x' });
    assert.equal(post.statusCode, 403);
    assert.equal(await s.db.selectFrom('local_offer_proposals').select('id').where('service_id', '=', other.id).executeTakeFirst(), undefined);
    const refusal = await s.db.selectFrom('audit_log').select('outcome').where('action', '=', 'access.refused').where('subject_id', '=', other.id).executeTakeFirst();
    assert.equal(refusal?.outcome, 'refused');
    assert.equal((await provider.get('/local-offer/provider/services/00000000-0000-4000-8000-000000000000/update')).statusCode, 404);
    // The public page offers an update only on their own services.
    const mine = await riverside(ctx(), 'Talk Together drop-in, Millom');
    assert.match((await provider.get(`/local-offer/services/${mine.id}`)).body, new RegExp(`href="/local-offer/provider/services/${mine.id}/update">Update this service`));
    assert.doesNotMatch((await provider.get(`/local-offer/services/${other.id}`)).body, /Update this service/);
  });

  test('only the Local Offer officer decides; other roles are refused', async () => {
    const service = await riverside(ctx(), 'Talk Together drop-in, Workington');
    const provider = await ctx().signedIn('service-provider');
    await provider.get(`/local-offer/provider/services/${service.id}/update`);
    const sent = await provider.post(`/local-offer/provider/services/${service.id}/update`, { ...(await currentForm(ctx(), service.id)), wait_time: 'No wait' });
    const proposalId = /([0-9a-f-]{36})$/.exec(String(sent.headers.location))![1]!;
    for (const role of ['service-provider', 'casework-officer', 'administrator', 'family'] as const) {
      const c = await ctx().signedIn(role);
      await c.get('/home');
      assert.equal((await c.get(`/local-offer/manage/updates/${proposalId}`)).statusCode, 403, role);
      assert.equal((await c.post(`/local-offer/manage/updates/${proposalId}`, { decision: 'approve' })).statusCode, 403, role);
    }
    const anonymous = await ctx().client().get('/local-offer/manage');
    assert.equal(anonymous.statusCode, 303);
    const row = await ctx().s.db.selectFrom('local_offer_proposals').select('status').where('id', '=', proposalId).executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
  });

  test('the officer sees services not checked for 12 months and marks one checked', async () => {
    const { s } = ctx();
    const officer = await ctx().signedIn('local-offer-officer');
    const list = await officer.get('/local-offer/manage/reviews');
    assert.equal(list.statusCode, 200);
    const ids = [...list.body.matchAll(/action="\/local-offer\/manage\/services\/([0-9a-f-]{36})\/checked"/g)].map((m) => m[1]!);
    assert.ok(ids.length > 0);
    const before = await s.db.selectFrom('services').select(['last_checked_on']).where('id', '=', ids[0]!).executeTakeFirstOrThrow();
    const res = await officer.post(`/local-offer/manage/services/${ids[0]}/checked`);
    assert.equal(res.statusCode, 303);
    const after = await s.db.selectFrom('services').select(['last_checked_on']).where('id', '=', ids[0]!).executeTakeFirstOrThrow();
    assert.equal(after.last_checked_on, s.today());
    const again = await officer.get(String(res.headers.location));
    assert.match(again.body, /as checked today/);
    assert.doesNotMatch(again.body, new RegExp(`/local-offer/manage/services/${ids[0]}/checked`));
    const history = await officer.get(`/local-offer/manage/services/${ids[0]}`);
    assert.match(history.body, /Checked by Daniel Irving/);
    const entry = await s.db.selectFrom('local_offer_service_history').selectAll().where('service_id', '=', ids[0]!).where('kind', '=', 'checked').executeTakeFirstOrThrow();
    assert.deepEqual(entry.before, { last_checked_on: before.last_checked_on });
    assert.ok(await s.db.selectFrom('audit_log').select('id').where('action', '=', 'local-offer.service.checked').where('subject_id', '=', ids[0]!).executeTakeFirst());
  });

  test('feedback moderation: publishing needs a response; published feedback appears with it, rejected never', async () => {
    const { s } = ctx();
    const family = ctx().client();
    await family.get('/local-offer/feedback');
    await family.post('/local-offer/feedback', { feedback: 'Please list more Saturday activities.', name: 'Jo', email: 'jo@example.com' });
    await family.post('/local-offer/feedback', { feedback: 'The worker called Pat at the centre was rude.' });
    const keep = await s.db.selectFrom('local_offer_feedback').select('id').where('body', '=', 'Please list more Saturday activities.').executeTakeFirstOrThrow();
    const drop = await s.db.selectFrom('local_offer_feedback').select('id').where('body', 'like', 'The worker called Pat%').executeTakeFirstOrThrow();

    const officer = await ctx().signedIn('local-offer-officer');
    const queue = await officer.get('/local-offer/manage/feedback');
    assert.match(queue.body, new RegExp(keep.id));
    const page = await officer.get(`/local-offer/manage/feedback/${keep.id}`);
    assert.match(page.body, /jo@example.com/, 'the officer sees the private contact details');
    const noResponse = await officer.post(`/local-offer/manage/feedback/${keep.id}`, { decision: 'publish', response: '' });
    assert.equal(noResponse.statusCode, 400);
    assert.match(noResponse.body, /href="#response">Write the council’s response/);
    assert.equal((await officer.post(`/local-offer/manage/feedback/${keep.id}`, { decision: 'publish', response: 'We have asked providers for Saturday sessions.' })).statusCode, 303);
    await officer.get(`/local-offer/manage/feedback/${drop.id}`);
    assert.equal((await officer.post(`/local-offer/manage/feedback/${drop.id}`, { decision: 'reject' })).statusCode, 303);
    assert.equal((await officer.post(`/local-offer/manage/feedback/${drop.id}`, { decision: 'publish', response: 'x' })).statusCode, 409);

    const told = await ctx().client().get('/local-offer/you-told-us');
    assert.match(told.body, /Please list more Saturday activities/);
    assert.match(told.body, /We have asked providers for Saturday sessions/);
    assert.doesNotMatch(told.body, /Pat at the centre|jo@example.com|>Jo</);
    const published = await s.db.selectFrom('local_offer_feedback').selectAll().where('id', '=', keep.id).executeTakeFirstOrThrow();
    assert.equal(published.published_on, s.today());
    assert.ok(await s.db.selectFrom('audit_log').select('id').where('action', '=', 'local-offer.feedback.published').where('subject_id', '=', keep.id).executeTakeFirst());
    // Only the officer moderates.
    const provider = await ctx().signedIn('service-provider');
    assert.equal((await provider.get(`/local-offer/manage/feedback/${keep.id}`)).statusCode, 403);
  });

  test('the home pages link to the Local Offer for providers and officers, and the start page for everyone', async () => {
    const provider = await ctx().signedIn('service-provider');
    assert.match((await provider.get('/home')).body, /href="\/local-offer\/provider"/);
    const officer = await ctx().signedIn('local-offer-officer');
    const home = await officer.get('/home');
    assert.match(home.body, /href="\/local-offer\/manage\/updates"/);
    assert.match(home.body, /href="\/local-offer\/manage"/, 'in the navigation');
    assert.match((await ctx().client().get('/')).body, /href="\/local-offer"/);
  });
});
