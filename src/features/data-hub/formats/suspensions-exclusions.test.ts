import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeUpn } from '../../../platform/identifiers/identifiers.js';
import { suspensionsExclusions } from './suspensions-exclusions.js';
import { checkCsv, reasonsFor } from './test-support.js';

const UPN = makeUpn('201001234567');

test('suspensions need a length in sessions; permanent exclusions must leave it blank; reasons are DfE codes', async () => {
  const checked = await checkCsv(
    suspensionsExclusions,
    'upn,urn,start_date,category,sessions,reason\n' +
      `${UPN},100001,2026-01-12,suspension,4,PD\n` +
      `${UPN},100001,2026-02-02,permanent,,pa\n` +
      `${UPN},100001,2026-02-03,suspension,,PD\n` +
      `${UPN},100001,2026-02-04,permanent,10,PD\n` +
      `${UPN},100001,2026-02-05,suspension,two,PD\n` +
      `${UPN},100001,2026-02-06,suspension,91,PD\n` +
      `${UPN},100001,2026-02-09,expulsion,2,ZZ\n`,
  );
  assert.deepEqual(
    checked.records.map((r) => [r.category, r.sessions, r.reason]),
    [
      ['suspension', 4, 'PD'],
      ['permanent', null, 'PA'],
    ],
  );
  assert.deepEqual(reasonsFor(checked, 4), ['sessions is missing: a suspension needs its length in sessions (half days)']);
  assert.deepEqual(reasonsFor(checked, 5), ['sessions 10 is given, but a permanent exclusion has no length: leave it blank']);
  assert.deepEqual(reasonsFor(checked, 6), ['sessions two is not a whole number']);
  assert.deepEqual(reasonsFor(checked, 7), ['sessions 91 is not between 1 and 90']);
  assert.deepEqual(reasonsFor(checked, 8), [
    'category expulsion is not a category: use suspension or permanent',
    'reason ZZ is not a DfE suspension and exclusion reason code: use PP, PA, VP, VA, BU, RA, DA, DM, TH, PD, MT, SM, AB, AD or OT',
  ]);
});
