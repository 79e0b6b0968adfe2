import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datePartsInError, dateValues, readDateInput } from './date-input.js';

const text = { label: 'Date of birth', missing: 'Enter the date of birth' };
const read = (day: string, month: string, year: string) => readDateInput({ 'dob-day': day, 'dob-month': month, 'dob-year': year }, 'dob', text);

test('a real date becomes YYYY-MM-DD; month names are accepted', () => {
  assert.deepEqual(read('3', '4', '2026'), { value: '2026-04-03' });
  assert.deepEqual(read(' 03 ', '04', '2026'), { value: '2026-04-03' });
  assert.deepEqual(read('29', 'Feb', '2024'), { value: '2024-02-29' });
  assert.deepEqual(read('1', 'sept', '2025'), { value: '2025-09-01' });
  assert.deepEqual(read('1', 'September', '2025'), { value: '2025-09-01' });
});

test('nothing entered: the missing message, all boxes in error, link to the day', () => {
  assert.deepEqual(read('', '', ''), { error: { field: 'dob-day', text: 'Enter the date of birth', parts: ['day', 'month', 'year'] } });
  assert.deepEqual(readDateInput({}, 'dob', text).error?.text, 'Enter the date of birth');
});

test('missing parts are named, and the link goes to the first missing box', () => {
  assert.deepEqual(read('3', '', '2026').error, { field: 'dob-month', text: 'Date of birth must include a month', parts: ['month'] });
  assert.deepEqual(read('', '4', '').error, { field: 'dob-day', text: 'Date of birth must include a day and year', parts: ['day', 'year'] });
});

test('impossible dates and short years are refused', () => {
  assert.equal(read('29', '2', '2025').error?.text, 'Date of birth must be a real date');
  assert.equal(read('31', '4', '2026').error?.text, 'Date of birth must be a real date');
  assert.equal(read('3', '13', '2026').error?.text, 'Date of birth must be a real date');
  assert.equal(read('x', '4', '2026').error?.text, 'Date of birth must be a real date');
  assert.equal(read('3', 'ma', '2026').error?.text, 'Date of birth must be a real date');
  assert.deepEqual(read('3', '4', '26').error, { field: 'dob-year', text: 'Year must include 4 numbers', parts: ['year'] });
});

test('parts in error for the template; values for pre-filling', () => {
  const e = read('3', '', '2026').error!;
  assert.deepEqual(datePartsInError([e, { field: 'on-day', text: 'x' }, { field: 'name', text: 'y' }]), { dob: ['month'], on: ['day', 'month', 'year'] });
  assert.deepEqual(dateValues('on', '2026-04-03'), { 'on-day': '3', 'on-month': '4', 'on-year': '2026' });
});
