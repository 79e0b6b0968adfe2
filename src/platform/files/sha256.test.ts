import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256OfFile } from './sha256.js';

test('sha256OfFile gives the file’s SHA-256, and a clear error for a missing file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sha256-'));
  const file = path.join(dir, 'a.csv');
  const content = Buffer.alloc(3 * (1 << 20) + 17, 'x'); // more than one read
  writeFileSync(file, content);
  assert.equal(await sha256OfFile(file), createHash('sha256').update(content).digest('hex'));
  await assert.rejects(sha256OfFile(path.join(dir, 'missing.csv')), /Could not read .*missing\.csv/);
});
