/**
 * `npm run bench [-- --only <name>] [--duration <s>] [--rounds <n>] [--connections <n>] [--warmup <s>] [--workers <n>]`
 *
 * Runs each scenario of bench/scenarios/index.ts against the real app on a fresh database
 * (embedded, or BENCH_DATABASE_URL's PostgreSQL server), prints a markdown table per scenario
 * with ratios to its baseline, and writes the numbers to scratch/bench/latest.json.
 * Copy the printed markdown into docs/benchmarks.md.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scenarios } from './scenarios/index.js';
import { startBenchApp, type BenchApp } from './support/server.js';
import { compareHttp, failuresOf } from './support/load.js';
import { describeMachine, markdown, type RunReport } from './support/report.js';
import type { BenchContext, BenchOptions } from './support/scenario.js';

const USAGE = `Usage: npm run bench -- [options]

  --only <name>        run one scenario (${scenarios.map((s) => s.name).join(', ')})
  --duration <s>       measured seconds per target (default 10, 1 to 120)
  --rounds <n>         interleaved rounds the duration is split into (default 5; each at least 1 s)
  --connections <n>    concurrent connections (default 20, 1 to 500)
  --warmup <s>         unmeasured seconds before each target (default 1, 0 to 30)
  --workers <n>        autocannon worker threads (default 1 when there are 2 or more CPUs, else 0)
  --help

Environment: BENCH_DATABASE_URL=postgres://user@host:5432/db runs on a fresh database made on
that server (and dropped after) instead of the embedded one. With it, BENCH_KEEP_AREAS=1 keeps the
synthetic area that the seed, indicators and early-warning scenarios seed at each scale
(databases sph_keep_area_s<scale>_seed1), so that later runs reuse it; drop them when done.

Scenarios:
${scenarios.map((s) => `  ${s.name.padEnd(18)} ${s.description}`).join('\n')}`;

class UsageError extends Error {}

function bounded(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, but is "${raw}"`);
  return n;
}

function parse(argv: string[]): { options: BenchOptions; only: string | undefined; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.only !== undefined && !scenarios.some((s) => s.name === values.only)) {
    throw new UsageError(`There is no scenario "${values.only}". Scenarios: ${scenarios.map((s) => s.name).join(', ')}`);
  }
  const duration = bounded(values.duration, 'duration', 10, 1, 120);
  return {
    only: values.only,
    help: values.help ?? false,
    options: {
      duration,
      // Rounds shorter than autocannon's one-second sampling would measure nothing.
      rounds: bounded(values.rounds, 'rounds', Math.min(5, duration), 1, duration),
      connections: bounded(values.connections, 'connections', 20, 1, 500),
      warmup: bounded(values.warmup, 'warmup', 1, 0, 30),
      // The load generator on its own thread, so it does not steal the server's event loop.
      workers: bounded(values.workers, 'workers', os.availableParallelism() >= 2 ? 1 : 0, 0, 8),
    },
  };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const { options } = args;
  const chosen = scenarios.filter((s) => !args.only || s.name === args.only);
  const report: RunReport = { startedAt: new Date().toISOString(), machine: describeMachine(), database: '', options, scenarios: [] };
  const log = (message: string) => console.error(`  ${message}`);

  let current: BenchApp | undefined;
  const interrupt = () => {
    console.error('\nInterrupted: removing the bench database.');
    void (current?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  for (const scenario of chosen) {
    console.error(`\n${scenario.name}: ${scenario.description}`);
    const app = (current = await startBenchApp());
    report.database = app.databaseLabel;
    log(`app at ${app.url} on ${app.databaseLabel}`);
    try {
      const ctx: BenchContext = {
        options,
        app,
        log,
        compare: async (targets) => {
          for (const t of targets) log(`${t.method ?? 'GET'} ${t.path}${t.as ? ` as ${t.as}` : ''}`);
          const ms = await compareHttp(app.url, targets, options, log);
          for (const m of ms) log(`${m.label}: ${Math.round(m.reqPerSec)} req/s, p50 ${m.latency.p50} ms, p99 ${m.latency.p99} ms, non-2xx ${m.non2xx}`);
          return ms;
        },
      };
      const state = await scenario.setup(ctx);
      const result = await scenario.run(ctx, state);
      const failures = result.measurements.map(failuresOf).filter((f): f is string => f !== undefined);
      report.scenarios.push({ name: scenario.name, ...result, failures });
    } finally {
      await app.close();
      current = undefined;
    }
  }

  const out = path.resolve('scratch/bench');
  await fs.mkdir(out, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  await fs.writeFile(path.join(out, 'latest.json'), json);
  await fs.writeFile(path.join(out, `${report.startedAt.replace(/[:.]/g, '-')}.json`), json);

  console.log(`\n${markdown(report)}\n`);
  console.error(`Numbers also in ${path.relative(process.cwd(), path.join(out, 'latest.json'))}. Paste the markdown above into docs/benchmarks.md.`);

  const failures = report.scenarios.flatMap((s) => s.failures);
  if (failures.length) {
    const bar = '!'.repeat(78);
    console.error(`\n${bar}\nNOT A CLEAN RUN: these numbers measure failures, not the service.\n${failures.map((f) => `  - ${f}`).join('\n')}\n${bar}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
