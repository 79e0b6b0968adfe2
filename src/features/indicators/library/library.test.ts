import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INDICATORS } from './index.js';
import { PRIORITIES } from '../indicator.types.js';

test('every indicator has a stable kebab-case id, used once', () => {
  const ids = INDICATORS.map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('every indicator is written out: definition, numerator, source, owner, caveats, a priority', () => {
  for (const i of INDICATORS) {
    assert.ok(i.definition.length > 40, `${i.id}: a definition`);
    assert.ok(i.numerator.length > 5, `${i.id}: a numerator`);
    assert.ok(i.unit === 'count' || i.denominator.length > 5, `${i.id}: a denominator unless it is a count`);
    assert.ok(i.source.length > 0 && i.owner.length > 0, `${i.id}: source and owner`);
    assert.ok(i.caveats.length > 0, `${i.id}: what the numbers cannot say`);
    assert.ok(PRIORITIES.includes(i.priority), `${i.id}: a priority`);
    assert.ok(i.suppression.smallCount >= 5, `${i.id}: suppresses counts under 5 at least`);
    if (i.unit === 'percent' && i.target) assert.ok(i.target.value >= 0 && i.target.value <= 100, `${i.id}: a target that is a percentage`);
  }
});

test('benchmarks name the DfE file, its measure and the rows to take', () => {
  for (const i of INDICATORS.filter((x) => x.benchmark)) {
    const b = i.benchmark!;
    assert.ok(Object.keys(b.filter).length > 0, i.id);
    for (const c of [b.measure, b.numerator, b.denominator, ...Object.keys(b.filter)]) if (c) assert.equal(c, c.toLowerCase(), `${i.id}: column names are matched lower-cased`);
  }
});
