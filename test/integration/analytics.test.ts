import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describeApp } from '../support/context.js';
import { tempDataDir } from '../support/processes.js';
import { importFile } from '../../src/features/data-hub/import/index.js';
import { makeUpn } from '../../src/platform/identifiers/identifiers.js';

const IDENTIFYING = ['upn', 'nhs_number', 'forename', 'surname', 'given_name', 'family_name', 'date_of_birth', 'postcode', 'la_child_id', 'uln', 'referral_id', 'address', 'id', 'child_id'];

describeApp('the pseudonymised analytics schema', (ctx) => {
  test('no view exposes a name, date of birth, identifier or full postcode', async () => {
    const { s } = ctx();
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns where table_schema = 'analytics'`.execute(s.db);
    assert.ok(columns.rows.length > 40);
    const leaks = columns.rows.filter((c) => IDENTIFYING.includes(c.column_name));
    assert.deepEqual(leaks, []);
  });

  test('facts arrive keyed by the child’s random pseudo_key', async () => {
    const { s } = ctx();
    const upn = makeUpn('938200100001');
    const file = path.join(tempDataDir(), 'census.csv');
    writeFileSync(
      file,
      'census_date,urn,upn,forename,surname,date_of_birth,gender,postcode,ncy,sen_provision,primary_need,secondary_need,fsm_eligible\r\n' +
        `2026-01-15,900001,${upn},Ada,Quill,2016-04-02,F,CA28 7QS,4,K,SLCN,,false\r\n`,
    );
    const summary = await importFile(s.db, null, 'school-census', file, {});
    assert.equal(summary.outcome, 'loaded', JSON.stringify(summary));
    const rows = await sql<{ pseudo_key: string; postcode_district: string; sen_provision: string }>`
      select pseudo_key, postcode_district, sen_provision from analytics.school_census`.execute(s.db);
    assert.equal(rows.rows.length, 1);
    const child = await s.db.selectFrom('children').select(['id', 'pseudo_key']).where('upn', '=', upn).executeTakeFirstOrThrow();
    assert.equal(rows.rows[0]!.pseudo_key, child.pseudo_key);
    assert.notEqual(child.pseudo_key, child.id, 'the key is not the record id');
    assert.equal(rows.rows[0]!.postcode_district, 'CA28');
  });
});
