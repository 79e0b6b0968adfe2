import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeApp } from '../support/context.js';
import { seedEhcDemo, type EhcDemoResult } from '../../src/demo/ehc.seed.js';
import { CUMBERLAND_2024_TIMELINESS as CUMBERLAND, DEMO_PLANS_2024 } from '../../src/demo/ehc.calibration.js';
import { DEMO_PFA_CHILD } from '../../src/demo/ehc.plan.js';
import { schoolYearOn } from '../../src/demo/ehc.people.js';
import { TEAMS } from '../../src/demo/ehc.staff.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { addDays, summariseTwentyWeeks } from '../../src/features/ehc/clock/index.js';
import { STAGES } from '../../src/features/ehc/ehc.codes.js';
import type { Role } from '../../src/platform/access/roles.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One CSV line, RFC 4180 quoting. */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cur), (cur = '');
    else cur += ch;
  }
  return [...out, cur];
}

test('the demo’s calibration constants are the figures in the DfE file', (t) => {
  const file = path.resolve(ROOT, CUMBERLAND.source);
  if (!existsSync(file)) return t.skip(`${file} is not here`);
  const [head, ...lines] = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const names = fields(head!);
  const rows = lines.map((l) => Object.fromEntries(fields(l).map((v, i) => [names[i]!, v])));
  const row = rows.filter((r) => r.time_period === CUMBERLAND.timePeriod && r.new_la_code === CUMBERLAND.laCode && r.breakdown_topic === 'All EHC plans issued');
  assert.equal(row.length, 1);
  const r = row[0]!;
  assert.equal(r.la_name, CUMBERLAND.laName);
  assert.equal(Number(r.plans_issued_den), CUMBERLAND.plansIssued);
  assert.equal(Number(r.plans_issued_den_ex), CUMBERLAND.plansIssuedExcludingExceptions);
  assert.equal(Number(r.plans_issued_within_20_weeks), CUMBERLAND.within20Weeks);
  assert.equal(Number(r.plans_issued_20_weeks_ex), CUMBERLAND.within20WeeksExcludingExceptions);
  assert.equal(Number(r.pc_plans_issued_within_20_weeks), CUMBERLAND.percentWithin20Weeks);
  assert.equal(Number(r.PC_plans_issued_20_weeks_ex), CUMBERLAND.percentWithin20WeeksExcludingExceptions);
});

