import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planLocalOffer } from './local-offer.seed.js';
import { serviceTypeTermId } from '../features/local-offer/taxonomy.js';
import { localityOfPostcode } from '../features/local-offer/hsds.import.js';

test('the demo Local Offer: a few hundred services in every locality, the same every time', () => {
  const a = planLocalOffer({ today: '2026-11-24' });
  const b = planLocalOffer({ today: '2026-11-24' });
  assert.deepEqual(a, b);
  assert.ok(a.services.length >= 300 && a.services.length <= 500, `${a.services.length} services`);
  const localities = new Set(a.locations.map((l) => l.locality));
  assert.deepEqual([...localities].sort(), ['Allerdale', 'Carlisle', 'Copeland', 'Millom border area']);
  // Every address is in a real district of its locality, and the locality follows from it.
  for (const l of a.locations) {
    const address = a.addresses.find((x) => x.location_id === l.id)!;
    assert.equal(localityOfPostcode(address.postal_code), l.locality, address.postal_code);
  }
  // Some have not been checked for over a year (the review list needs them), most have.
  const stale = a.services.filter((s) => String(s.last_checked_on) < '2025-11-24').length;
  assert.ok(stale > 10 && stale < a.services.length / 4, `${stale} stale`);
  // The browser journey's service: speech and language, for a 6-year-old, in Carlisle.
  const speech = a.service_attributes.filter((x) => x.taxonomy_term_id === serviceTypeTermId('speech-language')).map((x) => x.service_id);
  const carlisle = a.services.filter((s) => speech.includes(s.id) && / Carlisle$/.test(s.name) && (s.minimum_age ?? 0) <= 6 && (s.maximum_age ?? 99) >= 6);
  assert.ok(carlisle.length >= 2, carlisle.map((s) => s.name).join(', '));
});

test('the benchmark\'s 10,000 services have distinct ids and names', () => {
  const big = planLocalOffer({ today: '2026-11-24', count: 10_000 });
  assert.equal(big.services.length, 10_000);
  assert.equal(new Set(big.services.map((s) => s.id)).size, 10_000);
  assert.equal(new Set(big.services.map((s) => s.name)).size, 10_000);
});
