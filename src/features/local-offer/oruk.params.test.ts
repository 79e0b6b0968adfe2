import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_PER_PAGE, parsePaging, parseServiceQuery } from './oruk.params.js';

test('paging: defaults, bounds, and a message naming the parameter', () => {
  assert.deepEqual(parsePaging({}), { ok: true, value: { page: 1, perPage: 50 } });
  assert.deepEqual(parsePaging({ page: '3', per_page: '20' }), { ok: true, value: { page: 3, perPage: 20 } });
  for (const [q, field] of [[{ page: '0' }, 'page'], [{ page: '-1' }, 'page'], [{ per_page: '1e9' }, 'per_page'], [{ per_page: String(MAX_PER_PAGE + 1) }, 'per_page'], [{ page: ['1', '2'] }, 'page']] as const) {
    const r = parsePaging(q as Record<string, unknown>);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.problems[0]!.field, field);
  }
});

test('service filters become search options', () => {
  const r = parseServiceQuery({
    search: 'speech', text: 'therapy', taxonomy_term_id: '3F2504E0-4F89-41D3-9A0C-0305E82C3301', minimum_age: '2', maximum_age: '18',
    day: 'monday', start_time: '9:30', end_time: '17:00:00', need: 'slcn', postcode: 'ca2 5ab', proximity: '5000', modified_after: '2026-01-01',
  });
  assert.equal(r.ok, true);
  if (!r.ok) return;
  assert.equal(r.value.text, 'speech therapy');
  assert.equal(r.value.taxonomyTerm, '3f2504e0-4f89-41d3-9a0c-0305e82c3301');
  assert.equal(r.value.minimumAgeAtLeast, 2);
  assert.equal(r.value.maximumAgeAtMost, 18);
  assert.equal(r.value.day, 'MO');
  assert.equal(r.value.startTime, '09:30');
  assert.equal(r.value.endTime, '17:00');
  assert.equal(r.value.need, 'SLCN');
  assert.equal(r.value.near?.radiusKm, 5);
  assert.ok(r.value.near && Math.abs(r.value.near.lat - 54.88) < 0.1);
  assert.equal(r.value.modifiedAfter?.toISOString(), '2026-01-01T00:00:00.000Z');
});

test('every problem is reported at once', () => {
  const r = parseServiceQuery({ page: 'x', day: 'Funday', need: 'NSA', proximity: '10' });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.problems.map((p) => p.field).sort(), ['day', 'need', 'page', 'proximity']);
});

test('no query string, however strange, throws', () => {
  const names = ['page', 'per_page', 'search', 'text', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'minimum_age', 'maximum_age', 'age', 'day', 'start_time', 'end_time', 'need', 'locality', 'postcode', 'proximity', 'modified_after'];
  fc.assert(fc.property(fc.dictionary(fc.constantFrom(...names), fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.array(fc.string(), { maxLength: 3 }))), (q) => {
    const r = parseServiceQuery(q);
    if (!r.ok) assert.ok(r.problems.length > 0 && r.problems.every((p) => names.includes(p.field) && p.message.includes(p.field)));
  }));
});
