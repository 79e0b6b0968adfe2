import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeApp, type TestClient } from '../support/context.js';
import { seedStrategyDemo } from '../../src/demo/strategy.seed.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { ANSWERS_PER_MINUTE } from '../../src/features/voice/survey.routes.js';

const LINK = /\/s\/([A-Za-z0-9_-]{43})/;

/** The survey form's one-time nonce, read from the page as a browser would send it. */
const nonceOf = (html: string) => /name="_nonce" value="([^"]+)"/.exec(html)?.[1] ?? '';

describeApp('voice: surveys, anonymity and results', (ctx) => {
  let leader: TestClient;
  let annualId = '';
  let openId = '';
  let openToken = '';

  test('set-up: the strategy, and a leader signed in', async () => {
    await seedStrategyDemo(ctx().s.db, { today: ctx().s.today() });
    leader = await ctx().signedIn('partnership-leader');
  });

  test('the SEND Annual Survey template asks about every "what it will look like for families" statement', async () => {
    const page = await leader.get('/voice/surveys/new');
    assert.equal(page.statusCode, 200);
    const res = await leader.post('/voice/surveys', { template: 'annual', year: '2027', title: '', description: '', anonymous: 'yes', audience: 'list' });
    assert.equal(res.statusCode, 303, res.body);
    annualId = String(res.headers.location).split('/').pop()!;
    const { s } = ctx();
    const statements = await s.db.selectFrom('strategy_family_statements').select('id').execute();
    const questions = await s.db.selectFrom('survey_questions').select(['kind', 'statement_id', 'text']).where('survey_id', '=', annualId).execute();
    const asked = questions.filter((q) => q.statement_id !== null);
    assert.equal(asked.length, statements.length);
    assert.ok(asked.every((q) => q.kind === 'agreement'));
    assert.ok(questions.some((q) => q.text === 'Families feel well informed, and agree that information and processes are clear and transparent.'));
    const survey = await leader.get(`/voice/surveys/${annualId}`);
    assert.match(survey.body, /SEND Annual Survey 2027/);
    // A second annual survey for the same year is refused, with the GOV.UK error pattern.
    const again = await leader.post('/voice/surveys', { template: 'annual', year: '2027', title: '', description: '', anonymous: 'yes', audience: 'list' });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /<title>Error: /);
    assert.match(again.body, /href="#year">There is already a SEND Annual Survey for 2027/);
  });

  test('invitations go through the outbox, one single-use link each', async () => {
    assert.equal((await leader.post(`/voice/surveys/${annualId}/status`, { change: 'open' })).statusCode, 303);
    const res = await leader.post(`/voice/surveys/${annualId}/invitees`, { emails: 'parent.one@example.org\nParent.Two@example.org, parent.one@example.org' });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /2 people were invited/);
    const { s } = ctx();
    const outbox = await s.notifications.list(s.db, { recipient: 'parent.two@example.org' });
    assert.equal(outbox.length, 1);
    assert.match(outbox[0]!.body, LINK);
    assert.match(outbox[0]!.body, /Your answers are anonymous/);
    const bad = await leader.post(`/voice/surveys/${annualId}/invitees`, { emails: 'not-an-email' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Check these email addresses: not-an-email/);
  });

  test('an anonymous answer keeps no person, no invitee, no address and no time: read as an administrator would', async () => {
    const { s } = ctx();
    const mail = (await s.notifications.list(s.db, { recipient: 'parent.one@example.org' }))[0]!;
    const token = LINK.exec(mail.body)![1]!;
    // The family answers signed in: still nothing links the answer to them.
    const family = await ctx().signedIn('family');
    const form = await family.get(`/s/${token}`);
    assert.equal(form.statusCode, 200, form.body);
    assert.match(form.body, /This survey is anonymous/);
    const questions = await s.db.selectFrom('survey_questions').select(['position', 'kind', 'statement_id']).where('survey_id', '=', annualId).orderBy('position').execute();
    const firstStatement = questions.find((q) => q.statement_id)!.position;
    const auditBefore = await s.db.selectFrom('audit_log').select(sql<number>`max(id)`.as('id')).executeTakeFirstOrThrow();
    const sent = await family.post(`/s/${token}`, { _nonce: nonceOf(form.body), q1: 'A parent or carer', [`q${firstStatement}`]: 'agree' });
    assert.equal(sent.statusCode, 303, sent.body);
    assert.equal(sent.headers.location, `/s/${token}/thank-you`);

    // Every column of every row an administrator could read.
    const responses = await sql<Record<string, unknown>>`select * from survey_responses where survey_id = ${annualId}`.execute(s.db);
    assert.equal(responses.rows.length, 1);
    const row = responses.rows[0]!;
    assert.deepEqual(Object.keys(row).sort(), ['id', 'invitee_id', 'responded_on', 'respondent_user_id', 'survey_id']);
    assert.equal(row.respondent_user_id, null);
    assert.equal(row.invitee_id, null);
    assert.match(String(row.responded_on), /^\d{4}-\d{2}-01$/, 'only the month is kept');
    // No column anywhere in the survey tables could order or date a response more finely.
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_name in ('survey_responses','survey_answers','survey_submissions','survey_invite_tokens')`.execute(s.db);
    for (const c of columns.rows) {
      assert.ok(!/timestamp|serial|integer|bigint/.test(c.data_type), `${c.table_name}.${c.column_name} is ${c.data_type}`);
      assert.ok(!/ip|address|user_agent|created/.test(c.column_name), `${c.table_name}.${c.column_name}`);
    }
    const answers = await sql<Record<string, unknown>>`select a.* from survey_answers a join survey_responses r on r.id = a.response_id where r.survey_id = ${annualId}`.execute(s.db);
    assert.deepEqual(Object.keys(answers.rows[0]!).sort(), ['id', 'question_id', 'response_id', 'value']);
    // The invitee is marked as having answered by their token's absence: nothing joins them to the answer.
    const tokens = await s.db.selectFrom('survey_invite_tokens').selectAll().where('survey_id', '=', annualId).execute();
    assert.equal(tokens.length, 1, 'the used token is gone; the other invitee still has theirs');
    const submissions = await sql<Record<string, unknown>>`select * from survey_submissions where survey_id = ${annualId}`.execute(s.db);
    assert.deepEqual(Object.keys(submissions.rows[0]!).sort(), ['nonce_hash', 'survey_id', 'used_on']);
    // The staff page says who has answered, never which answer is theirs.
    const page = await leader.get(`/voice/surveys/${annualId}`);
    assert.match(page.body, /parent\.one@example\.org<\/td><td class="govuk-table__cell">[^<]+<\/td><td class="govuk-table__cell">Yes/);
    // Nothing in the audit log was written by or about the answer.
    const audit = await s.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'subject_id', 'details']).where('id', '>', Number(auditBefore.id ?? 0)).execute();
    const familyUser = await s.users.findByEmail(s.db, demoEmail('family'));
    assert.ok(audit.every((a) => a.actor_user_id !== familyUser!.id && a.subject_id !== annualId), JSON.stringify(audit));
  });

  test('the database itself refuses an anonymous response that names someone or its day', async () => {
    const { s } = ctx();
    const user = await s.users.findByEmail(s.db, demoEmail('family'));
    await assert.rejects(
      s.db.insertInto('survey_responses').values({ survey_id: annualId, responded_on: '2027-03-01', respondent_user_id: user!.id, invitee_id: null }).execute(),
      /anonymous response/,
    );
    await assert.rejects(s.db.insertInto('survey_responses').values({ survey_id: annualId, responded_on: '2027-03-14', respondent_user_id: null, invitee_id: null }).execute(), /anonymous response/);
  });

  test('a list link used twice, and a double-clicked submit, store one answer', async () => {
    const { s } = ctx();
    const mail = (await s.notifications.list(s.db, { recipient: 'parent.two@example.org' }))[0]!;
    const token = LINK.exec(mail.body)![1]!;
    const anyone = ctx().client();
    const form = await anyone.get(`/s/${token}`);
    const nonce = nonceOf(form.body);
    const first = await anyone.post(`/s/${token}`, { _nonce: nonce, q1: 'Someone else' });
    assert.equal(first.statusCode, 303);
    // The same form sent again (a double click): thanked, not stored again.
    const second = await anyone.post(`/s/${token}`, { _nonce: nonce, q1: 'Someone else' });
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, `/s/${token}/thank-you`);
    // The link again, with a fresh form: it has been used.
    const again = await anyone.get(`/s/${token}`);
    assert.equal(again.statusCode, 404);
    assert.match(again.body, /each invitation’s link works once/);
    const replay = await anyone.post(`/s/${token}`, { _nonce: 'x'.repeat(43), q1: 'A parent or carer' });
    assert.equal(replay.statusCode, 404);
    const n = await s.db.selectFrom('survey_responses').select(sql<number>`count(*)`.as('n')).where('survey_id', '=', annualId).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 2);
  });

  test('a survey of every kind of question, with a conditional one, by open link', async () => {
    const made = await leader.post('/voice/surveys', { template: 'blank', title: 'Clubs and activities', description: 'What works.', anonymous: 'yes', audience: 'open', year: '' });
    assert.equal(made.statusCode, 303);
    openId = String(made.headers.location).split('/').pop()!;
    const q = (form: Record<string, string>) => leader.post(`/voice/surveys/${openId}/questions`, { hint: '', options: '', showIfPosition: '', showIfValue: '', ...form });
    assert.equal((await q({ kind: 'single', text: 'Does your child go to a club?', options: 'Yes\nNo' })).statusCode, 303);
    assert.equal((await q({ kind: 'multiple', text: 'Which days?', options: 'Monday\nTuesday\nSaturday', showIfPosition: '1', showIfValue: 'Yes' })).statusCode, 303);
    assert.equal((await q({ kind: 'agreement', text: 'Clubs welcome my child.' })).statusCode, 303);
    assert.equal((await q({ kind: 'text', text: 'Anything else?' })).statusCode, 303);
    // Bad questions: a choice question without choices, and a condition on a question that is not there.
    const bad = await q({ kind: 'single', text: 'Pick one', options: 'Only one' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Enter at least 2 answers to choose from, one on each line/);
    const badIf = await q({ kind: 'text', text: 'Why?', showIfPosition: '9', showIfValue: 'Yes' });
    assert.match(badIf.body, /Choose an earlier question this one follows/);
    assert.equal((await leader.post(`/voice/surveys/${openId}/status`, { change: 'open' })).statusCode, 303);
    const survey = await ctx().s.db.selectFrom('surveys').select('open_token').where('id', '=', openId).executeTakeFirstOrThrow();
    openToken = survey.open_token!;
    assert.match(openToken, /^[A-Za-z0-9_-]{43}$/);
    const list = await ctx().client().get('/have-your-say');
    assert.match(list.body, new RegExp(`/s/${openToken}`));
  });

  test('answers: the conditional one is kept only when its condition is met; bad input is refused clearly', async () => {
    const { s } = ctx();
    const person = ctx().client();
    const form = await person.get(`/s/${openToken}`);
    assert.match(form.body, /Answer this only if you said ‘Yes’ to question 1\./);
    // Oversized free text, and a choice the question does not offer.
    const big = 'a'.repeat(1201);
    const bad = await person.post(`/s/${openToken}`, { _nonce: nonceOf(form.body), q1: 'Maybe', q4: big });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Error: /);
    assert.match(bad.body, /href="#q1">Choose an answer to question 1 from the list/);
    assert.match(bad.body, /href="#q4">Your answer to question 4 must be 1,200 characters or fewer \(it has 1,201\)/);
    assert.ok(bad.body.includes(big), 'what they typed is kept');
    // Said "No" to question 1 but ticked days anyway: the days are not kept.
    const script = '<script>alert("x")</script>';
    for (let i = 0; i < 6; i++) {
      const f = await person.get(`/s/${openToken}`);
      const res = await person.post(`/s/${openToken}`, { _nonce: nonceOf(f.body), q1: i < 5 ? 'Yes' : 'No', q2: i < 5 ? ['Monday', 'Saturday'] : ['Tuesday'], q3: 'agree', q4: i === 0 ? script : '' });
      assert.equal(res.statusCode, 303, res.body);
    }
    const days = await s.db
      .selectFrom('survey_answers as a')
      .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
      .select('a.value')
      .where('q.survey_id', '=', openId)
      .where('q.position', '=', 2)
      .execute();
    assert.deepEqual(days.map((d) => d.value).sort(), [...Array(5).fill('Monday'), ...Array(5).fill('Saturday')]);
    const results = await leader.get(`/voice/surveys/${openId}/results`);
    assert.equal(results.statusCode, 200);
    assert.ok(!results.body.includes(script), 'a script typed in an answer is never a script on the page');
    assert.ok(results.body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.match(results.body, /<svg[^>]+role="img"[^>]+aria-labelledby="chart-1-title chart-1-desc"/);
    assert.match(results.body, /<title id="chart-3-title">Question 3: Clubs welcome my child\.<\/title>/);
    assert.match(results.body, /6 people answered this survey/);
    const csv = await leader.get(`/voice/surveys/${openId}/results?format=csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(csv.body, /^question_number,question,question_kind,answered,answer,count,share_of_answered_percent\r\n/);
    assert.match(csv.body, /1,Does your child go to a club\?,Choose one answer,6,Yes,5,83\.3\r\n/);
  });

  test('published results: hidden until published, then small numbers suppressed and no free text', async () => {
    const anyone = ctx().client();
    assert.equal((await anyone.get(`/have-your-say/results/${openId}`)).statusCode, 404);
    assert.equal((await leader.post(`/voice/surveys/${openId}/status`, { change: 'publish' })).statusCode, 303);
    const page = await anyone.get(`/have-your-say/results/${openId}`);
    assert.equal(page.statusCode, 200);
    // 5 said Yes (shown), 1 said No (suppressed), and so is its share.
    assert.match(page.body, /<th scope="row" class="govuk-table__header">Yes<\/th>\s*<td[^>]*>5<\/td>\s*<td[^>]*>83\.3%<\/td>/);
    assert.match(page.body, /<th scope="row" class="govuk-table__header">No<\/th>\s*<td[^>]*>fewer than 5<\/td>\s*<td[^>]*>not shown \(fewer than 5 answers\)<\/td>/);
    assert.ok(!page.body.includes('alert'), 'free text is not published');
    assert.ok(!page.body.includes('Anything else?'));
  });

  test('a double-clicked submit on the open link is stored once; published figures move in steps of 5', async () => {
    const { s } = ctx();
    const count = async () => Number((await s.db.selectFrom('survey_responses').select(sql<number>`count(*)`.as('n')).where('survey_id', '=', openId).executeTakeFirstOrThrow()).n);
    const before = await count();
    const person = ctx().client();
    const form = await person.get(`/s/${openToken}`);
    const answers = { _nonce: nonceOf(form.body), q1: 'Yes', q3: 'agree' };
    const [a, b] = await Promise.all([person.post(`/s/${openToken}`, answers), person.post(`/s/${openToken}`, answers)]);
    assert.deepEqual([a.statusCode, b.statusCode], [303, 303]);
    assert.equal(await count(), before + 1);
    // Published figures move only in steps of 5 answers: one more answer does not show yet...
    const published = async () => /id="responses">(\S+) people answered this survey/.exec((await ctx().client().get(`/have-your-say/results/${openId}`)).body)![1];
    assert.equal(await published(), '6');
    for (let i = 0; i < 3; i++) {
      const f = await person.get(`/s/${openToken}`);
      await person.post(`/s/${openToken}`, { _nonce: nonceOf(f.body), q1: 'No' });
    }
    assert.equal(await published(), '6', 'four new answers are not published');
    // ...the fifth new answer publishes all five together.
    const f = await person.get(`/s/${openToken}`);
    await person.post(`/s/${openToken}`, { _nonce: nonceOf(f.body), q1: 'No' });
    assert.equal(await published(), '11');
  });

  test('only leaders and the forum run surveys; nobody else reads the true results', async () => {
    for (const role of ['administrator', 'family', 'casework-manager', 'analyst'] as const) {
      const c = await ctx().signedIn(role);
      assert.equal((await c.get(`/voice/surveys/${openId}/results`)).statusCode, 403, role);
      assert.equal((await c.get('/voice/surveys')).statusCode, 403, role);
    }
    const forum = await ctx().signedIn('forum-member');
    assert.equal((await forum.get(`/voice/surveys/${openId}/results`)).statusCode, 200);
  });

  test('a survey that is not anonymous keeps who answered: signed in, or by invitation', async () => {
    const { s } = ctx();
    const made = await leader.post('/voice/surveys', { template: 'blank', title: 'Named feedback', description: '', anonymous: 'no', audience: 'open', year: '' });
    const id = String(made.headers.location).split('/').pop()!;
    await leader.post(`/voice/surveys/${id}/questions`, { kind: 'text', text: 'Tell us', hint: '', options: '', showIfPosition: '', showIfValue: '' });
    await leader.post(`/voice/surveys/${id}/status`, { change: 'open' });
    const token = (await s.db.selectFrom('surveys').select('open_token').where('id', '=', id).executeTakeFirstOrThrow()).open_token!;
    const signedOut = await ctx().client().get(`/s/${token}`);
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/sign-in\?returnTo=/);
    const family = await ctx().signedIn('family');
    const form = await family.get(`/s/${token}`);
    assert.match(form.body, /This survey is not anonymous/);
    await family.post(`/s/${token}`, { _nonce: nonceOf(form.body), q1: 'Hello' });
    const row = await s.db.selectFrom('survey_responses').selectAll().where('survey_id', '=', id).executeTakeFirstOrThrow();
    const user = await s.users.findByEmail(s.db, demoEmail('family'));
    assert.equal(row.respondent_user_id, user!.id);
    assert.equal(row.responded_on, s.today());
  });

  test('answers are rate limited per address, so an open survey cannot be stuffed', async () => {
    const person = ctx().client();
    await person.get(`/s/${openToken}`);
    const codes: number[] = [];
    for (let i = 0; i <= ANSWERS_PER_MINUTE; i++) codes.push((await person.post(`/s/${openToken}`, { _nonce: 'n'.repeat(43), q1: 'Yes' })).statusCode);
    assert.equal(codes.at(-1), 429);
  });
});
