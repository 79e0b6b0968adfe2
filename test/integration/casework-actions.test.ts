import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type TestClient } from '../support/context.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { formatLongDate } from '../../src/features/ehc/clock/index.js';
import { aCase, dateForm, daysAgo, errorSummary } from './casework-support.js';

describeApp('casework: recording what happens, from the case page', (ctx) => {
  let officer: TestClient;
  let requestId = '';
  let receivedOn = '';
  const url = (action: string) => `/casework/requests/${requestId}/${action}`;

  /** Everything that could change on the case: if this is the same, nothing changed. */
  async function snapshot(id = requestId) {
    const { s } = ctx();
    const [request, events, advice, exceptions, versions] = await Promise.all([
      s.db.selectFrom('ehc_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      s.db.selectFrom('ehc_events').select('id').where('request_id', '=', id).execute(),
      s.db.selectFrom('advice_requests').select('id').where('request_id', '=', id).execute(),
      s.db.selectFrom('ehc_exceptions').select('id').where('request_id', '=', id).execute(),
      s.db.selectFrom('plan_versions').innerJoin('plans', 'plans.id', 'plan_versions.plan_id').select('plan_versions.id').where('plans.request_id', '=', id).execute(),
    ]);
    return JSON.stringify({ ...request, updated_at: null, events: events.length, advice: advice.length, exceptions: exceptions.length, versions: versions.length });
  }

  /** Posts a form expected to fail: 400, the GOV.UK error page, and nothing changed. */
  async function refused(action: string, form: Record<string, string>, id = requestId) {
    const before = await snapshot(id);
    await officer.get(`/casework/requests/${id}/${action}`);
    const res = await officer.post(`/casework/requests/${id}/${action}`, form);
    assert.equal(res.statusCode, 400, `${action}: ${res.statusCode}`);
    assert.match(res.body, /<title>Error: /);
    assert.equal(await snapshot(id), before, `${action}: nothing changed`);
    return errorSummary(res.body);
  }

  async function recorded(action: string, form: Record<string, string>, banner: RegExp, id = requestId) {
    const page = await officer.get(`/casework/requests/${id}/${action}`);
    assert.equal(page.statusCode, 200, action);
    const res = await officer.post(`/casework/requests/${id}/${action}`, form);
    assert.equal(res.statusCode, 303, `${action}: ${res.body.slice(0, 3000)}`);
    assert.equal(res.headers.location, `/casework/requests/${id}?done=${action}`);
    const next = await officer.get(String(res.headers.location));
    assert.match(next.body, /govuk-notification-banner--success/);
    assert.match(next.body, banner);
    return next.body;
  }

  test('set up', async () => {
    officer = await ctx().signedIn('casework-officer');
    ({ requestId, receivedOn } = await aCase(ctx(), { givenName: 'Ada', familyName: 'Actions', receivedDaysAgo: 150 }));
  });

  test('decide: errors for an empty form, a date before the request, and a "no" without reasons', async () => {
    assert.deepEqual(await refused('decision', {}), [
      ['Select whether you will carry out an assessment', '#outcome'],
      ['Enter the date of the decision', '#on-day'],
    ]);
    assert.deepEqual(await refused('decision', { outcome: 'assess', ...dateForm('on', daysAgo(ctx(), 151)) }), [
      [`Date of the decision must be on or after the request was received (${formatLongDate(receivedOn)})`, '#on-day'],
    ]);
    assert.deepEqual(await refused('decision', { outcome: 'not-assess', ...dateForm('on', daysAgo(ctx(), 20)) }), [
      ['Enter the reasons for not assessing: the family has a right to them', '#reasons'],
    ]);
    assert.deepEqual(await refused('decision', { outcome: 'assess', 'on-day': '31', 'on-month': '2', 'on-year': '2026' }), [['Date of the decision must be a real date', '#on-day']]);
  });

  test('decide to assess', async () => {
    const body = await recorded('decision', { outcome: 'assess', ...dateForm('on', daysAgo(ctx(), 100)) }, /Decision recorded/);
    assert.match(body, /Decided to assess/);
    const { s } = ctx();
    const r = await s.db.selectFrom('ehc_requests').select(['decision', 'decision_on', 'stage']).where('id', '=', requestId).executeTakeFirstOrThrow();
    assert.deepEqual(r, { decision: 'assess', decision_on: daysAgo(ctx(), 100), stage: 'assessing' });
    assert.match(body, /Decision whether to assess<\/td>[\s\S]*?Met late/, 'decided 8 days after the 6 weeks');
  });

  test('ask for advice: errors, an unknown person, then a person and a team', async () => {
    assert.deepEqual(await refused('advice', {}), [
      ['Select the kind of advice you are asking for', '#agency'],
      ['Select a team, or enter the email address of the person to ask', '#teamId'],
      ['Enter the date you asked for the advice', '#askedOn-day'],
    ]);
    assert.deepEqual(await refused('advice', { agency: 'health', assigneeEmail: 'nobody@example.org', ...dateForm('askedOn', daysAgo(ctx(), 28)) }), [
      ['There is no user with the email nobody@example.org', '#assigneeEmail'],
    ]);
    await recorded('advice', { agency: 'health', assigneeEmail: demoEmail('health-professional'), ...dateForm('askedOn', daysAgo(ctx(), 28)), question: 'Hearing?' }, /Advice requested/);
    const { s } = ctx();
    const council = await s.db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirstOrThrow();
    const team = await s.db.insertInto('teams').values({ organisation_id: council.id, name: 'Casework Test Social Care Team', agency: 'social-care' }).returning('id').executeTakeFirstOrThrow();
    const page = await officer.get(url('advice'));
    assert.match(page.body, /Casework Test Social Care Team \(Social care\)/);
    const body = await recorded('advice', { agency: 'social-care', teamId: team.id, ...dateForm('askedOn', daysAgo(ctx(), 28)) }, /Advice requested/);
    assert.match(body, /Social care advice asked of Casework Test Social Care Team/);
    assert.match(body, /Not received: due in 14 days/);
    const asked = await s.db.selectFrom('advice_requests').select(['agency', 'due_on']).where('request_id', '=', requestId).orderBy('agency').execute();
    assert.deepEqual(asked.map((a) => a.agency), ['health', 'social-care']);
  });

  test('record an exception: errors, a closure too short, then one that holds', async () => {
    assert.deepEqual(await refused('exception', {}), [
      ['Select which exception applies', '#kind'],
      ['Enter the date the exception started', '#from-day'],
      ['Enter the date the exception ended, or is expected to end', '#to-day'],
      ['Enter why the exception applies', '#reason'],
    ]);
    assert.deepEqual(await refused('exception', { kind: 'a', ...dateForm('from', daysAgo(ctx(), 20)), ...dateForm('to', daysAgo(ctx(), 10)), reason: 'Half term.' }), [
      ['End date must be at least 4 weeks after the start date for a closure', '#to-day'],
    ]);
    const body = await recorded('exception', { kind: 'c', ...dateForm('from', daysAgo(ctx(), 20)), ...dateForm('to', daysAgo(ctx(), 10)), reason: 'Family bereavement.' }, /Exception recorded/);
    assert.match(body, /Exceptional personal circumstances[\s\S]*?Family bereavement\./);
    assert.match(body, /An exception to the time limits applies/);
  });

  test('add an internal note: shown on the case page as internal', async () => {
    assert.deepEqual(await refused('note', { text: '  ' }), [['Enter the note', '#text']]);
    const body = await recorded('note', { text: 'Mum prefers calls after 3pm.' }, /Note added/);
    assert.match(body, /Internal note[\s\S]*?Internal: not shown to the family[\s\S]*?Mum prefers calls after 3pm\./);
    const { s } = ctx();
    const note = await s.db.selectFrom('ehc_events').select('visible_to_family').where('request_id', '=', requestId).where('type', '=', 'note').executeTakeFirstOrThrow();
    assert.equal(note.visible_to_family, false);
  });

  test('issue the draft: pre-filled from the advice received; at least one section', async () => {
    const { s } = ctx();
    const health = await s.db.selectFrom('advice_requests').select('id').where('request_id', '=', requestId).where('agency', '=', 'health').executeTakeFirstOrThrow();
    await s.ehc.recordEvent(s.db, null, requestId, { type: 'advice-received', adviceRequestId: health.id, receivedOn: daysAgo(ctx(), 10), nilReturn: false, advice: { C: 'Mild hearing loss.', G: 'Audiology every 6 months.' } }, s.today());
    const page = await officer.get(url('draft'));
    assert.match(page.body, /<textarea class="govuk-textarea" id="C" name="C" rows="6">Health: Mild hearing loss\.<\/textarea>/);
    assert.match(page.body, new RegExp(`id="K" name="K" rows="6">Health advice, received ${formatLongDate(daysAgo(ctx(), 10))}<`));
    assert.deepEqual(await refused('draft', {}), [
      ['Enter the date the draft plan was issued', '#on-day'],
      ['Write at least one section of the draft plan', '#A'],
    ]);
    const body = await recorded('draft', { ...dateForm('on', daysAgo(ctx(), 8)), A: 'Ada loves drawing.', C: 'Mild hearing loss.', G: 'Audiology.' }, /Draft plan issued/);
    assert.match(body, /Family’s comments on the draft/);
    const version = await s.db.selectFrom('plan_versions').innerJoin('plans', 'plans.id', 'plan_versions.plan_id').select(['kind', 'sections']).where('plans.request_id', '=', requestId).executeTakeFirstOrThrow();
    assert.deepEqual(version, { kind: 'draft', sections: { A: 'Ada loves drawing.', C: 'Mild hearing loss.', G: 'Audiology.' } });
  });

  test('record the family’s comments: not before the draft', async () => {
    assert.deepEqual(await refused('comments', { ...dateForm('on', daysAgo(ctx(), 9)) }), [
      [`Date the comments were received must be on or after the draft was issued (${formatLongDate(daysAgo(ctx(), 8))})`, '#on-day'],
    ]);
    const body = await recorded('comments', { ...dateForm('on', daysAgo(ctx(), 2)), comments: 'Please name the clinic.', preferredSetting: 'Fellside Primary School' }, /Comments recorded/);
    assert.match(body, /Preferred setting: Fellside Primary School/);
  });

  test('issue the final plan: the plan and its first review are linked from the case page', async () => {
    assert.deepEqual(await refused('final', {}), [['Enter the date the final plan was issued', '#on-day']]);
    assert.deepEqual(await refused('final', dateForm('on', daysAgo(ctx(), -1))), [['Date the final plan was issued must be today or in the past', '#on-day']]);
    const body = await recorded('final', dateForm('on', daysAgo(ctx(), 1)), /Final plan issued/);
    const { s } = ctx();
    const plan = await s.db.selectFrom('plans').select('id').where('request_id', '=', requestId).executeTakeFirstOrThrow();
    const review = await s.db.selectFrom('annual_reviews').select('id').where('plan_id', '=', plan.id).executeTakeFirstOrThrow();
    assert.match(body, new RegExp(`href="/plans/${plan.id}"`));
    assert.match(body, new RegExp(`href="/reviews/${review.id}"`));
    assert.match(body, /The final plan was not issued within 20 weeks/);
    assert.doesNotMatch((await officer.get('/casework')).body, /Ada Actions/, 'a plan issued leaves the queue');
    // Mediation and tribunal markers follow a plan the family may disagree with.
    assert.deepEqual(await refused('mediation', {}), [['Select where mediation has got to', '#status'], ['Enter the date', '#on-day']]);
    const after = await recorded('mediation', { status: 'requested', ...dateForm('on', daysAgo(ctx(), 0)), notes: 'About section I.' }, /Mediation recorded/);
    assert.match(after, /Mediation: Requested/);
  });

  test('decide not to issue, with the letter; a tribunal appeal', async () => {
    const other = await aCase(ctx(), { givenName: 'Nell', familyName: 'Notissued', receivedDaysAgo: 100, events: [{ type: 'decision', on: daysAgo(ctx(), 70), outcome: 'assess' }] });
    assert.deepEqual(await refused('not-issuing', {}, other.requestId), [
      ['Enter the date you told the family', '#on-day'],
      ['Enter the reasons for not issuing a plan: the family has a right to them', '#reasons'],
    ]);
    const body = await recorded('not-issuing', { ...dateForm('on', daysAgo(ctx(), 5)), reasons: 'Needs can be met from the school’s resources.' }, /Decision not to issue a plan recorded/, other.requestId);
    assert.match(body, /Our decision not to issue a plan/);
    assert.match(body, /The family can see this letter/);
    assert.deepEqual(await refused('tribunal', { status: 'nonsense', ...dateForm('on', daysAgo(ctx(), 1)) }, other.requestId), [['Select an option from the list', '#status']]);
    const after = await recorded('tribunal', { status: 'appeal-registered', ...dateForm('on', daysAgo(ctx(), 1)) }, /Tribunal appeal recorded/, other.requestId);
    assert.match(after, /Tribunal: Appeal registered/);
  });

  test('a decision not to assess: the letter with the family’s rights', async () => {
    const other = await aCase(ctx(), { givenName: 'Noor', familyName: 'Noassess', receivedDaysAgo: 20 });
    const body = await recorded('decision', { outcome: 'not-assess', reasons: 'Needs are met at SEN Support.', ...dateForm('on', daysAgo(ctx(), 1)) }, /Decision recorded/, other.requestId);
    assert.match(body, /Our decision not to assess/);
    assert.match(body, /Record mediation/);
  });

  test('every form page is audited as a view of the case', async () => {
    const { s } = ctx();
    const pages = await s.db.selectFrom('audit_log').select('details').where('action', '=', 'ehc.case.viewed').where('subject_id', '=', requestId).execute();
    const seen = new Set(pages.map((p) => (p.details as { page?: string }).page));
    for (const page of ['case', 'decision', 'advice', 'exception', 'note', 'draft', 'comments', 'final', 'mediation']) assert.ok(seen.has(page), page);
  });
});
