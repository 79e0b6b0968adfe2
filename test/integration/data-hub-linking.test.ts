import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { csvFiles } from '../support/csv-files.js';
import type { Db } from '../../src/db/database.js';
import type { Actor } from '../../src/platform/audit/audit.service.js';
import { makeUpn } from '../../src/platform/identifiers/identifiers.js';
import { importFile, undoImport } from '../../src/features/data-hub/import/index.js';
import { candidatesOf, openQueue, queuedRecord, resolveQueued, LinkQueueError } from '../../src/features/data-hub/import/link-queue.js';

const csv = csvFiles('data-hub-linking');
const CENSUS = 'census_date,urn,upn,forename,surname,date_of_birth,gender,postcode,ncy,sen_provision,primary_need,secondary_need,fsm_eligible';
const SOCIAL = 'la_child_id,upn,nhs_number,forename,surname,date_of_birth,status,start_date,end_date';
const UPN_LATE = makeUpn('201009876543');
const UPN_TWIN = makeUpn('201009876544');

async function actorFor(db: Db, role: string): Promise<Actor> {
  const u = await db.selectFrom('users').select(['id', 'organisation_id', 'role']).where('role', '=', role).executeTakeFirstOrThrow();
  return { userId: u.id, organisationId: u.organisation_id, role: u.role };
}

