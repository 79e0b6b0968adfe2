import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { formatLongDate } from '../../src/features/ehc/clock/index.js';
import { aCase, actor, childNamed, daysAgo, healthAsked, text } from './family-setup.js';

describeApp('the family’s view of their child’s case', (ctx) => {
  let mia = '';
  let leo = '';
  let miaRequest = '';
  let leoRequest = '';
  let leoLetter = '';

  before(async () => {
    const { s } = ctx();
    mia = await childNamed(s, 'Mia');
    leo = await childNamed(s, 'Leo');
    // Mia: assessing; health advice 3 days late and reminded; social care said "no needs".
    miaRequest = await aCase(s, mia, 60, [
      { type: 'decision', on: daysAgo(s, 50), outcome: 'assess' },
      healthAsked(s, 45),
      { type: 'advice-requested', agency: 'social-care', askedOn: daysAgo(s, 45), assigneeEmail: demoEmail('social-worker') },
      { type: 'advice-received', agency: 'social-care', receivedOn: daysAgo(s, 10), nilReturn: true },
      { type: 'note', on: daysAgo(s, 9), text: 'INTERNAL: mother hard to reach by phone' },
    ]);
    await s.db.updateTable('advice_requests').set({ reminded_due_at: new Date() }).where('request_id', '=', miaRequest).where('agency', '=', 'health').execute();
    // Leo: nobody in the family role is linked to him; the council decided not to assess.
    leoRequest = await aCase(s, leo, 20, [{ type: 'decision', on: daysAgo(s, 5), outcome: 'not-assess', reasons: 'Needs met at SEN Support.' }]);
    leoLetter = (await s.db.selectFrom('documents').select('id').where('request_id', '=', leoRequest).executeTakeFirstOrThrow()).id;
  });

  test('“Your children” lists my child, where the request stands and what happens next; never another child', async () => {
    const c = await ctx().signedIn('family');
    const res = await c.get('/family');
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    assert.match(page, /Mia Parker/);
    assert.match(page, /We are assessing your child’s needs/);
    assert.match(page, /We are waiting for advice from the health service\./);
    assert.match(res.body, new RegExp(`href="/family/requests/${miaRequest}"`));
    assert.doesNotMatch(page, /Leo|Whitfield/);
    assert.match(res.body, /href="\/family\/request"/);
  });

  test('the case page: what happens next, who we asked and what is late, our deadlines, what happened', async () => {
    const { s } = ctx();
    const c = await ctx().signedIn('family');
    const res = await c.get(`/family/requests/${miaRequest}`);
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    assert.ok(page.indexOf('What happens next') < page.indexOf('What happened and when'), 'what happens next comes first');
    assert.match(page, new RegExp(`We will send you the final plan by ${formatLongDate(daysAgo(s, 60 - 140))}`));
    assert.match(page, new RegExp(`Advice from the health service was due on ${formatLongDate(daysAgo(s, 3))}\\. It is 3 days late\\. We have reminded them\\.`));
    assert.match(page, /Sent to: Dr Aisha Begum/);
    assert.match(page, new RegExp(`On ${formatLongDate(daysAgo(s, 10))} they told us they found no needs that they can help with\\.`));
    assert.match(page, new RegExp(`We decided on ${formatLongDate(daysAgo(s, 50))}\\. That was on time\\.`));
    assert.match(page, /We asked the social care team for advice\./);
    assert.match(page, /The person looking after your request is Priya Shah\./);
    assert.match(page, /education, health and care plan \(a plan\)/);
    assert.match(page, /We have not sent you any letters about this request yet\./);

    const audit = await s.db.selectFrom('audit_log').selectAll().where('action', '=', 'family.case.viewed').where('child_id', '=', mia).where('subject_id', '=', miaRequest).executeTakeFirst();
    assert.ok(audit, 'the view is audited with the child');
    assert.equal(audit.actor_role, 'family');
  });

  test('an exception is explained in plain words, with the reason we recorded', async () => {
    const { s } = ctx();
    await s.ehc.recordEvent(s.db, await actor(s, 'casework-officer'), miaRequest, { type: 'exception', kind: 'c', from: daysAgo(s, 30), to: daysAgo(s, 20), reason: 'Mia was in hospital for two weeks.' }, s.today());
    const page = text((await (await ctx().signedIn('family')).get(`/family/requests/${miaRequest}`)).body);
    assert.match(page, new RegExp(`When the law gave us more time From ${formatLongDate(daysAgo(s, 30))} to ${formatLongDate(daysAgo(s, 20))} the law gave us more time\. Something exceptional happened`));
    assert.match(page, /What we wrote down: Mia was in hospital for two weeks\./);
  });

  test('internal notes never appear on any family page', async () => {
    const c = await ctx().signedIn('family');
    for (const url of ['/family', `/family/requests/${miaRequest}`, `/family/requests/${miaRequest}/comments`]) {
      const res = await c.get(url);
      assert.equal(res.statusCode, 200, url);
      assert.doesNotMatch(res.body, /INTERNAL|hard to reach/, url);
    }
  });

  test('another child’s request is refused, and so is every request page to anyone but the family', async () => {
    const family = await ctx().signedIn('family');
    for (const url of [`/family/requests/${leoRequest}`, `/family/requests/${leoRequest}/comments`, `/family/requests/${leoRequest}/requested`]) {
      assert.equal((await family.get(url)).statusCode, 403, url);
    }
    assert.equal((await family.post(`/family/requests/${leoRequest}/comments`, { comments: 'x' })).statusCode, 403);
    for (const role of ['casework-officer', 'health-professional', 'senco', 'social-worker'] as const) {
      const c = await ctx().signedIn(role);
      assert.equal((await c.get(`/family/requests/${miaRequest}`)).statusCode, 403, role);
      assert.equal((await c.get('/family')).statusCode, 403, role);
      assert.equal((await c.get('/family/request')).statusCode, 403, role);
    }
    assert.equal((await family.get('/family/requests/not-a-uuid')).statusCode, 404);
    assert.equal((await family.get('/family/requests/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    const signedOut = await ctx().client().get(`/family/requests/${miaRequest}`);
    assert.equal(signedOut.statusCode, 303);
  });

  test('letters: mine are listed and open; another child’s are refused; hidden ones are not there', async () => {
    const { s } = ctx();
    const officer = await actor(s, 'casework-officer');
    const [visible, hidden] = await s.db
      .insertInto('documents')
      .values([
        { child_id: mia, request_id: miaRequest, kind: 'letter', title: 'We are assessing Mia’s needs', body: 'Dear Sam,\n\nWe will ask:\n- the health service;\n- social care.', created_by: officer.userId },
        { child_id: mia, request_id: miaRequest, kind: 'draft', title: 'Unsent draft letter', body: 'Not ready', visible_to_family: false, created_by: officer.userId },
      ])
      .returning('id')
      .execute();
    const c = await ctx().signedIn('family');
    const page = await c.get(`/family/requests/${miaRequest}`);
    assert.match(page.body, new RegExp(`href="/family/documents/${visible!.id}"`));
    assert.doesNotMatch(page.body, /Unsent draft letter/);

    const letter = await c.get(`/family/documents/${visible!.id}`);
    assert.equal(letter.statusCode, 200);
    assert.match(letter.body, /<li>the health service;<\/li>/);
    assert.equal((await c.get(`/family/documents/${hidden!.id}`)).statusCode, 404);
    assert.equal((await c.get(`/family/documents/${leoLetter}`)).statusCode, 403);
    assert.equal((await c.get('/family/documents/nope')).statusCode, 404);
    assert.equal((await (await ctx().signedIn('casework-officer')).get(`/family/documents/${visible!.id}`)).statusCode, 403);

    const viewed = await s.db.selectFrom('audit_log').select(['child_id', 'subject_type']).where('action', '=', 'family.case.viewed').where('subject_id', '=', visible!.id).executeTakeFirst();
    assert.deepEqual(viewed, { child_id: mia, subject_type: 'document' });
    const refused = await s.db.selectFrom('audit_log').select('outcome').where('action', '=', 'access.refused').where('subject_id', '=', leoLetter).executeTakeFirst();
    assert.equal(refused?.outcome, 'refused');
  });

  test('a parent linked to another child sees only that child, and Mia’s pages are refused', async () => {
    const { s } = ctx();
    const council = await s.db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirstOrThrow();
    const other = await s.users.create(s.db, { email: 'leo.parent@example.org', name: 'Kim Whitfield', role: 'family', organisationId: council.id, password: 'a long enough password 1' });
    await s.children.addFamilyMember(s.db, leo, { name: 'Kim Whitfield', relationship: 'mother', userId: other.id });
    const c = ctx().client();
    await c.signIn('leo.parent@example.org', 'a long enough password 1');
    const list = text((await c.get('/family')).body);
    assert.match(list, /Leo Whitfield/);
    assert.doesNotMatch(list, /Mia/);
    const leoPage = await c.get(`/family/requests/${leoRequest}`);
    assert.equal(leoPage.statusCode, 200);
    assert.match(text(leoPage.body), /We decided not to assess your child’s needs/);
    assert.match(text(leoPage.body), /Our decision not to assess/);
    assert.equal((await c.get(`/family/documents/${leoLetter}`)).statusCode, 200);
    assert.equal((await c.get(`/family/requests/${miaRequest}`)).statusCode, 403);
  });
});
