import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repeatedSuspensions } from './suspensions.js';

const s = (startDate: string, urn = '900002') => ({ startDate, urn, sessions: 2, reason: 'verbal-abuse-adult' });

test('two suspensions within 90 days, the latest recent, flag at the latest one’s school', () => {
  const f = repeatedSuspensions('c1', [s('2025-01-10', '900001'), s('2025-03-01')], '2025-03-10')!;
  assert.equal(f.rule, 'repeated-suspensions');
  assert.equal(f.urn, '900002');
  assert.equal(f.episode, '202425');
  assert.match(f.summary, /^2 suspensions within 90 days, the latest on 1 March 2025\.$/);
  assert.deepEqual(f.evidence.items.filter((i) => i.kind === 'date').map((i) => i.value), ['2025-01-10', '2025-03-01']);
});

test('one suspension, two far apart, or two long ago, do not flag; future-dated ones are ignored', () => {
  assert.equal(repeatedSuspensions('c1', [s('2025-03-01')], '2025-03-10'), null);
  assert.equal(repeatedSuspensions('c1', [s('2024-10-01'), s('2025-03-01')], '2025-03-10'), null);
  assert.equal(repeatedSuspensions('c1', [s('2024-10-01'), s('2024-11-01')], '2025-03-10'), null);
  assert.equal(repeatedSuspensions('c1', [s('2025-03-01'), s('2025-03-20')], '2025-03-10'), null);
});
