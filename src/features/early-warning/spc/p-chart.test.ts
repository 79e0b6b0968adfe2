import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRunRules, isPractical, pChart, poolPoints, poolSizeFor, type ChartPoint, type RatePoint } from './p-chart.js';

const weeks = (n: number, from = '2025-01-06') =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10));

/** Points whose z-scores are given directly (the run rules read only z). */
function zPoints(zs: number[], baselineCount = 0): ChartPoint[] {
  return zs.map((z, i) => ({ period: weeks(zs.length)[i]!, n: 100, x: 0, p: 0, limits: null, z, baseline: i < baselineCount, hits: [] }));
}
const rulesAt = (pts: ChartPoint[]) => pts.map((p) => p.hits.map((h) => `${h.rule}:${h.side}`));

test('rule 1: one point beyond 3 sigma, on either side', () => {
  const pts = zPoints([0, 0.5, 3.2, -0.2, -3.1]);
  applyRunRules(pts);
  assert.deepEqual(rulesAt(pts), [[], [], ['beyond-3-sigma:above'], [], ['beyond-3-sigma:below']]);
});

test('rule 2: two of three beyond 2 sigma on the same side (not split across sides)', () => {
  const pts = zPoints([2.5, 0.1, 2.2, -2.5, 0, 2.1]);
  applyRunRules(pts);
  assert.deepEqual(pts[2]!.hits, [{ rule: 'two-of-three-beyond-2-sigma', side: 'above' }]);
  // 2.2 (above), -2.5 (below), 0, 2.1: the last three hold one point beyond +2 sigma only.
  assert.deepEqual(pts[5]!.hits, []);
  assert.deepEqual(pts[3]!.hits, []);
});

test('rule 3: four of five beyond 1 sigma on the same side', () => {
  const pts = zPoints([1.2, 1.5, 0.3, 1.1, 1.4, 0]);
  applyRunRules(pts);
  assert.deepEqual(pts[4]!.hits.map((h) => h.rule), ['four-of-five-beyond-1-sigma']);
  assert.deepEqual(pts[3]!.hits, []);
});

test('rule 4: eight in a row on one side of the centre; seven is not enough', () => {
  const seven = zPoints([0.1, 0.2, 0.3, 0.1, 0.4, 0.2, 0.5, -0.1]);
  applyRunRules(seven);
  assert.ok(seven.every((p) => p.hits.length === 0));
  const eight = zPoints([-0.1, -0.2, -0.3, -0.1, -0.4, -0.2, -0.5, -0.1]);
  applyRunRules(eight);
  assert.deepEqual(eight[7]!.hits, [{ rule: 'eight-on-one-side', side: 'below' }]);
});

test('baseline points set the centre but never signal; gaps are skipped by the runs', () => {
  const pts = zPoints([3.5, 3.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], 2);
  applyRunRules(pts);
  assert.deepEqual(pts[0]!.hits, []);
  assert.deepEqual(pts[1]!.hits, []);
  // Eight in a row needs eight points after... it counts the baseline's as history (standard), so point 7 completes it.
  assert.ok(pts[7]!.hits.some((h) => h.rule === 'eight-on-one-side'));
});

test('the p-chart: centre from the baseline, limits from each week’s own denominator', () => {
  const ws = weeks(12);
  const series: RatePoint[] = ws.map((period, i) => ({ period, n: i === 10 ? 400 : 100, x: i < 8 ? 10 : i === 10 ? 40 : 10 }));
  const c = pChart(series, { baselineUntil: ws[8]!, badSide: 'above', laney: false });
  assert.equal(c.centre, 0.1);
  const narrow = c.points[10]!.limits!;
  const wide = c.points[9]!.limits!;
  assert.ok(Math.abs(wide.upper[2] - (0.1 + 3 * Math.sqrt(0.09 / 100))) < 1e-12);
  assert.ok(Math.abs(narrow.upper[2] - (0.1 + 3 * Math.sqrt(0.09 / 400))) < 1e-12);
  assert.ok(narrow.upper[2] < wide.upper[2]);
  assert.equal(c.status, 'in-control');
  assert.equal(c.firstSignal, null);
});

