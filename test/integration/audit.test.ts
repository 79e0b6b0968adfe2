import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeApp } from '../support/context.js';

describeApp('the audit log', (ctx) => {
  test('entries chain and verify; the database refuses edits and deletions', async () => {
    const { s } = ctx();
    for (let i = 0; i < 5; i++) await s.audit.record(s.db, { actor: null, action: 'test.entry', outcome: 'succeeded', details: { i, nested: { b: 1, a: [1, 'two'] } } });
    const ok = await s.audit.verify(s.db);
    assert.deepEqual(ok.problems, []);
    assert.ok(ok.checked >= 5);
    await assert.rejects(sql`update audit_log set action = 'x' where id = 1`.execute(s.db), /append-only/);
    await assert.rejects(sql`delete from audit_log where id = 1`.execute(s.db), /append-only/);
  });

  test('a rolled-back change leaves no entry and no gap', async () => {
    const { s } = ctx();
    await assert.rejects(
      s.db.transaction().execute(async (tx) => {
        await s.audit.record(tx, { actor: null, action: 'test.rolled-back', outcome: 'succeeded' });
        throw new Error('the change failed');
      }),
    );
    await s.audit.record(s.db, { actor: null, action: 'test.after', outcome: 'succeeded' });
    const none = await s.db.selectFrom('audit_log').select('id').where('action', '=', 'test.rolled-back').execute();
    assert.equal(none.length, 0);
    assert.deepEqual((await s.audit.verify(s.db)).problems, []);
  });

  test('entries written at once from many requests still form one chain', async () => {
    const { s } = ctx();
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.audit.record(s.db, { actor: null, action: 'test.concurrent', outcome: 'succeeded', details: { i } })));
    assert.deepEqual((await s.audit.verify(s.db)).problems, []);
  });

  test('verification names an edited entry, a deleted entry and deleted latest entries', async () => {
    const { s } = ctx();
    for (let i = 0; i < 3; i++) await s.audit.record(s.db, { actor: null, action: 'test.tamper', outcome: 'succeeded' });
    const ids = (await s.db.selectFrom('audit_log').select('id').where('action', '=', 'test.tamper').orderBy('id').execute()).map((r) => Number(r.id));
    // Only someone able to switch the triggers off can do this; the chain still shows it.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(s.db);
    await sql`update audit_log set details = '{"edited":true}' where id = ${ids[0]}`.execute(s.db);
    await sql`delete from audit_log where id = ${ids[1]}`.execute(s.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(s.db);
    const { problems } = await s.audit.verify(s.db);
    const text = problems.map((p) => `${p.id}: ${p.problem}`).join('\n');
    assert.match(text, new RegExp(`${ids[0]}: was changed after it was written`));
    assert.match(text, new RegExp(`entries ${ids[1]} to ${ids[1]} are missing`));

    const last = ids[2]!;
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(s.db);
    await sql`delete from audit_log where id >= ${last}`.execute(s.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(s.db);
    const after = await s.audit.verify(s.db);
    assert.ok(after.problems.some((p) => /the latest were deleted/.test(p.problem)));
  });

  test('an administrator searches the log; a bad date is a GOV.UK error', async () => {
    const c = await ctx().signedIn('administrator');
    const page = await c.get('/admin/audit?action=sign-in');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /sign-in/);
    const bad = await c.get('/admin/audit?from=17/03/2026');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#from">Enter the start date as YYYY-MM-DD/);
    const unknown = await c.get('/admin/audit?actor=nobody@example.org');
    assert.match(unknown.body, /There is no user with the email nobody@example.org/);
  });
});
