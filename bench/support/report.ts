import os from 'node:os';
import { execFileSync } from 'node:child_process';
import type { BenchOptions, HttpMeasurement, Ratio, ResultTable, ScenarioResult } from './scenario.js';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  commit: string | null;
  /** 1-minute load average when the run started: how busy the machine was with other work. */
  loadAverage: number;
}

export function describeMachine(): Machine {
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    /* not a git checkout */
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit,
    loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
  };
}

export interface RunReport {
  startedAt: string;
  machine: Machine;
  database: string;
  options: BenchOptions;
  scenarios: (ScenarioResult & { name: string; failures: string[] })[];
}

const int = (n: number) => Math.round(n).toLocaleString('en-GB');
const ms = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The median ratio with its spread over the rounds: "0.31 (0.27–0.35)". */
export function formatRatio(r: Ratio | null | undefined): string {
  if (r === undefined) return '1';
  if (r === null) return 'n/a';
  return `${r.median.toFixed(2)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
}

/** The run as markdown, ready to paste into docs/benchmarks.md. */
export function markdown(report: RunReport): string {
  const { machine: m, options: o } = report;
  const lines = [
    `### ${report.startedAt.slice(0, 10)}: ${report.database}`,
    '',
    `${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB, ${m.os}, Node ${m.node}` +
      `${m.commit ? `, commit ${m.commit}` : ''}, load average ${m.loadAverage} at the start. ${o.duration} s per target after ${o.warmup} s warm-up, ` +
      `${o.rounds} interleaved rounds, ${o.connections} connections, load generator ${o.workers ? `in ${o.workers} worker thread${o.workers > 1 ? 's' : ''}` : 'on the server’s event loop'}.`,
  ];
  for (const s of report.scenarios) {
    lines.push('', `#### ${s.name}: ${s.title}`);
    if (s.measurements.length) lines.push('', ...table(s.measurements));
    for (const t of s.tables ?? []) lines.push('', ...(t.caption ? [t.caption, ''] : []), ...freeTable(t));
    for (const note of s.notes ?? []) lines.push('', note);
    for (const f of s.failures) lines.push('', `**Not a clean run:** ${f}`);
  }
  return lines.join('\n');
}

function freeTable(t: ResultTable): string[] {
  const rows = [t.header, ...t.rows];
  const widths = t.header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const numeric = (c: number) => c >= (t.numericFrom ?? 1);
  const line = (r: string[]) => `| ${widths.map((w, c) => (numeric(c) ? (r[c] ?? '').padStart(w) : (r[c] ?? '').padEnd(w))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (numeric(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(t.header), rule, ...t.rows.map(line)];
}

function table(measurements: ScenarioResult['measurements']): string[] {
  const rows: string[][] = [
    ['Target', 'Request', 'Req/s', 'p50 ms', 'p99 ms', 'Non-2xx', 'Req/s ÷ baseline', 'p50 ÷ baseline', 'p99 ÷ baseline'],
    ...measurements.map((x: HttpMeasurement, i) => [
      i === 0 ? `${x.label} (baseline)` : x.label,
      `\`${x.request}\`${x.as ? ` as ${x.as}` : ''}`,
      int(x.reqPerSec),
      ms(x.latency.p50),
      ms(x.latency.p99),
      String(x.non2xx),
      formatRatio(x.ratios ? x.ratios.reqPerSec : undefined),
      formatRatio(x.ratios ? x.ratios.p50 : undefined),
      formatRatio(x.ratios ? x.ratios.p99 : undefined),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const numeric = (c: number) => c >= 2;
  const line = (r: string[]) => `| ${r.map((cell, c) => (numeric(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (numeric(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)];
}
