import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAgainst, filterQuery, readFilters } from './filters.js';

const options = {
  periods: ['202425', '202526'],
  breakdowns: ['locality', 'sen-provision'],
  groups: { locality: new Map([['Carlisle', 'Carlisle'], ['Millom', 'Millom']]), 'sen-provision': new Map([['E', 'EHC plan']]) },
};

test('no filters: the latest period, the whole area', () => {
  const r = checkAgainst(readFilters({}), options);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.filters, { period: null, breakdown: '', slice: null });
});

test('good filters are read, a school year written by a person included', () => {
  const r = checkAgainst(readFilters({ period: '2024/25', breakdown: 'locality', locality: 'Millom' }), options);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.filters, { period: '202425', breakdown: 'locality', slice: { field: 'locality', breakdown: 'locality', value: 'Millom' } });
  assert.equal(filterQuery(r.filters, { format: 'csv' }), '?period=202425&breakdown=locality&locality=Millom&format=csv');
  assert.equal(filterQuery({ period: null, breakdown: '', slice: null }), '');
});

test('a cohort follows a group of the SEN provision breakdown', () => {
  const r = checkAgainst(readFilters({ cohort: 'E' }), options);
  assert.deepEqual(r.filters.slice, { field: 'cohort', breakdown: 'sen-provision', value: 'E' });
});

test('bad values give a message naming the field, and are dropped', () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ period: 'last year' }, 'period', /Enter the period as a year \(2024\), a school year \(2025\/26\)/],
    [{ period: '2019' }, 'period', /There are no figures for 2019\. Choose a period from 2024\/25 to 2025\/26/],
    [{ breakdown: 'shoe-size' }, 'breakdown', /Choose a breakdown from the list: “shoe-size” is not one of them/],
    [{ breakdown: 'fsm' }, 'breakdown', /This page has no figures by free school meals\. Choose from: Locality, SEN provision/],
    [{ locality: 'Atlantis' }, 'locality', /There are no figures for the locality “Atlantis”/],
    [{ school: '100001' }, 'school', /This page has no figures by school/],
    [{ locality: 'Carlisle', cohort: 'E' }, 'cohort', /Choose one group to follow: a locality, a school or a cohort, not locality and cohort together/],
    [{ period: ['2024', '2025'] }, 'period', /The period must be sent once, as text/],
    [{ locality: 'x'.repeat(121) }, 'locality', /120 characters or fewer/],
    [{ locality: 'Carl\u0000isle' }, 'locality', /hidden control characters/],
  ];
  for (const [query, field, message] of cases) {
    const r = checkAgainst(readFilters(query), options);
    assert.equal(r.errors.length, 1, JSON.stringify(query));
    assert.equal(r.errors[0]!.field, field);
    assert.match(r.errors[0]!.text, message);
    assert.equal(r.filters.slice, null);
  }
});
