import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAssessmentClock } from '../ehc/clock/index.js';
import type { OpenCase } from './casework.queries.js';
import { latenessOf, nextDeadline, queueRows, queueSections, teamCaseload } from './casework.queue.js';

const TODAY = '2026-11-24';
function aCase(id: string, receivedOn: string, extra: Partial<OpenCase> = {}, events: Partial<Parameters<typeof computeAssessmentClock>[0]> = {}): OpenCase {
  return {
    id, childId: id, childName: id, stage: 'requested', receivedOn, officerUserId: 'o1', officerName: 'Priya Shah',
    clock: computeAssessmentClock({ receivedOn, advice: [], exceptions: [], ...events }, TODAY),
    ...extra,
  };
}

test('the next deadline is the earliest step still to do', () => {
  const requested = nextDeadline(aCase('a', '2026-11-01').clock);
  assert.deepEqual(requested, { label: 'Decision whether to assess', dueOn: '2026-12-13', state: 'not-due' });
  // Decided; health advice asked and outstanding: its 6 weeks come before the 16 and 20.
  const assessing = aCase('b', '2026-09-01', { stage: 'assessing' }, {
    decision: { on: '2026-10-01', outcome: 'assess' },
    advice: [{ agency: 'health', askedOn: '2026-10-05' }, { agency: 'social-care', askedOn: '2026-10-01', receivedOn: '2026-10-20' }],
  });
  assert.deepEqual(nextDeadline(assessing.clock), { label: 'Health advice', dueOn: '2026-11-16', state: 'overdue' });
  assert.equal(nextDeadline(null), null);
});

test('lateness: overdue before today; due this week up to 7 days ahead', () => {
  const at = (dueOn: string) => latenessOf({ label: 'x', dueOn, state: 'not-due' }, TODAY);
  assert.deepEqual([at('2026-11-23'), at('2026-11-24'), at('2026-12-01'), at('2026-12-02')], ['overdue', 'due-this-week', 'due-this-week', 'on-time']);
  assert.equal(latenessOf(null, TODAY), 'on-time');
});

test('rows sorted by next deadline into three sections; the manager’s counts', () => {
  const cases = [
    aCase('later', '2026-11-20'),
    aCase('late', '2026-10-01', { officerUserId: 'o2', officerName: 'Owen Hughes' }),
    aCase('soon', '2026-10-16'),
    aCase('broken', '2026-10-16', { clock: null, officerUserId: null, officerName: null }),
  ];
  const rows = queueRows(cases, TODAY);
  assert.deepEqual(rows.map((r) => r.id), ['late', 'soon', 'later', 'broken']);
  const sections = queueSections(rows);
  assert.deepEqual(sections.map((s) => [s.heading, s.rows.map((r) => r.id)]), [['Overdue', ['late']], ['Due this week', ['soon']], ['Everything else', ['later', 'broken']]]);

  const load = teamCaseload(rows, [{ id: 'o1', name: 'Priya Shah' }, { id: 'o2', name: 'Owen Hughes' }, { id: 'o3', name: 'Idle Officer' }]);
  assert.deepEqual(load.total, { overdue: 1, 'due-this-week': 1, 'on-time': 2, total: 4 });
  assert.deepEqual(load.byStage.find((b) => b.stage === 'requested')!.counts, load.total);
  assert.deepEqual(load.byStage.find((b) => b.stage === 'assessing')!.counts.total, 0);
  assert.deepEqual(load.byOfficer.map((o) => [o.officerName, o.counts.total]), [['Idle Officer', 0], ['Owen Hughes', 1], ['Priya Shah', 2], ['Not assigned', 1]]);
});
