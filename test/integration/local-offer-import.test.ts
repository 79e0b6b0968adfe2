import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeApp } from '../support/context.js';
import { sendHub, tempDataDir } from '../support/processes.js';
import { seedLocalOfferDemo } from '../../src/demo/local-offer.seed.js';
import { formatProblem, HsdsImportError, importFiles, importHsds } from '../../src/features/local-offer/hsds.import.js';
import { exportCsv, exportJson } from '../../src/features/local-offer/hsds.export.js';
import { getService } from '../../src/features/local-offer/directory.queries.js';
import { serviceFullJson } from '../../src/features/local-offer/oruk.present.js';
import type { Db } from '../../src/db/database.js';

/** The Open Referral UK validator's own fixtures: sets meant to pass, warn and fail. */
const MOCKS = path.resolve(process.cwd(), '../shared/data/external/oruk-validator-fixtures/OpenReferralApi/Mocks');
const PASS = path.join(MOCKS, 'V3.0-UK-Default');
const WARN = path.join(MOCKS, 'V3.0-UK-Warn');
const FAIL = path.join(MOCKS, 'V3.0-UK-Fail');
const HSDS_CSV = path.resolve(process.cwd(), '../shared/data/external/hsds-3.0/examples/csv');
const COUNSELLING = 'ac148810-d857-441c-9679-408f346de14b';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lo-import-'));

async function counts(db: Db) {
  const n = async (t: 'services' | 'organizations' | 'locations' | 'taxonomy_terms' | 'service_needs' | 'service_attributes') =>
    Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { services: await n('services'), organizations: await n('organizations'), locations: await n('locations'), terms: await n('taxonomy_terms'), needs: await n('service_needs'), tags: await n('service_attributes') };
}

async function rejected(work: Promise<unknown>): Promise<HsdsImportError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof HsdsImportError) return e;
    throw e;
  }
  assert.fail('the import should have been refused');
}

