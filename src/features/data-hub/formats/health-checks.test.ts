import { test } from 'node:test';
import assert from 'node:assert/strict';
import { healthChecks } from './health-checks.js';
import { checkCsv, reasonsFor } from './test-support.js';

const HEADER = 'nhs_number,forename,surname,date_of_birth,postcode,check,due_date,completed_date,outcome,domains\n';

test('health checks: check types, outcomes and ;-separated domains', async () => {
  const checked = await checkCsv(
    healthChecks,
    HEADER +
      '9434765919,,,2023-01-10,,2-2.5-year,2025-07-10,2025-07-20,concern,communication; personal-social\n' +
      '9434765919,,,2023-01-10,,1-year,2024-01-10,,not-seen,\n' +
      '9434765919,,,2023-01-10,,6-week,2023-02-20,2023-02-25,fine,communication;speech;communication\n' +
      '9434765919,,,2023-01-10,,new-birth,2023-01-20,,concern,\n' +
      '9434765919,,,2023-01-10,,school-entry,2027-09-01,2022-12-01,not-seen,\n',
  );
  assert.deepEqual(checked.records[0], {
    line: 2, nhsNumber: '9434765919', forename: null, surname: null, dateOfBirth: '2023-01-10', postcode: null,
    check: '2-2.5-year', dueDate: '2025-07-10', completedDate: '2025-07-20', outcome: 'concern', domains: ['communication', 'personal-social'],
  });
  assert.equal(checked.records[1]!.outcome, 'not-seen');
  assert.deepEqual(reasonsFor(checked, 4), [
    'check 6-week is not a health check: use antenatal, new-birth, 6-8-week, 1-year, 2-2.5-year, school-entry, year-6, year-9 or 16-19',
    'outcome fine is not a health check outcome: use no-concern, concern, referred, declined or not-seen',
    'domain speech is not a health check domain: use communication, gross-motor, fine-motor, problem-solving, personal-social, emotional-health, hearing, vision, weight, separated by ;',
    'domain communication is listed twice',
  ]);
  assert.deepEqual(reasonsFor(checked, 5), ['completed date is missing: it is required when the outcome is concern']);
  assert.deepEqual(reasonsFor(checked, 6), [
    'completed date 2022-12-01 is before date of birth 2023-01-10',
    'completed date 2022-12-01 is given, but the outcome is not-seen',
  ]);
});
