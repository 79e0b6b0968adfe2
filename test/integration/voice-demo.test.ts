import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeApp, type TestClient } from '../support/context.js';
import { seedStrategyDemo } from '../../src/demo/strategy.seed.js';
import { seedVoiceDemo } from '../../src/demo/voice.seed.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { surveyIndicators } from '../../src/features/indicators/library/survey.js';

const INFORMED = 'survey-agree-p1-s3';

describeApp('voice: the demo area, and survey results as indicators', (ctx) => {
  let token = '';

  test('the demo holds two years of the SEND Annual Survey and one other open survey, once', async () => {
    const { s } = ctx();
    await seedStrategyDemo(s.db, { today: s.today() });
    assert.equal(await seedVoiceDemo(s), true);
    assert.equal(await seedVoiceDemo(s), false, 'the seed runs once');
    const surveys = await s.db
      .selectFrom('surveys as x')
      .select(['x.title', 'x.kind', 'x.year', 'x.status', sql<number>`(select count(*) from survey_responses r where r.survey_id = x.id)`.as('n')])
      .orderBy('x.title')
      .execute();
    assert.deepEqual(
      surveys.map((x) => [x.title, x.status, Number(x.n)]),
      [
        ['SEND Annual Survey 2025', 'closed', 320],
        ['SEND Annual Survey 2026', 'open', 284],
        ['Short breaks and activities: what matters to your family', 'open', 46],
      ],
    );
    token = (await s.db.selectFrom('surveys').select('open_token').where('year', '=', 2026).executeTakeFirstOrThrow()).open_token!;
    // Every statement of the strategy has its indicator, and the library names them.
    const statements = await s.db.selectFrom('strategy_family_statements').select('id').execute();
    assert.equal(surveyIndicators.length, statements.length);
  });

  test('agreement with each statement is an indicator by survey year, and moves as the story says', async () => {
    const { s } = ctx();
    const values = await s.db.selectFrom('indicator_values').selectAll().where('indicator_id', '=', INFORMED).orderBy('period').execute();
    assert.deepEqual(values.map((v) => v.period), ['2025', '2026']);
    const [y2025, y2026] = values;
    assert.ok(y2025!.value! > 25 && y2025!.value! < 60, `2025: ${y2025!.value}`);
    assert.ok(y2026!.value! > y2025!.value!, 'families feel better informed in 2026');
    assert.equal(y2026!.value, (100 * y2026!.numerator!) / y2026!.denominator!);
    const waits = await s.db.selectFrom('indicator_values').select(['period', 'value']).where('indicator_id', '=', 'survey-agree-p2-s4').orderBy('period').execute();
    assert.ok(waits.every((w) => w.value! < 35), 'mental health waits stay the lowest');
  });

  test('a family’s anonymous answer reaches the indicator and the published results with the next 4 answers', async () => {
    const { s } = ctx();
    const surveyId = (await s.db.selectFrom('surveys').select('id').where('year', '=', 2026).executeTakeFirstOrThrow()).id;
    const indicator = () => s.db.selectFrom('indicator_values').selectAll().where('indicator_id', '=', INFORMED).where('period', '=', '2026').executeTakeFirstOrThrow();
    const published = async () => /id="responses">(\S+) people answered this survey/.exec((await ctx().client().get(`/have-your-say/results/${surveyId}`)).body)![1];
    const before = await indicator();
    assert.equal(await published(), '284');
    const position = (await s.db
      .selectFrom('survey_questions as q')
      .innerJoin('strategy_family_statements as st', 'st.id', 'q.statement_id')
      .select('q.position')
      .where('q.survey_id', '=', surveyId)
      .where('st.text', 'like', 'Families feel well informed%')
      .executeTakeFirstOrThrow()).position;
    const answer = async (c: TestClient, form: Record<string, string>) => {
      const page = await c.get(`/s/${token}`);
      const nonce = /name="_nonce" value="([^"]+)"/.exec(page.body)![1]!;
      assert.equal((await c.post(`/s/${token}`, { _nonce: nonce, ...form })).statusCode, 303);
    };
    await answer(await ctx().signedIn('family'), { q1: 'A parent or carer', [`q${position}`]: 'strongly-agree' });
    // One answer alone never moves a published figure: watching them cannot reveal it.
    assert.equal((await indicator()).numerator, before.numerator);
    assert.equal(await published(), '284');
    for (let i = 0; i < 4; i++) await answer(ctx().client(), { q1: 'Someone else' });
    const after = await indicator();
    assert.equal(after.numerator, before.numerator! + 1);
    assert.equal(after.denominator, before.denominator! + 1);
    assert.equal(await published(), '289');
    // Through the indicator API, as the dashboard and partners read it.
    const leader = await s.users.findByEmail(s.db, demoEmail('partnership-leader'));
    const bearer = (await s.apiTokens.create(s.db, leader!.id, 'test')).token;
    const api = await ctx().client().request('GET', `/api/v1/indicators/${INFORMED}?period=2026`, { headers: { authorization: `Bearer ${bearer}` } });
    assert.equal(api.statusCode, 200, api.body);
    const value = (api.json() as { values: { period: string; numerator: number }[] }).values.find((v) => v.period === '2026');
    assert.equal(value?.numerator, after.numerator);
  });

  test('the demo’s other records: you said we did, groups and their feed, feedback waiting', async () => {
    const yswd = await ctx().client().get('/you-said-we-did');
    assert.match(yswd.body, /Action 1\.3: /);
    const ics = await ctx().client().get('/meetings.ics');
    assert.equal((ics.body.match(/BEGIN:VEVENT/g) ?? []).length, 9);
    const forum = await ctx().signedIn('forum-member');
    const hub = await forum.get('/voice');
    assert.match(hub.body, /1 waiting to be read/);
  });
});
