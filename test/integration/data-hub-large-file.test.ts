/**
 * A 2 GB file under a 1 GB memory cap: the importer streams, so a file larger than the memory
 * it may use is read to the end, judged and reported, never held whole.
 *
 * The file starts as a school's real-looking attendance (ten pupils, one week, then the same rows
 * again and again: 64 MB of rows, every repeat a rejection) and ends in one 1.9 GB line with no
 * line break, as a file cut from a database dump or a binary export might. The importer
 * fingerprints all 2 GB as it streams past, reads the rows, and refuses the file at the
 * over-long line, naming it, without ever holding the line: nothing loads.
 *
 * The cap: where this machine lets us (root, with the cgroup v1 memory controller, as on CI),
 * the import runs in a memory cgroup limited to 1 GiB, so going over would kill it. Everywhere,
 * the process's peak resident memory (VmHWM) is read while it runs and must stay under 1 GiB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { exited, spawnSendHub, tempDataDir } from '../support/processes.js';
import { makeUpn } from '../../src/platform/identifiers/identifiers.js';

const GIB = 1024 ** 3;
const TARGET_BYTES = 2 * GIB;

/** Writes the header, 64 MB of rows (one valid week for ten pupils, then its repeats), then one line to 2 GB. */
async function writeLargeFile(file: string): Promise<number> {
  const days = ['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20'];
  const block = Array.from({ length: 10 }, (_, p) => makeUpn(`20100777${String(1000 + p)}`))
    .flatMap((upn) => days.flatMap((d) => [`${upn},100001,${d},AM,/`, `${upn},100001,${d},PM,/`]))
    .join('\n') + '\n';
  const chunk = Buffer.from(block.repeat(Math.ceil((4 * 1024 ** 2) / block.length)));
  const line = Buffer.alloc(4 * 1024 ** 2, 'x');
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 22 });
  out.write('upn,urn,date,session,code\n');
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    if (!out.write(bytes < 64 * 1024 ** 2 ? chunk : line)) await once(out, 'drain');
    bytes += bytes < 64 * 1024 ** 2 ? chunk.length : line.length;
  }
  out.end();
  await once(out, 'close');
  return fs.statSync(file).size;
}

/** A cgroup v1 memory group capped at 1 GiB, or null where this process may not make one. */
function memoryCap(): { add(pid: number): void; oomKills(): number; remove(): void } | null {
  try {
    const own = fs.readFileSync('/proc/self/cgroup', 'utf8').split('\n').find((l) => /^\d+:memory:/.test(l))?.split(':')[2];
    if (own === undefined) return null;
    const dir = path.join('/sys/fs/cgroup/memory', own, `send-hub-test-${process.pid}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'memory.limit_in_bytes'), String(GIB));
    return {
      add: (pid) => fs.writeFileSync(path.join(dir, 'cgroup.procs'), String(pid)),
      oomKills: () => Number(/oom_kill (\d+)/.exec(fs.readFileSync(path.join(dir, 'memory.oom_control'), 'utf8'))?.[1] ?? 0),
      remove: () => fs.rmdirSync(dir),
    };
  } catch {
    return null;
  }
}

const peakRss = (pid: number): number | undefined => {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
};

test('a 2 GB attendance file is streamed under a 1 GB memory cap: refused at its over-long line, and nothing half-loads', { timeout: 10 * 60_000 }, async () => {
  const dataDir = tempDataDir();
  const file = path.join(dataDir, 'attendance-2gb.csv');
  const cap = memoryCap();
  try {
    const bytes = await writeLargeFile(file);
    assert.ok(bytes >= TARGET_BYTES);
    const child = spawnSendHub(['import', 'attendance', file], { DATA_DIR: dataDir });
    cap?.add(child.pid!);
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    let peak = 0;
    const watching = (async () => {
      while (child.exitCode === null && child.signalCode === null) {
        peak = Math.max(peak, peakRss(child.pid!) ?? 0);
        await sleep(100);
      }
    })();
    const code = await exited(child);
    await watching;
    assert.equal(child.signalCode, null, `the import was killed (${child.signalCode})${cap ? `; OOM kills in its 1 GiB cgroup: ${cap.oomKills()}` : ''}:\n${out}`);
    assert.equal(code, 1, `a file with rejected rows exits 1:\n${out}`);
    assert.match(out, /Refused attendance-2gb\.csv \(attendance\): nothing was loaded\./);
    assert.match(out, /Line 1814402 is longer than 1 MiB: that is not a row of data/);
    const recorded = /recorded as import|Rows read: 0/.test(out);
    assert.ok(recorded, out);
    assert.ok(peak > 0, 'peak memory was read');
    assert.ok(peak < GIB, `peak resident memory ${Math.round(peak / 2 ** 20)} MB is under 1 GiB`);
  } finally {
    fs.rmSync(file, { force: true });
    cap?.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
