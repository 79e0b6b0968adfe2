import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type TestClient, type TestContext } from '../support/context.js';
import { decode, errorMessages, pdfText } from './plans-support.js';
import { seedStrategyDemo } from '../../src/demo/strategy.seed.js';
import { ALL_ROLES, type Role } from '../../src/platform/access/roles.js';
import { addDays } from '../../src/features/ehc/clock/index.js';

/** The id of a seeded action by its reference ("1.2", "AFI 2.1"). */
async function actionId(ctx: TestContext, reference: string): Promise<string> {
  const row = await ctx.s.db.selectFrom('strategy_actions').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  return row.id;
}

async function action(ctx: TestContext, id: string) {
  return ctx.s.db.selectFrom('strategy_actions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function historyCount(ctx: TestContext, id: string): Promise<number> {
  const r = await ctx.s.db.selectFrom('strategy_action_history').select(ctx.s.db.fn.countAll<number>().as('n')).where('action_id', '=', id).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A multipart/form-data body as a browser sends it: _csrf first, then the fields in order. */
function multipart(fields: [string, string | { filename: string; type: string; content: Buffer }][]): { body: Buffer; contentType: string } {
  const boundary = '----strategytest' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    if (typeof value === 'string') chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: ${value.type}\r\n\r\n`));
      chunks.push(value.content, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function uploadEvidence(ctx: TestContext, c: TestClient, id: string, title: string, file: { filename: string; type: string; content: Buffer }, withCsrf = true) {
  await c.get(`/strategy/actions/${id}/evidence`);
  const { body, contentType } = multipart([...(withCsrf ? [['_csrf', c.csrf!] as [string, string]] : []), ['title', title], ['file', file]]);
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return ctx.server.inject({ method: 'POST', url: `/strategy/actions/${id}/evidence`, headers: { cookie, 'content-type': contentType }, payload: body });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

describeApp('the strategy and action plan', (ctx) => {
  let today = '';
  // One signed-in client a role for the suite: sign-in is rate limited.
  const clients = new Map<Role, TestClient>();
  const as = async (role: Role): Promise<TestClient> => {
    if (!clients.has(role)) clients.set(role, await ctx().signedIn(role));
    return clients.get(role)!;
  };

  test('set up: the demo strategy, its priorities, areas for improvement and actions', async () => {
    today = ctx().s.today();
    assert.equal(await seedStrategyDemo(ctx().s.db, { today }), true);
    assert.equal(await seedStrategyDemo(ctx().s.db, { today }), false, 'the seed runs once');
    const priorities = await ctx().s.db.selectFrom('strategy_priorities').select(['number', 'title']).orderBy('number').execute();
    assert.deepEqual(priorities.map((p) => p.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(priorities[0]!.title, 'Working together and building trust');
    const statements = await ctx().s.db.selectFrom('strategy_family_statements').select('text').execute();
    assert.ok(statements.some((s) => /Families feel well informed, and agree that information and processes are clear and transparent/.test(s.text)));
    const areas = await ctx().s.db.selectFrom('improvement_areas').select('number').execute();
    assert.equal(areas.length, 2);
  });

  test('the public progress page shows every priority, area and action with its status and measures, and no personal data', async () => {
    const res = await ctx().client().get('/strategy');
    assert.equal(res.statusCode, 200);
    const html = decode(res.body);
    for (let n = 1; n <= 6; n++) assert.match(html, new RegExp(`Priority ${n}: `));
    assert.match(html, /Area for improvement 1: Contributions to EHC plans from all partners/);
    assert.match(html, /Area for improvement 2: Understanding the impact of our work/);
    assert.match(html, /1\.2 Join up how partners share data/);
    assert.match(html, /At risk/);
    assert.match(html, /Led by/);
    assert.match(html, /Cumberland Council/);
    assert.match(html, /How we will know it is working/);
    // Lead people, progress notes and evidence are for staff only.
    assert.doesNotMatch(html, /Mark Ellis|Nadia Rowe|Helen Mercer|Head of Performance/);
    assert.doesNotMatch(html, /Signed by the council and the ICB/);
    assert.doesNotMatch(html, /\/evidence\//);
  });

  test('staff read the plan, one action with its lead person, updates, evidence and history', async () => {
    const c = await as('analyst');
    const plan = await c.get('/strategy/plan');
    assert.equal(plan.statusCode, 200);
    assert.match(decode(plan.body), /Mark Ellis, Head of Performance, Cumberland Council/);
    assert.doesNotMatch(plan.body, /Update the status/);
    const id = await actionId(ctx(), '1.2');
    const page = await c.get(`/strategy/actions/${id}`);
    assert.equal(page.statusCode, 200);
    const html = decode(page.body);
    assert.match(html, /<h1 class="govuk-heading-l">1\.2 Join up how partners share data<\/h1>/);
    assert.match(html, /Signed by the council and the ICB/);
    assert.match(html, /id="current-status"><strong class="govuk-tag govuk-tag--yellow">\s*At risk/);
    assert.match(html, /Agreement signed by every partner/);
    assert.match(html, /Late/);
    assert.match(html, /Status changed from “On track” to “At risk”/);
    assert.doesNotMatch(html, /href="[^"]*\/status"/, 'a reader is not offered the change links');
  });

  test('a leader changes the status with a reason: saved, kept in history with before and after, audited, and public', async () => {
    const c = await as('partnership-leader');
    const id = await actionId(ctx(), '2.3');
    const before = await action(ctx(), id);
    const form = await c.get(`/strategy/actions/${id}/status`);
    assert.equal(form.statusCode, 200);
    const res = await c.post(`/strategy/actions/${id}/status`, { status: 'at-risk', reason: 'The supplier has not fixed the search yet.', version: String(before.version) });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `/strategy/actions/${id}?saved=status#status`);
    const after = await action(ctx(), id);
    assert.equal(after.status, 'at-risk');
    assert.equal(after.status_reason, 'The supplier has not fixed the search yet.');
    assert.equal(after.version, before.version + 1);
    const h = await ctx().s.db.selectFrom('strategy_action_history').selectAll().where('action_id', '=', id).where('kind', '=', 'status').orderBy('at', 'desc').executeTakeFirstOrThrow();
    const leader = await ctx().s.db.selectFrom('users').select('id').where('role', '=', 'partnership-leader').executeTakeFirstOrThrow();
    assert.equal(h.actor_user_id, leader.id);
    assert.deepEqual(typeof h.before === 'string' ? JSON.parse(h.before) : h.before, { status: 'on-track', reason: before.status_reason });
    assert.deepEqual(typeof h.after === 'string' ? JSON.parse(h.after) : h.after, { status: 'at-risk', reason: 'The supplier has not fixed the search yet.' });
    const audit = await ctx().s.db.selectFrom('audit_log').selectAll().where('action', '=', 'strategy.action.status').where('subject_id', '=', id).executeTakeFirst();
    assert.ok(audit, 'the change is audited');
    assert.equal(audit.actor_user_id, leader.id);
    const page = decode((await c.get(`/strategy/actions/${id}?saved=status`)).body);
    assert.match(page, /The status has been saved/);
    assert.match(page, /Status changed from “On track” to “At risk”/);
    assert.match(page, /<del>On track<\/del>/);
    const pub = decode((await ctx().client().get('/strategy')).body);
    const card = pub.slice(pub.indexOf('2.3 Improve the Local Offer website'), pub.indexOf('2.4 Review short breaks'));
    assert.match(card, /At risk/);
    assert.match(card, /The supplier has not fixed the search yet\./);
  });

  test('a reason is required at risk or off track; the form keeps what was typed', async () => {
    const c = await as('partnership-leader');
    const id = await actionId(ctx(), '2.4');
    const { version } = await action(ctx(), id);
    await c.get(`/strategy/actions/${id}/status`);
    const res = await c.post(`/strategy/actions/${id}/status`, { status: 'off-track', reason: '   ', version: String(version) });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorMessages(res.body), ['Enter why the action is off track']);
    assert.match(res.body, /<title>Error: /);
    assert.match(res.body, /href="#reason"/);
    assert.match(res.body, /value="off-track" checked/);
    const bad = await c.post(`/strategy/actions/${id}/status`, { status: 'sideways', reason: 'x', version: String(version) });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(errorMessages(bad.body), ['Select whether the action is on track, at risk, off track or done']);
    const long = await c.post(`/strategy/actions/${id}/status`, { status: 'at-risk', reason: 'x'.repeat(1001), version: String(version) });
    assert.equal(long.statusCode, 400);
    assert.deepEqual(errorMessages(long.body), ['The reason must be 1,000 characters or fewer']);
    assert.equal((await action(ctx(), id)).status, 'on-track', 'nothing was saved');
    // On track needs no reason.
    const ok = await c.post(`/strategy/actions/${id}/status`, { status: 'on-track', reason: '', version: String(version) });
    assert.equal(ok.statusCode, 303);
  });

  test('a change from an out-of-date page is refused, and nothing is half-written', async () => {
    const c = await as('partnership-leader');
    const id = await actionId(ctx(), '3.2');
    const { version } = await action(ctx(), id);
    await c.get(`/strategy/actions/${id}/status`);
    assert.equal((await c.post(`/strategy/actions/${id}/status`, { status: 'at-risk', reason: 'First leader', version: String(version) })).statusCode, 303);
    const count = await historyCount(ctx(), id);
    const stale = await c.post(`/strategy/actions/${id}/status`, { status: 'done', reason: 'Second leader, from an old page', version: String(version) });
    assert.equal(stale.statusCode, 409);
    assert.match(decode(stale.body), /Someone else changed this action since you opened the page/);
    const now = await action(ctx(), id);
    assert.equal(now.status, 'at-risk');
    assert.equal(now.status_reason, 'First leader');
    assert.equal(await historyCount(ctx(), id), count);
  });

  test('progress updates: dated, checked, script payloads shown as text', async () => {
    const c = await as('partnership-leader');
    const id = await actionId(ctx(), '1.3');
    await c.get(`/strategy/actions/${id}/progress`);
    const [y, m, d] = today.split('-');
    const wrong = await c.post(`/strategy/actions/${id}/progress`, { 'update-day': '31', 'update-month': '2', 'update-year': y!, body: 'x' });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(errorMessages(wrong.body), ['Date of the update must be a real date']);
    const letters = await c.post(`/strategy/actions/${id}/progress`, { 'update-day': 'tomorrow', 'update-month': m!, 'update-year': y!, body: 'x' });
    assert.deepEqual(errorMessages(letters.body), ['Date of the update must be a real date']);
    const future = addDays(today, 3).split('-');
    const ahead = await c.post(`/strategy/actions/${id}/progress`, { 'update-day': future[2]!, 'update-month': future[1]!, 'update-year': future[0]!, body: 'x' });
    assert.deepEqual(errorMessages(ahead.body), ['Date of the update must be today or in the past']);
    const empty = await c.post(`/strategy/actions/${id}/progress`, { 'update-day': d!, 'update-month': m!, 'update-year': y!, body: '' });
    assert.deepEqual(errorMessages(empty.body), ['Enter what has happened since the last update']);
    const huge = await c.post(`/strategy/actions/${id}/progress`, { 'update-day': d!, 'update-month': m!, 'update-year': y!, body: 'a'.repeat(5001) });
    assert.equal(huge.statusCode, 400);
    assert.deepEqual(errorMessages(huge.body), ['The update must be 5,000 characters or fewer']);
    const enormous = await c.post(`/strategy/actions/${id}/progress`, { 'update-day': d!, 'update-month': m!, 'update-year': y!, body: 'a'.repeat(300_000) });
    assert.equal(enormous.statusCode, 413, 'a body over the app’s limit is refused before it is read');
    const script = '<script>alert("x")</script> Leaflets sent to every GP.';
    const ok = await c.post(`/strategy/actions/${id}/progress`, { 'update-day': d!, 'update-month': m!, 'update-year': y!, body: script });
    assert.equal(ok.statusCode, 303);
    const page = await c.get(`/strategy/actions/${id}`);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.match(page.body, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; Leaflets sent to every GP\./);
    const stored = await ctx().s.db.selectFrom('strategy_progress_updates').select(['body', 'update_on']).where('action_id', '=', id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    assert.equal(stored.body, script);
    assert.equal(stored.update_on, today);
  });

  test('milestones: a late one is on the leader’s view until it is marked done', async () => {
    const c = await as('partnership-leader');
    const id = await actionId(ctx(), '1.1');
    await c.get(`/strategy/actions/${id}/milestones/new`);
    const due = addDays(today, -3).split('-');
    const add = await c.post(`/strategy/actions/${id}/milestones/new`, { title: 'Youth forum signs the charter', 'due-day': due[2]!, 'due-month': due[1]!, 'due-year': due[0]! });
    assert.equal(add.statusCode, 303);
    let late = decode((await c.get('/strategy/late')).body);
    assert.match(late, /Youth forum signs the charter/);
    assert.match(late, /3 days late/);
    const m = await ctx().s.db.selectFrom('strategy_milestones').select('id').where('title', '=', 'Youth forum signs the charter').executeTakeFirstOrThrow();
    await c.get(`/strategy/actions/${id}/milestones/${m.id}`);
    const noDate = await c.post(`/strategy/actions/${id}/milestones/${m.id}`, { title: 'Youth forum signs the charter', 'due-day': due[2]!, 'due-month': due[1]!, 'due-year': due[0]!, done: 'yes' });
    assert.equal(noDate.statusCode, 400);
    assert.deepEqual(errorMessages(noDate.body), ['Enter the date the milestone was done']);
    const [y, mo, d] = today.split('-');
    const done = await c.post(`/strategy/actions/${id}/milestones/${m.id}`, { title: 'Youth forum signs the charter', 'due-day': due[2]!, 'due-month': due[1]!, 'due-year': due[0]!, done: 'yes', 'done-on-day': d!, 'done-on-month': mo!, 'done-on-year': y! });
    assert.equal(done.statusCode, 303);
    late = decode((await c.get('/strategy/late')).body);
    assert.doesNotMatch(late, /Youth forum signs the charter/);
    const page = decode((await c.get(`/strategy/actions/${id}`)).body);
    assert.match(page, /Milestone “Youth forum signs the charter” done/);
    assert.doesNotMatch(page, /<del>Youth forum signs the charter<\/del>/, 'what stayed the same is not shown as a change');
    // The leader's view still has the seeded late milestones and risky actions.
    assert.match(late, /Agreement signed by every partner/);
    assert.match(late, /AFI 2\.1 Accurate CAMHS waiting times/);
  });

  test('details: lead, partners and target date; unknown organisations refused', async () => {
    const c = await as('partnership-leader');
    const id = await actionId(ctx(), '6.2');
    const a = await action(ctx(), id);
    const orgs = await ctx().s.db.selectFrom('organisations').select(['id', 'name']).execute();
    const icb = orgs.find((o) => o.name === 'NHS Lancashire and South Cumbria ICB')!;
    await c.get(`/strategy/actions/${id}/details`);
    const bad = await c.post(`/strategy/actions/${id}/details`, {
      title: a.title, description: a.description, 'lead-organisation': '00000000-0000-4000-8000-000000000000', 'lead-person': '', version: String(a.version),
      partners: ['not-an-org'], 'target-day': '40', 'target-month': '1', 'target-year': '2027',
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(errorMessages(bad.body), ['Select the organisation that leads the action', 'Select partners from the list', 'Target date must be a real date']);
    const ok = await c.post(`/strategy/actions/${id}/details`, {
      title: 'A SEND and AP data dashboard for leaders', description: a.description, 'lead-organisation': a.lead_organisation_id, 'lead-person': 'Mark Ellis, Head of Performance',
      version: String(a.version), partners: [icb.id], 'target-day': '1', 'target-month': '3', 'target-year': '2027',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const now = await action(ctx(), id);
    assert.equal(now.title, 'A SEND and AP data dashboard for leaders');
    assert.equal(now.target_date, '2027-03-01');
    const partners = await ctx().s.db.selectFrom('strategy_action_partners').select('organisation_id').where('action_id', '=', id).execute();
    assert.deepEqual(partners.map((p) => p.organisation_id), [icb.id]);
    const page = decode((await c.get(`/strategy/actions/${id}`)).body);
    assert.match(page, /Changed the title, partners and target date/);
  });

  test('measures: a leader links an indicator from the library and removes it', async () => {
    const c = await as('partnership-leader');
    const id = await actionId(ctx(), '4.2');
    await c.get(`/strategy/actions/${id}/measures`);
    const bad = await c.post(`/strategy/actions/${id}/measures`, { measure: 'no-such-indicator' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(errorMessages(bad.body), ['Select an indicator or survey measure from the list']);
    const ok = await c.post(`/strategy/actions/${id}/measures`, { measure: 'neet-rate' });
    assert.equal(ok.statusCode, 303);
    const m = await ctx().s.db.selectFrom('strategy_action_measures').select(['id', 'kind']).where('action_id', '=', id).where('ref', '=', 'neet-rate').executeTakeFirstOrThrow();
    assert.equal(m.kind, 'indicator');
    const page = await c.get(`/strategy/actions/${id}/measures`);
    assert.match(page.body, /No figures yet|\(/);
    const removed = await c.post(`/strategy/actions/${id}/measures/${m.id}/remove`, {});
    assert.equal(removed.statusCode, 303);
    assert.equal(await ctx().s.db.selectFrom('strategy_action_measures').select('id').where('id', '=', m.id).executeTakeFirst(), undefined);
  });

  test('evidence: a PDF is stored and downloaded as an attachment; wrong, disguised, empty or oversized files are refused', async () => {
    const c = await as('partnership-leader');
    const id = await actionId(ctx(), '1.4');
    const ok = await uploadEvidence(ctx(), c, id, 'Board paper on commissioning', { filename: 'board paper.pdf', type: 'application/pdf', content: PDF });
    assert.equal(ok.statusCode, 303, ok.body);
    const row = await ctx().s.db.selectFrom('strategy_evidence').select(['id', 'file_name', 'content_type', 'size_bytes']).where('action_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.file_name, 'board paper.pdf');
    assert.equal(row.content_type, 'application/pdf');
    assert.equal(row.size_bytes, PDF.length);
    // Any member of staff may download it.
    const reader = await as('designated-clinical-officer');
    const dl = await reader.get(`/strategy/actions/${id}/evidence/${row.id}`);
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'application/pdf');
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.match(String(dl.headers['content-disposition']), /^attachment; filename="board paper\.pdf"/);
    assert.equal(dl.rawPayload.equals(PDF), true);
    assert.equal((await ctx().client().get(`/strategy/actions/${id}/evidence/${row.id}`)).statusCode, 303, 'not public');

    const disguised = await uploadEvidence(ctx(), c, id, 'Looks like a PDF', { filename: 'report.pdf', type: 'application/pdf', content: Buffer.from('<html><script>alert(1)</script></html>') });
    assert.equal(disguised.statusCode, 400);
    assert.deepEqual(errorMessages(disguised.body), ['The selected file is called “report.pdf” but is not a PDF. Check it opens, then upload it again']);
    const exe = await uploadEvidence(ctx(), c, id, 'A program', { filename: 'setup.exe', type: 'application/octet-stream', content: Buffer.from('MZ\x90\x00', 'latin1') });
    assert.equal(exe.statusCode, 400);
    assert.match(errorMessages(exe.body)[0]!, /^The selected file must be a PDF, an image/);
    const html = await uploadEvidence(ctx(), c, id, 'A page', { filename: 'page.html', type: 'text/html', content: Buffer.from('<p>hi</p>') });
    assert.equal(html.statusCode, 400);
    const empty = await uploadEvidence(ctx(), c, id, 'Nothing', { filename: 'empty.csv', type: 'text/csv', content: Buffer.alloc(0) });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorMessages(empty.body), ['The selected file is empty']);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await uploadEvidence(ctx(), c, id, 'Too big', { filename: 'big.pdf', type: 'application/pdf', content: big });
    assert.equal(tooBig.statusCode, 413);
    assert.deepEqual(errorMessages(tooBig.body), ['The selected file must be smaller than 10 MB']);
    const noTitle = await uploadEvidence(ctx(), c, id, '', { filename: 'a.pdf', type: 'application/pdf', content: PDF });
    assert.equal(noTitle.statusCode, 400);
    assert.deepEqual(errorMessages(noTitle.body), ['Enter a title for the evidence']);
    const noCsrf = await uploadEvidence(ctx(), c, id, 'No token', { filename: 'a.pdf', type: 'application/pdf', content: PDF }, false);
    assert.equal(noCsrf.statusCode, 403);
    const count = await ctx().s.db.selectFrom('strategy_evidence').select(ctx().s.db.fn.countAll<number>().as('n')).where('action_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1, 'only the good file was stored');
    const page = decode((await c.get(`/strategy/actions/${id}`)).body);
    assert.match(page, /Added the evidence “Board paper on commissioning”/);
  });

  test('only partnership leaders edit the plan: every other role is refused, and nothing changes', async () => {
    const id = await actionId(ctx(), '5.1');
    const before = await action(ctx(), id);
    const historyBefore = await historyCount(ctx(), id);
    const others = ALL_ROLES.filter((r): r is Role => r !== 'partnership-leader');
    for (const role of others) {
      const c = await as(role);
      for (const path of ['status', 'progress', 'details', 'milestones/new', 'measures', 'evidence']) {
        assert.equal((await c.get(`/strategy/actions/${id}/${path}`)).statusCode, 403, `${role} GET ${path}`);
      }
      await c.get('/home');
      const res = await c.post(`/strategy/actions/${id}/status`, { status: 'done', reason: `by ${role}`, version: String(before.version) });
      assert.equal(res.statusCode, 403, `${role} POST status`);
      const upd = await c.post(`/strategy/actions/${id}/progress`, { 'update-day': '1', 'update-month': '1', 'update-year': '2026', body: `by ${role}` });
      assert.equal(upd.statusCode, 403, `${role} POST progress`);
      // Staff read the plan; families read the public page only.
      const read = await c.get(`/strategy/actions/${id}`);
      assert.equal(read.statusCode, role === 'family' ? 403 : 200, `${role} reads the action`);
    }
    const after = await action(ctx(), id);
    assert.equal(after.status, before.status);
    assert.equal(after.version, before.version);
    assert.equal(await historyCount(ctx(), id), historyBefore);
    const refusals = await ctx().s.db.selectFrom('audit_log').select('id').where('action', '=', 'access.refused').execute();
    assert.ok(refusals.length >= others.length);
    // Signed out: the plan asks to sign in; the public page is open.
    const anon = ctx().client();
    assert.equal((await anon.get('/strategy/plan')).statusCode, 303);
    assert.equal((await anon.get('/strategy')).statusCode, 200);
  });

  test('the board report: status, changes and late milestones for a period, as a page and a PDF', async () => {
    const c = await as('partnership-leader');
    const from = addDays(today, -7);
    const res = await c.get(`/strategy/report?from=${from}&to=${today}`);
    assert.equal(res.statusCode, 200);
    const html = decode(res.body);
    assert.match(html, /Status of the \d+ actions/);
    assert.match(html, /2\.3 Improve the Local Offer website with families<\/strong>, from On track to At risk\. The supplier has not fixed the search yet\./);
    assert.match(html, /Leaflets sent to every GP/);
    assert.match(html, /Agreement signed by every partner/);
    assert.doesNotMatch(html, /Mark Ellis/, 'the report names organisations, not people');
    const bad = await c.get('/strategy/report?from=2026-13-01&to=yesterday');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(errorMessages(bad.body), [
      'Start of the period must be a real date in the form YYYY-MM-DD, for example 2026-04-01',
      'End of the period must be a real date in the form YYYY-MM-DD, for example 2026-04-01',
    ]);
    const backwards = await c.get(`/strategy/report?from=${today}&to=${from}`);
    assert.deepEqual(errorMessages(backwards.body), ['End of the period must be the same as or after its start']);
    const pdf = await c.get(`/strategy/report.pdf?from=${from}&to=${today}`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="action-plan-/);
    const text = pdfText(pdf.rawPayload);
    assert.match(text, /The action plan/);
    assert.match(text, /Late milestones/);
    assert.equal((await c.get('/strategy/report.pdf?from=nope')).statusCode, 400);
    // A period that ended before the status changes shows the statuses as they were then.
    const past = decode((await c.get(`/strategy/report?from=${addDays(today, -400)}&to=${addDays(today, -200)}`)).body);
    assert.match(past, /No status changed in the period/);
  });

  test('a leader adds an action; its reference must be new and its fields complete', async () => {
    const c = await as('partnership-leader');
    const form = await c.get('/strategy/actions/new');
    assert.equal(form.statusCode, 200);
    const p1 = await ctx().s.db.selectFrom('strategy_priorities').select('id').where('number', '=', 1).executeTakeFirstOrThrow();
    const council = await ctx().s.db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirstOrThrow();
    const empty = await c.post('/strategy/actions/new', {});
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorMessages(empty.body), [
      'Select the priority or area for improvement the action serves',
      'Enter a reference, for example 1.5',
      'Enter the action’s title',
      'Select the organisation that leads the action',
    ]);
    const base = { place: `priority:${p1.id}`, title: 'A young people’s panel', description: '<b>bold</b>', 'lead-organisation': council.id, 'lead-person': '' };
    const dup = await c.post('/strategy/actions/new', { ...base, reference: '1.1' });
    assert.equal(dup.statusCode, 400);
    assert.deepEqual(errorMessages(dup.body), ['There is already an action 1.1: choose another reference']);
    const odd = await c.post('/strategy/actions/new', { ...base, reference: '<1.5>' });
    assert.deepEqual(errorMessages(odd.body), ['The reference must be 20 characters or fewer, using only letters, numbers, spaces, full stops and hyphens']);
    const ok = await c.post('/strategy/actions/new', { ...base, reference: '1.5' });
    assert.equal(ok.statusCode, 303, ok.body);
    const id = /\/strategy\/actions\/([0-9a-f-]{36})/.exec(String(ok.headers.location))![1]!;
    const a = await action(ctx(), id);
    assert.equal(a.status, 'on-track');
    assert.equal(a.priority_id, p1.id);
    const page = await c.get(`/strategy/actions/${id}?saved=created`);
    assert.match(page.body, /The action has been added to the plan/);
    assert.match(page.body, /&lt;b&gt;bold&lt;\/b&gt;/);
    assert.match(decode(page.body), /Added the action to the plan/);
    assert.ok(await ctx().s.db.selectFrom('audit_log').select('id').where('action', '=', 'strategy.action.created').where('subject_id', '=', id).executeTakeFirst());
    const reader = await as('forum-member');
    assert.equal((await reader.get('/strategy/actions/new')).statusCode, 403);
    await reader.get('/home');
    assert.equal((await reader.post('/strategy/actions/new', { ...base, reference: '1.6' })).statusCode, 403);
  });

  test('a request for an action that does not exist is a 404, not an error', async () => {
    const c = await as('partnership-leader');
    assert.equal((await c.get('/strategy/actions/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await c.get('/strategy/actions/not-a-uuid')).statusCode, 404);
    const id = await actionId(ctx(), '1.1');
    assert.equal((await c.get(`/strategy/actions/${id}/milestones/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
    assert.equal((await c.get(`/strategy/actions/${id}/evidence/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
  });
});
