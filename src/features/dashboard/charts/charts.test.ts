import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barChart, checkWellFormed, pChart, pLimits, segments, trendChart, type TrendChartInput } from './index.js';
import { niceTicks, wrap, chartId } from './svg.js';

const periods = ['2021', '2022', '2023', '2024', '2025'].map((k) => ({ key: k, label: k }));

const trend = (over: Partial<TrendChartInput> = {}): TrendChartInput => ({
  id: 'ehcp-20-weeks',
  title: 'EHC plans issued within 20 weeks',
  periods,
  unit: 'percent',
  series: [
    { kind: 'area', label: 'Cumberland', points: [{ value: 40 }, { value: 45 }, { value: null, suppressed: true }, { value: 55 }, { value: 60 }] },
    { kind: 'england', label: 'England', points: [{ value: 50 }, { value: 49 }, { value: 50.2 }, { value: 46 }, { value: null }] },
  ],
  target: { value: 70 },
  ...over,
});

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

test('a trend chart is well-formed SVG named by its title and described by its desc', () => {
  const svg = trendChart(trend());
  assert.equal(checkWellFormed(svg), null);
  assert.match(svg, /^<svg [^>]*role="img"/);
  assert.match(svg, /aria-labelledby="ehcp-20-weeks-title ehcp-20-weeks-desc"/);
  assert.match(svg, /<title id="ehcp-20-weeks-title">EHC plans issued within 20 weeks<\/title>/);
  const desc = /<desc id="ehcp-20-weeks-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
  assert.match(desc, /Cumberland: 40\.0% in 2021, 60\.0% in 2025\./);
  assert.match(desc, /England: 50\.0% in 2021, 46\.0% in 2024\./);
  assert.match(desc, /Target: 70\.0%\./);
  assert.match(desc, /Not shown, because fewer than 5 children were counted: 2023\./);
});

test('a suppressed point leaves a gap in the line, with an asterisk and a note, never a value', () => {
  const svg = trendChart(trend());
  const area = /<g class="app-chart__series app-chart__series--area">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  // Two runs: 2021–2022 and 2024–2025; so two paths, and four markers (circles), none for 2023.
  assert.equal(count(area, /<path /g), 2);
  assert.equal(count(area, /<circle /g), 4);
  assert.match(svg, />2023\*<\/text>/);
  assert.match(svg, /\* Not shown for 2023: fewer than 5 children/);
  assert.deepEqual(segments([{ value: 1 }, { value: null, suppressed: true }, { value: 2 }, { value: 3 }]), [[0], [2, 3]]);
  assert.deepEqual(segments([{ value: null }, { value: Number.NaN }]), []);
});

test('each series differs by marker shape and line pattern, not colour alone; the target is a dashed line', () => {
  const svg = trendChart(trend({ series: [...trend().series, { kind: 'region', label: 'North West', points: periods.map(() => ({ value: 48 })) }] }));
  const england = /app-chart__series--england">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  const region = /app-chart__series--region">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  assert.match(england, /stroke-dasharray="8 4"/);
  assert.match(england, /<rect /); // squares
  assert.match(region, /stroke-dasharray="2 3"/);
  assert.match(region, /<path d="M[^"]*Z"/); // triangles
  assert.match(svg, /class="app-chart__target"[^>]*stroke-dasharray/);
  assert.match(svg, />Target: 70\.0%<\/text>/);
  assert.match(svg, />North West<\/text>/);
});

test('points are placed in order: later periods to the right, higher values higher up', () => {
  const svg = trendChart(trend({ series: [{ kind: 'area', label: 'A', points: [{ value: 10 }, { value: 20 }, { value: 30 }, { value: 40 }, { value: 50 }] }], target: null }));
  const area = /app-chart__series--area">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  const circles = [...area.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
  assert.equal(circles.length, 5);
  for (let i = 1; i < circles.length; i++) {
    assert.ok(circles[i]!.x > circles[i - 1]!.x);
    assert.ok(circles[i]!.y < circles[i - 1]!.y);
  }
});

test('text from the data is escaped, so a name cannot break the SVG', () => {
  const svg = trendChart(trend({ title: 'A <script> & "quotes"', series: [{ kind: 'area', label: 'St Bega’s & <b>', points: periods.map(() => ({ value: 1 })) }] }));
  assert.equal(checkWellFormed(svg), null);
  assert.ok(!svg.includes('<script>'));
  assert.match(svg, /A &lt;script&gt; &amp; &quot;quotes&quot;/);
});

test('a chart with one period, no figures or all suppressed still draws, and says so', () => {
  for (const input of [
    trend({ periods: [{ key: '2025', label: '2025' }], series: [{ kind: 'area', label: 'A', points: [{ value: 5 }] }] }),
    trend({ periods: [], series: [], target: null }),
    trend({ series: [{ kind: 'area', label: 'A', points: periods.map(() => ({ value: null, suppressed: true })) }], target: null }),
  ]) {
    const svg = trendChart(input);
    assert.equal(checkWellFormed(svg), null, svg);
    assert.ok(!svg.includes('NaN'), svg);
  }
  assert.match(trendChart(trend({ series: [{ kind: 'area', label: 'A', points: periods.map(() => ({ value: null })) }] })), /A: no figures shown\./);
});

