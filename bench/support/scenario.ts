import type { Role } from '../../src/platform/access/roles.js';
import type { BenchApp } from './server.js';

/** What every run shares: the flags, bounded so a typo cannot load the machine for an hour. */
export interface BenchOptions {
  /** Seconds of measured load per target, split over `rounds`. */
  duration: number;
  /**
   * Targets are measured in turn, round after round (A B C, B C A, C A B, ...), so a burst of
   * load from elsewhere on the machine falls on all of them, not on whichever ran then.
   */
  rounds: number;
  /** Seconds of unmeasured load per target first (JIT, template cache, connection pool). */
  warmup: number;
  connections: number;
  /** autocannon worker threads; 0 runs the load generator on the server's own event loop. */
  workers: number;
}

/** One HTTP target: what autocannon hammers. */
export interface HttpTarget {
  /** Short name shown in the table, e.g. 'Static asset' or 'Home page'. */
  label: string;
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Who is asking, shown in the table ('casework-officer'); omit for anonymous requests. */
  as?: Role;
}

/** One round of one target, as autocannon saw it. Latencies are in whole milliseconds. */
export interface RoundSample {
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
}

/** A ratio to the baseline: the median of the per-round ratios, and their spread. */
export interface Ratio {
  median: number;
  min: number;
  max: number;
}

/**
 * The numbers one target produced over every round. reqPerSec is all requests over all
 * measured seconds; latencies are the medians of the rounds' percentiles.
 */
export interface HttpMeasurement {
  label: string;
  request: string;
  as: Role | null;
  requests: number;
  seconds: number;
  reqPerSec: number;
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Against the baseline measured in the same rounds; null for the baseline itself. */
  ratios: { reqPerSec: Ratio | null; p50: Ratio | null; p99: Ratio | null } | null;
  rounds: RoundSample[];
}

/**
 * A scenario's result: every measurement, the first of which is the baseline the others are
 * divided by. Ratios from one run hold on a noisy machine where absolute numbers do not.
 */
export interface ScenarioResult {
  title: string;
  /** HTTP load results, baseline first; empty for a scenario that times jobs instead (imports, recomputes). */
  measurements: HttpMeasurement[];
  /** Other results as tables (a job's time, rows per second, memory, and its ratio to a baseline job run alongside). */
  tables?: ResultTable[];
  notes?: string[];
}

/** A free-form result table; put the baseline's row first and the ratios in their own column. */
export interface ResultTable {
  caption?: string;
  header: string[];
  rows: string[][];
  /** Columns from this index on are right-aligned (numbers). Default 1. */
  numericFrom?: number;
}

/** What a scenario is given: the running app and a way to put load on it. */
export interface BenchContext {
  options: Readonly<BenchOptions>;
  app: BenchApp;
  /**
   * Warms each target up, then measures them in interleaved rounds, `options.duration` seconds
   * each in all. The first target is the baseline every other one is divided by.
   */
  compare(targets: [baseline: HttpTarget, ...others: HttpTarget[]]): Promise<[HttpMeasurement, ...HttpMeasurement[]]>;
  log(message: string): void;
}

/**
 * One benchmark. Each scenario gets its own fresh app and database (migrated, demo seeded):
 * `setup` adds whatever data it needs and signs people in; `run` measures and returns the
 * result, baseline first. Register it in bench/scenarios/index.ts.
 */
export interface Scenario<State = unknown> {
  name: string;
  /** One line for --help and the docs. */
  description: string;
  setup(ctx: BenchContext): Promise<State>;
  run(ctx: BenchContext, state: State): Promise<ScenarioResult>;
}
