import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schools } from './schools.js';
import { checkCsv, reasonsFor } from './test-support.js';

test('schools: URN, name, type and phase required; postcode normalised', async () => {
  const checked = await checkCsv(
    schools,
    'urn,name,type,phase,postcode,locality\n' +
      '100001,Fell Primary,mainstream,primary,ca28 6ab,Allerdale\n' +
      '100002,Beck School,Special,All-through,,\n' +
      '1000003,,academy,middle,XX,Copeland\n',
  );
  assert.deepEqual(checked.records[0], {
    line: 2, urn: '100001', name: 'Fell Primary', type: 'mainstream', phase: 'primary', postcode: 'CA28 6AB', locality: 'Allerdale',
  });
  assert.deepEqual([checked.records[1]!.type, checked.records[1]!.phase, checked.records[1]!.postcode], ['special', 'all-through', null]);
  assert.deepEqual(reasonsFor(checked, 4), [
    'URN 1000003 is not a URN: a school URN is 6 digits',
    'name is missing, and every row needs one',
    'type academy is not a school type: use mainstream, special, ap, independent-special, early-years or post-16',
    'phase middle is not a phase: use nursery, primary, secondary, all-through or post-16',
    'postcode XX is not a UK postcode',
  ]);
});
