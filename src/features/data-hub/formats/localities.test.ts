import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalityTable, localities, normalisePostcodePrefix } from './localities.js';
import { checkCsv, reasonsFor } from './test-support.js';

test('localities: prefixes normalised; bad prefixes and ICB codes rejected', async () => {
  const checked = await checkCsv(
    localities,
    'postcode_prefix,locality,icb_code\nca28,Allerdale,QE1\nLA18,Millom,QHM\nCA 1,Carlisle,QE1\nCA28 6,Allerdale West,qe1\n12AB,Nowhere,QE1\nCA3,Carlisle,Q-E\n',
  );
  assert.deepEqual(
    checked.records.map((r) => [r.postcodePrefix, r.locality, r.icbCode]),
    [
      ['CA28', 'Allerdale', 'QE1'],
      ['LA18', 'Millom', 'QHM'],
      ['CA28 6', 'Allerdale West', 'QE1'],
    ],
  );
  assert.deepEqual(reasonsFor(checked, 4), ['postcode prefix CA 1 is not a postcode area, district or sector (like CA, CA28 or CA28 6)']);
  assert.deepEqual(reasonsFor(checked, 6), ['postcode prefix 12AB is not a postcode area, district or sector (like CA, CA28 or CA28 6)']);
  assert.deepEqual(reasonsFor(checked, 7), ['ICB code Q-E is not an ICB code (like QE1 or E54000050)']);
});

test('the longest matching prefix wins, matching whole parts of the postcode', () => {
  const at = (prefix: string, locality: string) => ({ line: 0, postcodePrefix: normalisePostcodePrefix(prefix)!, locality, icbCode: 'QE1' });
  const table = new LocalityTable([at('CA', 'Cumbria'), at('CA2', 'Carlisle'), at('CA28', 'Allerdale'), at('CA28 6', 'Allerdale West'), at('LA18', 'Millom')]);
  assert.equal(table.find('CA28 6AB')?.locality, 'Allerdale West');
  assert.equal(table.find('ca287xy')?.locality, 'Allerdale');
  assert.equal(table.find('CA2 8AB')?.locality, 'Carlisle'); // CA2, not CA28
  assert.equal(table.find('CA10 1AA')?.locality, 'Cumbria');
  assert.equal(table.find('LA18 4AA')?.locality, 'Millom');
  assert.equal(table.find('LA1 1AA'), undefined);
  assert.equal(table.find('not a postcode'), undefined);
});
