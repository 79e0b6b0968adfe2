import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { addDays, formatLongDate } from '../../src/features/ehc/clock/index.js';
import type { Role } from '../../src/platform/access/roles.js';
import { aCase, dateForm, daysAgo, decode, errorSummary, section, userId } from './casework-support.js';

describeApp('casework: queues, adding work, the case page and its refusals', (ctx) => {
  let overdue: Awaited<ReturnType<typeof aCase>>;
  let dueSoon: Awaited<ReturnType<typeof aCase>>;
  let later: Awaited<ReturnType<typeof aCase>>;
  let managers: Awaited<ReturnType<typeof aCase>>;

  test('set up: cases at known distances from their deadlines', async () => {
    // Decision due 42 days after the request: 50 days ago is 8 days late; 38 days ago is due in 4.
    overdue = await aCase(ctx(), { givenName: 'Olive', familyName: 'Overdue', receivedDaysAgo: 50 });
    dueSoon = await aCase(ctx(), { givenName: 'Wren', familyName: 'Weekly', receivedDaysAgo: 38 });
    later = await aCase(ctx(), { givenName: 'Lara', familyName: 'Later', receivedDaysAgo: 5 });
    managers = await aCase(ctx(), { givenName: 'Milo', familyName: 'Managed', receivedDaysAgo: 60, officer: 'casework-manager' });
    // Closed: not in any queue.
    await aCase(ctx(), { givenName: 'Cora', familyName: 'Closed', receivedDaysAgo: 30, events: [{ type: 'decision', on: daysAgo(ctx(), 2), outcome: 'not-assess', reasons: 'Needs met at SEN Support.' }] });
  });

  test('the officer’s queue: their open cases, overdue, due this week and the rest, by next deadline', async () => {
    const c = await ctx().signedIn('casework-officer');
    const res = await c.get('/casework');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(section(html, 'overdue'), /Olive Overdue/);
    assert.match(section(html, 'overdue'), /Decision whether to assess/);
    assert.match(section(html, 'overdue'), new RegExp(formatLongDate(addDays(overdue.receivedOn, 42))));
    assert.match(section(html, 'overdue'), /govuk-tag--red">\s*Overdue/);
    assert.match(section(html, 'due-this-week'), /Wren Weekly/);
    assert.match(section(html, 'due-this-week'), /Due soon/);
    assert.match(section(html, 'on-time'), /Lara Later/);
    assert.doesNotMatch(html, /Milo Managed/, 'another officer’s case is not in my list');
    assert.doesNotMatch(html, /Cora Closed/, 'closed cases are not in the queue');
    assert.match(html, /href="\/casework\/requests\/[0-9a-f-]{36}"/);
    assert.ok(html.indexOf('Olive Overdue') < html.indexOf('Wren Weekly') && html.indexOf('Wren Weekly') < html.indexOf('Lara Later'));
    void dueSoon;
    void later;
  });

  test('filters in the URL: stage, lateness and part of the child’s name', async () => {
    const c = await ctx().signedIn('casework-officer');
    const byName = (await c.get('/casework?q=wren')).body;
    assert.match(byName, /Wren Weekly/);
    assert.doesNotMatch(byName, /Olive Overdue|Lara Later/);
    assert.match(byName, /1 case match the filters/);
    const late = (await c.get('/casework?lateness=overdue')).body;
    assert.match(late, /Olive Overdue/);
    assert.doesNotMatch(late, /Wren Weekly|Lara Later/);
    const assessing = (await c.get('/casework?stage=assessing')).body;
    assert.doesNotMatch(assessing, /Olive Overdue|Wren Weekly|Lara Later/);
    assert.match(assessing, /0 cases match the filters/);
    // Wildcards are text, and nonsense filters are ignored rather than errors.
    assert.doesNotMatch((await c.get('/casework?q=%25')).body, /Olive Overdue/);
    assert.equal((await c.get('/casework?stage=nonsense&lateness=x&officer=y')).statusCode, 200);
  });

  test('a manager sees every officer’s cases, and can choose one', async () => {
    const c = await ctx().signedIn('casework-manager');
    const all = (await c.get('/casework')).body;
    assert.match(section(all, 'overdue'), /Milo Managed/);
    assert.match(section(all, 'overdue'), /Olive Overdue/);
    assert.match(all, /Priya Shah/, 'the officer column');
    const mine = (await c.get(`/casework?officer=${await userId(ctx(), 'casework-manager')}`)).body;
    assert.match(mine, /Milo Managed/);
    assert.doesNotMatch(mine, /Olive Overdue/);
    void managers;
  });

  test('the team caseload: counts by stage and by officer, each linking to the filtered list', async () => {
    const c = await ctx().signedIn('casework-manager');
    const res = await c.get('/casework/team');
    assert.equal(res.statusCode, 200);
    const byStage = /<caption[^>]*id="by-stage"[\s\S]*?<\/table>/.exec(res.body)![0];
    const requested = /<th scope="row" class="govuk-table__header">Request received<\/th>([\s\S]*?)<\/tr>/.exec(byStage)![1]!;
    const counts = [...requested.matchAll(/<td[^>]*>(?:<a[^>]*href="([^"]*)"[^>]*>)?(\d+)/g)].map((m) => [Number(m[2]), m[1] ? decode(m[1]) : null]);
    assert.deepEqual(counts, [
      [1, '/casework?stage=requested&lateness=on-time'],
      [1, '/casework?stage=requested&lateness=due-this-week'],
      [2, '/casework?stage=requested&lateness=overdue'],
      [4, '/casework?stage=requested'],
    ]);
    const officerId = await userId(ctx(), 'casework-officer');
    assert.match(res.body, new RegExp(`href="/casework\\?officer=${officerId}&amp;lateness=overdue">1<`));
    const followed = (await c.get(`/casework?stage=requested&lateness=overdue`)).body;
    assert.match(followed, /Milo Managed/);
    assert.match(followed, /Olive Overdue/);
    assert.doesNotMatch(followed, /Wren Weekly/);
  });

  test('adding a child: an empty form names every required field, and adds nothing', async () => {
    const { s } = ctx();
    const before = await s.db.selectFrom('children').select(s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const c = await ctx().signedIn('casework-officer');
    assert.equal((await c.get('/casework/children/new')).statusCode, 200);
    const res = await c.post('/casework/children/new', {});
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Error: Add a child/);
    assert.deepEqual(errorSummary(res.body), [
      ['Enter the child’s first name', '#givenName'],
      ['Enter the child’s last name', '#familyName'],
      ['Enter the child’s date of birth', '#dateOfBirth-day'],
      ['Enter the name of the main family contact', '#memberName'],
      ['Select how the main contact is related to the child', '#relationship'],
      ['Select how the main contact would like us to contact them', '#contactPreference'],
    ]);
    for (const id of ['givenName', 'familyName', 'dateOfBirth', 'memberName', 'relationship', 'contactPreference']) assert.match(res.body, new RegExp(`id="${id}-error"`), id);
    const after = await s.db.selectFrom('children').select(s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('adding a child: a part-date, a wrong UPN and a missing email are each named', async () => {
    const c = await ctx().signedIn('casework-officer');
    await c.get('/casework/children/new');
    const res = await c.post('/casework/children/new', {
      givenName: 'Ava', familyName: 'Nixon', 'dateOfBirth-day': '2', 'dateOfBirth-month': '', 'dateOfBirth-year': '2015',
      upn: 'A201001234567', memberName: 'Jen Nixon', relationship: 'mother', contactPreference: 'email',
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorSummary(res.body).map(([t, h]) => [t.replace(/ \(.*$/, ''), h]), [
      ['Date of birth must include a month', '#dateOfBirth-month'],
      [errorSummary(res.body)[1]![0].replace(/ \(.*$/, ''), '#upn'],
      ['Enter an email address: the main contact prefers email', '#email'],
    ]);
    assert.match(errorSummary(res.body)[1]![0], /unique pupil number/);
    assert.match(res.body, /value="Ava"/, 'what was typed is kept');
    assert.match(res.body, /govuk-input--width-2 govuk-input--error" id="dateOfBirth-month"/);
  });

  let newChildId = '';
  test('adding a child, then recording their request: the officer is assigned and the clock starts', async () => {
    const { s } = ctx();
    const c = await ctx().signedIn('casework-officer');
    const school = await s.db.selectFrom('organisations').select('id').where('name', '=', 'Fellside Primary School').executeTakeFirstOrThrow();
    await c.get('/casework/children/new');
    const res = await c.post('/casework/children/new', {
      givenName: 'Ava', familyName: 'Nixon', ...dateForm('dateOfBirth', '2015-03-02'), postcode: 'ca28 7qs', schoolId: school.id,
      memberName: 'Jen Nixon', relationship: 'mother', email: 'Jen@example.org', contactPreference: 'email',
    });
    assert.equal(res.statusCode, 303, res.body);
    const location = String(res.headers.location);
    assert.match(location, /^\/casework\/requests\/new\?childId=/);
    newChildId = location.split('=')[1]!;
    const child = await s.db.selectFrom('children').selectAll().where('id', '=', newChildId).executeTakeFirstOrThrow();
    assert.equal(child.postcode, 'CA28 7QS');
    const member = await s.db.selectFrom('family_members').selectAll().where('child_id', '=', newChildId).executeTakeFirstOrThrow();
    assert.deepEqual([member.name, member.email, member.main_contact], ['Jen Nixon', 'jen@example.org', true]);
    assert.ok(await s.db.selectFrom('audit_log').select('id').where('action', '=', 'child.created').where('child_id', '=', newChildId).executeTakeFirst());

    const form = await c.get(location);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Ava Nixon/);
    const empty = await c.post(location, {});
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorSummary(empty.body), [
      ['Enter the date the request was received', '#receivedOn-day'],
      ['Select who asked for the assessment', '#requestedBy'],
    ]);
    const future = await c.post(location, { ...dateForm('receivedOn', addDays(s.today(), 1)), requestedBy: 'parent' });
    assert.deepEqual(errorSummary(future.body), [['Date the request was received must be today or in the past', '#receivedOn-day']]);
    assert.equal((await s.db.selectFrom('ehc_requests').select('id').where('child_id', '=', newChildId).execute()).length, 0);

    const ok = await c.post(location, { ...dateForm('receivedOn', daysAgo(ctx(), 3)), requestedBy: 'school', requesterName: 'Jo Kirkby', reason: 'Speech and language needs.' });
    assert.equal(ok.statusCode, 303, ok.body);
    const request = await s.db.selectFrom('ehc_requests').selectAll().where('child_id', '=', newChildId).executeTakeFirstOrThrow();
    assert.equal(ok.headers.location, `/casework/requests/${request.id}?done=request`);
    assert.equal(request.officer_user_id, await userId(ctx(), 'casework-officer'));
    assert.equal(request.received_on, daysAgo(ctx(), 3));
    const page = await c.get(String(ok.headers.location));
    assert.match(page.body, /govuk-notification-banner--success/);
    assert.match(page.body, /Request recorded/);
    assert.match((await c.get('/casework')).body, /Ava Nixon/);

    const again = await c.post(location, { ...dateForm('receivedOn', daysAgo(ctx(), 1)), requestedBy: 'parent' });
    assert.equal(again.statusCode, 400);
    assert.deepEqual(errorSummary(again.body), [['This child already has a request for assessment in progress', '#child']]);
  });

  test('a request nobody has taken: the officer finds it and takes it; only casework officers can be chosen', async () => {
    const { s } = ctx();
    const online = await aCase(ctx(), { givenName: 'Una', familyName: 'Unassigned', receivedDaysAgo: 1, officer: null });
    const c = await ctx().signedIn('casework-officer');
    const queue = (await c.get('/casework')).body;
    assert.doesNotMatch(queue, /Una Unassigned/);
    assert.match(queue, /1 open request has no officer/);
    const managerId = await userId(ctx(), 'casework-manager');
    assert.doesNotMatch((await c.get(`/casework?officer=${managerId}`)).body, /Milo Managed/, 'an officer cannot look at another officer’s list');
    const untaken = (await c.get('/casework?officer=none')).body;
    assert.match(untaken, /Cases nobody has taken/);
    assert.match(untaken, /Una Unassigned/);
    assert.doesNotMatch(untaken, /Olive Overdue/);
    assert.match((await c.get(`/casework/requests/${online.requestId}`)).body, /Officer: Not assigned \(<a class="govuk-link" href="[^"]+\/officer">take this case/);

    assert.equal((await c.get(`/casework/requests/${online.requestId}/officer`)).statusCode, 200);
    const wrong = await c.post(`/casework/requests/${online.requestId}/officer`, { officer: await userId(ctx(), 'social-worker') });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(errorSummary(wrong.body), [['Select the officer from the list', '#officer']]);
    const ok = await c.post(`/casework/requests/${online.requestId}/officer`, { officer: await userId(ctx(), 'casework-officer') });
    assert.equal(ok.statusCode, 303);
    assert.match((await c.get(String(ok.headers.location))).body, /Officer changed/);
    const row = await s.db.selectFrom('ehc_requests').select('officer_user_id').where('id', '=', online.requestId).executeTakeFirstOrThrow();
    assert.equal(row.officer_user_id, await userId(ctx(), 'casework-officer'));
    assert.ok(await s.db.selectFrom('audit_log').select('id').where('action', '=', 'ehc.officer-assigned').where('subject_id', '=', online.requestId).executeTakeFirst());
    assert.match((await c.get('/casework')).body, /Una Unassigned/);
  });

  test('the case page: child, deadlines with their states, timeline; every view audited', async () => {
    const { s } = ctx();
    const c = await ctx().signedIn('casework-officer');
    const res = await c.get(`/casework/requests/${overdue.requestId}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="govuk-heading-l">Olive Overdue<\/h1>/);
    assert.match(res.body, /Decision whether to assess<\/td>\s*<td class="govuk-table__cell">[^<]+<\/td>\s*<td class="govuk-table__cell">Not yet<\/td>\s*<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--red">\s*Overdue/);
    assert.match(res.body, /Final plan<\/td>[\s\S]*?Not due/);
    assert.match(res.body, /Request received from a parent or carer/);
    assert.match(res.body, /No advice has been asked for yet/);
    const audit = await s.db.selectFrom('audit_log').selectAll().where('action', '=', 'ehc.case.viewed').where('child_id', '=', overdue.childId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(audit.actor_role, 'casework-officer');
    assert.equal(audit.request_id, res.headers['x-request-id']);
    assert.equal(audit.subject_id, overdue.requestId);
  });

  test('no such case is a 404, a malformed id too', async () => {
    const c = await ctx().signedIn('casework-officer');
    assert.equal((await c.get('/casework/requests/4b6f6e5a-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await c.get(`/casework/requests/not-a-uuid'%20or%201=1`)).statusCode, 404);
    assert.equal((await c.get('/casework/requests/not-a-uuid/decision')).statusCode, 404);
    assert.equal((await c.get('/casework/requests/new?childId=nope')).statusCode, 404);
  });

  test('a health professional linked to the child is still refused every casework page', async () => {
    const { s } = ctx();
    const mia = await s.db.selectFrom('children').select('id').where('given_name', '=', 'Mia').executeTakeFirstOrThrow();
    const req = await s.ehc.createRequest(s.db, null, { childId: mia.id, receivedOn: daysAgo(ctx(), 10), requestedBy: 'parent' }, s.today());
    const health = await ctx().signedIn('health-professional');
    assert.ok(await s.access.linkedTo(s.db, (await s.users.findByEmail(s.db, 'health-professional@demo.send-hub.example'))! as never, mia.id, ['advice']));
    for (const url of ['/casework', `/casework/requests/${req}`, `/casework/requests/${req}/note`, `/casework/requests/new?childId=${mia.id}`]) {
      assert.equal((await health.get(url)).statusCode, 403, url);
    }
    await health.get('/home');
    const post = await health.post(`/casework/requests/${req}/note`, { text: 'Trying.' });
    assert.equal(post.statusCode, 403);
    for (const role of ['family', 'designated-clinical-officer', 'senco'] as Role[]) {
      assert.equal((await (await ctx().signedIn(role)).get(`/casework/requests/${req}`)).statusCode, 403, role);
    }
    assert.equal((await (await ctx().signedIn('casework-officer')).get('/casework/team')).statusCode, 403, 'the team view is the manager’s');
    const notes = await s.db.selectFrom('ehc_events').select('id').where('request_id', '=', req).where('type', '=', 'note').execute();
    assert.equal(notes.length, 0);
  });
});
