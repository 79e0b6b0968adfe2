/**
 * Statistical process control for weekly rates: the p-chart, with the Western Electric run
 * rules, so that a real shift is told apart from week-to-week noise. Pure; no database.
 *
 * - The centre line p̄ is the pooled rate of a baseline period: Σx / Σn over its points.
 * - Each point has its own limits from its own denominator: σᵢ = √(p̄(1−p̄)/nᵢ), limits
 *   p̄ ± k·σᵢ (k = 1, 2, 3), clamped to 0..1.
 * - Optionally Laney's p′ (2002): when the units counted are not independent (sessions of the
 *   same pupils), the week-to-week spread is wider than the binomial's. σz, the spread of the
 *   baseline's z-scores estimated from their moving ranges (mean |zᵢ − zᵢ₋₁| / 1.128), widens
 *   every σᵢ. We never let it narrow them (σz is at least 1).
 * - Run rules (Western Electric), on the z-score zᵢ = (pᵢ − p̄) / (σᵢ·σz), each on one side:
 *   1. one point beyond 3σ; 2. two of three in a row beyond 2σ; 3. four of five in a row
 *   beyond 1σ; 4. eight in a row on one side of the centre line.
 * - Points in the baseline set the centre; only points after it can signal (phase II).
 */

export interface RatePoint {
  /** The period's label: the Monday of its (first) week, 'YYYY-MM-DD'. */
  period: string;
  /** How many could have counted (sessions possible, pupils, referrals). */
  n: number;
  /** How many did (sessions missed, suspensions, referrals still waiting). */
  x: number;
}

export type RunRule = 'beyond-3-sigma' | 'two-of-three-beyond-2-sigma' | 'four-of-five-beyond-1-sigma' | 'eight-on-one-side';
export type Side = 'above' | 'below';

export const RUN_RULES: Record<RunRule, string> = {
  'beyond-3-sigma': 'One week beyond the 3-sigma control limit',
  'two-of-three-beyond-2-sigma': 'Two of three weeks in a row beyond 2 sigma on the same side',
  'four-of-five-beyond-1-sigma': 'Four of five weeks in a row beyond 1 sigma on the same side',
  'eight-on-one-side': 'Eight weeks in a row on the same side of the centre line',
};

export interface RuleHit {
  rule: RunRule;
  side: Side;
}

export interface ChartPoint extends RatePoint {
  /** x / n; null when n is 0 (a gap). */
  p: number | null;
  /** Limits at 1, 2 and 3 sigma for this point's denominator, clamped to 0..1. */
  limits: { lower: [number, number, number]; upper: [number, number, number] } | null;
  z: number | null;
  baseline: boolean;
  /** The rules this point completes (only after the baseline). */
  hits: RuleHit[];
}

/**
 * - signal: a run rule fired on the worse side in the recent weeks, and the recent rate is worse
 *   than the centre by at least the practical size (a change worth someone's time);
 * - small-shift: a rule fired on the worse side recently, but the change is smaller than that;
 * - improvement: rules fired only on the better side recently;
 * - in-control: no rule fired recently; insufficient-data: no baseline to judge against.
 */
export type ChartStatus = 'signal' | 'small-shift' | 'improvement' | 'in-control' | 'insufficient-data';

/** How big a change must be to matter: an absolute difference in the rate, or a ratio to the centre. */
export type PracticalSize = { kind: 'difference'; value: number } | { kind: 'ratio'; value: number };

export interface PChart {
  centre: number | null;
  /** Laney's σz as used (1 when off or when the data are no wider than binomial). */
  sigmaZ: number;
  points: ChartPoint[];
  /** The first point after the baseline at which a rule fired on the bad side, if any. */
  firstSignal: { period: string; rule: RunRule; side: Side } | null;
  /** The pooled rate of the recent points (those from recentFrom), null without data. */
  recentRate: number | null;
  status: ChartStatus;
}

