import { test } from 'node:test';
import assert from 'node:assert/strict';
import { camhsReferrals } from './camhs-referrals.js';
import { checkCsv, reasonsFor } from './test-support.js';

const HEADER =
  'extract_date,referral_id,nhs_number,forename,surname,date_of_birth,postcode,provider_code,icb_code,referral_date,first_contact_date,treatment_start_date,discharge_date,referral_outcome\n';

test('a referral: dates in order and not after the extract; NHS numbers checked (modulus 11)', async () => {
  const checked = await checkCsv(
    camhsReferrals,
    HEADER +
      '2026-03-31,R1,943 476 5919,Ada,Fell,2014-06-01,CA28 6AB,rnn,QE1,2025-06-01,2025-07-01,,,accepted\n' +
      '2026-03-31,R2,9434765918,,,,,RNN,,2025-06-01,,,,accepted\n' +
      '2026-03-31,R3,,,,,,RNN,,2025-06-01,2025-05-01,2025-04-01,2026-04-02,declined\n' +
      '2026-03-31,R4,,Ada,Fell,,,RNN,,2025-06-01,,,,\n' +
      '2026-03-31,R5,9434765919,,,,,RNN,,2025-06-01,,2025-07-01,2025-06-15,accepted\n',
  );
  assert.deepEqual(checked.records[0], {
    line: 2, extractDate: '2026-03-31', referralId: 'R1', nhsNumber: '9434765919', forename: 'Ada', surname: 'Fell',
    dateOfBirth: '2014-06-01', postcode: 'CA28 6AB', providerCode: 'RNN', icbCode: 'QE1', referralDate: '2025-06-01',
    firstContactDate: '2025-07-01', treatmentStartDate: null, dischargeDate: null, referralOutcome: 'accepted',
  });
  assert.deepEqual(reasonsFor(checked, 3), ['NHS number 9434765918 is not a valid NHS number (it fails the check digit)']);
  assert.deepEqual(reasonsFor(checked, 4), [
    'the referral cannot be linked to a child: give an NHS number, or forename, surname and date of birth',
    'first contact date 2025-05-01 is before referral date 2025-06-01',
    'treatment start date 2025-04-01 is before referral date 2025-06-01',
    'treatment start date 2025-04-01 is before first contact date 2025-05-01',
    'discharge date 2026-04-02 is after the extract date 2026-03-31',
    'treatment start date 2025-04-01 is given, but the referral was declined',
  ]);
  assert.deepEqual(reasonsFor(checked, 5), [
    'the referral cannot be linked to a child: give an NHS number, or forename, surname and date of birth',
  ]);
  assert.deepEqual(reasonsFor(checked, 6), ['discharge date 2025-06-15 is before treatment start date 2025-07-01']);
});
