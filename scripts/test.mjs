#!/usr/bin/env node
// The whole suite: type check, unit and integration tests, then browser tests in Chromium.
// Integration tests run on PGlite, and also on PostgreSQL when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2);

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(path.relative(root, p));
  }
  return out;
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (only.length === 0) {
  console.log('Type checking…');
  run('npx', ['tsc', '--noEmit']);
  run('bash', ['scripts/ensure-chromium.sh']);
}

const files = (only.length ? only : [...find(path.join(root, 'src')), ...find(path.join(root, 'test'))]).sort();
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { NODE_ENV: 'test' });
