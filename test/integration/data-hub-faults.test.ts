import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describeApp } from '../support/context.js';
import { exited, sendHub, spawnSendHub, tempDataDir } from '../support/processes.js';
import { importFile } from '../../src/features/data-hub/import/index.js';
import { generateArea } from '../../src/demo/area/index.js';
import { openDatabase } from '../../src/db/database.js';
import { makeUpn } from '../../src/platform/identifiers/identifiers.js';

const HEADER = 'upn,urn,start_date,category,sessions,reason';
const rows = Array.from({ length: 20 }, (_, i) => `${makeUpn(`93820010${String(1000 + i)}`)},900001,2026-0${1 + (i % 9)}-1${i % 10},suspension,${1 + (i % 5)},PD`);
const CLEAN = `${HEADER}\r\n${rows.join('\r\n')}\r\n`;

describeApp('imports under faults', (ctx) => {
  test('a mangled file never crashes the importer and never half-loads', async () => {
    const { s } = ctx();
    const dir = tempDataDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(CLEAN.length - 1), byte: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom('replace', 'insert', 'delete', 'truncate') }), { minLength: 1, maxLength: 6 }),
        async (edits) => {
          let bytes = Buffer.from(CLEAN);
          for (const e of edits) {
            const at = Math.min(e.at, bytes.length);
            if (e.kind === 'replace' && at < bytes.length) bytes[at] = e.byte;
            else if (e.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([e.byte]), bytes.subarray(at)]);
            else if (e.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
            else bytes = bytes.subarray(0, at);
          }
          const file = path.join(dir, `mangled-${n++}.csv`);
          writeFileSync(file, bytes);
          const before = await s.db.selectFrom('suspensions').select(s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          const summary = await importFile(s.db, null, 'suspensions-exclusions', file, {});
          const after = await s.db.selectFrom('suspensions').select(s.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          if (summary.outcome === 'loaded') {
            assert.equal(summary.rowsRejected, 0, 'a loaded file had no rejected rows');
          } else {
            assert.equal(Number(after.n), Number(before.n), `${summary.outcome}: nothing may change`);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

test('an import killed half-way leaves nothing behind, and the same import then succeeds', async () => {
  const dataDir = tempDataDir();
  const out = path.join(dataDir, 'files');
  const generated = await generateArea({ scale: 0.01, seed: 5, outDir: out, datasets: ['attendance'] });
  const file = generated.files.find((f) => f.dataset === 'attendance')!.path;

  const child = spawnSendHub(['import', 'attendance', file, '--progress'], { DATA_DIR: dataDir });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no progress within 120 s:\n${stderr}`)), 120_000);
    child.stderr!.on('data', (d) => {
      stderr += d;
      // Kill once the import has begun reading: seconds of linking and writing remain.
      if (/progress: /.test(stderr)) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await exited(child);
  assert.equal(child.signalCode, 'SIGKILL', `the import was killed mid-way (it finished first otherwise):\n${stderr}`);

  const database = await openDatabase({ dataDir, purpose: 'test' });
  try {
    assert.equal((await database.db.selectFrom('attendance_weeks').select('upn').limit(1).execute()).length, 0, 'no partial weeks');
    assert.equal((await database.db.selectFrom('imports').select('id').where('status', '=', 'loaded').execute()).length, 0, 'no import recorded as loaded');
  } finally {
    await database.close();
  }

  const again = sendHub(['import', 'attendance', file], { DATA_DIR: dataDir });
  assert.equal(again.code, 0, again.stdout + again.stderr);
  assert.match(again.stdout, /Loaded attendance\.csv \(attendance\)/);
});
