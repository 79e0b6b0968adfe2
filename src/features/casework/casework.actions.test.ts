import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, actionNamed, fieldForError, parseAction } from './casework.actions.js';
import { adviceStatus, describeEvent } from './casework.present.js';

const ctx = { receivedOn: '2026-09-01', draftIssuedOn: '2026-11-01', today: '2026-11-24' };
const date = (name: string, d: string, m: string, y: string) => ({ [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y });

test('every action has a form template name, a title and a banner', () => {
  assert.deepEqual(ACTIONS.map((a) => a.name), ['decision', 'advice', 'draft', 'comments', 'final', 'not-issuing', 'exception', 'mediation', 'tribunal', 'note']);
  for (const a of ACTIONS) assert.ok(a.title && a.done && a.button, a.name);
});

test('a decision form becomes the decision event', () => {
  const r = parseAction(actionNamed('decision')!, { outcome: 'not-assess', reasons: ' Met at SEN Support. ', ...date('on', '3', 'Oct', '2026') }, ctx);
  assert.deepEqual(r.event, { type: 'decision', on: '2026-10-03', outcome: 'not-assess', reasons: 'Met at SEN Support.' });
});

test('dates are checked against the request, today and the draft, with dates in words', () => {
  const final = actionNamed('final')!;
  assert.deepEqual(parseAction(final, date('on', '31', '8', '2026'), ctx).errors, [{ field: 'on-day', text: 'Date the final plan was issued must be on or after the request was received (1 September 2026)' }]);
  assert.deepEqual(parseAction(final, date('on', '25', '11', '2026'), ctx).errors, [{ field: 'on-day', text: 'Date the final plan was issued must be today or in the past' }]);
  assert.deepEqual(parseAction(final, date('on', '31', '10', '2026'), ctx).errors, [{ field: 'on-day', text: 'Date the final plan was issued must be on or after the draft was issued (1 November 2026)' }]);
  // An exception may end after today.
  const ex = parseAction(actionNamed('exception')!, { kind: 'd', reason: 'Abroad.', ...date('from', '1', '11', '2026'), ...date('to', '1', '1', '2027') }, ctx);
  assert.deepEqual(ex.event, { type: 'exception', kind: 'd', from: '2026-11-01', to: '2027-01-01', reason: 'Abroad.' });
  const short = parseAction(actionNamed('exception')!, { kind: 'd', reason: 'Abroad.', ...date('from', '1', '11', '2026'), ...date('to', '27', '11', '2026') }, ctx);
  assert.equal(short.errors[0]!.text, 'End date must make at least 4 weeks out of the area');
});

test('advice goes to a team or a person, not both, not neither', () => {
  const advice = actionNamed('advice')!;
  const both = parseAction(advice, { agency: 'health', teamId: '4b6f6e5a-0000-4000-8000-000000000000', assigneeEmail: 'a@b.org', ...date('askedOn', '1', '11', '2026') }, ctx);
  assert.deepEqual(both.errors.map((e) => e.field), ['teamId']);
  const person = parseAction(advice, { agency: 'health', assigneeEmail: ' A@B.org ', ...date('askedOn', '1', '11', '2026') }, ctx);
  assert.deepEqual(person.event, { type: 'advice-requested', agency: 'health', askedOn: '2026-11-01', assigneeEmail: 'a@b.org' });
});

test('service errors land on the form field', () => {
  assert.equal(fieldForError(actionNamed('advice')!, 'assigneeEmail'), 'assigneeEmail');
  assert.equal(fieldForError(actionNamed('advice')!, 'askedOn'), 'askedOn-day');
  assert.equal(fieldForError(actionNamed('decision')!, 'something-else'), 'on-day');
  assert.equal(fieldForError(actionNamed('note')!, 'on'), 'text');
});

test('advice in words, and the timeline’s lines', () => {
  const today = '2026-11-24';
  assert.equal(adviceStatus({ dueOn: '2026-11-20', receivedOn: null, nilReturn: false }, today), 'Not received: 4 days late');
  assert.equal(adviceStatus({ dueOn: '2026-11-24', receivedOn: null, nilReturn: false }, today), 'Not received: due today');
  assert.equal(adviceStatus({ dueOn: '2026-11-25', receivedOn: null, nilReturn: false }, today), 'Not received: due in 1 day');
  assert.equal(adviceStatus({ dueOn: '2026-11-20', receivedOn: '2026-11-21', nilReturn: true }, today), 'Nil return on 21 November 2026, 1 day late: no needs found in their area');
  assert.equal(adviceStatus({ dueOn: '2026-11-20', receivedOn: '2026-11-19', nilReturn: false }, today), 'Received on 19 November 2026');
  assert.deepEqual(describeEvent({ type: 'advice-requested', data: { agency: 'social-care', to: 'CWD Team' } }), { title: 'Social care advice asked of CWD Team' });
  assert.deepEqual(describeEvent({ type: 'note', data: { text: 'Hi' } }), { title: 'Internal note', detail: 'Hi' });
});
