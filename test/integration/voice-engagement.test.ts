import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type TestClient } from '../support/context.js';
import { seedStrategyDemo } from '../../src/demo/strategy.seed.js';
import { SUBSCRIBE_PER_MINUTE } from '../../src/features/voice/subscriptions.routes.js';

const CONFIRM = /\/subscribe\/confirm\/([A-Za-z0-9_-]{43})/;
const UNSUBSCRIBE = /\/unsubscribe\/([A-Za-z0-9_-]{43})/;

describeApp('voice: emails, you said we did, feedback and working groups', (ctx) => {
  let leader: TestClient;
  const outbox = async (to: string) => ctx().s.notifications.list(ctx().s.db, { recipient: to });

  test('set-up', async () => {
    await seedStrategyDemo(ctx().s.db, { today: ctx().s.today() });
    leader = await ctx().signedIn('partnership-leader');
  });

  test('subscribing: double opt-in, the same answer for a known address, one-click unsubscribe', async () => {
    const { s } = ctx();
    const person = ctx().client();
    await person.get('/subscribe');
    const res = await person.post('/subscribe', { email: 'Reader@Example.org', topics: ['newsletter', 'surveys'] });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Check your email/);
    const [mail] = await outbox('reader@example.org');
    assert.ok(mail);
    assert.match(mail.body, UNSUBSCRIBE, 'even the confirmation carries an unsubscribe link');
    const confirm = CONFIRM.exec(mail.body)![1]!;
    const row = await s.db.selectFrom('subscribers').selectAll().where('email', '=', 'reader@example.org').executeTakeFirstOrThrow();
    assert.equal(row.confirmed_at, null, 'nothing is sent until the address is confirmed');

    // A mail scanner following the link confirms nothing: GET asks, POST confirms.
    const page = await person.get(`/subscribe/confirm/${confirm}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Confirm that you want these emails/);
    assert.equal((await s.db.selectFrom('subscribers').select('confirmed_at').where('id', '=', row.id).executeTakeFirstOrThrow()).confirmed_at, null);
    const done = await person.post(`/subscribe/confirm/${confirm}`);
    assert.match(done.body, /You are signed up/);
    assert.equal((await person.post(`/subscribe/confirm/${confirm}`)).statusCode, 404, 'a confirmation link works once');

    // Signing up again: the same page, whether or not the address was known.
    const other = ctx().client();
    await other.get('/subscribe');
    const known = await other.post('/subscribe', { email: 'reader@example.org', topics: ['newsletter'] });
    const unknown = await other.post('/subscribe', { email: 'someone.new@example.org', topics: ['newsletter'] });
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '').replace(/nonce="[^"]*"/g, '').replace(/reader@example\.org|someone\.new@example\.org/g, 'EMAIL');
    assert.equal(known.statusCode, unknown.statusCode);
    assert.equal(strip(known.body), strip(unknown.body));

    // A newsletter: each copy has its own unsubscribe link.
    await leader.get('/voice/newsletter');
    const sent = await leader.post('/voice/newsletter', { topic: 'newsletter', subject: 'News for November', body: 'The annual survey is open.' });
    assert.match(sent.body, /Sent to 1 person/);
    const news = (await outbox('reader@example.org')).find((m) => m.subject === 'News for November')!;
    const unsubscribe = UNSUBSCRIBE.exec(news.body)![1]!;
    assert.match(news.body, /Unsubscribe with one click: http:\/\/localhost:\d+\/unsubscribe\//);

    // Unsubscribe: GET asks, POST deletes the address. RFC 8058 one-click POST needs no CSRF token.
    const ask = await ctx().client().get(`/unsubscribe/${unsubscribe}`);
    assert.match(ask.body, /Unsubscribe from emails/);
    assert.ok(await s.db.selectFrom('subscribers').select('id').where('email', '=', 'reader@example.org').executeTakeFirst());
    const oneClick = await ctx().client().request('POST', `/unsubscribe/${unsubscribe}`, { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(oneClick.statusCode, 200);
    assert.match(oneClick.body, /You have unsubscribed/);
    assert.equal(await s.db.selectFrom('subscribers').select('id').where('email', '=', 'reader@example.org').executeTakeFirst(), undefined, 'the address is deleted');
  });

  test('subscribing: bad input is refused clearly, and sign-ups are rate limited', async () => {
    const person = ctx().client();
    await person.get('/subscribe');
    const bad = await person.post('/subscribe', { email: 'not an email', topics: 'nonsense' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#email">Enter an email address in the correct format, like name@example.com/);
    assert.match(bad.body, /href="#topics">Select what you want emails about/);
    let last = 0;
    for (let i = 0; i < SUBSCRIBE_PER_MINUTE + 1; i++) last = (await person.post('/subscribe', { email: `flood${i}@example.org`, topics: 'newsletter' })).statusCode;
    assert.equal(last, 429);
  });

  test('you said, we did: staff add an entry answered by a strategy action; the public page shows it', async () => {
    const { s } = ctx();
    const action = await s.db.selectFrom('strategy_actions').select(['id', 'reference', 'title']).where('reference', '=', '1.3').executeTakeFirstOrThrow();
    const form = await leader.get('/voice/you-said-we-did/new');
    assert.equal(form.statusCode, 200);
    const base = { sourceKind: 'survey', sourceLink: '/have-your-say', 'saidOn-day': '3', 'saidOn-month': '11', 'saidOn-year': '2026', published: 'yes' };
    const bad = await leader.post('/voice/you-said-we-did', { ...base, youSaid: '', weDid: '', status: 'done', actionId: action.id, 'saidOn-month': '13' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#youSaid">Enter what people said/);
    assert.match(bad.body, /href="#weDid">Enter what we did, before marking it done/);
    assert.match(bad.body, /href="#saidOn-(day|month)">The date must be a real date/);
    const script = '<img src=x onerror=alert(1)>';
    const ok = await leader.post('/voice/you-said-we-did', { ...base, youSaid: `Letters are hard to read ${script}`, weDid: 'We rewrote them with parents.', status: 'done', actionId: action.id });
    assert.equal(ok.statusCode, 303, ok.body);
    const page = await ctx().client().get('/you-said-we-did');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /We rewrote them with parents\./);
    assert.ok(page.body.includes(`href="/strategy#action-1.3">Action 1.3: ${action.title}`));
    assert.ok(!page.body.includes(script));
    assert.ok(page.body.includes('&lt;img src=x onerror=alert(1)&gt;'));
    const audit = await s.db.selectFrom('audit_log').select('action').where('action', '=', 'you-said-we-did.created').execute();
    assert.equal(audit.length, 1);
    for (const role of ['family', 'administrator', 'casework-officer'] as const) {
      assert.equal((await (await ctx().signedIn(role)).post('/voice/you-said-we-did', { ...base, youSaid: 'x', status: 'listening' })).statusCode, 403, role);
    }
  });

  test('feedback on any page: stored without who sent it, published only after a moderator approves', async () => {
    const { s } = ctx();
    const person = ctx().client();
    const page = await person.get('/accessibility');
    assert.match(page.body, /href="\/feedback\?page=%2Faccessibility"/);
    const form = await person.get('/feedback?page=%2Faccessibility');
    assert.match(form.body, /About the page <a class="govuk-link" href="\/accessibility">/);
    const tooLong = await person.post('/feedback', { page: '/accessibility', useful: 'no', comment: 'x'.repeat(1201) });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /Your comment must be 1,200 characters or fewer \(it has 1,201\)/);
    const offsite = await person.post('/feedback', { page: '//evil.example/', useful: 'yes', comment: '' });
    assert.equal(offsite.statusCode, 200);
    const sent = await person.post('/feedback', { page: '/accessibility', useful: 'no', comment: 'The text is too small <b>bold</b>' });
    assert.equal(sent.statusCode, 200);
    const rows = await s.db.selectFrom('page_feedback').selectAll().orderBy('comment').execute();
    assert.deepEqual(rows.map((r) => r.page).sort(), ['/', '/accessibility'], 'a page off this site becomes the start page');
    assert.ok(!(await ctx().client().get('/you-said-we-did')).body.includes('too small'), 'not published before moderation');
    const moderation = await leader.get('/voice/feedback');
    assert.ok(moderation.body.includes('The text is too small &lt;b&gt;bold&lt;/b&gt;'));
    const id = rows.find((r) => r.comment.startsWith('The text'))!.id;
    assert.equal((await leader.post(`/voice/feedback/${id}`, { decision: 'publish', reply: 'We made it bigger.' })).statusCode, 303);
    const pub = await ctx().client().get('/you-said-we-did');
    assert.ok(pub.body.includes('The text is too small &lt;b&gt;bold&lt;/b&gt;'));
    assert.match(pub.body, /We made it bigger\./);
    const forum = await ctx().signedIn('forum-member');
    assert.equal((await forum.get('/voice/feedback')).statusCode, 200, 'the forum moderates too');
    // From published feedback to a "you said, we did" entry: the form starts filled in.
    const start = await forum.get('/voice/you-said-we-did/new?source=feedback&link=%2Fyou-said-we-did%23feedback');
    assert.match(start.body, /name="sourceLink" type="text" value="\/you-said-we-did#feedback"/);
    assert.match(start.body, /value="feedback" checked/);
  });

  test('working groups: members with parent carer representatives, meetings, minutes, actions and a public feed', async () => {
    const { s } = ctx();
    await leader.get('/voice/groups');
    const made = await leader.post('/voice/groups', { name: 'Engagement and co-production', purpose: 'Families taking part.' });
    assert.equal(made.statusCode, 303);
    const groupId = String(made.headers.location).split('/').pop()!;
    const dup = await leader.post('/voice/groups', { name: 'Engagement and co-production', purpose: '' });
    assert.match(dup.body, /There is already a group with this name/);
    assert.equal((await leader.post(`/voice/groups/${groupId}/members`, { email: '', memberName: 'Joanne Pattinson', organisation: 'SENDAC', parentCarerRep: 'yes' })).statusCode, 303);
    assert.equal((await leader.post(`/voice/groups/${groupId}/members`, { email: 'forum-member@demo.send-hub.example', memberName: '', organisation: '' })).statusCode, 303);
    const noone = await leader.post(`/voice/groups/${groupId}/members`, { email: 'nobody@example.org', memberName: '', organisation: '' });
    assert.match(noone.body, /There is no account with this email address/);
    const group = await leader.get(`/voice/groups/${groupId}`);
    assert.match(group.body, /Joanne Pattinson, SENDAC <strong class="govuk-tag govuk-tag--purple">\s*Parent carer representative/);
    assert.match(group.body, /Nadia Rowe/);

    const badMeeting = await leader.post(`/voice/groups/${groupId}/meetings`, { title: 'Monthly', 'on-day': '1', 'on-month': '12', 'on-year': '2099', startTime: '11:00', endTime: '10:00', place: '', agenda: '' });
    assert.equal(badMeeting.statusCode, 400);
    assert.match(badMeeting.body, /The end time must be after the start time/);
    const meeting = await leader.post(`/voice/groups/${groupId}/meetings`, { title: 'Monthly meeting', 'on-day': '1', 'on-month': '7', 'on-year': '2099', startTime: '10:00', endTime: '12pm', place: 'Cumbria House, Carlisle', agenda: '1. Welcome' });
    assert.equal(meeting.statusCode, 303);
    const meetingId = String(meeting.headers.location).split('/').pop()!;
    const stored = await s.db.selectFrom('group_meetings').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
    assert.equal(new Date(stored.starts_at).toISOString(), '2099-07-01T09:00:00.000Z', '10am in British Summer Time');
    const action = await s.db.selectFrom('strategy_actions').select('id').where('reference', '=', '1.1').executeTakeFirstOrThrow();
    await leader.get(`/voice/meetings/${meetingId}`);
    assert.equal((await leader.post(`/voice/meetings/${meetingId}/notes`, { agenda: '1. Welcome', minutes: 'Joanne Pattinson shared what families said.' })).statusCode, 303);
    assert.equal((await leader.post(`/voice/meetings/${meetingId}/actions`, { text: 'Draft the charter', owner: 'SENDAC', 'due-day': '', 'due-month': '', 'due-year': '', strategyActionId: action.id })).statusCode, 303);
    const page = await leader.get(`/voice/meetings/${meetingId}`);
    assert.match(page.body, /Answers the strategy’s action 1\.1/);

    // The public calendar and its iCalendar feed: titles, times and places; no members, no minutes.
    const calendar = await ctx().client().get('/meetings');
    assert.match(calendar.body, /Engagement and co-production: Monthly meeting/);
    const ics = await ctx().client().get('/meetings.ics');
    assert.equal(ics.statusCode, 200);
    assert.match(String(ics.headers['content-type']), /^text\/calendar/);
    assert.match(ics.body, /BEGIN:VCALENDAR/);
    assert.match(ics.body, /SUMMARY:Engagement and co-production: Monthly meeting/);
    assert.match(ics.body, /DTSTART:20990701T090000Z/);
    assert.match(ics.body, /LOCATION:Cumbria House\\, Carlisle/);
    assert.ok(!/Joanne|Nadia|charter|Welcome/.test(ics.body), 'no members, agendas, minutes or actions in the public feed');
  });
});
