import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeUpn } from '../../../platform/identifiers/identifiers.js';
import { socialCare } from './social-care.js';
import { checkCsv, reasonsFor } from './test-support.js';

const UPN = makeUpn('201001234567');

test('social care episodes: statuses, end not before start, something to link by', async () => {
  const checked = await checkCsv(
    socialCare,
    'la_child_id,upn,nhs_number,forename,surname,date_of_birth,status,start_date,end_date\n' +
      `C1,${UPN},,,,,CP,2025-01-10,2025-09-01\n` +
      'C2,,,Bo,Beck,2016-04-04,cla,2024-05-01,\n' +
      'C3,,,,,,CIN,2025-01-10,\n' +
      `C4,${UPN},,,,,PLAN,2025-01-10,2024-12-31\n`,
  );
  assert.deepEqual(
    checked.records.map((r) => [r.laChildId, r.status, r.startDate, r.endDate]),
    [
      ['C1', 'CP', '2025-01-10', '2025-09-01'],
      ['C2', 'CLA', '2024-05-01', null],
    ],
  );
  assert.deepEqual(reasonsFor(checked, 4), [
    'the episode cannot be linked to a child: give a UPN, an NHS number, or forename, surname and date of birth',
  ]);
  assert.deepEqual(reasonsFor(checked, 5), [
    'status PLAN is not a social care status: use CIN, CP, CLA, CME or EHE',
    'end date 2024-12-31 is before start date 2025-01-10',
  ]);
});
