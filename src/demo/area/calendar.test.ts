import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BANK_HOLIDAYS, CENSUS_DAYS, dayOf, halfTermOf, isoOf, isPupilDay, isWeekday, ncyOf, SCHOOL_YEARS, academicAge } from './calendar.js';
import { apportion, hashSeed, Random, stream, weightedSample } from './random.js';

test('each school year has 190 pupil days, all weekdays, none in a break or on a bank holiday', () => {
  const holidays = new Set(BANK_HOLIDAYS.map(dayOf));
  for (const year of SCHOOL_YEARS) {
    assert.equal(year.days.length, 190, year.label);
    for (const d of year.days) {
      assert.ok(isWeekday(d), isoOf(d));
      assert.ok(!holidays.has(d), isoOf(d));
      assert.ok(halfTermOf(d), `${isoOf(d)} is in a half-term`);
    }
    assert.equal(year.halfTerms.length, 6);
  }
  assert.ok(!isPupilDay(dayOf('2025-02-19')), 'February half-term');
  assert.ok(!isPupilDay(dayOf('2025-05-05')), 'Early May bank holiday');
  assert.ok(!isPupilDay(dayOf('2025-03-08')), 'a Saturday');
  assert.ok(isPupilDay(dayOf('2025-03-10')));
});

test('census days are pupil days, and year groups follow age on 31 August', () => {
  for (const d of CENSUS_DAYS) assert.ok(isPupilDay(d), isoOf(d));
  assert.equal(ncyOf(academicAge(dayOf('2019-09-01'), 2024)), 'R');
  assert.equal(ncyOf(academicAge(dayOf('2020-08-31'), 2024)), 'R');
  assert.equal(ncyOf(academicAge(dayOf('2019-08-31'), 2024)), '1');
  assert.equal(ncyOf(academicAge(dayOf('2021-03-01'), 2024)), 'N2');
  assert.equal(ncyOf(academicAge(dayOf('2006-06-01'), 2024)), '14');
});

test('the generator is a seeded stream: same seed and labels, same draws', () => {
  const a = stream(42, 'people');
  const b = stream(42, 'people');
  const c = stream(42, 'schools');
  const xs = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(xs, Array.from({ length: 5 }, () => b.next()));
  assert.notDeepEqual(xs, Array.from({ length: 5 }, () => c.next()));
  assert.notEqual(hashSeed(1, 'a'), hashSeed(2, 'a'));
  const r = new Random(1);
  for (let i = 0; i < 1000; i++) {
    const x = r.next();
    assert.ok(x >= 0 && x < 1);
  }
});

test('apportion splits exactly and weightedSample draws distinct items', () => {
  assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
  assert.equal(apportion(2721, [3, 42, 144, 161]).reduce((x, y) => x + y, 0), 2721);
  const chosen = weightedSample(new Random(3), 100, 30, (i) => (i < 50 ? 1 : 0));
  assert.equal(chosen.length, 30);
  assert.equal(new Set(chosen).size, 30);
  assert.ok(chosen.every((i) => i < 50));
});