describeApp('the demo area’s EHC casework', (ctx) => {
  let seeded: EhcDemoResult;
  let today: string;
  before(async () => {
    today = ctx().s.today();
    seeded = await seedEhcDemo(ctx().s);
  });

  const count = async (table: 'children' | 'ehc_requests' | 'ehc_events' | 'audit_log' | 'users' | 'teams' | 'advice_requests' | 'annual_reviews' | 'case_links') =>
    Number((await ctx().s.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('seeding adds about 120 children through the services (time printed, not asserted)', async (t) => {
    t.diagnostic(`[${ctx().dialect}] seeded ${seeded.children} children, ${seeded.requests} requests and ${seeded.events} events in ${seeded.milliseconds} ms`);
    assert.equal(seeded.added, true);
    assert.ok(seeded.children >= 110 && seeded.children <= 130);
    const { db } = ctx().s;
    const created = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'ehc.request.created').executeTakeFirstOrThrow();
    assert.equal(Number(created.n), seeded.requests, 'every request audited');
    assert.deepEqual((await ctx().s.audit.verify(db)).problems, []);
  });

  test('cases exist at every stage', async () => {
    const rows = await ctx().s.db.selectFrom('ehc_requests').select('stage').distinct().execute();
    assert.deepEqual(rows.map((r) => r.stage).sort(), Object.keys(STAGES).sort());
  });

  test('every case’s clock computes, without warnings', async () => {
    const { s } = ctx();
    for (const { id } of await s.db.selectFrom('ehc_requests').select('id').execute()) {
      const c = await s.ehc.getCase(s.db, id, today);
      assert.deepEqual(c.clock.warnings, [], id);
    }
  });

  test('2024’s plans were issued within 20 weeks about as often as Cumberland’s', async () => {
    const { s } = ctx();
    const ids = await s.db.selectFrom('ehc_requests').select('id').where('final_issued_on', '>=', '2024-01-01').where('final_issued_on', '<=', '2024-12-31').execute();
    const timeliness = await Promise.all(ids.map(async ({ id }) => (await s.ehc.getCase(s.db, id, today)).clock.timeliness));
    const m = summariseTwentyWeeks(timeliness);
    assert.equal(m.allPlans.plansIssued, DEMO_PLANS_2024);
    assert.ok(Math.abs(m.allPlans.percent! - CUMBERLAND.percentWithin20Weeks) <= 2, `${m.allPlans.percent}%`);
    assert.ok(Math.abs(m.excludingExceptions.percent! - CUMBERLAND.percentWithin20WeeksExcludingExceptions) <= 2, `${m.excludingExceptions.percent}%`);
    assert.ok(m.excludingExceptions.plansIssued < m.allPlans.plansIssued, 'some 2024 plans had an exception');
  });

  test('the demo family sees Mia only; Mia has a draft plan, health advice on time, social care late', async () => {
    const { s } = ctx();
    const family = (await s.users.toCurrentUser(s.db, (await s.users.findByEmail(s.db, demoEmail('family')))!.id))!;
    const reachable = await s.access.linkedChildIds(s.db, family, ['family', 'advice', 'school', 'ap-placement']);
    const mia = await s.db.selectFrom('children').select('id').where('given_name', '=', 'Mia').where('family_name', '=', 'Parker').executeTakeFirstOrThrow();
    assert.deepEqual(reachable, [mia.id]);
    const request = await s.db.selectFrom('ehc_requests').select('id').where('child_id', '=', mia.id).executeTakeFirstOrThrow();
    const c = await s.ehc.getCase(s.db, request.id, today);
    assert.equal(c.request.stage, 'draft-issued');
    assert.ok(c.request.draft_issued_on! >= addDays(today, -14), 'the draft is recent');
    const state = (agency: string) => c.clock.deadlines.advice.find((a) => a.agency === agency)!.state;
    assert.equal(state('health'), 'met');
    assert.equal(state('social-care'), 'overdue');
    // Through the API too: Mia's case, yes; anyone else's, no.
    const token = (await s.apiTokens.create(s.db, family.id, 'test')).token;
    const get = (id: string) => ctx().client().request('GET', `/api/v1/ehc/requests/${id}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await get(request.id)).statusCode, 200);
    const other = await s.db.selectFrom('ehc_requests').select('id').where('child_id', '!=', mia.id).executeTakeFirstOrThrow();
    assert.equal((await get(other.id)).statusCode, 403);
  });

  test('the demo advisers each have requests due soon and late; the casework officer has most open cases', async () => {
    const { db } = ctx().s;
    for (const role of ['health-professional', 'social-worker', 'educational-psychologist'] as Role[]) {
      const outstanding = await db
        .selectFrom('advice_requests').innerJoin('users', 'users.id', 'advice_requests.assignee_user_id')
        .select('due_on').where('users.email', '=', demoEmail(role)).where('received_on', 'is', null).execute();
      assert.ok(outstanding.some((a) => a.due_on < today), `${role}: a late request`);
      assert.ok(outstanding.some((a) => a.due_on >= today && a.due_on <= addDays(today, 7)), `${role}: one due within a week`);
    }
    const open = await db.selectFrom('ehc_requests').leftJoin('users', 'users.id', 'ehc_requests.officer_user_id').select('users.email')
      .where('stage', 'in', ['requested', 'assessing', 'drafting', 'draft-issued']).execute();
    assert.ok(open.filter((r) => r.email === demoEmail('casework-officer')).length > open.length / 2);
  });

  test('partner teams have managers and members; the demo advisers are in theirs', async () => {
    const { db } = ctx().s;
    const teams = await db.selectFrom('teams').select(['id', 'name', 'manager_user_id']).execute();
    assert.equal(teams.length, TEAMS.length);
    assert.ok(teams.every((t) => t.manager_user_id));
    for (const role of ['health-professional', 'social-worker', 'educational-psychologist', 'casework-officer'] as Role[]) {
      const member = await db.selectFrom('team_members').innerJoin('users', 'users.id', 'team_members.user_id').select('team_id').where('users.email', '=', demoEmail(role)).execute();
      assert.ok(member.length > 0, role);
    }
    const synthetic = await db.selectFrom('users').select(['password_hash']).where('email', 'like', '%@staff.send-hub.example').execute();
    assert.ok(synthetic.length > 10 && synthetic.every((u) => u.password_hash === null), 'synthetic staff cannot sign in');
  });

  test('issued plans have sections A to K; reviews are overdue, due soon, and held', async () => {
    const { db } = ctx().s;
    const finals = await db.selectFrom('plan_versions').select('sections').where('kind', '=', 'final').execute();
    assert.ok(finals.length > 50);
    for (const f of finals) assert.deepEqual(Object.keys(f.sections).sort(), ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'].sort());
    const reviews = await db.selectFrom('annual_reviews').select(['due_by', 'meeting_on', 'child_id']).execute();
    const waiting = reviews.filter((r) => !r.meeting_on);
    assert.ok(waiting.some((r) => r.due_by < today), 'an overdue review');
    assert.ok(waiting.some((r) => r.due_by >= today && r.due_by <= addDays(today, 56)), 'a review due soon');
    assert.ok(reviews.some((r) => r.meeting_on), 'a review held');
    const pfa = await db.selectFrom('children').select(['id', 'date_of_birth']).where('given_name', '=', DEMO_PFA_CHILD.givenName).where('family_name', '=', DEMO_PFA_CHILD.familyName).executeTakeFirstOrThrow();
    assert.equal(schoolYearOn(pfa.date_of_birth, today), 10);
    const next = waiting.find((r) => r.child_id === pfa.id)!;
    assert.ok(next.due_by > today && next.due_by <= addDays(today, 56), `the Year 10 review is due soon (${next.due_by})`);
  });

  test('seeding again adds nothing', async () => {
    const tables = ['children', 'ehc_requests', 'ehc_events', 'audit_log', 'users', 'teams', 'advice_requests', 'annual_reviews', 'case_links'] as const;
    const before = await Promise.all(tables.map(count));
    const again = await seedEhcDemo(ctx().s);
    assert.equal(again.added, false);
    assert.deepEqual(await Promise.all(tables.map(count)), before);
  });
});
