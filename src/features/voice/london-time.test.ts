import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTime, londonToUtc, readTime } from './london-time.js';

test('UK time to the instant: GMT in winter, BST in summer', () => {
  assert.equal(londonToUtc('2026-01-15', '10:00').toISOString(), '2026-01-15T10:00:00.000Z');
  assert.equal(londonToUtc('2026-07-15', '10:00').toISOString(), '2026-07-15T09:00:00.000Z');
  assert.equal(formatTime(londonToUtc('2026-07-15', '14:30')), '2:30pm');
});

test('times as people type them', () => {
  assert.equal(readTime('14:30'), '14:30');
  assert.equal(readTime('2:30pm'), '14:30');
  assert.equal(readTime('9am'), '09:00');
  assert.equal(readTime('12am'), '00:00');
  assert.equal(readTime('25:00'), undefined);
  assert.equal(readTime('14'), undefined);
  assert.equal(readTime('soon'), undefined);
});
