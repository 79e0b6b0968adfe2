import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeUpn } from '../../../platform/identifiers/identifiers.js';
import { schoolCensus } from './school-census.js';
import { checkCsv, reasonsFor } from './test-support.js';

const HEADER =
  'census_date,urn,upn,forename,surname,date_of_birth,gender,postcode,ncy,sen_provision,primary_need,secondary_need,fsm_eligible\n';
const UPN = makeUpn('201001234567');
const row = (over: Partial<Record<string, string>> = {}) => {
  const v = {
    census_date: '2026-01-15', urn: '100001', upn: UPN, forename: 'Ada', surname: 'Fell', date_of_birth: '2015-05-01',
    gender: 'F', postcode: 'ca28 6ab', ncy: '5', sen_provision: 'K', primary_need: 'SEMH', secondary_need: '', fsm_eligible: 'true',
    ...over,
  };
  return Object.values(v).join(',');
};
const check = (...rows: string[]) => checkCsv(schoolCensus, HEADER + rows.join('\n') + '\n');

test('a census row becomes a typed record; empty optional values are unknown (null)', async () => {
  const checked = await check(row(), row({ upn: makeUpn('201001234568'), sen_provision: 'n', primary_need: '', fsm_eligible: '', gender: '', postcode: '' }));
  assert.deepEqual(checked.rejections, []);
  assert.deepEqual(checked.records[0], {
    line: 2, censusDate: '2026-01-15', urn: '100001', upn: UPN, forename: 'Ada', surname: 'Fell', dateOfBirth: '2015-05-01',
    gender: 'F', postcode: 'CA28 6AB', ncy: '5', senProvision: 'K', primaryNeed: 'SEMH', secondaryNeed: null, fsmEligible: true,
  });
  assert.deepEqual(
    [checked.records[1]!.senProvision, checked.records[1]!.fsmEligible, checked.records[1]!.gender],
    ['N', null, null],
  );
});

test('national curriculum years N1, N2, R and 1 to 14 only', async () => {
  const ok = await check(...['N1', 'N2', 'r', '1', '14'].map((ncy, i) => row({ ncy, upn: makeUpn(`20100123456${i}`) })));
  assert.deepEqual(ok.rejections, []);
  const bad = await check(row({ ncy: '15' }), row({ ncy: 'Y7', upn: makeUpn('201001234568') }));
  assert.deepEqual(reasonsFor(bad, 2), ['national curriculum year 15 is not a national curriculum year']);
  assert.equal(bad.rejections.length, 2);
});

test('needs are required for E and K; NSA only with K, never as a secondary need; none with N', async () => {
  const checked = await check(
    row({ sen_provision: 'E', primary_need: '' }),
    row({ sen_provision: 'E', primary_need: 'NSA' }),
    row({ sen_provision: 'K', primary_need: 'NSA' }),
    row({ sen_provision: 'N', primary_need: 'ASD' }),
    row({ sen_provision: 'K', primary_need: 'ASD', secondary_need: 'NSA' }),
    row({ sen_provision: 'K', primary_need: 'ASD', secondary_need: 'ASD' }),
    row({ sen_provision: 'K', primary_need: 'XYZ' }),
    row({ sen_provision: 'X' }),
  );
  assert.deepEqual(reasonsFor(checked, 2), ['primary need is missing: it is required when SEN provision is E']);
  assert.deepEqual(reasonsFor(checked, 3), [
    'primary need NSA (no specialist assessment) is only for pupils on SEN support (K), not with an EHC plan (E)',
  ]);
  assert.deepEqual(reasonsFor(checked, 4), []);
  assert.deepEqual(reasonsFor(checked, 5), ['primary need ASD is given, but SEN provision is N (no special educational need)']);
  assert.deepEqual(reasonsFor(checked, 6), ['secondary need NSA (no specialist assessment) can only be a primary need']);
  assert.deepEqual(reasonsFor(checked, 7), ['secondary need ASD is the same as the primary need']);
  assert.deepEqual(reasonsFor(checked, 8), ['primary need XYZ is not a SEN type of need: use SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH or NSA']);
  assert.deepEqual(reasonsFor(checked, 9), ['SEN provision X is not a SEN provision code: use E, K or N']);
});

test('wrong types and impossible dates: fsm_eligible, gender, postcode, date of birth', async () => {
  const checked = await check(
    row({ fsm_eligible: 'yes', gender: 'male', postcode: 'NOT A POSTCODE', date_of_birth: '2015-02-29' }),
    row({ date_of_birth: '2027-01-01' }),
  );
  assert.deepEqual(reasonsFor(checked, 2).sort(), [
    'date of birth 2015-02-29 is not a real date: February 2015 has 28 days',
    'fsm_eligible yes is not true or false',
    'gender male is not a gender code: use M or F',
    'postcode NOT A POSTCODE is not a UK postcode',
  ]);
  assert.deepEqual(reasonsFor(checked, 3), ['date of birth 2027-01-01 is after the census date 2026-01-15']);
});

test('a pupil twice in one census of one school is a duplicate', async () => {
  const checked = await check(row(), row({ ncy: '6' }));
  assert.deepEqual(reasonsFor(checked, 3), [
    'this row is for the same census date, school and pupil as line 2, with different values: keep the right one',
  ]);
});
