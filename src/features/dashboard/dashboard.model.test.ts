import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IndicatorValue } from '../indicators/indicator.types.js';
import { benchmarkCell, breakdownModel, changeText, direction, latestTwo, targetText, trendModel, valueCell } from './dashboard.model.js';
import { textCell } from './dashboard.csv.js';
import { formatValue, csvNumber } from './format.js';
import { positionText, CURRENT_POSITION } from './current-position.js';

const pct = { unit: 'percent' as const, goodDirection: 'up' as const };
const v = (period: string, value: number | null, extra: Partial<IndicatorValue> = {}): IndicatorValue => ({
  indicatorId: 'x', areaCode: 'E06000063', period, breakdown: '', breakdownValue: '', numerator: value === null ? null : value, denominator: value === null ? null : 100,
  value, suppressed: value === null, computedAt: new Date(0), ...extra,
});

test('a cell says the figure, the counts behind a rate, or why there is none', () => {
  assert.deepEqual(valueCell(pct, v('2025', 45)), { text: '45.0%', detail: '45 of 100', value: 45, suppressed: false });
  assert.deepEqual(valueCell(pct, v('2025', null)), { text: 'fewer than 5 children: not shown', detail: null, value: null, suppressed: true });
  assert.equal(valueCell(pct, undefined).text, 'no figure');
  assert.deepEqual(valueCell({ unit: 'days' }, v('2025-05', 35, { numerator: null, denominator: 80 })), { text: '35 days', detail: '80 counted', value: 35, suppressed: false });
  assert.equal(valueCell({ unit: 'count' }, v('2025-05', 1234, { numerator: 1234, denominator: null })).text, '1,234');
  assert.equal(benchmarkCell(pct, { value: null, marker: 'c', numerator: null, denominator: null }).text, 'not published, to protect confidentiality');
  assert.equal(benchmarkCell(pct, { value: null, marker: 'Q', numerator: null, denominator: null }).text, 'not published (marked “Q”)');
  assert.equal(benchmarkCell(pct, { value: 46.4, marker: null, numerator: null, denominator: null }).text, '46.4%');
});

test('change and target read in words, with which way is better', () => {
  assert.equal(direction({ goodDirection: 'up' }, 50, 40), 'better');
  assert.equal(direction({ goodDirection: 'down' }, 50, 40), 'worse');
  assert.equal(direction({ goodDirection: 'neither' }, 50, 40), 'no-change-measure');
  assert.equal(direction({ goodDirection: 'up' }, 50, null), 'unknown');
  assert.equal(changeText(pct, valueCell(pct, v('2025', 50)), valueCell(pct, v('2024', 40)), '2024'), 'up from 40.0% in 2024 (better)');
  assert.equal(changeText({ unit: 'days', goodDirection: 'down' }, valueCell({ unit: 'days' }, v('2026-05', 50)), valueCell({ unit: 'days' }, v('2026-04', 40)), '2026-04'), 'up from 40 days in April 2026 (worse)');
  assert.equal(changeText(pct, valueCell(pct, v('2025', 50)), valueCell(pct, v('2024', null)), '2024'), '');
  assert.equal(targetText({ ...pct, target: { value: 60, by: '2026' } }, valueCell(pct, v('2025', 50))), 'Target 60.0% by 2026: not met yet');
  assert.equal(targetText({ unit: 'days', goodDirection: 'down', target: { value: 28 } }, valueCell({ unit: 'days' }, v('2026-05', 21))), 'Target 28 days: met');
  assert.equal(targetText(pct, valueCell(pct, v('2025', 50))), '');
});

test('latestTwo follows period order, not the order given', () => {
  const { latest, previous } = latestTwo([v('202526', 1), v('202324', 2), v('202425', 3)]);
  assert.equal(latest?.period, '202526');
  assert.equal(previous?.period, '202425');
  assert.deepEqual(latestTwo([]), { latest: undefined, previous: undefined });
  assert.equal(latestTwo([v('2025', 1)]).previous, undefined);
});

