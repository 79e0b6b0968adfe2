import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeUpn } from '../../../platform/identifiers/identifiers.js';
import { apPlacements } from './ap-placements.js';
import { checkCsv, reasonsFor } from './test-support.js';

const UPN = makeUpn('201001234567');
const HEADER = 'upn,ap_urn,commissioner,commissioner_urn,start_date,planned_end_date,end_date,sessions_per_week,reason,outcome\n';

test('AP placements: a school commissioner needs its URN; an outcome needs an end date', async () => {
  const checked = await checkCsv(
    apPlacements,
    HEADER +
      `${UPN},140001,school,100001,2025-09-08,2025-12-19,2025-12-19,6,behaviour-support,reintegrated\n` +
      `${UPN},140001,la,,2026-01-05,,,10,medical,\n` +
      `${UPN},140001,school,,2026-02-02,2026-01-01,,11,holiday,reintegrated\n`,
  );
  assert.deepEqual(checked.records[0], {
    line: 2, upn: UPN, apUrn: '140001', commissioner: 'school', commissionerUrn: '100001', startDate: '2025-09-08',
    plannedEndDate: '2025-12-19', endDate: '2025-12-19', sessionsPerWeek: 6, reason: 'behaviour-support', outcome: 'reintegrated',
  });
  assert.equal(checked.records[1]!.endDate, null);
  assert.deepEqual(reasonsFor(checked, 4), [
    'commissioner URN is missing: it is required when a school commissions the placement',
    'planned end date 2026-01-01 is before start date 2026-02-02',
    'sessions per week 11 is not between 1 and 10',
    'reason holiday is not a placement reason: use suspension, medical, behaviour-support, awaiting-place, sen or other',
    'outcome reintegrated is given, but the placement has no end date',
  ]);
});
