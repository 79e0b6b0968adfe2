/**
 * The same (scale, seed) gives byte-identical files, whichever files are asked for; another seed
 * gives another area.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { DATASETS } from './csv.js';
import { generateArea } from './generate.js';
import { tempDir } from './test-support.js';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) out[name] = createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex');
  return out;
}

async function run(seed: number, datasets?: (typeof DATASETS)[number][]) {
  const outDir = tempDir('determinism');
  dirs.push(outDir);
  const phases = new Set<string>();
  const result = await generateArea({ scale: 0.01, seed, outDir, datasets, onProgress: (e) => phases.add(e.phase) });
  assert.ok(phases.has('model') && phases.has('file') && phases.has('done'));
  return { outDir, result, hashes: hashes(outDir) };
}

test('two runs with the same scale and seed write byte-identical files', async () => {
  const a = await run(4);
  const b = await run(4);
  assert.deepEqual(a.hashes, b.hashes);
  assert.deepEqual(Object.keys(a.hashes).sort(), [...DATASETS.map((d) => `${d}.csv`), 'manifest.json'].sort());
  for (const f of a.result.files) {
    assert.equal(f.sha256, a.hashes[path.basename(f.path)], `${f.dataset}: the manifest's hash is the file's`);
    assert.equal(f.bytes, fs.statSync(f.path).size);
    assert.ok(f.rows > 0, `${f.dataset} has rows`);
  }
});

test('another seed gives different people; a subset of files gives the same bytes', async () => {
  const a = await run(4, ['attendance', 'social-care']);
  const b = await run(5, ['attendance']);
  const full = await run(4);
  assert.equal(a.hashes['attendance.csv'], full.hashes['attendance.csv']);
  assert.equal(a.hashes['social-care.csv'], full.hashes['social-care.csv']);
  assert.notEqual(a.hashes['attendance.csv'], b.hashes['attendance.csv']);
  assert.equal(fs.existsSync(path.join(a.outDir, 'schools.csv')), false);
});
