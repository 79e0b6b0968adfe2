import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDetailsForm, readMilestoneForm, readProgressForm, readStatusForm } from './strategy.form.js';

test('status: a reason at risk or off track; a known status; the page version', () => {
  assert.deepEqual(readStatusForm({ status: 'at-risk', reason: ' Short of staff ', version: '3' }).input, { status: 'at-risk', reason: 'Short of staff', version: 3 });
  assert.deepEqual(readStatusForm({ status: 'off-track', reason: '', version: '3' }).errors, [{ field: 'reason', text: 'Enter why the action is off track' }]);
  assert.deepEqual(readStatusForm({ status: 'done', reason: '', version: '3' }).errors, []);
  assert.deepEqual(readStatusForm({ status: 'fine', reason: '', version: '3' }).errors.map((e) => e.field), ['status']);
  assert.deepEqual(readStatusForm({ status: 'done', reason: '', version: 'x' }).errors.map((e) => e.field), ['version']);
  assert.deepEqual(readStatusForm({ status: ['done', 'at-risk'], reason: '', version: '1' }).errors.map((e) => e.field), ['status']);
});

test('progress: a real date, not in the future, and some text', () => {
  const ok = readProgressForm({ 'update-day': '3', 'update-month': 'March', 'update-year': '2026', body: 'Done' }, '2026-11-24');
  assert.deepEqual(ok.input, { updateOn: '2026-03-03', body: 'Done' });
  assert.deepEqual(readProgressForm({ 'update-day': '3', 'update-month': '3', 'update-year': '26', body: 'x' }, '2026-11-24').errors.map((e) => e.text), ['Year must include 4 numbers']);
  assert.deepEqual(readProgressForm({ 'update-day': '25', 'update-month': '11', 'update-year': '2026', body: 'x' }, '2026-11-24').errors.map((e) => e.text), ['Date of the update must be today or in the past']);
  assert.deepEqual(readProgressForm({ body: '\u0007' }, '2026-11-24').errors.map((e) => e.field), ['body', 'update-day']);
});

test('milestone: what, due; on change, done needs a date', () => {
  const due = { title: 'Launch', 'due-day': '1', 'due-month': '12', 'due-year': '2026' };
  assert.deepEqual(readMilestoneForm(due, '2026-11-24', { withDone: false }).input, { title: 'Launch', dueOn: '2026-12-01', doneOn: null });
  assert.deepEqual(readMilestoneForm({ ...due, done: 'no', 'done-on-day': '1' }, '2026-11-24', { withDone: true }).input?.doneOn, null);
  assert.deepEqual(readMilestoneForm({ ...due, done: 'yes' }, '2026-11-24', { withDone: true }).errors.map((e) => e.text), ['Enter the date the milestone was done']);
  assert.deepEqual(readMilestoneForm({ ...due }, '2026-11-24', { withDone: true }).errors.map((e) => e.field), ['done']);
  assert.deepEqual(readMilestoneForm({ title: '', 'due-month': '2' }, '2026-11-24', { withDone: false }).errors.map((e) => e.text), ['Enter what the milestone is', 'Due date must include a day and year']);
});

test('details: the lead and partners must be known organisations; the lead is not also a partner', () => {
  const orgs = new Set(['a', 'b', 'c']);
  const ok = readDetailsForm({ title: 'T', description: '', 'lead-organisation': 'a', 'lead-person': '', partners: ['a', 'b'], version: '1' }, orgs);
  assert.deepEqual(ok.input?.partnerIds, ['b']);
  assert.equal(ok.input?.targetDate, null);
  const one = readDetailsForm({ title: 'T', 'lead-organisation': 'a', partners: 'c', version: '1' }, orgs);
  assert.deepEqual(one.input?.partnerIds, ['c']);
  const bad = readDetailsForm({ title: '', 'lead-organisation': 'z', partners: ['q'], version: '1', 'target-year': '2027' }, orgs);
  assert.deepEqual(bad.errors.map((e) => e.field), ['title', 'lead-organisation', 'partners', 'target-day']);
});
