import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../../src/db/database.js';
import { ROOT, sendHub, tempDataDir } from '../support/processes.js';

const REQUESTS = path.resolve(ROOT, '../shared/data/external/sen2-ehcp-2025/data/requests.csv');

test('send-hub import dfe-statistics loads a published file as it is; send-hub indicators recompute fills the store', async () => {
  const dataDir = tempDataDir();
  const env = { DATA_DIR: dataDir, SEED_DEMO: 'false' };
  const loaded = sendHub(['import', 'dfe-statistics', REQUESTS], env);
  assert.equal(loaded.code, 0, loaded.stdout + loaded.stderr);
  assert.match(loaded.stdout, /Loaded requests\.csv .*: [\d,]+ published figures\./);
  assert.match(loaded.stdout, /Periods: 2019, 2020, 2021, 2022, 2023, 2024\./);
  assert.match(loaded.stdout, /Published as a marker instead of a number: x \d+/);

  const missing = sendHub(['import', 'dfe-statistics', path.join(dataDir, 'nowhere.csv')], env);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /There is no file/);

  const other = path.join(dataDir, 'other.csv');
  writeFileSync(other, 'a,b\n1,2\n');
  const unknown = sendHub(['import', 'dfe-statistics', other], env);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /not a DfE file this importer knows/);

  const recompute = sendHub(['indicators', 'recompute', '--today', '2026-07-31'], env);
  assert.equal(recompute.code, 0, recompute.stderr);
  assert.match(recompute.stdout, /Indicators recomputed: [\d,]+ values/);
  const badDate = sendHub(['indicators', 'recompute', '--today', 'yesterday'], env);
  assert.notEqual(badDate.code, 0);
  assert.match(badDate.stderr, /YYYY-MM-DD/);

  const database = await openDatabase({ dataDir, purpose: 'test' });
  try {
    const cumberland = await database.db
      .selectFrom('benchmark_values')
      .selectAll()
      .where('indicator_id', '=', 'ehc-decision-within-6-weeks')
      .where('area_code', '=', 'E06000063')
      .where('period', '=', '2023')
      .executeTakeFirstOrThrow();
    assert.equal(cumberland.value, 98.7);
    assert.equal(cumberland.numerator, 535);
    assert.equal(cumberland.region_code, 'E12000002');
  } finally {
    await database.close();
  }
});