export interface PChartOptions {
  /** Points whose period is before this date form the baseline. */
  baselineUntil: string;
  /** Which side is worse: 'above' for absence or waits. */
  badSide: Side;
  /** Use Laney's σz for overdispersed rates. */
  laney: boolean;
  /** Fewer baseline points with data than this gives 'insufficient-data'. */
  minBaselinePoints?: number;
  /**
   * Only signals at points on or after this period count for the status (so a chart evaluated
   * "as of today" reports what is happening now, not a shift long ago that has passed).
   */
  recentFrom?: string;
  /** The least change that counts as a signal; without it any rule hit on the worse side does. */
  practical?: PracticalSize;
}

export const MIN_BASELINE_POINTS = 4;
/** d₂ for moving ranges of two: E|z₁ − z₂| = 1.128σ. */
const D2 = 1.128;

export function pChart(series: readonly RatePoint[], options: PChartOptions): PChart {
  const minBaseline = options.minBaselinePoints ?? MIN_BASELINE_POINTS;
  const sorted = [...series].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const baseline = sorted.filter((pt) => pt.period < options.baselineUntil && pt.n > 0);
  const sumN = baseline.reduce((s, pt) => s + pt.n, 0);
  const sumX = baseline.reduce((s, pt) => s + pt.x, 0);
  const centre = sumN > 0 ? sumX / sumN : null;
  const bare = (pt: RatePoint): ChartPoint => ({ ...pt, p: pt.n > 0 ? pt.x / pt.n : null, limits: null, z: null, baseline: pt.period < options.baselineUntil, hits: [] });
  if (centre === null || baseline.length < minBaseline || centre <= 0 || centre >= 1) {
    return { centre, sigmaZ: 1, points: sorted.map(bare), firstSignal: null, recentRate: null, status: 'insufficient-data' };
  }
  const sigmaOf = (n: number) => Math.sqrt((centre * (1 - centre)) / n);
  let sigmaZ = 1;
  if (options.laney) {
    const zs = baseline.map((pt) => (pt.x / pt.n - centre) / sigmaOf(pt.n));
    const ranges = zs.slice(1).map((z, i) => Math.abs(z - zs[i]!));
    if (ranges.length) sigmaZ = Math.max(1, ranges.reduce((s, r) => s + r, 0) / ranges.length / D2);
  }
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const points: ChartPoint[] = sorted.map((pt) => {
    const b = bare(pt);
    if (pt.n <= 0) return b;
    const s = sigmaOf(pt.n) * sigmaZ;
    return {
      ...b,
      z: (b.p! - centre) / s,
      limits: {
        lower: [clamp(centre - s), clamp(centre - 2 * s), clamp(centre - 3 * s)],
        upper: [clamp(centre + s), clamp(centre + 2 * s), clamp(centre + 3 * s)],
      },
    };
  });
  applyRunRules(points);
  let firstSignal: PChart['firstSignal'] = null;
  let recentBad = false;
  let recentGood = false;
  for (const pt of points) {
    for (const h of pt.hits) {
      if (h.side === options.badSide && !firstSignal) firstSignal = { period: pt.period, rule: h.rule, side: h.side };
      if (options.recentFrom === undefined || pt.period >= options.recentFrom) {
        if (h.side === options.badSide) recentBad = true;
        else recentGood = true;
      }
    }
  }
  const recent = points.filter((pt) => pt.n > 0 && !pt.baseline && (options.recentFrom === undefined || pt.period >= options.recentFrom));
  const rn = recent.reduce((s, pt) => s + pt.n, 0);
  const recentRate = rn > 0 ? recent.reduce((s, pt) => s + pt.x, 0) / rn : null;
  const bigEnough = recentRate !== null && isPractical(centre, recentRate, options.badSide, options.practical);
  const status: ChartStatus = recentBad ? (bigEnough ? 'signal' : 'small-shift') : recentGood ? 'improvement' : 'in-control';
  return { centre, sigmaZ, points, firstSignal, recentRate, status };
}

