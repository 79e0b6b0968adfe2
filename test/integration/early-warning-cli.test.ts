import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sendHub, tempDataDir } from '../support/processes.js';

test('send-hub early-warning run: runs as of a given day, says what it found, and refuses a bad date', () => {
  const dataDir = tempDataDir();
  const run = sendHub(['early-warning', 'run', '--today', '2026-03-18'], { DATA_DIR: dataDir, SEED_DEMO: 'false' });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^Early warning as of 2026-03-18: 0 new flag\(s\), 0 open flag\(s\) brought up to date \(0 found\)\./m);
  assert.match(run.stdout, /^Signals: 0 of 0 charts\./m);

  const bad = sendHub(['early-warning', 'run', '--today', '18/03/2026'], { DATA_DIR: dataDir, SEED_DEMO: 'false' });
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /give a date as YYYY-MM-DD/);
});