test('the trend table is the chart’s figures, newest first, and says how many older periods the chart leaves out', () => {
  const cells = new Map(Array.from({ length: 15 }, (_, i) => [String(2010 + i), valueCell(pct, v(String(2010 + i), 30 + i))]));
  const t = trendModel({ id: 't', title: 'T', def: { unit: 'percent' }, series: [{ kind: 'area', label: 'Cumberland', cells }], maxPeriods: 12 });
  assert.equal(t.rows.length, 12);
  assert.equal(t.rows[0]!.period, '2024');
  assert.equal(t.rows.at(-1)!.period, '2013');
  assert.equal(t.older, 3);
  assert.deepEqual(t.columns, ['Cumberland']);
  assert.match(t.svg, /Cumberland: 33\.0% in 2013, 44\.0% in 2024\./);
});

test('a breakdown: sorted by name when whole; in the store’s ranking, with a note, when only the worst are shown', () => {
  const rows = ['Copeland', 'Allerdale', 'Carlisle'].map((g, i) => v('2025', 50 + i, { breakdown: 'locality', breakdownValue: g }));
  const whole = breakdownModel({ id: 'b', title: 'B', def: pct, values: rows, label: (x) => x });
  assert.deepEqual(whole.rows.map((r) => r.label), ['Allerdale', 'Carlisle', 'Copeland']);
  assert.equal(whole.shownNote, null);
  assert.match(whole.svg ?? '', /<svg/);
  const partial = breakdownModel({ id: 'b', title: 'B', def: pct, values: rows, total: 240, label: (x) => x, noun: 'schools' });
  assert.deepEqual(partial.rows.map((r) => r.label), ['Copeland', 'Allerdale', 'Carlisle']);
  assert.equal(partial.shownNote, 'The 3 schools with the lowest figures, of 240, are shown, lowest first. The CSV download has them all.');
  const many = breakdownModel({ id: 'b', title: 'B', def: pct, values: Array.from({ length: 30 }, (_, i) => v('2025', i, { breakdownValue: `G${i}` })), label: (x) => x });
  assert.equal(many.svg, null, 'too many bars to chart; the table has them');
});

test('formats and CSV cells', () => {
  assert.equal(formatValue(12.345, 'percent'), '12.3%');
  assert.equal(formatValue(1, 'days'), '1 day');
  assert.equal(formatValue(12.5, 'per-10000'), '12.5 per 10,000');
  assert.equal(formatValue(3.25, 'per-100'), '3.3');
  assert.equal(formatValue(null, 'count'), 'no figure');
  assert.equal(csvNumber(-1.5), '-1.5');
  assert.equal(csvNumber(2, true), '');
  assert.equal(textCell('=SUM(A1)'), "'=SUM(A1)");
  assert.equal(textCell('a, "b"'), '"a, ""b"""');
  assert.equal(textCell('-3'), "'-3");
});

test('the strategy’s current position is kept as the strategy wrote it', () => {
  const text = Object.fromEntries(CURRENT_POSITION.map((f) => [f.id, positionText(f)]));
  assert.equal(text['sen-support'], '5,223 (13.6%)');
  assert.equal(text['ehcp'], '2,721 (6.5%)');
  assert.equal(text['ehcp-mainstream'], '58.6%');
  assert.equal(text['new-ehcps'], '428');
  assert.equal(text['ehcp-autism'], '35.96%');
  assert.equal(text['high-needs-budget'], '£35.480m');
  assert.equal(text['area'], '3,012 square km');
  assert.equal(new Set(CURRENT_POSITION.map((f) => f.id)).size, CURRENT_POSITION.length);
});

test('every live measure the current position names is an indicator of the library', async () => {
  const { indicatorById } = await import('../indicators/library/index.js');
  for (const f of CURRENT_POSITION) if (f.live) assert.ok(indicatorById(f.live.indicatorId), f.live.indicatorId);
});