describeApp('Local Offer HSDS import and export', (ctx) => {
  test('the validator\'s pass set imports, nested records and all', async () => {
    const db = ctx().s.db;
    const report = await importHsds(db, importFiles(PASS));
    assert.equal(report.written, true);
    assert.equal(report.errors.length, 0);
    const service = await getService(db, COUNSELLING);
    assert.ok(service, 'the counselling service is in the directory');
    assert.equal(service.name, 'Community Counselling');
    assert.equal(service.organization.name, 'Example Organization Inc.');
    assert.equal(service.locations[0]?.name, 'MyCity Civic Center');
    assert.equal(service.locations[0]?.addresses[0]?.postal_code, 'ABC 1234');
    assert.equal(service.locations[0]?.schedules.length ?? 0, 0);
    assert.equal(service.schedules[0]?.opens_at, '10:00', 'HH:MM:SS read as HH:MM');
    assert.equal(service.cost_options[0]?.amount, 35);
    assert.equal(service.contacts[0]?.name, 'Ann Persona');
    assert.equal(service.taxonomy_terms.length, 1);
    // What we could not keep is said, not silently lost: coordinates off the globe, unknown parents.
    assert.ok(report.warnings.some((w) => w.field === 'latitude' && /not a place on Earth/.test(w.reason)), report.warnings.map(formatProblem).join('\n'));
    assert.ok(report.warnings.some((w) => /organization identifiers/.test(w.record) && /not kept/.test(w.reason)));
    // Importing again replaces; nothing doubles.
    const before = await counts(db);
    await importHsds(db, importFiles(PASS));
    assert.deepEqual(await counts(db), before);
  });

  test('the warn set imports, with its warnings reported by record and field', async () => {
    const db = ctx().s.db;
    const report = await importHsds(db, importFiles(WARN));
    assert.equal(report.written, true);
    const text = report.warnings.map(formatProblem);
    // The set's faults: an inconsistent page and a taxonomy term whose URI is not a URI.
    assert.ok(report.warnings.some((w) => w.record === 'the page in taxonomy_term_list.json' && w.field === 'last_page'), text.join('\n'));
    assert.ok(report.warnings.some((w) => /taxonomy term 3f7b145d-84af-42d7-8fae-eaca714b02b2/.test(w.record) && w.field === 'term_uri' && /example_com/.test(w.reason)), text.join('\n'));
    const term = await db.selectFrom('taxonomy_terms').selectAll().where('id', '=', '3f7b145d-84af-42d7-8fae-eaca714b02b2').executeTakeFirstOrThrow();
    assert.equal(term.parent_id, '0bc248fa-dc27-4650-9ba4-8f1a24ef16a2', 'its parent came in the same import');
    assert.equal(term.description, 'description', 'a copy without a description does not blank the one another file gave');
  });

  test('the fail set is refused with clear messages, and nothing is written', async () => {
    const db = ctx().s.db;
    await db.deleteFrom('organizations').where('name', '=', 'Example Organization Inc.').execute();
    const before = await counts(db);
    const e = await rejected(importHsds(db, importFiles(FAIL)));
    assert.equal(e.report.written, false);
    const messages = e.report.errors.map(formatProblem);
    assert.ok(messages.includes('service ac148810-d857-441c-9679-408f346de14b (Community Counselling) in service_full.json, url: must be an absolute web address (https://…), not "example/counselling".'), messages.join('\n'));
    assert.ok(messages.includes('service ac148810-d857-441c-9679-408f346de14b (Community Counselling) in service_full.json, email: must be an email address, not "email-example_com".'), messages.join('\n'));
    assert.ok(e.report.errors.some((p) => /in service_list\.json item 1$/.test(p.record) && p.field === 'name' && p.reason === 'is required'));
    assert.match(e.message, /The import was not made: \d+ errors\. service ac148810/);
    assert.deepEqual(await counts(db), before, 'the valid records in the set were not written either');
  });

  test('a dry run checks and writes nothing', async () => {
    const db = ctx().s.db;
    await db.deleteFrom('organizations').where('name', '=', 'Example Organization Inc.').execute();
    const before = await counts(db);
    const report = await importHsds(db, importFiles(PASS), { dryRun: true });
    assert.equal(report.written, false);
    assert.ok(report.counts.services! >= 1);
    assert.deepEqual(await counts(db), before);
  });

  test('HSDS tabular CSV imports; a bad row is refused naming file, line and field', async () => {
    const db = ctx().s.db;
    const report = await importHsds(db, importFiles(HSDS_CSV));
    assert.equal(report.written, true);
    const service = await getService(db, COUNSELLING);
    assert.equal(service?.application_process?.startsWith('If you are an NHS patient'), true);
    assert.ok(report.warnings.some((w) => w.record === 'programs.csv' && /skipped/.test(w.reason)));

    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'services.csv'), 'id,organization_id,name,status,url,minimum_age\n3f2504e0-4f89-41d3-9a0c-0305e82c3301,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Good,active,https://ok.example,3\nnot-a-uuid,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Bad,active,https://ok.example,x\n');
    const e = await rejected(importHsds(db, importFiles(dir)));
    const messages = e.report.errors.map(formatProblem);
    assert.ok(messages.includes('service not-a-uuid (Bad) in services.csv line 3, id: must be a uuid, not "not-a-uuid".'), messages.join('\n'));
    assert.ok(messages.includes('service not-a-uuid (Bad) in services.csv line 3, minimum_age: must be a number, not "x".'), messages.join('\n'));
    assert.equal(await getService(db, '3f2504e0-4f89-41d3-9a0c-0305e82c3301'), undefined, 'the good row was not written');

    fs.writeFileSync(path.join(dir, 'services.csv'), 'id,organization_id,name,status\n3f2504e0-4f89-41d3-9a0c-0305e82c3301,11111111-4f89-41d3-9a0c-0305e82c3301,Orphan,active\n');
    const orphan = await rejected(importHsds(db, importFiles(dir)));
    assert.match(formatProblem(orphan.report.errors[0]!), /services\.csv line 2, organization_id: names organization 11111111-4f89-41d3-9a0c-0305e82c3301, which is not in the import or the directory/);

    fs.writeFileSync(path.join(dir, 'services.csv'), '');
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"id": ');
    const broken = await rejected(importHsds(db, importFiles(dir)));
    assert.ok(broken.report.errors.some((p) => p.record === 'broken.json' && /is not valid JSON/.test(p.reason)));
  });

  test('the demo exports as JSON and as CSV and reads back the same', async () => {
    const db = ctx().s.db;
    // Only the demo: the fixtures imported above hold organisations without services, which a
    // JSON export (services, nesting their organisation) does not carry.
    await db.deleteFrom('services').execute();
    await db.deleteFrom('locations').execute();
    await db.deleteFrom('organizations').execute();
    await seedLocalOfferDemo(db, '2026-11-24');
    const sample = (await db.selectFrom('services').select('id').orderBy('id').limit(400).execute()).filter((_, i) => i % 37 === 0).map((r) => r.id);
    const snapshot = async () => Promise.all(sample.map(async (id) => serviceFullJson((await getService(db, id))!)));
    const original = await snapshot();
    const before = await counts(db);
    const dir = tmp();

    const n = await exportJson(db, path.join(dir, 'services.json'));
    assert.equal(n, before.services);
    const csvCounts = await exportCsv(db, path.join(dir, 'csv'));
    assert.equal(csvCounts['services.csv'], before.services);

    for (const source of [path.join(dir, 'services.json'), path.join(dir, 'csv')]) {
      await db.deleteFrom('services').execute();
      await db.deleteFrom('locations').execute();
      await db.deleteFrom('organizations').execute();
      const report = await importHsds(db, importFiles(source));
      assert.equal(report.errors.length, 0, source);
      assert.deepEqual(await counts(db), before, source);
      assert.deepEqual(await snapshot(), original, source);
      const carlisle = await db.selectFrom('locations').select('locality').where('name', '=', 'Carlisle Family Hub').executeTakeFirstOrThrow();
      assert.equal(carlisle.locality, 'Carlisle', 'locality from the postcode district');
    }
  });
});

