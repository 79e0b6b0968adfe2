import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockText, scheduleText } from './schedule.words.js';

const base = { freq: null, interval: null, byday: null, opens_at: null, closes_at: null, description: null };

test('clock times in the GOV.UK style', () => {
  assert.equal(clockText('09:30'), '9:30am');
  assert.equal(clockText('12:00'), 'midday');
  assert.equal(clockText('13:00'), '1pm');
  assert.equal(clockText('00:00'), 'midnight');
});

test('weekly, fortnightly and monthly schedules in words', () => {
  assert.equal(scheduleText({ ...base, freq: 'WEEKLY', byday: 'WE,MO', opens_at: '09:30', closes_at: '12:30' }), 'Mondays and Wednesdays, 9:30am to 12:30pm');
  assert.equal(scheduleText({ ...base, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }), 'Monday to Friday, 9am to 5pm');
  assert.equal(scheduleText({ ...base, freq: 'WEEKLY', interval: 2, byday: 'FR', opens_at: '13:00', closes_at: '15:00' }), 'Every other Friday, 1pm to 3pm');
  assert.equal(scheduleText({ ...base, freq: 'MONTHLY', byday: '1TU', opens_at: '10:00', closes_at: '12:00' }), 'The first Tuesday of each month, 10am to midday');
  assert.equal(scheduleText({ ...base, freq: 'MONTHLY', byday: '-1SA' }), 'The last Saturday of each month');
  assert.equal(scheduleText({ ...base, freq: 'WEEKLY', byday: 'SA', opens_at: '10:00', closes_at: '12:00', description: 'Term time only' }), 'Saturdays, 10am to midday. Term time only');
  assert.equal(scheduleText({ ...base, description: 'By appointment' }), 'By appointment');
  assert.equal(scheduleText(base), undefined);
});
