import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import type { Role } from '../../src/platform/access/roles.js';
import { aCase, answerAdvice, askAdvice, aTeam, issueFinal, userOf } from './advice.fixtures.js';

const PERIOD = 'from=2026-06-01&to=2026-09-30';

describeApp('advice: the contributions measure', (ctx) => {
  const tokens = new Map<Role, string>();
  async function api(role: Role | null, url: string) {
    const { s } = ctx();
    if (role && !tokens.has(role)) tokens.set(role, (await s.apiTokens.create(s.db, (await userOf(s, role)).id, 'test')).token);
    return ctx().client().request('GET', url, role ? { headers: { authorization: `Bearer ${tokens.get(role)}` } } : {});
  }

  test('set-up: plans issued with advice on time, late, nil and missing, across two localities and teams', async () => {
    const { s } = ctx();
    const hp = await userOf(s, 'health-professional');
    const paeds = await aTeam(s, { name: 'Community Paediatrics', agency: 'health', members: [hp.id] });
    const cwd = await aTeam(s, { name: 'Children with Disabilities Team', agency: 'social-care' });
    const askedOn = '2026-04-06'; // due 2026-05-18
    const plan = async (locality: string | null, finalOn: string, advice: (requestId: string) => Promise<void>) => {
      const c = await aCase(s, { receivedOn: '2026-03-02', decisionOn: '2026-04-01', locality });
      await advice(c.requestId);
      await issueFinal(s, c.requestId, finalOn);
    };
    const ask = async (requestId: string, agency: 'health' | 'social-care', to: { teamId?: string; assigneeEmail?: string }, answer?: { on: string; nil?: boolean }) => {
      const id = await askAdvice(s, requestId, { agency, askedOn, ...to });
      if (answer) await answerAdvice(s, requestId, id, answer.on, answer.nil ? { nilReturn: true } : { nilReturn: false, advice: agency === 'health' ? { C: 'Needs.' } : { D: 'Needs.' } });
    };
    // P1 Allerdale: both on time (social care on its due date).
    await plan('Allerdale', '2026-07-01', async (r) => {
      await ask(r, 'health', { teamId: paeds }, { on: '2026-05-10' });
      await ask(r, 'social-care', { teamId: cwd }, { on: '2026-05-18' });
    });
    // P2 Allerdale: health late (asked of a person in the paediatrics team); social care a nil return on time.
    await plan('Allerdale', '2026-07-15', async (r) => {
      await ask(r, 'health', { assigneeEmail: demoEmail('health-professional') }, { on: '2026-05-25' });
      await ask(r, 'social-care', { teamId: cwd }, { on: '2026-05-01', nil: true });
    });
    // P3 Copeland: health never answered; social care late, asked of a social worker in no team.
    await plan('Copeland', '2026-08-01', async (r) => {
      await ask(r, 'health', { teamId: paeds });
      await ask(r, 'social-care', { assigneeEmail: demoEmail('social-worker') }, { on: '2026-06-01' });
    });
    // P4 Copeland, on the period's last day: a health nil return on time; social care never asked.
    await plan('Copeland', '2026-09-30', async (r) => ask(r, 'health', { teamId: paeds }, { on: '2026-05-18', nil: true }));
    // P5, locality unknown, on the period's first day: nobody asked.
    await plan(null, '2026-06-01', async () => {});
    // P6 Allerdale, issued after the period: not counted.
    await plan('Allerdale', '2026-10-15', async (r) => ask(r, 'health', { teamId: paeds }, { on: '2026-05-10' }));
  });

  test('the API by locality: the shares of plans with health and social care advice, received and on time', async () => {
    const res = await api('casework-manager', `/api/v1/ehc/contributions?${PERIOD}&by=locality`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.by, 'locality');
    assert.match(body.definition, /nil return/);
    assert.equal(body.total.plans, 5);
    assert.deepEqual(body.total.health, { asked: 4, received: 3, receivedOnTime: 2, nilReturns: 1, receivedShare: 0.6, receivedOnTimeShare: 0.4 });
    assert.deepEqual(body.total.socialCare, { asked: 3, received: 3, receivedOnTime: 2, nilReturns: 1, receivedShare: 0.6, receivedOnTimeShare: 0.4 });
    const rows = Object.fromEntries(body.groups.map((g: { group: string; plans: number; health: { received: number; receivedOnTime: number }; socialCare: { received: number; receivedOnTime: number } }) =>
      [g.group, [g.plans, g.health.received, g.health.receivedOnTime, g.socialCare.received, g.socialCare.receivedOnTime]]));
    assert.deepEqual(rows, { Allerdale: [2, 2, 1, 2, 2], Copeland: [2, 1, 1, 1, 0], Unknown: [1, 0, 0, 0, 0] });
    assert.deepEqual(body.groups.map((g: { group: string }) => g.group), ['Allerdale', 'Copeland', 'Unknown']);
    const byDefault = (await api('casework-manager', `/api/v1/ehc/contributions?${PERIOD}`)).json();
    assert.equal(byDefault.by, 'locality', 'by locality unless asked otherwise');
    assert.deepEqual(byDefault.groups, body.groups);
  });

  test('the API by team: people asked by name count under their team, or "No team"', async () => {
    const body = (await api('designated-clinical-officer', `/api/v1/ehc/contributions?${PERIOD}&by=team`)).json();
    const rows = Object.fromEntries(body.groups.map((g: { group: string; plans: number; health: { received: number; receivedOnTime: number }; socialCare: { received: number; receivedOnTime: number } }) =>
      [g.group, [g.plans, g.health.received, g.health.receivedOnTime, g.socialCare.received, g.socialCare.receivedOnTime]]));
    assert.deepEqual(rows, {
      'Community Paediatrics': [4, 3, 2, 0, 0],
      'Children with Disabilities Team': [2, 0, 0, 2, 2],
      'No team': [1, 0, 0, 1, 0],
      'No health or social care advice asked': [1, 0, 0, 0, 0],
    });
    assert.equal(body.total.plans, 5);
  });

  test('bad parameters get the API’s error format, never a 500', async () => {
    const cases: [string, string][] = [
      ['', 'from'],
      ['from=2026-06-01', 'to'],
      ['from=2026-02-30&to=2026-09-30', 'from'],
      ['from=1 6 2026&to=2026-09-30', 'from'],
      [`${PERIOD}&by=school`, 'by'],
      [`${PERIOD}&extra=1`, ''],
      ['from=2026-09-30&to=2026-06-01', 'to'],
      ['from=2026-06-01&from=2026-07-01&to=2026-09-30', 'from'],
    ];
    for (const [query, field] of cases) {
      const res = await api('partnership-leader', `/api/v1/ehc/contributions?${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      const { error } = res.json();
      assert.equal(error.code, 'validation_failed', query);
      if (field) assert.ok(JSON.stringify(error.details).includes(field), `${query}: ${JSON.stringify(error)}`);
    }
    assert.equal((await api(null, `/api/v1/ehc/contributions?${PERIOD}`)).statusCode, 401);
    for (const role of ['family', 'health-professional', 'analyst'] as Role[]) {
      assert.equal((await api(role, `/api/v1/ehc/contributions?${PERIOD}`)).statusCode, 403, role);
    }
  });

  test('the OpenAPI document describes the measure and its response', async () => {
    const doc = (await ctx().client().get('/api/v1/openapi.json')).json();
    const op = doc.paths['/api/v1/ehc/contributions'].get;
    assert.ok(op.parameters.some((p: { name: string }) => p.name === 'by'));
    assert.ok(op.responses['200'].content['application/json'].schema.properties.groups);
  });

  test('the page: a table of numbers and percentages, what they count and over what period', async () => {
    const c = await ctx().signedIn('partnership-leader');
    const res = await c.get('/reports/contributions?from=1+6+2026&to=30+9+2026&by=locality');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Plans issued from 1 June 2026 to 30 September 2026/);
    assert.match(res.body, /5 plans were issued in this period\./);
    const allerdale = res.body.slice(res.body.indexOf('>Allerdale<'), res.body.indexOf('>Copeland<'));
    assert.deepEqual([...allerdale.matchAll(/>(\d+(?: \(\d+%\))?)</g)].map((m) => m[1]), ['2', '2 (100%)', '1 (50%)', '2 (100%)', '2 (100%)']);
    assert.match(res.body, /All plans/);
    assert.match(res.body, /What these figures count/);
    assert.match(res.body, /href="\/reports\/contributions\?from=2026-06-01&amp;to=2026-09-30&amp;by=locality&amp;format=csv"/);

    const byTeam = await c.get('/reports/contributions?from=2026-06-01&to=2026-09-30&by=team');
    assert.match(byTeam.body, /Community Paediatrics/);
    assert.match(byTeam.body, /can add up to more than all plans/);
    const paeds = byTeam.body.slice(byTeam.body.indexOf('>Community Paediatrics<'));
    assert.deepEqual([...paeds.matchAll(/>([^<>]+)<\/td>/g)].slice(0, 5).map((m) => m[1]), ['4', '3 (75%)', '2 (50%)', 'Not asked', 'Not asked']);

    const defaults = await c.get('/reports/contributions');
    assert.equal(defaults.statusCode, 200);
    assert.match(defaults.body, /Plans issued from 1 January 2026 to/);
  });

  test('the page’s period errors follow the GOV.UK pattern', async () => {
    const c = await ctx().signedIn('casework-officer');
    const cases: [string, string, string][] = [
      ['from=31+2+2026&to=30+9+2026', 'from', 'Start date must be a real date'],
      ['from=1+6+2026&to=', 'to', 'Enter the end date of the period'],
      ['from=1+6+2026&to=1+5+2026', 'to', 'End date must be the same as or after the start date'],
      ['from=1+6+2026&to=30+9+2026&by=school', 'by', 'Choose whether to show the figures by locality or by team'],
      ['from=1+6+26&to=30+9+2026', 'from', 'Start date must have a year with 4 numbers, like 2026'],
    ];
    for (const [query, field, message] of cases) {
      const res = await c.get(`/reports/contributions?${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.match(res.body, /<title>Error: /);
      assert.ok(res.body.includes(`href="#${field}"`), `${query}: links to #${field}`);
      assert.ok(res.body.includes(message), `${query}: ${message}`);
      assert.doesNotMatch(res.body, /<table/);
    }
  });

  test('the CSV download', async () => {
    const c = await ctx().signedIn('casework-manager');
    const res = await c.get(`/reports/contributions?${PERIOD}&by=locality&format=csv`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="contributions-locality-2026-06-01-to-2026-09-30\.csv"/);
    const lines = res.body.trim().split('\r\n');
    assert.match(lines[0]!, /^Locality,Period from,Period to,Plans issued,Health advice asked,Health advice received,/);
    assert.equal(lines[1], 'Allerdale,2026-06-01,2026-09-30,2,2,2,100%,1,50%,0,2,2,100%,2,100%,1');
    assert.equal(lines.at(-1), 'All plans,2026-06-01,2026-09-30,5,4,3,60%,2,40%,1,3,3,60%,2,40%,1');
  });

  test('only the roles that read the measure reach the page', async () => {
    for (const role of ['designated-clinical-officer', 'partnership-leader', 'casework-officer', 'casework-manager'] as Role[]) {
      assert.equal((await (await ctx().signedIn(role)).get('/reports/contributions')).statusCode, 200, role);
    }
    for (const role of ['family', 'health-professional', 'social-worker', 'analyst'] as Role[]) {
      assert.equal((await (await ctx().signedIn(role)).get('/reports/contributions')).statusCode, 403, role);
    }
  });
});
