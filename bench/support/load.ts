import autocannon from 'autocannon';
import type { BenchOptions, HttpMeasurement, HttpTarget, Ratio, RoundSample } from './scenario.js';

interface Round extends RoundSample {
  non2xx: number;
  errors: number;
  timeouts: number;
  max: number;
  statusCodes: Record<string, number>;
}

/** One burst of concurrent load on one target, on the loopback address the app listens on. */
async function load(baseUrl: string, target: HttpTarget, seconds: number, options: Readonly<BenchOptions>): Promise<Round> {
  const r = await autocannon({
    url: new URL(target.path, baseUrl).toString(),
    method: target.method ?? 'GET',
    headers: target.headers ?? {},
    ...(target.body !== undefined ? { body: target.body } : {}),
    connections: options.connections,
    duration: seconds,
    // A request stuck this long is a failure to report, not a latency to average.
    timeout: 10,
    ...(options.workers > 0 ? { workers: options.workers } : {}),
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    seconds: r.duration,
    requests: r.requests.total,
    reqPerSec: r.duration > 0 ? r.requests.total / r.duration : 0,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
}

/**
 * Warms every target up, then measures them in `rounds` interleaved rounds, rotating the order
 * each round. The first target is the baseline: each ratio is taken within a round (so both
 * sides saw the same machine) and the median over rounds reported.
 */
export async function compareHttp(
  baseUrl: string,
  targets: [HttpTarget, ...HttpTarget[]],
  options: Readonly<BenchOptions>,
  log: (message: string) => void = () => {},
): Promise<[HttpMeasurement, ...HttpMeasurement[]]> {
  if (options.warmup > 0) {
    log(`warm-up: ${options.warmup} s per target`);
    for (const t of targets) await load(baseUrl, t, options.warmup, options);
  }
  const seconds = options.duration / options.rounds;
  const rounds: Round[][] = targets.map(() => []);
  for (let r = 0; r < options.rounds; r++) {
    for (let k = 0; k < targets.length; k++) {
      const i = (r + k) % targets.length;
      rounds[i]!.push(await load(baseUrl, targets[i]!, seconds, options));
    }
    log(`round ${r + 1} of ${options.rounds}: ${targets.map((t, i) => `${t.label} ${Math.round(rounds[i]![r]!.reqPerSec)} req/s`).join(', ')}`);
  }

  const base = rounds[0]!;
  const measurements = targets.map((t, i) => summarise(t, rounds[i]!, i === 0 ? null : base));
  return measurements as [HttpMeasurement, ...HttpMeasurement[]];
}

function summarise(target: HttpTarget, rounds: Round[], base: Round[] | null): HttpMeasurement {
  const sum = (f: (r: Round) => number) => rounds.reduce((n, r) => n + f(r), 0);
  const statusCodes: Record<string, number> = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const seconds = sum((r) => r.seconds);
  const ratio = (f: (r: RoundSample) => number) => spread(rounds.map((r, k) => [f(r), f(base![k]!)] as const).filter(([, b]) => b > 0).map(([a, b]) => a / b));
  return {
    label: target.label,
    request: `${target.method ?? 'GET'} ${target.path}`,
    as: target.as ?? null,
    requests: sum((r) => r.requests),
    seconds,
    reqPerSec: seconds > 0 ? sum((r) => r.requests) / seconds : 0,
    latency: { p50: median(rounds.map((r) => r.p50)), p99: median(rounds.map((r) => r.p99)), max: Math.max(...rounds.map((r) => r.max)) },
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCodes,
    ratios: base ? { reqPerSec: ratio((r) => r.reqPerSec), p50: ratio((r) => r.p50), p99: ratio((r) => r.p99) } : null,
    rounds: rounds.map(({ seconds: s, requests, reqPerSec, p50, p99 }) => ({ seconds: s, requests, reqPerSec, p50, p99 })),
  };
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Null when no round had a baseline to divide by (a latency under autocannon's 1 ms resolution). */
function spread(xs: number[]): Ratio | null {
  return xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) } : null;
}

/** Anything other than a clean run of 2xx responses makes the numbers meaningless. */
export function failuresOf(m: HttpMeasurement): string | undefined {
  const problems: string[] = [];
  if (m.non2xx) problems.push(`${m.non2xx} non-2xx responses (${Object.entries(m.statusCodes).map(([c, n]) => `${c}: ${n}`).join(', ')})`);
  if (m.errors) problems.push(`${m.errors} connection errors, ${m.timeouts} of them timeouts`);
  if (!m.requests) problems.push('no requests completed');
  return problems.length ? `${m.label} (${m.request}): ${problems.join('; ')}` : undefined;
}
