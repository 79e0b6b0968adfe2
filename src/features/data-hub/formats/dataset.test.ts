import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeUpn } from '../../../platform/identifiers/identifiers.js';
import { attendance } from './attendance.js';
import { checkHeader } from './dataset.js';
import { DATASETS, DATASET_NAMES } from './index.js';
import { post16Activity } from './post-16-activity.js';
import { schools } from './schools.js';
import { checkCsv } from './test-support.js';

const UPN = makeUpn('201001234567');

test('missing required columns refuse the file before any row, naming them', () => {
  const one = checkHeader(attendance, ['upn', 'urn', 'date', 'code']);
  assert.equal(one.ok, false);
  assert.deepEqual(!one.ok && one.errors, ['The file has no session column, which the attendance format requires.']);
  const two = checkHeader(attendance, ['upn', 'urn', 'session']);
  assert.deepEqual(!two.ok && two.errors, ['The file has no date and code columns, which the attendance format requires.']);
});

test('column names are matched without regard to case or surrounding spaces; optional columns may be left out', () => {
  const header = checkHeader(schools, [' URN', 'Name', 'TYPE', 'phase ']);
  assert.equal(header.ok, true);
  assert.deepEqual(header.warnings, []);
});

test('unknown and unnamed columns are warnings; a repeated column is an error', () => {
  const header = checkHeader(attendance, ['upn', 'urn', 'date', 'session', 'code', 'teacher', '']);
  assert.equal(header.ok, true);
  assert.deepEqual(header.warnings, [
    'Column teacher is not part of the attendance format, so it is ignored.',
    'Column 7 has no name, so it is ignored.',
  ]);
  const repeated = checkHeader(attendance, ['upn', 'urn', 'date', 'session', 'code', 'UPN']);
  assert.deepEqual(!repeated.ok && repeated.errors, ['Column upn appears 2 times (columns 1 and 6): keep one.']);
});

test('a format may need one of several columns', () => {
  const neither = checkHeader(post16Activity, ['month', 'activity']);
  assert.deepEqual(!neither.ok && neither.errors, ['The file needs a uln or a upn column.']);
  assert.equal(checkHeader(post16Activity, ['upn', 'month', 'activity']).ok, true);
});

test('a row with too few or too many values is rejected as a whole; trailing empty values are allowed', async () => {
  const checked = await checkCsv(
    attendance,
    `upn,urn,date,session,code\n${UPN},100001,2026-03-16,AM\n${UPN},100001,2026-03-16,AM,/,extra\n${UPN},100001,2026-03-16,PM,/,,\n`,
  );
  assert.deepEqual(
    checked.rejections.map((r) => [r.line, r.column, r.reason]),
    [
      [2, '', 'the row has 4 values, but the header has 5 columns'],
      [3, '', 'the row has 6 values, but the header has 5 columns'],
    ],
  );
  assert.equal(checked.records.length, 1);
});

test('values are trimmed before they are checked', async () => {
  const checked = await checkCsv(
    schools,
    'urn,name,type,phase\n 100001 , Fell School ,mainstream,primary\n12345,X,mainstream,primary\n\u00a0100002\u00a0,Beck\t,special,primary\n',
  );
  assert.equal(checked.records[0]!.urn, '100001');
  assert.equal(checked.records[0]!.name, 'Fell School');
  assert.deepEqual([checked.records[1]!.urn, checked.records[1]!.name], ['100002', 'Beck']); // no-break spaces, tabs
  assert.deepEqual(checked.rejections, [
    { line: 3, column: 'urn', value: '12345', reason: 'URN 12345 is not a URN: a school URN is 6 digits' },
  ]);
});

test('a repeated natural key is a rejection naming both lines: a repeat, or a conflict', async () => {
  const checked = await checkCsv(
    schools,
    'urn,name,type,phase\n100001,Fell School,mainstream,primary\n100002,Beck School,special,all-through\n100001,Fell School,mainstream,primary\n100002,Beck Academy,special,all-through\n',
  );
  assert.deepEqual(
    checked.rejections.map((r) => [r.line, r.column, r.value, r.reason]),
    [
      [4, 'urn', '100001', 'this row repeats line 2'],
      [5, 'urn', '100002', 'this row is for the same URN as line 3, with different values: keep the right one'],
    ],
  );
});

test('every format declares its columns, a natural key made of its columns, and a title', () => {
  assert.equal(DATASET_NAMES.length, 10);
  for (const name of DATASET_NAMES) {
    const format = DATASETS[name];
    assert.equal(format.name, name);
    const columnNames = format.columns.map((c) => c.name);
    assert.equal(new Set(columnNames).size, columnNames.length, `${name}: columns are unique`);
    for (const key of format.naturalKey) assert.ok(columnNames.includes(key), `${name}: key column ${key}`);
    assert.ok(format.title.length > 0);
  }
});
