import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DISTRICTS, distanceKm, locatePostcode } from './postcode-districts.js';

test('a full postcode or its district is found, in any case and spacing', () => {
  const full = locatePostcode(' ca2 5ab ');
  assert.ok(full.ok);
  assert.equal(full.postcode, 'CA2 5AB');
  assert.equal(full.district, 'CA2');
  assert.equal(full.place.town, 'Carlisle');
  const district = locatePostcode('la18');
  assert.ok(district.ok);
  assert.equal(district.postcode, 'LA18');
  assert.equal(district.place.town, 'Millom');
});

test('something that is not a postcode, and a district we do not know, get clear messages', () => {
  for (const bad of ['ZZ', '', '12345', 'CA2 5A', 'not a postcode']) {
    const r = locatePostcode(bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.match(r.message, /Enter a real postcode, like CA2 5AB/);
  }
  const unknown = locatePostcode('CA99 1AA');
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.match(unknown.message, /We do not know where CA99 is/);
  const far = locatePostcode('SW1A 1AA');
  assert.equal(far.ok, false);
});

test('distances: Carlisle to Penrith is about 30 km, Whitehaven to Millom about 40 km', () => {
  const carlisle = DISTRICTS.CA1!;
  const penrith = DISTRICTS.CA11!;
  assert.ok(Math.abs(distanceKm(carlisle, penrith) - 29) < 4);
  assert.ok(Math.abs(distanceKm(DISTRICTS.CA28!, DISTRICTS.LA18!) - 40) < 5);
  assert.equal(distanceKm(carlisle, carlisle), 0);
});

test('every district sits in or near Cumbria', () => {
  for (const [code, p] of Object.entries(DISTRICTS)) {
    assert.ok(p.lat > 54 && p.lat < 55.1, code);
    assert.ok(p.lon > -3.7 && p.lon < -2.3, code);
  }
});