/** Is the move from centre to rate, on the worse side, at least the practical size? */
export function isPractical(centre: number, rate: number, badSide: Side, practical?: PracticalSize): boolean {
  const worse = badSide === 'above' ? rate - centre : centre - rate;
  if (worse <= 0) return false;
  if (!practical) return true;
  if (practical.kind === 'difference') return worse >= practical.value - 1e-12;
  return badSide === 'above' ? rate >= centre * practical.value - 1e-12 : rate <= centre / practical.value + 1e-12;
}

/**
 * Marks, on each point after the baseline, the rules that the run ending there completes.
 * Gaps (n = 0) are skipped: the runs are over the points with data, in order.
 */
export function applyRunRules(points: ChartPoint[]): void {
  const withData = points.filter((pt) => pt.z !== null);
  for (let i = 0; i < withData.length; i++) {
    const pt = withData[i]!;
    if (pt.baseline) continue;
    for (const side of ['above', 'below'] as const) {
      const sign = side === 'above' ? 1 : -1;
      const beyond = (j: number, k: number) => j >= 0 && sign * withData[j]!.z! > k;
      const count = (len: number, k: number) => {
        let c = 0;
        for (let j = i - len + 1; j <= i; j++) if (beyond(j, k)) c++;
        return c;
      };
      const hits: RunRule[] = [];
      if (beyond(i, 3)) hits.push('beyond-3-sigma');
      if (i >= 2 && beyond(i, 2) && count(3, 2) >= 2) hits.push('two-of-three-beyond-2-sigma');
      if (i >= 4 && beyond(i, 1) && count(5, 1) >= 4) hits.push('four-of-five-beyond-1-sigma');
      if (i >= 7 && count(8, 0) === 8) hits.push('eight-on-one-side');
      for (const rule of hits) pt.hits.push({ rule, side });
    }
  }
}

/**
 * Pools consecutive points into blocks of `size` (the block is labelled by its first period;
 * the baseline boundary is never straddled: a block holds baseline points or later points).
 */
export function poolPoints(series: readonly RatePoint[], size: number, baselineUntil: string): RatePoint[] {
  if (size <= 1) return [...series];
  const sorted = [...series].sort((a, b) => (a.period < b.period ? -1 : 1));
  const out: RatePoint[] = [];
  for (const part of [sorted.filter((p) => p.period < baselineUntil), sorted.filter((p) => p.period >= baselineUntil)]) {
    for (let i = 0; i < part.length; i += size) {
      const block = part.slice(i, i + size);
      out.push({ period: block[0]!.period, n: block.reduce((s, p) => s + p.n, 0), x: block.reduce((s, p) => s + p.x, 0) });
    }
  }
  return out;
}

/** Block sizes tried, smallest first. */
export const POOL_SIZES = [1, 2, 4, 8] as const;
/** The normal approximation behind the limits wants at least this many expected on each side. */
export const MIN_EXPECTED = 5;

/**
 * The smallest block of weeks in which the baseline expects at least MIN_EXPECTED counted and
 * uncounted on average (n·p̄ ≥ 5 and n·(1−p̄) ≥ 5): rare events (suspensions, CAMHS referrals in
 * a small locality) are charted over 2, 4 or 8 weeks rather than drowned in zeros. Null when
 * even 8 weeks expect fewer: too rare to chart (the page says so).
 */
export function poolSizeFor(series: readonly RatePoint[], baselineUntil: string): number | null {
  const base = series.filter((p) => p.period < baselineUntil && p.n > 0);
  if (!base.length) return null;
  const n = base.reduce((s, p) => s + p.n, 0);
  const x = base.reduce((s, p) => s + p.x, 0);
  const perWeekX = x / base.length;
  const perWeekY = (n - x) / base.length;
  for (const size of POOL_SIZES) if (perWeekX * size >= MIN_EXPECTED && perWeekY * size >= MIN_EXPECTED) return size;
  return null;
}
