import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeUpn } from '../../../platform/identifiers/identifiers.js';
import { attendance } from './attendance.js';
import { checkCsv, reasonsFor } from './test-support.js';

const UPN = makeUpn('201001234567'); // U201001234567
const TEMPORARY_UPN = makeUpn('20100123456A');
const HEADER = 'upn,urn,date,session,code\n';

async function check(...rows: string[]) {
  return checkCsv(attendance, HEADER + rows.join('\n') + '\n');
}

test('a valid session becomes a typed record; case and day-first dates are normalised', async () => {
  const checked = await check(`${UPN},100001,16/03/2026,am,c1`, `${TEMPORARY_UPN},100001,2026-03-16,PM,\\`);
  assert.deepEqual(checked.rejections, []);
  assert.deepEqual(checked.records[0], {
    line: 2,
    upn: UPN,
    urn: '100001',
    date: '2026-03-16',
    day: Date.UTC(2026, 2, 16) / 86_400_000,
    session: 'AM',
    code: 'C1',
    category: 'authorised',
  });
  assert.equal(checked.records[1]!.category, 'present');
});

test('weekends are rejected: attendance is recorded only on weekdays', async () => {
  const checked = await check(`${UPN},100001,2026-03-14,AM,/`, `${UPN},100001,15/03/2026,PM,/`);
  assert.deepEqual(checked.rejections, [
    { line: 2, column: 'date', value: '2026-03-14', reason: 'date 2026-03-14 is a Saturday: attendance is recorded only on weekdays' },
    { line: 3, column: 'date', value: '15/03/2026', reason: 'date 15/03/2026 is a Sunday: attendance is recorded only on weekdays' },
  ]);
});

test('impossible dates and dates in other forms are rejected', async () => {
  const checked = await check(`${UPN},100001,2026-02-30,AM,/`, `${UPN},100001,03/17/2026,AM,/`, `${UPN},100001,2026-3-16,AM,/`);
  assert.deepEqual(reasonsFor(checked, 2), ['date 2026-02-30 is not a real date: February 2026 has 28 days']);
  assert.deepEqual(reasonsFor(checked, 3), ['date 03/17/2026 is not a real date: there is no month 17']);
  assert.deepEqual(reasonsFor(checked, 4), ['date 2026-3-16 is not a date: write dates as 2026-03-17 or 17/03/2026']);
});

test('a UPN with the wrong check letter, or the wrong shape, is rejected', async () => {
  const checked = await check(`A201001234567,100001,2026-03-16,AM,/`, `U20100123456,100001,2026-03-16,AM,/`);
  assert.deepEqual(reasonsFor(checked, 2), ['UPN A201001234567 has the wrong check letter (the digits imply U)']);
  assert.deepEqual(reasonsFor(checked, 3), [
    'UPN U20100123456 must be 13 characters: a capital letter, 11 digits, then a digit or a letter',
  ]);
});

test('wrong types: a URN that is not 6 digits, a session that is not AM or PM', async () => {
  const checked = await check(`${UPN},10001A,2026-03-16,3,/`);
  assert.deepEqual(reasonsFor(checked, 2), ['URN 10001A is not a URN: a school URN is 6 digits', 'session 3 is not AM or PM']);
});

test('unknown register codes are rejected', async () => {
  const checked = await check(`${UPN},100001,2026-03-16,AM,A`, `${UPN},100001,2026-03-16,PM,Y8`);
  assert.deepEqual(reasonsFor(checked, 2), ['code A is not a register code']);
  assert.deepEqual(reasonsFor(checked, 3), ['code Y8 is not a register code']);
});

test('H, F, J and Y are accepted before 19 August 2024 and rejected from that day', async () => {
  const checked = await check(
    `${UPN},100001,2024-07-15,AM,H`,
    `${UPN},100001,2024-07-15,PM,F`,
    `${UPN},100001,2024-07-16,AM,J`,
    `${UPN},100001,2024-07-16,PM,Y`,
    `${UPN},100001,2024-08-19,AM,H`,
    `${UPN},100001,2024-09-02,AM,y`,
  );
  assert.deepEqual(
    checked.records.map((r) => [r.code, r.category]),
    [
      ['H', 'authorised'],
      ['F', 'not-possible'],
      ['J', 'approved-activity'],
      ['Y', 'not-possible'],
    ],
  );
  assert.deepEqual(reasonsFor(checked, 6), [
    'code H is not a register code in force from 19 August 2024: it was withdrawn then',
  ]);
  assert.deepEqual(reasonsFor(checked, 7), [
    'code y is not a register code in force from 19 August 2024: it was withdrawn then',
  ]);
});

test('the codes in force from 19 August 2024 are also accepted before it', async () => {
  const checked = await check(`${UPN},100001,2024-07-15,AM,K`, `${UPN},100001,2024-07-15,PM,Y7`);
  assert.deepEqual(checked.rejections, []);
});

test('empty values are rejected, and every problem in a row is reported', async () => {
  const checked = await check(',100001,,AM,', `A201001234567,1,2026-03-14,XM,A`);
  assert.deepEqual(reasonsFor(checked, 2), [
    'UPN is missing, and every row needs one',
    'date is missing, and every row needs one',
    'code is missing, and every row needs one',
  ]);
  assert.equal(reasonsFor(checked, 3).length, 5);
});

test('rejections give line, column, value and reason', async () => {
  const checked = await check(`${UPN},100001,2026-03-16,AM,/`, `${UPN},100001,2026-03-16,AM,Q9`);
  assert.deepEqual(checked.rejections, [{ line: 3, column: 'code', value: 'Q9', reason: 'code Q9 is not a register code' }]);
});
