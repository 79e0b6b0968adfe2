import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { aPlan, dateForm, decode, errorMessages } from './plans-support.js';
import { addDays, addMonths, formatLongDate } from '../../src/features/ehc/clock/index.js';
import type { Role } from '../../src/platform/access/roles.js';

const PFA = {
  pfaShown: 'yes',
  'pfa-employment-outcome': 'Ada will try work experience at the bike shop.',
  'pfa-employment-progress': 'She has visited twice.',
  'pfa-independent-living-outcome': 'Ada will travel to college on the bus alone.',
  'pfa-friends-community-outcome': 'Ada will join the youth climbing club.',
  'pfa-good-health-outcome': 'Ada will book her own GP appointments.',
  'route-0-step': 'Travel training', 'route-0-byWhen': 'Easter 2027', 'route-0-who': 'Independent travel team',
  'route-1-step': 'College taster day', 'route-1-byWhen': 'June 2027', 'route-1-who': 'School careers adviser',
};

describeApp('annual reviews: the clock, the forms, Preparing for Adulthood', (ctx) => {
  let today = '';
  let ada = { childId: '', planId: '', reviewId: '', finalOn: '' };
  let ben = { childId: '', planId: '', reviewId: '', finalOn: '' };
  const day = (n: number) => addDays(today, n);
  const long = (iso: string) => formatLongDate(iso);

  test('set up: Ada in Year 10 with a plan issued 350 days ago; Ben in Year 6', async () => {
    today = ctx().s.today();
    ada = await aPlan(ctx(), { givenName: 'Ada', familyName: 'Forde', dateOfBirth: '2011-10-10', finalDaysAgo: 350, final: { A: 'Ada loves bikes.', B: 'Dyslexia.' } });
    ben = await aPlan(ctx(), { givenName: 'Ben', familyName: 'Okafor', dateOfBirth: '2016-04-01', finalDaysAgo: 300, final: { A: 'Ben likes football.', F: 'Reading support daily.' } });
  });

  test('the review page shows the statutory dates from the clock: due 12 months after the plan, and the steps counted from it', async () => {
    const c = await ctx().signedIn('casework-officer');
    const res = await c.get(`/reviews/${ada.reviewId}`);
    assert.equal(res.statusCode, 200);
    const html = decode(res.body);
    const due = addMonths(ada.finalOn, 12);
    assert.match(html, new RegExp(`Due by ${long(due)}`));
    assert.match(html, new RegExp(`Invitations must go out by ${long(addDays(due, -14))} for a meeting on ${long(due)}`));
    const row = (label: string, dueOn: string, state: string) =>
      assert.match(html, new RegExp(`${label}</th>\\s*<td class="govuk-table__cell">${long(dueOn)}</td>\\s*<td class="govuk-table__cell">Not yet</td>\\s*<td class="govuk-table__cell"><strong class="govuk-tag[^"]*">\\s*${state}`), label);
    row('Invitations sent, with at least 2 weeks’ notice', addDays(due, -14), 'Due soon');
    row('Advice circulated, at least 2 weeks before the meeting', addDays(due, -14), 'Due soon');
    row('Review meeting held', due, 'Not due yet');
    row('Report sent, within 2 weeks of the meeting', addDays(due, 14), 'Not due yet');
    row('Council’s decision, within 4 weeks of the meeting', addDays(due, 28), 'Not due yet');
    assert.match(html, /Year 10 on/);
    assert.match(html, /<h2 class="govuk-heading-m" id="pfa">Preparing for Adulthood<\/h2>/);
    assert.match(html, /Every 12 months/);
  });

  test('the list of reviews due: soonest first, with state, filtered by month', async () => {
    const c = await ctx().signedIn('casework-manager');
    const res = await c.get('/reviews');
    assert.equal(res.statusCode, 200);
    const html = decode(res.body);
    const [a, b] = [html.indexOf('Ada Forde'), html.indexOf('Ben Okafor')];
    assert.ok(a > 0 && b > a, 'Ada (due sooner) before Ben');
    const month = addMonths(ada.finalOn, 12).slice(0, 7);
    const filtered = decode((await c.get(`/reviews?month=${month}`)).body);
    assert.match(filtered, /Ada Forde/);
    const other = addMonths(ben.finalOn, 12).slice(0, 7);
    if (other !== month) assert.doesNotMatch(filtered, /Ben Okafor/);
    const bad = await c.get('/reviews?month=2026-13');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(errorMessages(bad.body), ['Select a month from the list']);
  });

  test('booking the meeting: GOV.UK errors, then late invitations are recorded and shown as late', async () => {
    const c = await ctx().signedIn('casework-officer');
    const url = `/reviews/${ada.reviewId}/schedule`;
    const form = await c.get(url);
    assert.equal(form.statusCode, 200);
    assert.match(decode(form.body), /the invitations must go out by/);
    let res = await c.post(url, {});
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorMessages(res.body), ['Enter the date of the meeting']);
    res = await c.post(url, { ...dateForm('meetingOn', day(-2)), ...dateForm('invitationsSentOn', day(3)) });
    assert.deepEqual(errorMessages(res.body), ['The date the invitations were sent must be today or in the past']);
    res = await c.post(url, { ...dateForm('meetingOn', day(-2)), 'invitationsSentOn-day': '9' });
    assert.deepEqual(errorMessages(res.body), ['Date the invitations were sent must include a month and year']);
    // 7 days' notice: the law asks for 14. Recorded all the same, and shown as late.
    res = await c.post(url, { ...dateForm('meetingOn', day(-2)), ...dateForm('invitationsSentOn', day(-9)) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/reviews/${ada.reviewId}?done=schedule`);
    const page = decode((await c.get(String(res.headers.location))).body);
    assert.match(page, /Meeting date saved/);
    assert.match(page, new RegExp(`Invitations sent, with at least 2 weeks’ notice</th>\\s*<td class="govuk-table__cell">${long(day(-16))}</td>\\s*<td class="govuk-table__cell">${long(day(-9))}</td>\\s*<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--orange">\\s*Late`));
    assert.match(page, new RegExp(`Counted from the meeting on ${long(day(-2))}`));
  });

  test('recording the meeting from Year 9 asks for the Preparing for Adulthood outcomes and the route planner', async () => {
    const c = await ctx().signedIn('casework-officer');
    const url = `/reviews/${ada.reviewId}/meeting`;
    const form = decode((await c.get(url)).body);
    assert.match(form, /Ada Forde is in Year 10/);
    for (const label of ['Employment', 'Independent living', 'Friends, relationships and community', 'Good health', 'Route planner']) assert.match(form, new RegExp(label));
    let res = await c.post(url, { pfaShown: 'yes' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorMessages(res.body), [
      'Enter the date the meeting was held',
      'Enter the outcome agreed for employment',
      'Enter the outcome agreed for independent living',
      'Enter the outcome agreed for friends, relationships and community',
      'Enter the outcome agreed for good health',
    ]);
    res = await c.post(url, { ...PFA, ...dateForm('on', day(-2)), 'route-2-step': 'Apply to college' });
    assert.deepEqual(errorMessages(res.body), ['Enter when step 3 of the route planner should be done by', 'Enter who will do step 3 of the route planner']);
    assert.match(decode(res.body), /value="Apply to college"/);
    res = await c.post(url, { ...dateForm('on', day(5)), ...PFA });
    assert.deepEqual(errorMessages(res.body), ['The date of the meeting must be today or in the past']);
    res = await c.post(url, { ...PFA, ...dateForm('on', day(-2)), notes: 'Everyone agreed the plan still fits.' });
    assert.equal(res.statusCode, 303);
    const page = decode((await c.get(String(res.headers.location))).body);
    assert.match(page, /Review meeting recorded/);
    assert.match(page, /Ada will try work experience at the bike shop\./);
    assert.match(page, /She has visited twice\./);
    assert.match(page, /Ada will book her own GP appointments\./);
    assert.match(page, /<td class="govuk-table__cell">Travel training<\/td><td class="govuk-table__cell">Easter 2027<\/td><td class="govuk-table__cell">Independent travel team<\/td>/);
    assert.match(page, /Everyone agreed the plan still fits\./);
    const row = await ctx().s.db.selectFrom('annual_reviews').select('pfa').where('id', '=', ada.reviewId).executeTakeFirstOrThrow();
    assert.equal((row.pfa as { routePlanner: unknown[] }).routePlanner.length, 2);
  });

  test('the report follows the meeting', async () => {
    const c = await ctx().signedIn('casework-officer');
    const url = `/reviews/${ada.reviewId}/report`;
    let res = await c.post(url, dateForm('on', day(-3)));
    assert.deepEqual(errorMessages(res.body), [`The report follows the meeting: enter a date on or after ${long(day(-2))}`]);
    res = await c.post(url, dateForm('on', day(-1)));
    assert.equal(res.statusCode, 303);
  });

  test('the decision: a choice is needed, ceasing needs a SEN2 reason; keeping the plan schedules the next review from the meeting', async () => {
    const c = await ctx().signedIn('casework-officer');
    const url = `/reviews/${ada.reviewId}/decision`;
    const form = decode((await c.get(url)).body);
    assert.match(form, /Moved to another council area/);
    assert.match(form, /Transferred to another LA/);
    let res = await c.post(url, dateForm('on', today));
    assert.deepEqual(errorMessages(res.body), ['Select whether the council will keep, amend or stop the plan']);
    res = await c.post(url, { decision: 'cease', ...dateForm('on', today) });
    assert.deepEqual(errorMessages(res.body), ['Select why the plan is ceasing']);
    res = await c.post(url, { decision: 'maintain', ...dateForm('on', day(-3)) });
    assert.deepEqual(errorMessages(res.body), [`The decision follows the meeting: enter a date on or after ${long(day(-2))}`]);
    res = await c.post(url, { decision: 'maintain', ...dateForm('on', today) });
    assert.equal(res.statusCode, 303);
    const { s } = ctx();
    const reviews = await s.db.selectFrom('annual_reviews').select(['id', 'due_by', 'decision']).where('plan_id', '=', ada.planId).orderBy('due_by').execute();
    assert.equal(reviews.length, 2);
    assert.equal(reviews[0]!.decision, 'maintain');
    assert.equal(reviews[1]!.due_by, addMonths(day(-2), 12));
    const page = decode((await c.get(`/reviews/${ada.reviewId}`)).body);
    assert.match(page, new RegExp(`Keep the plan as it is, ${long(today)}`));
    assert.match(page, new RegExp(`href="/reviews/${reviews[1]!.id}">The next review`));
    assert.doesNotMatch(page, /Record the council’s decision/);
    // Decided: the list shows the next review, not this one.
    const list = decode((await c.get('/reviews')).body);
    assert.doesNotMatch(list, new RegExp(ada.reviewId));
    assert.match(list, new RegExp(reviews[1]!.id));
    // Once decided, the review's facts are not rewritten.
    res = await c.post(`/reviews/${ada.reviewId}/schedule`, dateForm('meetingOn', day(10)));
    assert.deepEqual(errorMessages(res.body), ['The council has already decided after this review: record changes on the next review']);
  });

  test('before Year 9 Preparing for Adulthood is not shown', async () => {
    const c = await ctx().signedIn('casework-officer');
    const page = decode((await c.get(`/reviews/${ben.reviewId}`)).body);
    assert.match(page, /Year 6 on/);
    assert.doesNotMatch(page, /Preparing for Adulthood/);
    const form = decode((await c.get(`/reviews/${ben.reviewId}/meeting`)).body);
    assert.doesNotMatch(form, /Preparing for Adulthood|Route planner|pfaShown/);
    const res = await c.post(`/reviews/${ben.reviewId}/meeting`, dateForm('on', day(-20)));
    assert.equal(res.statusCode, 303);
  });

  test('a phase transfer shows its deadline', async () => {
    const c = await ctx().signedIn('casework-officer');
    const url = `/reviews/${ben.reviewId}/phase-transfer`;
    let res = await c.post(url, {});
    assert.deepEqual(errorMessages(res.body), ['Select which phase transfer this is, or that there is none', 'Enter the year of the transfer']);
    res = await c.post(url, { kind: 'school-phase', year: '27' });
    assert.deepEqual(errorMessages(res.body), ['Year of the transfer must include 4 numbers, like 2027']);
    const year = Number(today.slice(0, 4)) + 1;
    res = await c.post(url, { kind: 'school-phase', year: String(year) });
    assert.equal(res.statusCode, 303);
    assert.match(decode((await c.get(`/reviews/${ben.reviewId}`)).body), new RegExp(`Between school phases, for example primary to secondary school, in ${year}. The plan must be reviewed and amended by 15 February ${year}\\.`));
    res = await c.post(url, { kind: 'secondary-to-post-16', year: String(year) });
    assert.match(decode((await c.get(`/reviews/${ben.reviewId}`)).body), new RegExp(`by 31 March ${year}\\.`));
  });

  test('amending: proposals and the amended plan become new versions of the plan, with the amendment dates', async () => {
    const c = await ctx().signedIn('casework-officer');
    let res = await c.post(`/reviews/${ben.reviewId}/amendments`, dateForm('on', day(-15)));
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorMessages(res.body), ['Amendments follow a decision to amend the plan']);
    res = await c.post(`/reviews/${ben.reviewId}/decision`, { decision: 'amend', ...dateForm('on', day(-16)) });
    assert.equal(res.statusCode, 303);
    const form = decode((await c.get(`/reviews/${ben.reviewId}/amendments`)).body);
    assert.match(form, /Reading support daily\./, 'pre-filled with the plan that stands');
    const sections = { 'section-A': 'Ben likes football.', 'section-F': 'Reading support daily. Speech therapy weekly.' };
    res = await c.post(`/reviews/${ben.reviewId}/amendments`, { ...dateForm('on', day(-18)), ...sections });
    assert.deepEqual(errorMessages(res.body), [`The proposals follow the decision: enter a date on or after ${long(day(-16))}`]);
    res = await c.post(`/reviews/${ben.reviewId}/amendments`, { ...dateForm('on', day(-15)), ...sections });
    assert.equal(res.statusCode, 303);
    let page = decode((await c.get(`/reviews/${ben.reviewId}`)).body);
    assert.match(page, new RegExp(`Amended plan issued, within 8 weeks of the proposals</th>\\s*<td class="govuk-table__cell">${long(addDays(day(-15), 56))}`));
    assert.match(page, new RegExp(`by ${long(addDays(day(-20), 84))}`), '12 weeks from the review meeting');
    res = await c.post(`/reviews/${ben.reviewId}/amended-plan`, { ...dateForm('on', today), ...sections, 'section-F': 'Reading support daily. Speech and language therapy weekly.' });
    assert.equal(res.statusCode, 303);
    const versions = await ctx().s.db.selectFrom('plan_versions').select(['version', 'kind', 'issued_on']).where('plan_id', '=', ben.planId).orderBy('version').execute();
    assert.deepEqual(versions.map((v) => [v.version, v.kind]), [[1, 'final'], [2, 'amendment-proposal'], [3, 'amended-final']]);
    const plan = decode((await c.get(`/plans/${ben.planId}`)).body);
    assert.match(plan, /Version 3: Amended final plan/);
    assert.match(plan, /Speech and language therapy weekly/);
    const compare = decode((await c.get(`/plans/${ben.planId}/compare?from=1&to=3`)).body);
    assert.match(compare, /\[Added: <\/span>Speech and language therapy weekly\./);
    page = decode((await c.get(`/reviews/${ben.reviewId}`)).body);
    assert.match(page, /Version 2: Proposed amendments/);
    assert.match(page, /Version 3: Amended final plan/);
  });

  test('ceasing a plan records the SEN2 reason, with its plain words; no next review', async () => {
    const cara = await aPlan(ctx(), { givenName: 'Cara', familyName: 'Lind', dateOfBirth: '2009-01-20', finalDaysAgo: 380, final: { A: 'Cara wants to be a vet.' } });
    const c = await ctx().signedIn('casework-officer');
    assert.equal((await c.post(`/reviews/${cara.reviewId}/schedule`, dateForm('meetingOn', day(-10)))).statusCode, 303);
    let res = await c.post(`/reviews/${cara.reviewId}/meeting`, { ...PFA, ...dateForm('on', day(-10)) });
    assert.equal(res.statusCode, 303);
    res = await c.post(`/reviews/${cara.reviewId}/decision`, { decision: 'cease', ceaseReason: '5', ...dateForm('on', day(-1)) });
    assert.equal(res.statusCode, 303);
    const page = decode((await c.get(`/reviews/${cara.reviewId}`)).body);
    assert.match(page, /Stop the plan \(cease to maintain it\), .*Reason: Moved to another council area \(SEN2: Transferred to another LA\)/);
    const plan = await ctx().s.db.selectFrom('plans').select(['status', 'cease_reason', 'ceased_on']).where('id', '=', cara.planId).executeTakeFirstOrThrow();
    assert.deepEqual(plan, { status: 'ceased', cease_reason: '5', ceased_on: day(-1) });
    const n = await ctx().s.db.selectFrom('annual_reviews').select('id').where('plan_id', '=', cara.planId).execute();
    assert.equal(n.length, 1);
    assert.match(decode((await c.get(`/plans/${cara.planId}`)).body), /This plan ceased on .*Reason: Transferred to another LA/);
  });

  test('who may do what: the school’s SENCO records meetings and reports, not decisions; families and clinical officers read', async () => {
    const { s } = ctx();
    const mia = await s.db.selectFrom('children').select('id').where('given_name', '=', 'Mia').executeTakeFirstOrThrow();
    const m = await aPlan(ctx(), { childId: mia.id, finalDaysAgo: 100, final: { A: 'Mia likes drawing.' } });
    const leo = await s.db.selectFrom('children').select('id').where('given_name', '=', 'Leo').executeTakeFirstOrThrow();
    const l = await aPlan(ctx(), { childId: leo.id, finalDaysAgo: 100, final: { A: 'Leo likes trains.' } });
    const senco = await ctx().signedIn('senco');
    assert.equal((await senco.get(`/reviews/${m.reviewId}`)).statusCode, 200);
    assert.equal((await senco.get(`/reviews/${m.reviewId}/schedule`)).statusCode, 200);
    assert.equal((await senco.post(`/reviews/${m.reviewId}/schedule`, dateForm('meetingOn', day(30)))).statusCode, 303);
    assert.equal((await senco.get(`/reviews/${m.reviewId}/decision`)).statusCode, 403);
    assert.equal((await senco.get(`/reviews/${l.reviewId}`)).statusCode, 403);
    const cases: [Role, number, number, number][] = [
      // role, Mia's review, Mia's schedule form, Leo's review
      ['family', 200, 403, 403],
      ['designated-clinical-officer', 200, 403, 200],
      ['health-professional', 403, 403, 403],
      ['analyst', 403, 403, 403],
    ];
    for (const [role, review, form, leoReview] of cases) {
      const c = await ctx().signedIn(role);
      assert.equal((await c.get(`/reviews/${m.reviewId}`)).statusCode, review, `${role} review`);
      assert.equal((await c.get(`/reviews/${m.reviewId}/schedule`)).statusCode, form, `${role} form`);
      assert.equal((await c.get(`/reviews/${l.reviewId}`)).statusCode, leoReview, `${role} Leo`);
      assert.equal((await c.get('/reviews')).statusCode, 403, `${role} list`);
    }
    const family = decode((await (await ctx().signedIn('family')).get(`/reviews/${m.reviewId}`)).body);
    assert.doesNotMatch(family, /Record the review/);
    const officer = await ctx().signedIn('casework-officer');
    assert.equal((await officer.get('/reviews/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await officer.post(`/reviews/${m.reviewId}/report`, dateForm('on', today), { withCsrf: false })).statusCode, 403);
  });

  test('views and changes are audited against the child', async () => {
    const { s } = ctx();
    const rows = await s.db.selectFrom('audit_log').select('action').where('child_id', '=', ada.childId).execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['review.viewed', 'review.schedule.recorded', 'review.meeting-held.recorded', 'review.report-sent.recorded', 'review.decision.recorded']) assert.ok(actions.has(a), a);
    const list = await s.db.selectFrom('audit_log').select('action').where('action', '=', 'review.list.viewed').execute();
    assert.ok(list.length > 0);
  });
});
