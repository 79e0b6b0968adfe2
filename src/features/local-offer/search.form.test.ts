import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isEmptySearch, readSearch, searchQuery } from './search.form.js';
import { agesText, checkedAgoText, milesText, needsReview } from './local-offer.words.js';

test('a full search is read into filters, with the postcode placed and the distance in km', () => {
  const f = readSearch({ q: ' speech ', need: 'SLCN', age: '6', locality: 'Carlisle', postcode: 'ca2 5ab', distance: '5', page: '2' });
  assert.deepEqual(f.errors, []);
  assert.equal(f.search!.text, 'speech');
  assert.equal(f.search!.need, 'SLCN');
  assert.equal(f.search!.age, 6);
  assert.equal(f.search!.locality, 'Carlisle');
  assert.equal(f.search!.page, 2);
  assert.equal(f.search!.near!.postcode, 'CA2 5AB');
  assert.equal(f.search!.near!.miles, 5);
  assert.ok(Math.abs(f.search!.near!.radiusKm - 8.05) < 0.01);
});

test('an empty search is no filter at all, on page 1', () => {
  const f = readSearch({});
  assert.deepEqual(f.errors, []);
  assert.deepEqual(f.search, { page: 1 });
  assert.ok(isEmptySearch(f.values));
});

test('bad input names the box to fix', () => {
  const f = readSearch({ age: 'abc', postcode: 'ZZ', need: 'nope', locality: 'Leeds', distance: '3' });
  assert.equal(f.search, undefined);
  const byField = Object.fromEntries(f.errors.map((e) => [e.field, e.text]));
  assert.equal(byField.age, 'Age must be a number of years, like 6');
  assert.match(byField.postcode!, /Enter a real postcode/);
  assert.equal(byField.need, 'Choose a need from the list');
  assert.equal(byField.locality, 'Choose an area from the list');
  assert.equal(byField.distance, 'Choose a distance from the list');
  assert.match(readSearch({ age: '40' }).errors[0]!.text, /25 or under/);
  assert.match(readSearch({ postcode: 'CA99 1AA' }).errors[0]!.text, /We do not know where CA99 is/);
  assert.match(readSearch({ age: ['1', '2'] }).errors[0]!.text, /one value for each box/);
  assert.match(readSearch({ q: 'x'.repeat(201) }).errors[0]!.text, /200 characters or fewer/);
});

test('a page number out of range goes back to a sensible page, never an error', () => {
  assert.equal(readSearch({ page: '-3' }).search!.page, 1);
  assert.equal(readSearch({ page: 'abc' }).search!.page, 1);
  assert.equal(readSearch({ page: '99999' }).search!.page, 1);
  assert.equal(readSearch({ page: '9999' }).search!.page, 500);
});

test('any query string is read without throwing, and filters survive a round trip to the URL', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom('q', 'need', 'type', 'age', 'locality', 'postcode', 'distance', 'page', 'x'), fc.oneof(fc.string(), fc.array(fc.string()))), (q) => {
      const f = readSearch(q);
      assert.ok(f.search || f.errors.length > 0);
      if (f.search) {
        const again = readSearch(Object.fromEntries(new URLSearchParams(searchQuery(f.values, f.search.page))));
        assert.deepEqual(again.search, f.search);
      }
    }),
  );
});

test('words: ages, miles, last checked and the 12-month flag', () => {
  assert.equal(agesText(4, 11), 'Ages 4 to 11');
  assert.equal(agesText(16, null), 'Ages 16 and over');
  assert.equal(agesText(0, 5), 'Up to 5 years old');
  assert.equal(agesText(null, null), 'All ages');
  assert.equal(milesText(1.2), '0.7 miles away');
  assert.equal(milesText(16.1), 'About 10 miles away');
  assert.equal(milesText(undefined), undefined);
  assert.equal(needsReview('2025-11-24', '2026-11-24'), false);
  assert.equal(needsReview('2025-11-23', '2026-11-24'), true);
  assert.equal(needsReview(null, '2026-11-24'), true);
  assert.equal(needsReview('2023-02-28', '2024-02-29'), false);
  assert.equal(checkedAgoText('2026-08-20', '2026-11-24'), '3 months ago');
  assert.equal(checkedAgoText('2024-10-01', '2026-11-24'), 'Over 2 years ago');
});

test('event times in UK time, in the GOV.UK style', async () => {
  const { whenText } = await import('./local-offer.words.js');
  assert.equal(whenText(new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T12:00:00Z')), 'Tuesday 1 December 2026, 10am to midday');
  assert.equal(whenText(new Date('2026-07-01T12:30:00Z'), new Date('2026-07-01T14:00:00Z')), 'Wednesday 1 July 2026, 1:30pm to 3pm');
  assert.equal(whenText(new Date('2026-12-01T10:00:00Z'), new Date('2026-12-02T15:00:00Z')), 'Tuesday 1 December 2026, 10am to Wednesday 2 December 2026, 3pm');
});

test('pagination: first, last, neighbours and ellipses; the count in words', async () => {
  const { pagination, showingText } = await import('./pagination.js');
  assert.equal(pagination(1, 20, 20, (p) => `?page=${p}`), undefined);
  const mid = pagination(5, 200, 20, (p) => `?page=${p}`)!;
  assert.deepEqual(mid.items.map((i) => ('number' in i ? i.number : '…')), [1, '…', 4, 5, 6, '…', 10]);
  assert.equal(mid.previous!.href, '?page=4');
  assert.equal(mid.next!.href, '?page=6');
  const last = pagination(10, 200, 20, (p) => `?page=${p}`)!;
  assert.equal(last.next, undefined);
  assert.equal(showingText(2, 20, 45, ['service', 'services']), 'Showing 21 to 40 of 45 services');
  assert.equal(showingText(1, 20, 1, ['service', 'services']), '1 service');
  assert.equal(showingText(1, 20, 0, ['service', 'services']), 'No services');
});