describe('send-hub local-offer', () => {
  test('imports, refuses a bad set with exit code 1, and exports', () => {
    const env = { DATA_DIR: tempDataDir() };
    const ok = sendHub(['local-offer', 'import', PASS], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^Imported: .*1 services/m);
    assert.match(ok.stdout, /warnings:/);

    const dry = sendHub(['local-offer', 'import', WARN, '--dry-run'], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /Checked \(dry run, nothing written\)/);

    const bad = sendHub(['local-offer', 'import', FAIL], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Nothing was imported: \d+ problems need fixing first/);
    assert.match(bad.stderr, /service_full\.json, url: must be an absolute web address/);

    assert.equal(sendHub(['local-offer', 'import', '/nowhere/at/all'], env).code, 2);

    const out = path.join(tmp(), 'export.json');
    const exported = sendHub(['local-offer', 'export', '--format', 'json', '--out', out], env);
    assert.equal(exported.code, 0, exported.stderr);
    const services = JSON.parse(fs.readFileSync(out, 'utf8')) as { id: string }[];
    assert.deepEqual(services.map((s) => s.id), [COUNSELLING]);
    const csvDir = path.join(tmp(), 'csv');
    assert.equal(sendHub(['local-offer', 'export', '--format', 'csv', '--out', csvDir], env).code, 0);
    assert.ok(fs.existsSync(path.join(csvDir, 'services.csv')) && fs.existsSync(path.join(csvDir, 'attributes.csv')));
    assert.notEqual(sendHub(['local-offer', 'export', '--format', 'xml', '--out', out], env).code, 0);
  });
});
