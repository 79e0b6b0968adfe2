import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, countByStatus, daysLateWords, isLate, needsAttention, readPeriod, reasonRequired, statusAsAt, wasLateOn } from './strategy.rules.js';

test('a reason is required only at risk or off track', () => {
  assert.equal(reasonRequired('at-risk'), true);
  assert.equal(reasonRequired('off-track'), true);
  assert.equal(reasonRequired('on-track'), false);
  assert.equal(reasonRequired('done'), false);
});

test('a milestone is late after its due day if not done; due today is not late', () => {
  assert.equal(isLate({ due_on: '2026-11-23', done_on: null }, '2026-11-24'), true);
  assert.equal(isLate({ due_on: '2026-11-24', done_on: null }, '2026-11-24'), false);
  assert.equal(isLate({ due_on: '2026-11-01', done_on: '2026-11-20' }, '2026-11-24'), false);
  assert.equal(daysLateWords('2026-11-23', '2026-11-24'), '1 day late');
  assert.equal(daysLateWords('2026-11-14', '2026-11-24'), '10 days late');
});

test('late as it stood on a past day: done after that day still counts as late then', () => {
  const m = { due_on: '2026-10-01', done_on: '2026-10-20' };
  assert.equal(wasLateOn(m, '2026-10-10'), true);
  assert.equal(wasLateOn(m, '2026-10-20'), false);
  assert.equal(wasLateOn(m, '2026-09-30'), false);
});

test('an action needs attention when at risk, off track, or a milestone is late', () => {
  assert.equal(needsAttention({ status: 'on-track' }, [], '2026-11-24'), false);
  assert.equal(needsAttention({ status: 'at-risk' }, [], '2026-11-24'), true);
  assert.equal(needsAttention({ status: 'done' }, [{ due_on: '2026-11-01', done_on: null }], '2026-11-24'), true);
});

test('the report period: defaults, real dates only, end not before start', () => {
  assert.deepEqual(readPeriod({}, '2026-11-24'), { period: { from: '2026-08-24', to: '2026-11-24' }, errors: [] });
  assert.deepEqual(readPeriod({ from: '2026-09-01', to: '2026-09-30' }, '2026-11-24').period, { from: '2026-09-01', to: '2026-09-30' });
  assert.deepEqual(readPeriod({ to: '2026-05-31' }, '2026-11-24').period, { from: '2026-02-28', to: '2026-05-31' });
  assert.deepEqual(readPeriod({ from: '2026-02-30' }, '2026-11-24').errors.map((e) => e.field), ['from']);
  assert.deepEqual(readPeriod({ from: '1/9/2026' }, '2026-11-24').errors.map((e) => e.field), ['from']);
  assert.deepEqual(readPeriod({ from: ['2026-01-01', '2026-01-02'] }, '2026-11-24').errors.map((e) => e.field), ['from']);
  assert.deepEqual(readPeriod({ from: '2026-10-01', to: '2026-09-01' }, '2026-11-24').errors.map((e) => e.field), ['to']);
  assert.deepEqual(readPeriod({ from: '2000-01-01', to: '2026-09-01' }, '2026-11-24').errors.map((e) => e.field), ['from']);
});

test('months are added within the month', () => {
  assert.equal(addMonths('2026-05-31', -3), '2026-02-28');
  assert.equal(addMonths('2028-05-31', -3), '2028-02-29');
  assert.equal(addMonths('2026-01-15', 12), '2027-01-15');
});

test('status as at a day, from the current status and the changes', () => {
  const changes = [
    { at: new Date('2026-10-01T10:00:00Z'), before: 'on-track' as const, after: 'at-risk' as const },
    { at: new Date('2026-11-01T10:00:00Z'), before: 'at-risk' as const, after: 'done' as const },
  ];
  assert.equal(statusAsAt('done', changes, new Date('2026-09-01T00:00:00Z')), 'on-track');
  assert.equal(statusAsAt('done', changes, new Date('2026-10-15T00:00:00Z')), 'at-risk');
  assert.equal(statusAsAt('done', changes, new Date('2026-11-15T00:00:00Z')), 'done');
  assert.equal(statusAsAt('off-track', [], new Date('2026-11-15T00:00:00Z')), 'off-track');
});

test('statuses are counted', () => {
  assert.deepEqual(countByStatus([{ status: 'done' }, { status: 'done' }, { status: 'at-risk' }]), { 'on-track': 0, 'at-risk': 1, 'off-track': 0, done: 2 });
});
