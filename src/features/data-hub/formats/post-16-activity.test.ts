import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeUpn } from '../../../platform/identifiers/identifiers.js';
import { post16Activity } from './post-16-activity.js';
import { checkCsv, reasonsFor } from './test-support.js';

const UPN = makeUpn('201001234567');

test('post-16 activity: a ULN or a UPN, a month, an activity', async () => {
  const checked = await checkCsv(
    post16Activity,
    'uln,upn,month,activity\n' +
      `1234567890,${UPN},2026-03,education\n` +
      ',,03/2026,NEET\n' +
      `12345,,March,working\n` +
      `,${UPN},2026-03,neet\n`,
  );
  assert.deepEqual(
    checked.records.map((r) => [r.uln, r.upn, r.month, r.activity]),
    [
      ['1234567890', UPN, '2026-03', 'education'],
      [null, UPN, '2026-03', 'neet'],
    ],
  );
  assert.deepEqual(reasonsFor(checked, 3), ['the row has neither a ULN nor a UPN, so it cannot be linked to a young person']);
  assert.deepEqual(reasonsFor(checked, 4), [
    'ULN 12345 is not a ULN: a Unique Learner Number is 10 digits',
    'month March is not a month: write months as 2026-03',
    'activity working is not a post-16 activity: use education, apprenticeship, employment, training, neet or unknown',
  ]);
});
