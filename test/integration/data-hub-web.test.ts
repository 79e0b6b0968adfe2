import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { describeApp, type TestClient } from '../support/context.js';
import { makeUpn } from '../../src/platform/identifiers/identifiers.js';
import { asAnalyst } from '../../src/features/data-hub/analytics/as-analyst.js';

const CENSUS = 'census_date,urn,upn,forename,surname,date_of_birth,gender,postcode,ncy,sen_provision,primary_need,secondary_need,fsm_eligible';
const UPNS = Array.from({ length: 12 }, (_, i) => makeUpn(`20100555${String(1000 + i)}`));

/** A multipart/form-data body as a browser sends it: fields in document order, _csrf first. */
function multipart(fields: [string, string | { filename: string; content: string }][]): { body: string; contentType: string } {
  const boundary = '----sendhubtest' + Math.random().toString(16).slice(2);
  const parts = fields.map(([name, value]) =>
    typeof value === 'string'
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: text/csv\r\n\r\n${value.content}\r\n`,
  );
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(c: TestClient, fields: [string, string | { filename: string; content: string }][], withCsrf = true) {
  await c.get('/data/imports/new');
  const { body, contentType } = multipart(withCsrf ? [['_csrf', c.csrf!], ...fields] : fields);
  return c.request('POST', '/data/imports', { body, headers: { 'content-type': contentType } });
}

/** Follows the progress page until the import is recorded; returns the import's page address. */
async function finished(c: TestClient, jobUrl: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const res = await c.get(jobUrl);
    if (res.statusCode === 303) return String(res.headers.location);
    assert.equal(res.statusCode, 200);
    if (!/Refresh to see progress/.test(res.body)) return jobUrl;
    await sleep(50);
  }
  throw new Error(`the import at ${jobUrl} did not finish`);
}

describeApp('data hub pages', (ctx) => {
  test('an analyst uploads a census, watches it import and reads the report', async () => {
    const c = await ctx().signedIn('analyst');
    const rows = UPNS.slice(0, 10).map((u, i) => `2026-01-15,100001,${u},Pupil${String.fromCharCode(65 + i)},Test,2015-0${(i % 9) + 1}-01,F,CA2 4AB,5,${i < 2 ? 'E' : 'K'},ASD,,false`);
    const res = await upload(c, [['dataset', 'school-census'], ['file', { filename: 'census-jan.csv', content: [CENSUS, ...rows].join('\r\n') + '\r\n' }]]);
    assert.equal(res.statusCode, 303, res.body);
    const job = String(res.headers.location);
    assert.match(job, /^\/data\/imports\/jobs\/[0-9a-f-]{36}$/);
    const page = await finished(c, job);
    assert.match(page, /^\/data\/imports\/[0-9a-f-]{36}$/);
    const report = await c.get(page);
    assert.equal(report.statusCode, 200);
    assert.match(report.body, /Import of census-jan\.csv/);
    assert.match(report.body, /10 of 10 rows/);
    assert.match(report.body, /new children 10/);
    assert.equal(await ctx().s.db.selectFrom('school_census').select(ctx().s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)), 10);
    const hub = await c.get('/data');
    assert.match(hub.body, /census-jan\.csv/);
    // Another analyst's job is not theirs to watch.
    const other = await ctx().signedIn('administrator');
    assert.equal((await other.get(job)).statusCode, 303, 'an administrator may follow it');
  });

  test('a file with bad rows loads nothing, and its rejections can be read and downloaded', async () => {
    const c = await ctx().signedIn('analyst');
    const content = [CENSUS, `2026-01-15,100001,${UPNS[10]},Good,Row,2015-01-01,F,CA2 4AB,5,K,ASD,,false`, `2026-01-15,100001,A123,=HYPERLINK("x"),Row,2015-02-30,F,CA2 4AB,5,Q,ASD,,false`].join('\n');
    const res = await upload(c, [['dataset', 'school-census'], ['file', { filename: 'bad.csv', content }]]);
    const page = await finished(c, String(res.headers.location));
    const report = await c.get(page);
    assert.match(report.body, /Nothing was loaded/);
    assert.match(report.body, /<td class="govuk-table__cell govuk-table__cell--numeric">3<\/td>/, 'the line is named');
    assert.match(report.body, /upn/);
    assert.match(report.body, /2015-02-30/);
    const csv = await c.get(`${page}/rejections.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="bad-rejections.csv"/);
    assert.match(csv.body, /^\uFEFFline,column,value,reason\r\n/);
    assert.match(csv.body, /3,date_of_birth,2015-02-30,/);
    assert.ok(!/\n3,forename,=/.test(csv.body), 'a formula from the file is neutralised');
    const loaded = await ctx().s.db.selectFrom('school_census').select('upn').where('upn', '=', UPNS[10]!).execute();
    assert.equal(loaded.length, 0);
  });

  test('a dry run reports on the progress page and records nothing', async () => {
    const c = await ctx().signedIn('analyst');
    const before = await ctx().s.db.selectFrom('imports').select(ctx().s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await upload(c, [['dataset', 'school-census'], ['dryRun', 'yes'], ['file', { filename: 'dry.csv', content: `${CENSUS}\n2026-01-15,100001,${UPNS[11]},Dry,Run,2015-01-01,F,CA2 4AB,5,K,ASD,,false\n` }]]);
    const page = await finished(c, String(res.headers.location));
    const body = (await c.get(page)).body;
    assert.match(body, /Dry run finished/);
    assert.match(body, /The file would load: 1 rows/);
    const after = await ctx().s.db.selectFrom('imports').select(ctx().s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('the upload form names what is missing, and refuses a form without its security token', async () => {
    const c = await ctx().signedIn('analyst');
    const empty = await upload(c, [['dataset', ''], ['file', { filename: '', content: '' }]]);
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<title>Error: Import a file/);
    assert.match(empty.body, /href="#dataset">Choose the kind of file you are importing/);
    assert.match(empty.body, /href="#file">Choose a CSV file to import/);
    const unknown = await upload(c, [['dataset', 'gossip'], ['file', { filename: 'x.csv', content: 'a,b\n' }]]);
    assert.match(unknown.body, /Choose one of the kinds of file listed/);
    const forged = await upload(c, [['dataset', 'schools'], ['file', { filename: 'x.csv', content: 'a\n' }]], false);
    assert.equal(forged.statusCode, 403);
    const tampered = await c.request('POST', '/data/imports', { ...(() => { const m = multipart([['_csrf', 'not-the-token'], ['dataset', 'schools']]); return { body: m.body, headers: { 'content-type': m.contentType } }; })() });
    assert.equal(tampered.statusCode, 403);
  });

  test('an administrator undoes an import from its page', async () => {
    const analyst = await ctx().signedIn('analyst');
    const res = await upload(analyst, [['dataset', 'localities'], ['file', { filename: 'localities.csv', content: 'postcode_prefix,locality,icb_code\nCA99,Carlisle,QHM\n' }]]);
    const page = await finished(analyst, String(res.headers.location));
    assert.doesNotMatch((await analyst.get(page)).body, /Undo this import/, 'analysts cannot undo');
    const admin = await ctx().signedIn('administrator');
    assert.match((await admin.get(page)).body, /Undo this import/);
    const undo = await admin.post(`${page}/undo`);
    assert.equal(undo.statusCode, 303);
    assert.match((await admin.get(page)).body, /Undone/);
    assert.equal((await ctx().s.db.selectFrom('localities').selectAll().where('postcode_prefix', '=', 'CA99').execute()).length, 0);
  });

  test('an undo that would leave sessions behind is refused on the page, saying why and what to undo first', async () => {
    const admin = await ctx().signedIn('administrator');
    const upn = makeUpn('201007777771');
    const day = async (date: string) => {
      const res = await upload(admin, [['dataset', 'attendance'], ['file', { filename: `attendance-${date}.csv`, content: `upn,urn,date,session,code\n${upn},100007,${date},AM,/\n${upn},100007,${date},PM,/\n` }]]);
      return finished(admin, String(res.headers.location));
    };
    const monday = await day('2026-06-08');
    const tuesday = await day('2026-06-09');
    const refused = await admin.post(`${monday}/undo`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /<title>Error: Import of attendance-2026-06-08\.csv/);
    assert.match(refused.body, /There is a problem/);
    assert.match(refused.body, /href="#undo">[^<]*cannot be undone on its own: a later import added sessions to the same pupils&#39; weeks[^<]*attendance-2026-06-09\.csv/);
    assert.match(refused.body, /id="undo"/);
    assert.match((await admin.get(monday)).body, /Loaded/, 'nothing was undone');
    assert.equal((await admin.post(`${tuesday}/undo`)).statusCode, 303);
    assert.equal((await admin.post(`${monday}/undo`)).statusCode, 303, 'newest first, both go');
    assert.equal((await ctx().s.db.selectFrom('attendance_weeks').selectAll().where('upn', '=', upn).execute()).length, 0);
  });

  test('a caseworker decides a record in the link queue from its page', async () => {
    const { s } = ctx();
    const twins = await s.db
      .insertInto('children')
      .values([
        { given_name: 'Rue', family_name: 'Hart', date_of_birth: '2014-04-04', postcode: 'CA3 9AA' },
        { given_name: 'Rue', family_name: 'Hart', date_of_birth: '2014-04-04', postcode: 'CA28 7AB' },
      ])
      .returning('id')
      .execute();
    const analyst = await ctx().signedIn('analyst');
    const res = await upload(analyst, [['dataset', 'social-care'], ['file', { filename: 'care.csv', content: 'la_child_id,upn,nhs_number,forename,surname,date_of_birth,status,start_date,end_date\nR1,,,Rue,Hart,2014-04-04,CIN,2025-05-01,\n' }]]);
    await finished(analyst, String(res.headers.location));
    const officer = await ctx().signedIn('casework-officer');
    const queue = await officer.get('/data/link-queue');
    assert.equal(queue.statusCode, 200);
    const href = /href="(\/data\/link-queue\/[0-9a-f-]{36})">Rue Hart/.exec(queue.body)?.[1];
    assert.ok(href, 'the record is listed');
    const item = await officer.get(href);
    assert.match(item.body, /CA3 9AA/);
    assert.match(item.body, /CA28 7AB/);
    const viewed = await s.db.selectFrom('audit_log').select('child_id').where('action', '=', 'data-hub.link-candidate-viewed').execute();
    assert.deepEqual(viewed.map((v) => v.child_id).sort(), twins.map((t) => t.id).sort(), 'each candidate shown is an audited view');
    const none = await officer.post(href, {});
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Choose the child this record is about, or none of them/);
    const saved = await officer.post(href, { decision: twins[0]!.id, note: 'Carlisle address, as on the care record' });
    assert.equal(saved.statusCode, 303);
    const row = await s.db.selectFrom('social_care_episodes').select('child_id').where('la_child_id', '=', 'R1').executeTakeFirstOrThrow();
    assert.equal(row.child_id, twins[0]!.id);
    assert.match((await officer.get(href)).body, /This record has been decided/);
    assert.equal((await (await ctx().signedIn('analyst')).get(href)).statusCode, 403, 'analysts never see names');
  });

  test('analysts’ pages read the analytics schema as a role that can read nothing else', async () => {
    const c = await ctx().signedIn('analyst');
    const page = await c.get('/data/analytics');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /School census/);
    assert.doesNotMatch(page.body, /PupilA|Rue/, 'no names');
    await assert.rejects(asAnalyst(ctx().s.db, (tx) => sql`select given_name from children`.execute(tx)), /permission denied/);
    await assert.rejects(asAnalyst(ctx().s.db, (tx) => sql`select upn from school_census`.execute(tx)), /permission denied/);
    const keys = await asAnalyst(ctx().s.db, (tx) => sql<{ n: number }>`select count(*)::int as n from analytics.children`.execute(tx));
    assert.ok(keys.rows[0]!.n >= 10);
  });
});
