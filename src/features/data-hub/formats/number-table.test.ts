import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NumberTable } from './number-table.js';

test('a NumberTable answers as a Map would, through growth, for keys up to 2^53', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.oneof(fc.nat(1000), fc.maxSafeNat()), fc.nat(1_000_000)), { maxLength: 3000 }),
      fc.array(fc.maxSafeNat(), { maxLength: 50 }),
      (entries, probes) => {
        const table = new NumberTable(4);
        const map = new Map<number, number>();
        for (const [k, v] of entries) {
          table.set(k, v);
          map.set(k, v);
        }
        assert.equal(table.size, map.size);
        for (const [k] of entries) assert.equal(table.get(k), map.get(k));
        for (const k of probes) assert.equal(table.get(k), map.get(k) ?? -1);
      },
    ),
    { numRuns: 100 },
  );
});
