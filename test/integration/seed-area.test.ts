import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { openDatabase } from '../../src/db/database.js';
import { sendHub, tempDataDir } from '../support/processes.js';

test('seed-demo --scale --seed --out generates the partners’ files and imports them, once', async () => {
  const dataDir = tempDataDir();
  const out = path.join(dataDir, 'files');
  const first = sendHub(['seed-demo', '--scale', '0.005', '--seed', '7', '--out', out], { DATA_DIR: dataDir });
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.match(first.stdout, /Imported attendance: [\d,]+ of [\d,]+ rows \(loaded\)/);
  const files = readdirSync(out).filter((f) => f.endsWith('.csv')).sort();
  assert.deepEqual(files, [
    'ap-placements.csv', 'attendance.csv', 'camhs-referrals.csv', 'health-checks.csv', 'localities.csv',
    'post-16-activity.csv', 'school-census.csv', 'schools.csv', 'social-care.csv', 'suspensions-exclusions.csv',
  ]);

  // The same seed and scale give the same files, so a second run changes nothing.
  const second = sendHub(['seed-demo', '--scale', '0.005', '--seed', '7'], { DATA_DIR: dataDir });
  assert.equal(second.code, 0, second.stderr);
  assert.equal((second.stdout.match(/\(unchanged\)/g) ?? []).length, 10);

  const bad = sendHub(['seed-demo', '--scale', 'lots'], { DATA_DIR: dataDir });
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /give a number above 0/);

  const database = await openDatabase({ dataDir, purpose: 'test' });
  try {
    const imports = await database.db.selectFrom('imports').select(['dataset', 'status', 'rows_loaded']).where('status', '=', 'loaded').execute();
    assert.equal(imports.length, 10);
    assert.ok(imports.every((i) => Number(i.rows_loaded) > 0));
    const linked = await database.db.selectFrom('school_census').select(database.db.fn.count('child_id').as('n')).executeTakeFirstOrThrow();
    assert.ok(Number(linked.n) > 0, 'census rows are linked to children');
  } finally {
    await database.close();
  }
});
