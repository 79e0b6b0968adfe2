import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeNhsNumber, makeUpn, nhsNumberProblem, normalisePostcode, upnProblem } from './identifiers.js';

test('UPNs: a worked example, a wrong check letter, temporary UPNs and bad shapes', () => {
  // 201001234567: weights 2..13 → 2*2+0*3+1*4+0*5+0*6+1*7+2*8+3*9+4*10+5*11+6*12+7*13 = 316; 316 mod 23 = 17 → the 18th of ABCDEFGHJKLMNPQRTUVWXYZ, 'U'
  assert.equal(makeUpn('201001234567'), 'U201001234567');
  assert.equal(upnProblem('U201001234567'), undefined);
  assert.match(upnProblem('A201001234567')!, /wrong check letter \(the digits imply U\)/);
  assert.match(upnProblem('T2010012345')!, /13 characters/);
  assert.match(upnProblem('t201001234567')!, /13 characters/);
  const temporary = makeUpn('20100123456A');
  assert.equal(upnProblem(temporary), undefined);
  assert.match(upnProblem(`${temporary.slice(0, 12)}I`)!, /never use/);
});

test('every made UPN is valid, and changing any digit breaks it', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 1, max: 12 }), (digits, pos) => {
      const upn = makeUpn(digits);
      assert.equal(upnProblem(upn), undefined);
      const changed = upn.slice(0, pos) + String((Number(upn[pos]) + 1) % 10) + upn.slice(pos + 1);
      assert.notEqual(upnProblem(changed), undefined);
    }),
  );
});

test('NHS numbers: modulus 11', () => {
  assert.equal(nhsNumberProblem('943 476 5919'), undefined); // NHS Digital's published example
  assert.match(nhsNumberProblem('9434765918')!, /check digit/);
  assert.match(nhsNumberProblem('94347659')!, /10 digits/);
  fc.assert(
    fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
      const n = makeNhsNumber(nine);
      if (n) assert.equal(nhsNumberProblem(n), undefined);
    }),
  );
});

test('postcodes are normalised or refused', () => {
  assert.equal(normalisePostcode('ca28 7qs'), 'CA28 7QS');
  assert.equal(normalisePostcode('LA184AB'), 'LA18 4AB');
  assert.equal(normalisePostcode('not a postcode'), undefined);
});
