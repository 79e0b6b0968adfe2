import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeApp } from '../support/context.js';
import { sendHub, tempDataDir } from '../support/processes.js';
import { openDatabase } from '../../src/db/database.js';
import type { Db } from '../../src/db/database.js';
import type { Actor } from '../../src/platform/audit/audit.service.js';
import { makeNhsNumber, makeUpn } from '../../src/platform/identifiers/identifiers.js';
import { importFile, undoImport, ImportError } from '../../src/features/data-hub/import/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'data-hub-import-'));
let fileNo = 0;
/** Writes a CSV file (lines joined with \n) and returns its path. */
function csv(...lines: string[]): string {
  const file = path.join(dir, `file-${++fileNo}.csv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const CENSUS = 'census_date,urn,upn,forename,surname,date_of_birth,gender,postcode,ncy,sen_provision,primary_need,secondary_need,fsm_eligible';
const UPN_A = makeUpn('201001234567');
const UPN_B = makeUpn('201001234568');
const UPN_C = makeUpn('201001234569');
const NHS = makeNhsNumber('943476591')!;

const count = async (db: Db, table: 'school_census' | 'children' | 'imports' | 'attendance_weeks' | 'camhs_referrals' | 'social_care_episodes' | 'link_queue') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describeApp('data hub imports', (ctx) => {
  let admin: Actor;
  const db = (): Db => ctx().s.db;
  let censusFile: string;

  test('a clean school census loads; a known UPN links to its child, an unknown pupil is created', async () => {
    const d = db();
    const u = await d.selectFrom('users').select(['id', 'organisation_id', 'role']).where('role', '=', 'administrator').executeTakeFirstOrThrow();
    admin = { userId: u.id, organisationId: u.organisation_id, role: u.role };
    const known = await d.insertInto('children').values({ given_name: 'Ada', family_name: 'Fell', date_of_birth: '2015-05-01', upn: UPN_A }).returning('id').executeTakeFirstOrThrow();
    censusFile = csv(
      CENSUS,
      `2026-01-15,100001,${UPN_A},Ada,Fell,2015-05-01,F,ca28 6ab,5,K,SEMH,,true`,
      `2026-01-15,100001,${UPN_B},Ben,Kirk,2014-03-02,M,CA28 7AB,6,E,ASD,SLCN,false`,
    );
    const summary = await importFile(d, admin, 'school-census', censusFile);
    assert.equal(summary.outcome, 'loaded', summary.errors.join());
    assert.deepEqual([summary.rowsRead, summary.rowsLoaded, summary.rowsRejected], [2, 2, 0]);
    assert.equal(summary.linkage.upn, 1);
    assert.equal(summary.linkage.created, 1);
    const rows = await d.selectFrom('school_census').select(['upn', 'child_id', 'import_id', 'postcode']).orderBy('upn').execute();
    assert.equal(rows.length, 2);
    assert.equal(rows.find((r) => r.upn === UPN_A)!.child_id, known.id);
    assert.equal(rows.find((r) => r.upn === UPN_A)!.postcode, 'CA28 6AB');
    const ben = await d.selectFrom('children').selectAll().where('upn', '=', UPN_B).executeTakeFirstOrThrow();
    assert.equal(rows.find((r) => r.upn === UPN_B)!.child_id, ben.id);
    assert.equal(ben.given_name, 'Ben');
    assert.match(ben.pseudo_key, /^[0-9a-f-]{36}$/);
    const links = await d.selectFrom('child_links').select(['child_id', 'method']).where('import_id', '=', summary.importId!).execute();
    assert.deepEqual(links, [{ child_id: known.id, method: 'upn' }]);
    const imp = await d.selectFrom('imports').selectAll().where('id', '=', summary.importId!).executeTakeFirstOrThrow();
    assert.equal(imp.status, 'loaded');
    assert.equal(imp.imported_by, admin.userId);
    assert.equal(imp.file_sha256, summary.sha256);
    assert.deepEqual([imp.rows_read, imp.rows_loaded, imp.rows_rejected], [2, 2, 0]);
    const audited = await d.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'data-hub.import').execute();
    assert.ok(audited.some((a) => a.subject_id === summary.importId));
  });

  test('re-importing the same file changes nothing and says so', async () => {
    const d = db();
    const before = [await count(d, 'school_census'), await count(d, 'imports'), await count(d, 'children')];
    const again = await importFile(d, admin, 'school-census', censusFile);
    assert.equal(again.outcome, 'unchanged');
    assert.match(again.errors[0]!, /already loaded/);
    assert.deepEqual([await count(d, 'school_census'), await count(d, 'imports'), await count(d, 'children')], before);
  });

  test('a corrected file replaces the rows it supersedes (same natural key)', async () => {
    const d = db();
    const before = await count(d, 'school_census');
    const corrected = csv(CENSUS, `2026-01-15,100001,${UPN_B},Ben,Kirk,2014-03-02,M,CA28 7AB,7,E,ASD,SLCN,false`);
    const summary = await importFile(d, admin, 'school-census', corrected);
    assert.equal(summary.outcome, 'loaded');
    assert.equal(await count(d, 'school_census'), before);
    const row = await d.selectFrom('school_census').select(['ncy', 'import_id']).where('upn', '=', UPN_B).executeTakeFirstOrThrow();
    assert.deepEqual(row, { ncy: '7', import_id: summary.importId });
  });

  test('a file with one bad row loads nothing; with acceptValid the good rows load and the rejections are kept', async () => {
    const d = db();
    const file = csv(
      CENSUS,
      `2026-05-15,100001,${UPN_A},Ada,Fell,2015-05-01,F,CA28 6AB,5,K,SEMH,,true`,
      `2026-05-15,100001,${UPN_C},Cy,Moss,2014-01-01,M,CA28 6AB,27,K,SEMH,,true`,
    );
    const before = [await count(d, 'school_census'), await count(d, 'children')];
    const refused = await importFile(d, admin, 'school-census', file);
    assert.equal(refused.outcome, 'rejected');
    assert.deepEqual([refused.rowsRead, refused.rowsLoaded, refused.rowsRejected], [2, 0, 1]);
    assert.equal(refused.rejections[0]!.line, 3);
    assert.equal(refused.rejections[0]!.column, 'ncy');
    assert.equal(refused.rejections[0]!.value, '27');
    assert.deepEqual([await count(d, 'school_census'), await count(d, 'children')], before);
    const recorded = await d.selectFrom('imports').select('status').where('id', '=', refused.importId!).executeTakeFirstOrThrow();
    assert.equal(recorded.status, 'rejected');

    const accepted = await importFile(d, admin, 'school-census', file, { acceptValid: true });
    assert.equal(accepted.outcome, 'loaded');
    assert.deepEqual([accepted.rowsRead, accepted.rowsLoaded, accepted.rowsRejected], [2, 1, 1]);
    assert.equal(await count(d, 'school_census'), before[0]! + 1);
    const stored = await d.selectFrom('import_rejections').selectAll().where('import_id', '=', accepted.importId!).execute();
    assert.equal(stored.length, 1);
    assert.deepEqual({ line: stored[0]!.line, column: stored[0]!.column, value: stored[0]!.value }, { line: 3, column: 'ncy', value: '27' });
    assert.ok(stored[0]!.reason.length > 0);
  });

  test('a dry run reports and changes nothing', async () => {
    const d = db();
    const file = csv(CENSUS, `2026-09-15,100001,${UPN_A},Ada,Fell,2015-05-01,F,CA28 6AB,6,K,SEMH,,true`);
    const before = [await count(d, 'school_census'), await count(d, 'imports')];
    const dry = await importFile(d, admin, 'school-census', file, { dryRun: true });
    assert.equal(dry.outcome, 'loaded');
    assert.equal(dry.importId, null);
    assert.equal(dry.rowsLoaded, 1);
    assert.deepEqual([await count(d, 'school_census'), await count(d, 'imports')], before);
  });

  test('a CAMHS referral links by NHS number', async () => {
    const d = db();
    const child = await d.insertInto('children').values({ given_name: 'Dee', family_name: 'Hall', date_of_birth: '2012-06-01', nhs_number: NHS }).returning('id').executeTakeFirstOrThrow();
    const file = csv(
      'extract_date,referral_id,nhs_number,forename,surname,date_of_birth,postcode,provider_code,icb_code,referral_date,first_contact_date,treatment_start_date,discharge_date,referral_outcome',
      `2026-03-31,R1,${NHS},Dee,Hall,2012-06-01,CA28 6AB,RNN,QE1,2025-06-01,2025-07-01,,,accepted`,
    );
    const summary = await importFile(d, admin, 'camhs-referrals', file);
    assert.equal(summary.outcome, 'loaded', JSON.stringify(summary.rejections));
    assert.equal(summary.linkage['nhs-number'], 1);
    const row = await d.selectFrom('camhs_referrals').select(['child_id', 'referral_outcome']).executeTakeFirstOrThrow();
    assert.deepEqual(row, { child_id: child.id, referral_outcome: 'accepted' });
    const link = await d.selectFrom('child_links').select('method').where('import_id', '=', summary.importId!).executeTakeFirstOrThrow();
    assert.equal(link.method, 'nhs-number');
  });

  test('social care: name and date of birth link to the one matching child; an ambiguous match waits in the queue', async () => {
    const d = db();
    const eve = await d.insertInto('children').values({ given_name: 'Eve', family_name: 'Nook', date_of_birth: '2013-02-02' }).returning('id').executeTakeFirstOrThrow();
    const twins = await d
      .insertInto('children')
      .values([
        { given_name: 'Sam', family_name: 'Pike', date_of_birth: '2016-07-07' },
        { given_name: 'sam', family_name: 'PIKE', date_of_birth: '2016-07-07' },
      ])
      .returning('id')
      .execute();
    const file = csv(
      'la_child_id,upn,nhs_number,forename,surname,date_of_birth,status,start_date,end_date',
      'C1,,,Eve,Nook,2013-02-02,CIN,2025-01-10,',
      'C2,,,Sam,Pike,2016-07-07,CP,2025-03-01,',
    );
    const summary = await importFile(d, admin, 'social-care', file);
    assert.equal(summary.outcome, 'loaded', JSON.stringify(summary.rejections));
    assert.equal(summary.linkage['name-dob'], 1);
    assert.equal(summary.linkage.queued, 1);
    const rows = await d.selectFrom('social_care_episodes').select(['la_child_id', 'child_id']).orderBy('la_child_id').execute();
    assert.deepEqual(rows, [{ la_child_id: 'C1', child_id: eve.id }, { la_child_id: 'C2', child_id: null }]);
    const queued = await d.selectFrom('link_queue').selectAll().executeTakeFirstOrThrow();
    assert.equal(queued.fact_table, 'social_care_episodes');
    assert.equal(queued.line, 3);
    assert.deepEqual([...(queued.candidate_child_ids as string[])].sort(), twins.map((t) => t.id).sort());
    assert.equal(queued.resolved_at, null);
    const link = await d.selectFrom('child_links').select('method').where('import_id', '=', summary.importId!).executeTakeFirstOrThrow();
    assert.equal(link.method, 'name-dob');
  });

  let attendanceImport: string;
  test('attendance is stored as pupil-week rollups linked by UPN; undo removes them', async () => {
    const d = db();
    const file = csv(
      'upn,urn,date,session,code',
      `${UPN_A},100001,2026-03-16,AM,/`,
      `${UPN_A},100001,2026-03-16,PM,N`,
      `${UPN_A},100001,2026-03-17,AM,C`,
      `${UPN_A},100001,2026-03-23,AM,/`,
      `${UPN_B},100001,2026-03-16,AM,\\`,
    );
    const summary = await importFile(d, admin, 'attendance', file);
    assert.equal(summary.outcome, 'loaded', JSON.stringify(summary.rejections));
    assert.deepEqual([summary.rowsRead, summary.rowsLoaded, summary.pupilWeeks], [5, 5, 3]);
    attendanceImport = summary.importId!;
    const weeks = await d.selectFrom('attendance_weeks').selectAll().orderBy('upn').orderBy('week_start').execute();
    assert.equal(weeks.length, 3);
    const first = weeks.find((w) => w.upn === UPN_A && w.week_start === '2026-03-16')!;
    assert.deepEqual([first.possible, first.attending, first.authorised, first.unauthorised], [3, 1, 1, 1]);
    assert.equal(first.sessions.split(',').length, 10);
    assert.ok(first.child_id);
    assert.equal(summary.linkage.upn, 3);

    const senco = { ...admin, role: 'senco' };
    await assert.rejects(undoImport(d, senco, attendanceImport), ImportError);
    const undone = await undoImport(d, admin, attendanceImport);
    assert.equal(undone.rowsRemoved, 3);
    assert.equal(await count(d, 'attendance_weeks'), 0);
    const imp = await d.selectFrom('imports').select(['status', 'undone_by']).where('id', '=', attendanceImport).executeTakeFirstOrThrow();
    assert.deepEqual(imp, { status: 'undone', undone_by: admin.userId });
    await assert.rejects(undoImport(d, admin, attendanceImport), /nothing to undo/);
    // Once undone, the same file loads again.
    const again = await importFile(d, admin, 'attendance', file);
    assert.equal(again.outcome, 'loaded');
    assert.equal(await count(d, 'attendance_weeks'), 3);
  });

  test('a missing required column refuses the file before any row, naming the column', async () => {
    const d = db();
    const before = await count(d, 'school_census');
    const file = csv(CENSUS.replace(',ncy', ''), `2026-01-16,100001,${UPN_C},Cy,Moss,2014-01-01,M,CA28 6AB,K,SEMH,,true`);
    const summary = await importFile(d, admin, 'school-census', file);
    assert.equal(summary.outcome, 'refused');
    assert.equal(summary.rowsRead, 0);
    assert.match(summary.errors[0]!, /no ncy column/);
    assert.equal(await count(d, 'school_census'), before);
  });

  test('an empty file and a binary file are refused with their messages', async () => {
    const d = db();
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const e = await importFile(d, admin, 'schools', empty);
    assert.equal(e.outcome, 'refused');
    assert.match(e.errors[0]!, /The file is empty/);
    const binary = path.join(dir, 'book.xlsx');
    writeFileSync(binary, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 1)]));
    const b = await importFile(d, admin, 'schools', binary);
    assert.equal(b.outcome, 'refused');
    assert.match(b.errors[0]!, /Excel workbook/);
    const recorded = await d.selectFrom('imports').select(['status', 'report']).where('id', '=', b.importId!).executeTakeFirstOrThrow();
    assert.equal(recorded.status, 'rejected');
  });

  test('schools become organisations with their details', async () => {
    const d = db();
    const file = csv('urn,name,type,phase,postcode,locality', '100001,Fell View Primary,mainstream,primary,CA28 6AB,Allerdale');
    const summary = await importFile(d, admin, 'schools', file);
    assert.equal(summary.outcome, 'loaded', JSON.stringify(summary.rejections));
    const org = await d.selectFrom('organisations').innerJoin('school_details', 'school_details.organisation_id', 'organisations.id').select(['kind', 'organisations.name', 'code', 'phase']).where('code', '=', '100001').executeTakeFirstOrThrow();
    assert.deepEqual(org, { kind: 'school', name: 'Fell View Primary', code: '100001', phase: 'primary' });
  });
});

describe('send-hub import', () => {
  test('imports a file into DATA_DIR, refuses a bad one with exit code 1, and undoes', async () => {
    const dataDir = tempDataDir();
    const env = { DATA_DIR: dataDir, AREA_CODE: 'E06000063', AREA_NAME: 'Cumberland' };
    const good = csv('urn,name,type,phase,postcode,locality', '100002,Beck Side Academy,mainstream,secondary,CA28 7AB,Allerdale');
    const r = sendHub(['import', 'schools', good], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Rows read: 1, loaded: 1, rejected: 0/);
    const id = /import ([0-9a-f-]{36})/.exec(r.stdout)?.[1];
    assert.ok(id, r.stdout);

    const bad = csv('urn,name,type,phase,postcode,locality', '100003,Bad School,castle,primary,,');
    const refused = sendHub(['import', 'schools', bad], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /line 2, column type: value castle — /);

    const undo = sendHub(['import', 'undo', id], env);
    assert.equal(undo.code, 0, undo.stderr);
    assert.match(undo.stdout, /Undid import/);

    const database = await openDatabase({ dataDir, purpose: 'test' });
    try {
      const rows = await database.db.selectFrom('imports').select(['status']).orderBy('imported_at').execute();
      assert.deepEqual(rows.map((x) => x.status), ['undone', 'rejected']);
    } finally {
      await database.close();
    }
  });
});