test('a bar chart writes each figure, words for a suppressed group, and a labelled reference line', () => {
  const svg = barChart({
    id: 'by-locality',
    title: 'By locality',
    unit: 'percent',
    items: [
      { label: 'Allerdale', value: 52.5 },
      { label: 'Carlisle', value: 61 },
      { label: 'Millom', value: null, suppressed: true },
      { label: 'A school with a very long name indeed, Church of England', value: 0 },
    ],
    reference: { value: 55, label: 'Cumberland' },
  });
  assert.equal(checkWellFormed(svg), null);
  assert.equal(count(svg, /<rect x=/g), 3); // bars, and no bar for Millom
  assert.match(svg, />52\.5%<\/text>/);
  assert.match(svg, />61\.0%<\/text>/);
  assert.match(svg, /font-style="italic"[^>]*>fewer than 5 children: not shown<\/text>/);
  assert.match(svg, />Cumberland: 55\.0%<\/text>/);
  assert.match(svg, /<desc [^>]*>Allerdale: 52\.5%\. Carlisle: 61\.0%\. Millom: fewer than 5 children: not shown\./);
  assert.match(svg, /A school with a very long/);
  assert.equal(checkWellFormed(barChart({ id: 'b', title: 'Empty', unit: 'count', items: [] })), null);
});

test('p-chart limits follow p ± 3√(p(1−p)/n), held within 0 and 1', () => {
  const { lcl, ucl } = pLimits(0.1, 100);
  assert.ok(Math.abs(ucl - 0.19) < 1e-9);
  assert.ok(Math.abs(lcl - 0.01) < 1e-9);
  assert.deepEqual(pLimits(0.02, 10), { lcl: 0, ucl: 0.02 + 3 * Math.sqrt(0.02 * 0.98 / 10) });
  assert.deepEqual(pLimits(0.5, 0), { lcl: 0, ucl: 1 });
});

test('a p-chart draws the centre, stepped limits and flagged points as red triangles, named in its description', () => {
  const points = Array.from({ length: 12 }, (_, i) => ({ label: `W${i + 1}`, p: i === 9 ? 0.3 : 0.1, n: 100 + i * 10, flagged: i === 9, reason: i === 9 ? '1 point beyond 3 sigma' : undefined }));
  points[4] = { ...points[4]!, p: null as unknown as number };
  const svg = pChart({ id: 'spc', title: 'Absence, school A', centre: 0.1, points: points.map((p) => ({ ...p, p: p.p ?? null })) as never, measure: 'Share of sessions missed' });
  assert.equal(checkWellFormed(svg), null);
  assert.equal(count(svg, /class="app-chart__limit"/g), 2);
  assert.match(svg, /class="app-chart__centre"/);
  assert.equal(count(svg, /class="app-chart__flag"/g), 1);
  assert.match(svg, /fill="#d4351c"/);
  const desc = /<desc[^>]*>([^<]*)</.exec(svg)?.[1] ?? '';
  assert.match(desc, /11 periods from W1 to W12\./);
  assert.match(desc, /Centre line 10%\./);
  assert.match(desc, /Flagged: W10 at 30% \(1 point beyond 3 sigma\)\./);
  const quiet = pChart({ id: 'q', title: 'Quiet', centre: 0.2, points: [{ label: 'W1', p: 0.21, n: 50 }] });
  assert.match(quiet, /No point is flagged/);
  assert.equal(checkWellFormed(quiet), null);
});

test('ticks are nice numbers covering the range; labels wrap; ids are safe', () => {
  assert.deepEqual(niceTicks(0, 100, 5), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(niceTicks(0.1, 0.3, 4), [0.1, 0.15, 0.2, 0.25, 0.3]);
  const t = niceTicks(37, 92, 5);
  assert.ok(t[0]! <= 37 && t.at(-1)! >= 92);
  assert.deepEqual(niceTicks(5, 5), niceTicks(4.5, 5.5));
  assert.deepEqual(niceTicks(0, 0), [0, 1]);
  assert.deepEqual(wrap('Carlisle and the north east of the area', 16), ['Carlisle and the', 'north east of t…']);
  assert.equal(chartId('2024 / 25 trend'), 'chart-2024-25-trend');
  assert.equal(chartId('EHCP <20>'), 'ehcp-20');
});

test('the well-formedness check finds the faults it exists for', () => {
  assert.equal(checkWellFormed('<svg><g></g></svg>'), null);
  assert.match(checkWellFormed('<svg><g></svg>') ?? '', /closes/);
  assert.match(checkWellFormed('<svg><text>a & b</text></svg>') ?? '', /&/);
  assert.match(checkWellFormed('<svg><text>a < b</text></svg>') ?? '', /</);
  assert.match(checkWellFormed('<svg>') ?? '', /never closed/);
});