describeApp('data hub linking', (ctx) => {
  const db = (): Db => ctx().s.db;

  test('records that arrive before their child are linked when a later file names the child', async () => {
    const admin = await actorFor(db(), 'administrator');
    const attendance = await importFile(db(), admin, 'attendance', csv('upn,urn,date,session,code', `${UPN_LATE},100001,2026-03-16,AM,/`, `${UPN_LATE},100001,2026-03-23,AM,N`));
    assert.equal(attendance.outcome, 'loaded');
    assert.equal(attendance.linkage.unlinked, 2, 'nobody has this UPN yet');
    const suspension = await importFile(db(), admin, 'suspensions-exclusions', csv('upn,urn,start_date,category,sessions,reason', `${UPN_LATE},100001,2026-03-18,suspension,2,PA`));
    assert.equal(suspension.outcome, 'loaded', JSON.stringify(suspension.rejections));

    const census = await importFile(db(), admin, 'school-census', csv(CENSUS, `2026-05-21,100001,${UPN_LATE},Lola,Grange,2014-09-09,F,CA2 4AB,6,K,SLCN,,false`));
    assert.equal(census.outcome, 'loaded');
    assert.equal(census.relinked, 3, 'two pupil-weeks and a suspension');
    const child = await db().selectFrom('children').select('id').where('upn', '=', UPN_LATE).executeTakeFirstOrThrow();
    const weeks = await db().selectFrom('attendance_weeks').select('child_id').where('upn', '=', UPN_LATE).execute();
    assert.deepEqual(weeks.map((w) => w.child_id), [child.id, child.id]);
    const links = await db().selectFrom('child_links').select(['dataset', 'method']).where('child_id', '=', child.id).orderBy('dataset').execute();
    assert.deepEqual(links, [
      { dataset: 'attendance', method: 'upn' },
      { dataset: 'suspensions-exclusions', method: 'upn' },
    ]);

    // Removing a child (a record made in error) leaves the facts, unlinked, as a foreign key's `set null` would.
    await db().deleteFrom('child_links').where('child_id', '=', child.id).execute();
    await db().updateTable('suspensions').set({ child_id: null }).where('child_id', '=', child.id).execute();
    await db().updateTable('school_census').set({ child_id: null }).where('child_id', '=', child.id).execute();
    await db().deleteFrom('children').where('id', '=', child.id).execute();
    const orphans = await db().selectFrom('attendance_weeks').select('child_id').where('upn', '=', UPN_LATE).execute();
    assert.deepEqual(orphans.map((w) => w.child_id), [null, null]);
  });

  test('a person resolves an ambiguous match: the record links, the child gains its UPN, and the decision is audited', async () => {
    const admin = await actorFor(db(), 'administrator');
    const officer = await actorFor(db(), 'casework-officer');
    const twins = await db()
      .insertInto('children')
      .values([
        { given_name: 'Kit', family_name: 'Moss', date_of_birth: '2015-01-01', postcode: 'CA1 1AA' },
        { given_name: 'Kit', family_name: 'Moss', date_of_birth: '2015-01-01', postcode: 'LA18 4AB' },
      ])
      .returning('id')
      .execute();
    const file = csv(SOCIAL, `C9,${UPN_TWIN},,Kit,Moss,2015-01-01,CIN,2025-01-10,`, 'C10,,,Kit,Moss,2015-01-01,CP,2025-02-10,');
    const summary = await importFile(db(), admin, 'social-care', file);
    assert.equal(summary.linkage.queued, 2);

    const queue = await openQueue(db());
    assert.equal(queue.total, 2);
    const first = queue.items.find((q) => q.line === 2)!;
    const candidates = await candidatesOf(db(), first);
    assert.deepEqual(candidates.map((c) => c.postcode).sort(), ['CA1 1AA', 'LA18 4AB']);

    await assert.rejects(resolveQueued(db(), officer, first.id, { kind: 'child', childId: '00000000-0000-4000-8000-000000000000' }), LinkQueueError);
    const chosen = twins[1]!.id;
    const result = await resolveQueued(db(), officer, first.id, { kind: 'child', childId: chosen, note: 'Same address as the care record' });
    assert.equal(result.linked, 1);
    const row = await db().selectFrom('social_care_episodes').select('child_id').where('la_child_id', '=', 'C9').executeTakeFirstOrThrow();
    assert.equal(row.child_id, chosen);
    const child = await db().selectFrom('children').select('upn').where('id', '=', chosen).executeTakeFirstOrThrow();
    assert.equal(child.upn, UPN_TWIN, 'the UPN the record carried is filled in');
    const link = await db().selectFrom('child_links').select('method').where('child_id', '=', chosen).executeTakeFirstOrThrow();
    assert.equal(link.method, 'manual');
    const audit = await db().selectFrom('audit_log').select(['actor_user_id', 'child_id']).where('action', '=', 'data-hub.link-decided').executeTakeFirstOrThrow();
    assert.deepEqual(audit, { actor_user_id: officer.userId, child_id: chosen });

    await assert.rejects(resolveQueued(db(), officer, first.id, { kind: 'no-match' }), /already decided/);
    const second = queue.items.find((q) => q.line === 3)!;
    assert.deepEqual(await resolveQueued(db(), officer, second.id, { kind: 'no-match', note: 'Neither: a third Kit Moss' }), { linked: 0 });
    const decided = await queuedRecord(db(), second.id);
    assert.equal(decided?.outcome, 'no-match');
    assert.equal((await openQueue(db())).total, 0);
    const stillUnlinked = await db().selectFrom('social_care_episodes').select('child_id').where('la_child_id', '=', 'C10').executeTakeFirstOrThrow();
    assert.equal(stillUnlinked.child_id, null);
  });

  test('records waiting for a child that casework added link at the next import of any dataset', async () => {
    const admin = await actorFor(db(), 'administrator');
    const upn = makeUpn('201009870010');
    const other = makeUpn('201009870011');
    const attendance = await importFile(db(), admin, 'attendance', csv('upn,urn,date,session,code', `${upn},100001,2026-04-20,AM,/`));
    assert.equal(attendance.linkage.unlinked, 1);
    // Casework adds the child (as the EHC pathway's child form does): no import named it.
    const child = await db().insertInto('children').values({ given_name: 'Cal', family_name: 'Reed', date_of_birth: '2014-06-06', upn }).returning('id').executeTakeFirstOrThrow();
    // A file that names nobody new (a suspension of another pupil) still re-links the waiting week.
    const first = await importFile(db(), admin, 'suspensions-exclusions', csv('upn,urn,start_date,category,sessions,reason', `${other},100001,2026-04-21,suspension,2,PA`));
    assert.equal(first.outcome, 'loaded', JSON.stringify(first.rejections));
    assert.equal(first.relinked, 1);
    const week = await db().selectFrom('attendance_weeks').select('child_id').where('upn', '=', upn).executeTakeFirstOrThrow();
    assert.equal(week.child_id, child.id);
    // The next such file has nothing to re-link, and does not look.
    const second = await importFile(db(), admin, 'suspensions-exclusions', csv('upn,urn,start_date,category,sessions,reason', `${other},100001,2026-04-28,suspension,1,PA`));
    assert.equal(second.outcome, 'loaded');
    assert.equal(second.relinked, undefined);
  });

  test('records in one file link as if one by one: each finds the children and identifiers the rows before it gave', async () => {
    const admin = await actorFor(db(), 'administrator');
    const [upnA, upnB, upnC] = ['201009870001', '201009870002', '201009870003'].map(makeUpn);
    // A child already known by name and date of birth only, as a family's own record would make.
    const known = await db().insertInto('children').values({ given_name: 'Ada', family_name: 'Fell', date_of_birth: '2013-04-04' }).returning('id').executeTakeFirstOrThrow();
    const file = csv(
      SOCIAL,
      // Named with a UPN: links to the known child by name and date of birth, and fills in its UPN.
      `S1,${upnA},,Ada,Fell,2013-04-04,CIN,2025-01-10,`,
      // The same name, another UPN: the known child has upnA now, so this is a different child, created.
      `S2,${upnB},,ada,FELL,2013-04-04,CIN,2025-01-11,`,
      // upnB again, no name needed: the child the row before created.
      `S3,${upnB},,,,,CP,2025-02-11,`,
      // A new child, then the same name and date of birth with no identifier at all: two children
      // fit (Ada Fell with upnA and with upnB), so it waits for a person.
      `S4,${upnC},,Ben,Wray,2012-02-02,CIN,2025-01-12,`,
      `S5,,,Ada,Fell,2013-04-04,CIN,2025-01-13,`,
      // Ben Wray by name alone: one child fits, the one S4 created.
      `S6,,,Ben,Wray,2012-02-02,CP,2025-03-01,`,
    );
    const summary = await importFile(db(), admin, 'social-care', file);
    assert.equal(summary.outcome, 'loaded', JSON.stringify(summary.rejections));
    assert.deepEqual(
      { ...summary.linkage },
      { upn: 1, 'nhs-number': 0, 'name-dob': 2, created: 2, queued: 1, unlinked: 0 },
    );
    const episodes = await db().selectFrom('social_care_episodes').select(['la_child_id', 'child_id']).where('la_child_id', 'in', ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']).orderBy('la_child_id').execute();
    const childOf = Object.fromEntries(episodes.map((e) => [e.la_child_id, e.child_id]));
    assert.equal(childOf.S1, known.id);
    assert.notEqual(childOf.S2, known.id);
    assert.equal(childOf.S3, childOf.S2);
    assert.equal(childOf.S5, null);
    assert.equal(childOf.S6, childOf.S4);
    const children = await db().selectFrom('children').select(['id', 'upn', 'given_name']).where('upn', 'in', [upnA!, upnB!, upnC!]).execute();
    assert.deepEqual(Object.fromEntries(children.map((c) => [c.upn, [c.id, c.given_name]])), {
      [upnA!]: [known.id, 'Ada'],
      [upnB!]: [childOf.S2, 'ada'],
      [upnC!]: [childOf.S4, 'Ben'],
    });
    const queued = (await openQueue(db())).items.find((q) => q.line === 6);
    assert.ok(queued, 'line 6 (S5) waits in the link queue');
    assert.deepEqual((await candidatesOf(db(), queued)).map((c) => c.id).sort(), [known.id, childOf.S2!].sort());
  });
});

describeApp('data hub corrections and undo', (ctx) => {
  const db = (): Db => ctx().s.db;
  const UPN = makeUpn('201004444444');

  test('daily attendance files add their day to the week; undoing a day takes only that day away', async () => {
    const admin = await actorFor(db(), 'administrator');
    const monday = await importFile(db(), admin, 'attendance', csv('upn,urn,date,session,code', `${UPN},100001,2026-03-16,AM,/`, `${UPN},100001,2026-03-16,PM,/`));
    assert.equal(monday.outcome, 'loaded');
    const tuesday = await importFile(db(), admin, 'attendance', csv('upn,urn,date,session,code', `${UPN},100001,2026-03-17,AM,O`, `${UPN},100001,2026-03-17,PM,N`));
    assert.equal(tuesday.outcome, 'loaded');
    const week = async () => db().selectFrom('attendance_weeks').select(['sessions', 'possible', 'attending', 'unauthorised', 'import_id']).where('upn', '=', UPN).executeTakeFirstOrThrow();
    const both = await week();
    assert.equal(both.sessions, '/,/,O,N,,,,,,');
    assert.deepEqual([both.possible, both.attending, both.unauthorised], [4, 2, 2]);
    assert.equal(both.import_id, tuesday.importId);

    // A corrected Tuesday: the morning was an authorised absence after all.
    const corrected = await importFile(db(), admin, 'attendance', csv('upn,urn,date,session,code', `${UPN},100001,2026-03-17,AM,I`));
    assert.equal((await week()).sessions, '/,/,I,N,,,,,,');

    await undoImport(db(), admin, corrected.importId!);
    assert.equal((await week()).sessions, '/,/,O,N,,,,,,', 'undoing the correction brings back the week before it');
    const undone = await undoImport(db(), admin, tuesday.importId!);
    assert.equal(undone.rowsRestored, 1);
    const mondayOnly = await week();
    assert.equal(mondayOnly.sessions, '/,/,,,,,,,,');
    assert.deepEqual([mondayOnly.possible, mondayOnly.attending, mondayOnly.import_id], [2, 2, monday.importId]);
  });

  test('a file not sorted by pupil stores the same weeks as a sorted one, over stored weeks too', async () => {
    const admin = await actorFor(db(), 'administrator');
    const A = makeUpn('201004444446');
    const B = makeUpn('201004444447');
    // Monday stored first, so the week is merged, not copied, when the unsorted file comes.
    const monday = await importFile(db(), admin, 'attendance', csv('upn,urn,date,session,code', `${A},100002,2026-03-16,AM,/`, `${B},100002,2026-03-16,AM,N`));
    // Pupils interleaved: A, B, A, B, A, and a week no file had before.
    const rest = await importFile(
      db(),
      admin,
      'attendance',
      csv(
        'upn,urn,date,session,code',
        `${A},100002,2026-03-16,PM,\\`,
        `${B},100002,2026-03-16,PM,\\`,
        `${A},100002,2026-03-17,AM,O`,
        `${B},100002,2026-03-23,AM,/`,
        `${A},100002,2026-03-23,AM,/`,
      ),
    );
    assert.equal(rest.outcome, 'loaded', JSON.stringify(rest.rejections));
    assert.equal(rest.pupilWeeks, 4);
    const weeks = await db()
      .selectFrom('attendance_weeks')
      .select(['upn', 'week_start', 'sessions', 'possible', 'attending', 'import_id'])
      .where('upn', 'in', [A, B])
      .orderBy('upn')
      .orderBy('week_start')
      .execute();
    assert.deepEqual(
      weeks.map((w) => [w.upn === A ? 'A' : 'B', w.week_start, w.sessions, w.possible, w.attending]).sort((x, y) => `${x[0]}${x[1]}`.localeCompare(`${y[0]}${y[1]}`)),
      [
        ['A', '2026-03-16', '/,\\,O,,,,,,,', 3, 2],
        ['A', '2026-03-23', '/,,,,,,,,,', 1, 1],
        ['B', '2026-03-16', 'N,\\,,,,,,,,', 2, 1],
        ['B', '2026-03-23', '/,,,,,,,,,', 1, 1],
      ],
    );
    assert.ok(weeks.every((w) => w.import_id === rest.importId));
    // Undo: Monday's file is back, and the week never stored before is gone, coverage too.
    await undoImport(db(), admin, rest.importId!);
    const back = await db().selectFrom('attendance_weeks').select(['upn', 'sessions']).where('upn', 'in', [A, B]).execute();
    assert.deepEqual(back.map((w) => [w.upn === A ? 'A' : 'B', w.sessions]).sort(), [['A', '/,,,,,,,,,'], ['B', 'N,,,,,,,,,']]);
    const coverage = await db().selectFrom('attendance_coverage').select(['week_start', 'import_id']).where('urn', '=', '100002').execute();
    assert.deepEqual(coverage, [{ week_start: '2026-03-16', import_id: monday.importId }]);
  });

  test('pupil-weeks stay single whatever the order of files, undo, re-import, and imports at once', async () => {
    const admin = await actorFor(db(), 'administrator');
    const P = makeUpn('201004444448');
    const Q = makeUpn('201004444449');
    const duplicates = async () =>
      (await db()
        .selectFrom('attendance_weeks')
        .select(['upn', 'urn', 'week_start'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .groupBy(['upn', 'urn', 'week_start'])
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute()).length;
    const header = 'upn,urn,date,session,code';
    // P is on two schools' rolls, listed apart, as some registers list dual registration.
    const a = csv(header, `${P},100003,2026-03-16,AM,/`, `${Q},100003,2026-03-16,AM,/`, `${P},100003,2026-03-17,AM,N`, `${P},100004,2026-03-18,AM,D`);
    const b = csv(header, `${Q},100003,2026-03-16,PM,\\`, `${P},100003,2026-03-16,PM,\\`, `${Q},100003,2026-03-23,AM,/`);
    // Both at once: on a server they are two connections; each would find the weeks new.
    const [first, second] = await Promise.all([importFile(db(), admin, 'attendance', a), importFile(db(), admin, 'attendance', b)]);
    assert.deepEqual([first.outcome, second.outcome], ['loaded', 'loaded']);
    assert.equal(await duplicates(), 0);
    const week = async (upn: string) =>
      (await db().selectFrom('attendance_weeks').select('sessions').where('upn', '=', upn).where('urn', '=', '100003').where('week_start', '=', '2026-03-16').executeTakeFirstOrThrow()).sessions;
    assert.equal(await week(P), '/,\\,N,,,,,,,', 'both files’ sessions are in the one week');
    assert.equal(await week(Q), '/,\\,,,,,,,,');

    // The import that took the lock second merged into the other's weeks: its rows hold both
    // files' sessions, so the earlier cannot be undone before it.
    const merger = await db().selectFrom('superseded_facts').select('import_id').distinct().where('fact_table', '=', 'attendance_weeks').where('import_id', 'in', [first.importId!, second.importId!]).execute();
    assert.equal(merger.length, 1, 'one of the two merged into the other');
    const later = merger[0]!.import_id;
    const earlier = later === first.importId ? second.importId! : first.importId!;
    await assert.rejects(undoImport(db(), admin, earlier), new RegExp(`cannot be undone on its own: a later import added sessions.*${later}`));
    assert.equal(await week(P), '/,\\,N,,,,,,,', 'a refused undo changes nothing');
    await undoImport(db(), admin, later);
    await undoImport(db(), admin, earlier);
    assert.equal(await duplicates(), 0);
    assert.equal(Number((await db().selectFrom('attendance_weeks').select((eb) => eb.fn.countAll<number>().as('n')).where('upn', 'in', [P, Q]).executeTakeFirstOrThrow()).n), 0, 'both undone, no week of theirs is left');
    const again = await importFile(db(), admin, 'attendance', a);
    assert.equal(again.outcome, 'loaded', 'an undone file can be loaded again');
    assert.equal(again.pupilWeeks, 3);
    assert.equal(again.linkage.unlinked + again.linkage.upn, 3, 'each pupil-week linked or counted unlinked once');
    assert.equal(await duplicates(), 0);
    assert.equal(await week(P), '/,,N,,,,,,,');
    const both = await importFile(db(), admin, 'attendance', b);
    assert.equal(both.outcome, 'loaded', 'and the other after it');
    assert.equal(await duplicates(), 0);
    assert.equal(await week(P), '/,\\,N,,,,,,,');
  });

  test('a pupil back at another school after many others, in a file of many chunks, is stored once', async () => {
    const admin = await actorFor(db(), 'administrator');
    const P = makeUpn('201005555555');
    const others = Array.from({ length: 400 }, (_, i) => makeUpn(`2010066${String(i).padStart(5, '0')}`));
    const days = ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24'];
    const rows = [
      ...days.flatMap((d) => [`${P},100005,${d},AM,/`, `${P},100005,${d},PM,\\`]),
      // 4,000 rows (more than two 64 KB reads) before P comes back
      ...others.flatMap((u) => days.flatMap((d) => [`${u},100005,${d},AM,/`, `${u},100005,${d},PM,\\`])),
      `${P},100006,2026-04-27,AM,D`,
      `${P},100005,2026-04-27,AM,/`,
    ];
    const loaded = await importFile(db(), admin, 'attendance', csv('upn,urn,date,session,code', ...rows));
    assert.equal(loaded.outcome, 'loaded', JSON.stringify(loaded.rejections.slice(0, 3)));
    assert.equal(loaded.pupilWeeks, 1 + others.length + 2);
    const weeks = await db().selectFrom('attendance_weeks').select(['urn', 'week_start', 'sessions']).where('upn', '=', P).orderBy('week_start').orderBy('urn').execute();
    assert.deepEqual(
      weeks.map((w) => [w.urn, w.week_start, w.sessions]),
      [
        ['100005', '2026-04-20', '/,\\,/,\\,/,\\,/,\\,/,\\'],
        ['100005', '2026-04-27', '/,,,,,,,,,'],
        ['100006', '2026-04-27', 'D,,,,,,,,,'],
      ],
    );
    const stored = await db().selectFrom('attendance_weeks').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', loaded.importId!).executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), loaded.pupilWeeks, 'no pupil-week written twice');
  });

  test('undoing a corrected census brings back the rows it replaced', async () => {
    const admin = await actorFor(db(), 'administrator');
    const UPN_C = makeUpn('201004444445');
    const first = await importFile(db(), admin, 'school-census', csv(CENSUS, `2026-01-15,100001,${UPN_C},Ivy,Bell,2015-05-05,F,CA2 4AB,5,K,ASD,,false`));
    const fixed = await importFile(db(), admin, 'school-census', csv(CENSUS, `2026-01-15,100001,${UPN_C},Ivy,Bell,2015-05-05,F,CA2 4AB,5,E,ASD,,false`));
    const row = () => db().selectFrom('school_census').select(['sen_provision', 'import_id']).where('upn', '=', UPN_C).executeTakeFirstOrThrow();
    assert.deepEqual(await row(), { sen_provision: 'E', import_id: fixed.importId });
    const undone = await undoImport(db(), admin, fixed.importId!);
    assert.deepEqual(undone, { rowsRemoved: 1, rowsRestored: 1 });
    assert.deepEqual(await row(), { sen_provision: 'K', import_id: first.importId });
    // Undo the first too: nothing of either is left, and nothing is restored from an undone import.
    await undoImport(db(), admin, first.importId!);
    assert.equal((await db().selectFrom('school_census').select('upn').where('upn', '=', UPN_C).execute()).length, 0);
  });
  test("a day's file for more pupils than a merge batch merges every stored week once, with both days' sessions", async () => {
    const admin = await actorFor(db(), 'administrator');
    // More pupil-weeks than MERGE_BATCH (100,000), so the merges are held and written in two statements.
    const upns = Array.from({ length: 100_500 }, (_, i) => makeUpn(`201008${String(i).padStart(6, '0')}`));
    const day = (date: string, am: string, pm: string) => csv(['upn,urn,date,session,code', ...upns.flatMap((u) => [`${u},100009,${date},AM,${am}`, `${u},100009,${date},PM,${pm}`])].join('\n'));
    const monday = await importFile(db(), admin, 'attendance', day('2026-05-11', '/', '\\'));
    assert.equal(monday.outcome, 'loaded');
    const tuesday = await importFile(db(), admin, 'attendance', day('2026-05-12', '/', 'N'));
    assert.equal(tuesday.outcome, 'loaded');
    assert.equal(tuesday.pupilWeeks, upns.length);
    const weeks = await db()
      .selectFrom('attendance_weeks')
      .select(['sessions', 'import_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('urn', '=', '100009')
      .groupBy(['sessions', 'import_id'])
      .execute();
    assert.deepEqual(
      weeks.map((w) => [w.sessions, w.import_id, Number(w.n)]),
      [['/,\\,/,N,,,,,,', tuesday.importId, upns.length]],
      'one row a pupil, holding both days',
    );
    const kept = await db().selectFrom('superseded_facts').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', tuesday.importId!).executeTakeFirstOrThrow();
    assert.equal(Number(kept.n), upns.length, "Monday's rows kept for undo");
  });
});
