import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../ehc/clock/index.js';
import { nationalCurriculumYear, ncyLabel, preparingForAdulthood, schoolYearStart } from './ncy.js';

describe('national curriculum year', () => {
  test('worked cases: the September cohort boundary', () => {
    const cases: [dob: string, on: string, ncy: number][] = [
      // Born 1 Sep 2011 to 31 Aug 2012: Reception from September 2016, Year 9 from September 2024.
      ['2011-09-01', '2016-09-01', 0],
      ['2012-08-31', '2016-09-01', 0],
      ['2012-08-31', '2016-08-31', -1],
      ['2012-09-01', '2016-09-01', -1], // a day younger: the next cohort
      ['2011-09-01', '2024-09-01', 8],
      ['2011-09-01', '2025-09-01', 9],
      ['2012-08-31', '2025-09-01', 9],
      ['2012-08-31', '2025-08-31', 8], // last day of Year 8
      ['2012-02-29', '2026-11-24', 10], // a leap-day birthday: Year 10 in the 2026/27 school year
      ['2016-04-01', '2026-11-24', 6],
      ['2008-12-25', '2026-11-24', 13],
      ['2005-06-30', '2026-11-24', 17],
      ['2024-01-15', '2026-11-24', -2],
    ];
    for (const [dob, on, ncy] of cases) assert.equal(nationalCurriculumYear(dob, on), ncy, `${dob} on ${on}`);
  });

  test('the school year starts in September', () => {
    assert.equal(schoolYearStart('2026-08-31'), 2025);
    assert.equal(schoolYearStart('2026-09-01'), 2026);
    assert.equal(schoolYearStart('2027-01-01'), 2026);
  });

  test('preparing for adulthood from Year 9, not before', () => {
    assert.equal(preparingForAdulthood('2012-08-31', '2025-08-31'), false);
    assert.equal(preparingForAdulthood('2012-08-31', '2025-09-01'), true);
    assert.equal(preparingForAdulthood('2016-04-01', '2026-11-24'), false);
  });

  test('labels', () => {
    assert.deepEqual([-1, 0, 1, 9, 13, 14].map(ncyLabel), ['Early years', 'Reception', 'Year 1', 'Year 9', 'Year 13', 'Post-19']);
  });

  test('property: a year later is one year group up; the year changes only on 1 September', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('1990-01-01', n));
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 8_000 }), (dob, age) => {
      const on = addDays(dob, age);
      const next = addDays(on, 1);
      const step = nationalCurriculumYear(dob, next) - nationalCurriculumYear(dob, on);
      assert.equal(step, next.endsWith('-09-01') ? 1 : 0);
      const sameDayNextYear = `${Number(on.slice(0, 4)) + 1}${on.slice(4)}`;
      if (!on.endsWith('-02-29')) assert.equal(nationalCurriculumYear(dob, sameDayNextYear), nationalCurriculumYear(dob, on) + 1);
    }), { numRuns: 500 });
  });
});
