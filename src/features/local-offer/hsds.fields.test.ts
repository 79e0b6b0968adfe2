import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkValue } from './hsds.fields.js';

test('HSDS values: good ones normalised, bad ones explained', () => {
  assert.deepEqual(checkValue('time', '10:00:00'), { ok: true, value: '10:00' });
  assert.deepEqual(checkValue('time', '9:05'), { ok: true, value: '09:05' });
  assert.deepEqual(checkValue('uuid', 'AC148810-D857-441C-9679-408F346DE14B'), { ok: true, value: 'ac148810-d857-441c-9679-408f346de14b' });
  assert.deepEqual(checkValue('number', '35'), { ok: true, value: 35 });
  assert.deepEqual(checkValue('date', '2005-01-01'), { ok: true, value: '2005-01-01' });
  assert.deepEqual(checkValue(['active', 'inactive'], 'Active'), { ok: true, value: 'active' });
  assert.deepEqual(checkValue('uri', 'http://example.com/counselling'), { ok: true, value: 'http://example.com/counselling' });
  assert.deepEqual(checkValue('text', ''), { ok: true, value: null });

  const bad: [Parameters<typeof checkValue>[0], unknown, RegExp][] = [
    ['uri', 'example/counselling', /must be an absolute web address/],
    ['uri', 'example_com', /absolute web address/],
    ['email', 'email-example_com', /must be an email address/],
    ['email', 12345, /email address, not 12345/],
    ['uuid', 'nope', /must be a uuid/],
    ['date', '2023-02-30', /must be a date/],
    ['time', '25:00', /time of day/],
    ['number', 'NaN', /must be a number/],
    ['int', '1.5', /whole number/],
    ['text', { a: 1 }, /must be text/],
    [['WEEKLY', 'MONTHLY'], 'DAILY', /one of "WEEKLY", "MONTHLY"/],
  ];
  for (const [type, value, reason] of bad) {
    const r = checkValue(type, value);
    assert.equal(r.ok, false, String(value));
    if (!r.ok) assert.match(r.reason, reason);
  }
});
