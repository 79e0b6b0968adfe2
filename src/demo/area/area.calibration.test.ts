/**
 * The model matches the strategy's "current position" (exactly at scale 1, as proportions at a
 * small scale), and every identifier it makes is valid and unique.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nhsNumberProblem, upnProblem } from '../../platform/identifiers/identifiers.js';
import { buildArea } from './area.js';
import { TARGETS } from './calibration.js';
import { nhsFromStem, ulnCheckDigit, ulnFromStem, upnFromNumber } from './identity.js';
import { summariseArea } from './summary.js';

const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(4)} is not within ${tolerance} of ${expected}`);

test('scale 1 is Cumberland: population, schools, plans, support and social care on target', () => {
  const s = summariseArea(buildArea({ scale: 1, seed: 20240831 }));
  assert.equal(s.population0to25, TARGETS.population0to25);
  assert.equal(s.schoolAge, TARGETS.schoolAge);
  assert.equal(s.schools.total, TARGETS.schools);
  assert.equal(s.schools.special, TARGETS.specialSchools);
  assert.ok(s.schools.ap >= 1);
  assert.equal(s.ehcPlans, TARGETS.ehcPlans);
  near(s.ehcPlanRateOfSchoolAge, TARGETS.ehcPlanRateOfSchoolAge, 0.001, 'plans / school-age children');
  near(s.senSupportRateOfPupils, TARGETS.senSupportRateOfPupils, 0.001, 'SEN Support / pupils on roll');
  near(s.provision.K, TARGETS.senSupport, 60, 'pupils on SEN Support');
  near(s.pupilsOnRoll, 38_404, 400, 'pupils on roll (5,223 / 13.6%)');
  near(s.mainstreamShareOfPlans, TARGETS.mainstreamShareOfPlans, 0.001, 'plans in mainstream');
  near(s.asdShareOfPlans, TARGETS.asdShareOfPlans, 0.001, 'plans for autism');
  assert.deepEqual([s.knownToSocialCare.E, s.knownToSocialCare.K], [TARGETS.ehcpKnownToSocialCare, TARGETS.senSupportKnownToSocialCare]);
  assert.deepEqual(Object.keys(s.byLocality).sort(), ['Allerdale', 'Carlisle', 'Copeland', 'Millom']);
  assert.equal(s.collisions, 5);
});

test('a small area keeps the proportions', () => {
  for (const seed of [1, 2]) {
    const s = summariseArea(buildArea({ scale: 0.1, seed }));
    near(s.senSupportRateOfPupils, 0.136, 0.003, 'SEN Support rate');
    near(s.ehcPlanRateOfSchoolAge, 0.065, 0.002, 'plan rate');
    near(s.mainstreamShareOfPlans, 0.586, 0.01, 'mainstream share');
    near(s.asdShareOfPlans, 0.3596, 0.01, 'autism share');
    near(s.knownToSocialCare.E, 34, 1, 'plans known to social care');
    near(s.knownToSocialCare.K, 25, 1, 'support known to social care');
    // The SEN Support need mix stays near the national one (SLCN 25%, SEMH 20%, MLD 19%, SpLD 14%).
    const support = s.provision.K;
    near((s.supportByNeed.SLCN ?? 0) / support, 0.25, 0.07, 'SLCN share of support');
    near((s.supportByNeed.SEMH ?? 0) / support, 0.22, 0.07, 'SEMH share of support');
    // Plans grow a little through the two years, as new plans outnumber those ceasing at school.
    assert.ok(s.censuses[5]!.ehcPlan > s.censuses[0]!.ehcPlan);
    for (const c of s.censuses) near(c.senSupport / c.pupils, 0.138, 0.012, `support at ${c.date}`);
  }
});

test('every UPN, NHS number and ULN is valid and unique', () => {
  const area = buildArea({ scale: 0.2, seed: 9 });
  const { people } = area;
  const upns = new Set<string>();
  const nhs = new Set<string>();
  for (let p = 0; p < people.n; p++) {
    if (people.upnNumber[p]! >= 0) {
      const upn = upnFromNumber(people.upnNumber[p]!);
      assert.equal(upnProblem(upn), undefined, upn);
      upns.add(upn);
    }
    const n = nhsFromStem(people.nhsStem[p]!);
    assert.equal(nhsNumberProblem(n), undefined, n);
    assert.ok(n.startsWith('999'), 'NHS numbers come from the test range');
    nhs.add(n);
    if (people.ulnStem[p]! >= 0) {
      const uln = ulnFromStem(people.ulnStem[p]!);
      assert.match(uln, /^[1-9]\d{9}$/);
      assert.equal(String(ulnCheckDigit(uln.slice(0, 9))), uln[9]);
    }
  }
  assert.equal(nhs.size, people.n);
  assert.equal(upns.size, people.upnNumber.filter((u) => u >= 0).length);
});

test('the options are checked', () => {
  assert.throws(() => buildArea({ scale: 0, seed: 1 }), RangeError);
  assert.throws(() => buildArea({ scale: 1, seed: 1.5 }), RangeError);
});
