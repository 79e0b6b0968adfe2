import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { EARLY_WARNING_DEMO, seedEarlyWarningDemo } from '../../src/demo/early-warning.seed.js';
import { runEarlyWarning } from '../../src/features/early-warning/run.js';
import { chartLevel } from '../../src/features/early-warning/signals.js';

const TODAY = '2026-03-18';

describeApp('early warning: flags, review and access', (ctx) => {
  const flagOf = async (given: string, rule: string) => {
    const row = await ctx()
      .s.db.selectFrom('early_warning_flags as f')
      .innerJoin('children as c', 'c.id', 'f.child_id')
      .select(['f.id', 'f.child_id'])
      .where('c.given_name', '=', given)
      .where('f.rule', '=', rule)
      .executeTakeFirstOrThrow();
    return row;
  };

  before(async () => {
    const run = await seedEarlyWarningDemo(ctx().s.db, TODAY);
    assert.equal(run.raised, run.candidates);
  });

  test('the run finds each planted child, with evidence, routed to the team responsible; a second run raises nothing new', async () => {
    const flags = await ctx()
      .s.db.selectFrom('early_warning_flags as f')
      .innerJoin('children as c', 'c.id', 'f.child_id')
      .leftJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['c.given_name', 'f.rule', 'f.team', 'o.code', 'f.evidence', 'f.summary'])
      .execute();
    const seen = flags.map((f) => `${f.given_name} ${f.rule} ${f.team} ${f.code ?? '-'}`).sort();
    assert.deepEqual(seen, [
      'Archie attendance-fall school 900001',
      'Archie persistent-absence school 900001',
      'Freya missing-education casework -',
      'Isla camhs-wait health -',
      'Kai repeated-suspensions school 900002',
      'Ruby attendance-fall school 900001',
      'Tyler ap-overdue casework 900101',
    ]);
    const ruby = flags.find((f) => f.given_name === 'Ruby' && f.rule === 'attendance-fall')!;
    assert.match(ruby.summary, /Attendance fell from 9\d\.\d% to 70\.0%/);
    const items = (ruby.evidence as { items: { label: string; value: string }[] }).items;
    assert.ok(items.some((i) => i.label === 'Attendance in the recent weeks' && i.value.startsWith('70.0% (28 of 40 sessions')));

    const again = await runEarlyWarning(ctx().s.db, { today: TODAY });
    assert.equal(again.raised, 0);
    assert.equal(again.refreshed, flags.length);
    const count = await ctx().s.db.selectFrom('early_warning_flags').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), flags.length);
  });

  test('casework sees its team’s flags by default and every flag on request; opening one is audited with the child', async () => {
    const c = await ctx().signedIn('casework-officer');
    const mine = await c.get('/early-warning/flags');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /Freya Mossop/);
    assert.match(mine.body, /Tyler Hodgson/);
    assert.doesNotMatch(mine.body, /Ruby Thornthwaite/);
    const all = await c.get('/early-warning/flags?team=all');
    for (const p of Object.values(EARLY_WARNING_DEMO)) assert.match(all.body, new RegExp(`${p.given} ${p.family}`));

    const freya = await flagOf('Freya', 'missing-education');
    const page = await c.get(`/early-warning/flags/${freya.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Missing education since/);
    assert.match(page.body, /Was this flag useful\?/);
    const audit = await ctx().s.db.selectFrom('audit_log').select(['action', 'child_id']).where('action', '=', 'early-warning.flag.viewed').where('child_id', '=', freya.child_id).execute();
    assert.equal(audit.length, 1);
  });

  test('a SENCO sees only their school’s flags; another school’s flag is refused and the refusal audited', async () => {
    const senco = await ctx().signedIn('senco');
    const queue = await senco.get('/early-warning/flags');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Ruby Thornthwaite/);
    assert.match(queue.body, /Archie Dobson/);
    for (const other of ['Kai Brennan', 'Isla Graves', 'Freya Mossop', 'Tyler Hodgson']) assert.doesNotMatch(queue.body, new RegExp(other));

    const kai = await flagOf('Kai', 'repeated-suspensions');
    const refused = await senco.get(`/early-warning/flags/${kai.id}`);
    assert.equal(refused.statusCode, 403);
    assert.doesNotMatch(refused.body, /Kai/);
    const closeRefused = await senco.post(`/early-warning/flags/${kai.id}`, { outcome: 'useful', note: 'x' });
    assert.equal(closeRefused.statusCode, 403);
    const audit = await ctx().s.db.selectFrom('audit_log').select('outcome').where('action', '=', 'access.refused').where('subject_id', '=', kai.id).execute();
    assert.ok(audit.length >= 2);

    const ruby = await flagOf('Ruby', 'attendance-fall');
    assert.equal((await senco.get(`/early-warning/flags/${ruby.id}`)).statusCode, 200);

    const ap = await ctx().signedIn('ap-provider');
    const apQueue = await ap.get('/early-warning/flags');
    assert.match(apQueue.body, /Tyler Hodgson/);
    assert.doesNotMatch(apQueue.body, /Ruby Thornthwaite/);
  });

  test('analysts and leaders see signals and outcome counts, never a named flag', async () => {
    const ruby = await flagOf('Ruby', 'attendance-fall');
    for (const role of ['analyst', 'partnership-leader'] as const) {
      const c = await ctx().signedIn(role);
      assert.equal((await c.get('/early-warning/flags')).statusCode, 403, role);
      assert.equal((await c.get(`/early-warning/flags/${ruby.id}`)).statusCode, 403, role);
      const outcomes = await c.get('/early-warning/outcomes');
      assert.equal(outcomes.statusCode, 200, role);
      assert.doesNotMatch(outcomes.body, /Ruby|Thornthwaite/);
      const signals = await c.get('/early-warning/signals');
      assert.equal(signals.statusCode, 200, role);
    }
    for (const role of ['family', 'forum-member', 'health-professional'] as const) {
      const c = await ctx().signedIn(role);
      assert.equal((await c.get('/early-warning/flags')).statusCode, 403, role);
      assert.equal((await c.get('/early-warning/signals')).statusCode, 403, role);
    }
    const anonymous = ctx().client();
    assert.equal((await anonymous.get('/api/v1/early-warning/outcomes')).statusCode, 401);
  });

  test('closing a flag: the GOV.UK error pattern, then the outcome counted; a second close is refused', async () => {
    const dco = await ctx().signedIn('designated-clinical-officer');
    const queue = await dco.get('/early-warning/flags');
    assert.match(queue.body, /Isla Graves/);
    const isla = await flagOf('Isla', 'camhs-wait');
    await dco.get(`/early-warning/flags/${isla.id}`);

    const empty = await dco.post(`/early-warning/flags/${isla.id}`, { outcome: '', note: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<title>Error: /);
    assert.match(empty.body, /href="#outcome"/);
    assert.match(empty.body, /href="#note"/);
    const noNote = await dco.post(`/early-warning/flags/${isla.id}`, { outcome: 'useful', note: '   ' });
    assert.equal(noNote.statusCode, 400);
    assert.match(noNote.body, /value="useful" checked/);
    const bad = await dco.post(`/early-warning/flags/${isla.id}`, { outcome: 'maybe', note: 'Spoke to CAMHS' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Spoke to CAMHS/);

    const done = await dco.post(`/early-warning/flags/${isla.id}`, { outcome: 'useful', note: 'Asked CAMHS to expedite; school told.' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/early-warning/flags/${isla.id}?closed=1`);
    const closed = await dco.get(done.headers.location as string);
    assert.match(closed.body, /The flag is closed/);
    assert.match(closed.body, /Asked CAMHS to expedite; school told\./);
    assert.doesNotMatch(closed.body, /Close the flag/);
    const twice = await dco.post(`/early-warning/flags/${isla.id}`, { outcome: 'not-useful', note: 'again' });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /already closed by Helen Mercer/);
    const audit = await ctx().s.db.selectFrom('audit_log').select(['child_id', 'details']).where('action', '=', 'early-warning.flag.closed').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.child_id, isla.child_id);

    // The measure: of the camhs-wait flags reviewed, all were useful.
    const leader = await ctx().signedIn('partnership-leader');
    const api = await leader.get('/api/v1/early-warning/outcomes');
    assert.equal(api.statusCode, 200);
    const rule = (api.json() as { rules: { rule: string; closed: number; useful: number; usefulShare: number | null; raised: number }[] }).rules.find((r) => r.rule === 'camhs-wait')!;
    assert.deepEqual({ raised: rule.raised, closed: rule.closed, useful: rule.useful, usefulShare: rule.usefulShare }, { raised: 1, closed: 1, useful: 1, usefulShare: 1 });
    const csv = await leader.get('/early-warning/outcomes?format=csv');
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    assert.equal(lines[0], 'rule,name,raised,open,closed,useful,not_useful,already_known,useful_share');
    assert.ok(lines.includes('camhs-wait,SEN Support and a long CAMHS wait,1,0,1,1,0,0,1.0000'));

    // Closed flags stay closed when the run sees the same evidence again.
    const run = await runEarlyWarning(ctx().s.db, { today: TODAY });
    assert.equal(run.raised, 0);
    const still = await ctx().s.db.selectFrom('early_warning_flags').select('status').where('id', '=', isla.id).executeTakeFirstOrThrow();
    assert.equal(still.status, 'closed');
  });

  test('signals: the list, one chart with its table, and the API; no child named', async () => {
    // A school whose weekly rate steps from 10% to 20% of 500 sessions after 24 weeks, and one that does not move.
    const weeks = Array.from({ length: 36 }, (_, i) => new Date(Date.parse('2024-09-02T00:00:00Z') + i * 7 * 86_400_000).toISOString().slice(0, 10));
    const series = (key: string, name: string, step: boolean) => ({
      level: 'school' as const, key, name, locality: 'Copeland',
      points: weeks.map((period, i) => ({ period, n: 500, x: step && i >= 24 ? 100 : 50 + ((i % 3) - 1) * 4 })),
    });
    const charts = chartLevel([series('900300', 'Harbourside Academy', true), series('900001', 'Fellside Primary School', false)]);
    await ctx().s.db.deleteFrom('early_warning_signals').execute(); // the demo run's own (two pupils at Fellside)
    await ctx().s.db.insertInto('early_warning_signals').values(charts.map((c) => ({
      level: c.level, unit_key: c.key, unit_name: c.name, locality: c.locality, measure: 'sen-absence', status: c.chart.status, pool_weeks: c.poolWeeks,
      baseline_until: c.baselineUntil, centre: c.chart.centre, sigma_z: c.chart.sigmaZ, recent_rate: c.chart.recentRate,
      first_signal_period: c.chart.firstSignal?.period ?? null, first_signal_rule: c.chart.firstSignal?.rule ?? null, points: JSON.stringify(c.chart.points), as_of: TODAY,
    }))).execute();

    const analyst = await ctx().signedIn('analyst');
    const list = await analyst.get('/early-warning/signals');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /1 of 2 shows a signal/);
    assert.match(list.body, /href="\/early-warning\/signals\/school\/900300"/);
    const one = await analyst.get('/early-warning/signals/school/900300');
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /<svg[^>]*role="img"/);
    assert.match(one.body, /One week beyond the 3-sigma control limit/);
    assert.match(one.body, /17 February 2025/);
    assert.equal((await analyst.get('/early-warning/signals/school/999999')).statusCode, 404);
    const api = await analyst.get('/api/v1/early-warning/signals');
    assert.equal(api.statusCode, 200);
    const signals = (api.json() as { signals: { key: string; status: string; firstSignal: { period: string } | null }[] }).signals;
    assert.deepEqual(signals.map((x) => [x.key, x.status]), [['900300', 'signal'], ['900001', 'in-control']]);
    assert.equal(signals[0]!.firstSignal!.period, '2025-02-17');
  });

  test('bad filters on the queue give a clear message, not a crash', async () => {
    const c = await ctx().signedIn('casework-manager');
    const res = await c.get('/early-warning/flags?status=maybe&rule=nope');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Choose open or closed flags/);
    assert.match(res.body, /Choose a kind of flag from the list/);
    assert.equal((await c.get('/early-warning/flags/not-a-uuid')).statusCode, 404);
    assert.equal((await c.get('/early-warning/signals/region/x')).statusCode, 404);
  });
});