test('a real shift signals from the week it starts; noise of the same size in rate but a tiny denominator does not', () => {
  const ws = weeks(30);
  // Baseline 10% of 1,000 each week; from week 20, 14%: 4 points is 4.2 sigma at n = 1,000.
  const shift = ws.map((period, i) => ({ period, n: 1000, x: i < 20 ? 100 + ((i % 3) - 1) * 5 : 140 }));
  const c = pChart(shift, { baselineUntil: ws[15]!, badSide: 'above', laney: false });
  assert.equal(c.status, 'signal');
  assert.deepEqual(c.firstSignal, { period: ws[20], rule: 'beyond-3-sigma', side: 'above' });
  // The same jump with 20 counted a week is within chance (1.0 sigma a week) until the runs build up.
  const small = ws.map((period, i) => ({ period, n: 20, x: i < 20 ? 2 : i < 22 ? 3 : 2 }));
  assert.equal(pChart(small, { baselineUntil: ws[15]!, badSide: 'above', laney: false }).status, 'in-control');
});

test('Laney’s sigma-z widens limits for overdispersed rates, and never narrows them', () => {
  const ws = weeks(20);
  // Week-to-week swings far beyond binomial at n = 10,000: 8%, 12%, 8%, 12%...
  const wild = ws.map((period, i) => ({ period, n: 10_000, x: i % 2 ? 1200 : 800 }));
  const plain = pChart(wild, { baselineUntil: ws[12]!, badSide: 'above', laney: false });
  const laney = pChart(wild, { baselineUntil: ws[12]!, badSide: 'above', laney: true });
  assert.ok(laney.sigmaZ > 5);
  assert.ok(plain.points.some((p) => p.hits.length > 0), 'binomial limits call the swings special causes');
  assert.ok(laney.points.every((p) => p.hits.length === 0), 'Laney’s limits do not');
  assert.equal(laney.status, 'in-control');
  const calm = ws.map((period) => ({ period, n: 100, x: 10 }));
  assert.equal(pChart(calm, { baselineUntil: ws[12]!, badSide: 'above', laney: true }).sigmaZ, 1);
});

test('practical size: a certain but small change is a small shift, not a signal', () => {
  const ws = weeks(30);
  const series = ws.map((period, i) => ({ period, n: 100_000, x: i < 20 ? 10_000 : 10_300 }));
  const opts = { baselineUntil: ws[15]!, badSide: 'above' as const, laney: false };
  assert.equal(pChart(series, opts).status, 'signal');
  assert.equal(pChart(series, { ...opts, practical: { kind: 'difference', value: 0.05 } }).status, 'small-shift');
  assert.equal(isPractical(0.1, 0.16, 'above', { kind: 'difference', value: 0.05 }), true);
  assert.equal(isPractical(0.1, 0.14, 'above', { kind: 'ratio', value: 1.5 }), false);
  assert.equal(isPractical(0.1, 0.15, 'above', { kind: 'ratio', value: 1.5 }), true);
  assert.equal(isPractical(0.1, 0.05, 'below', { kind: 'ratio', value: 1.5 }), true);
});

test('improvement and too little data', () => {
  const ws = weeks(30);
  const better = ws.map((period, i) => ({ period, n: 1000, x: i < 20 ? 100 : 50 }));
  assert.equal(pChart(better, { baselineUntil: ws[15]!, badSide: 'above', laney: false }).status, 'improvement');
  assert.equal(pChart(better.slice(0, 3), { baselineUntil: ws[15]!, badSide: 'above', laney: false }).status, 'insufficient-data');
  const none = ws.map((period) => ({ period, n: 1000, x: 0 }));
  assert.equal(pChart(none, { baselineUntil: ws[15]!, badSide: 'above', laney: false }).status, 'insufficient-data');
});

test('recentFrom: an old shift that has passed no longer signals', () => {
  const ws = weeks(40);
  const series = ws.map((period, i) => ({ period, n: 1000, x: i >= 20 && i < 24 ? 200 : 100 + ((i % 2) ? 3 : -3) }));
  const c = pChart(series, { baselineUntil: ws[15]!, badSide: 'above', laney: false, recentFrom: ws[30]! });
  assert.equal(c.firstSignal?.period, ws[20]);
  assert.equal(c.status, 'in-control');
});

test('pooling: rare events are charted over more weeks, never across the baseline boundary', () => {
  const ws = weeks(12);
  const series = ws.map((period) => ({ period, n: 50, x: 1 }));
  assert.equal(poolSizeFor(series, ws[8]!), 8);
  assert.equal(poolSizeFor(series.map((p) => ({ ...p, x: 3 })), ws[8]!), 2);
  assert.equal(poolSizeFor(series.map((p) => ({ ...p, x: 0 })), ws[8]!), null);
  const pooled = poolPoints(series, 4, ws[6]!);
  assert.deepEqual(pooled.map((p) => [p.period, p.n, p.x]), [[ws[0], 200, 4], [ws[4], 100, 2], [ws[6], 200, 4], [ws[10], 100, 2]]);
});
