import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectSource, levelOf, parseMeasure, periodOfRow } from './dfe-values.js';

test('numbers as published, and the DfE’s markers in place of a number', () => {
  assert.deepEqual(parseMeasure('26.5'), { ok: true, value: 26.5, marker: null });
  assert.deepEqual(parseMeasure(' 1,234 '), { ok: true, value: 1234, marker: null });
  assert.deepEqual(parseMeasure('1.55757077523724e-05'), { ok: true, value: 1.55757077523724e-5, marker: null });
  assert.deepEqual(parseMeasure('-3'), { ok: true, value: -3, marker: null });
  for (const m of ['x', 'c', 'z', 'low', 'u', 'X', '[c]', ':']) assert.equal(parseMeasure(m).ok && (parseMeasure(m) as { marker: string }).marker, m.toLowerCase().replace(/[[\]]/g, ''));
  assert.deepEqual(parseMeasure(''), { ok: true, value: null, marker: null });
  assert.equal(parseMeasure('lots').ok, false);
  assert.equal(parseMeasure('12%').ok, false);
});

test('time periods in both forms; geographic levels; which file a header is', () => {
  assert.equal(periodOfRow('2024'), '2024');
  assert.equal(periodOfRow('202425'), '202425');
  assert.equal(periodOfRow('2024/25'), undefined);
  assert.equal(periodOfRow('202426'), undefined);
  assert.equal(levelOf('Local authority'), 'la');
  assert.equal(levelOf('NATIONAL'), 'national');
  assert.equal(levelOf('School'), undefined);
  assert.equal(detectSource(new Set(['time_period', 'pc_plans_issued_within_20_weeks'])), 'sen2-timeliness');
  assert.equal(detectSource(new Set(['attendance_perc', 'education_phase'])), 'attendance-ytd');
  assert.equal(detectSource(new Set(['time_period'])), undefined);
});
