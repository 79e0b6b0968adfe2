import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseReminders, reminderEmail, type OutstandingAdvice } from './reminders.js';

const adviser = { name: 'Dr Aisha Begum', email: 'aisha@nhs.example' };
const manager = { name: 'Grace Lowe', email: 'grace@nhs.example' };
const officer = { name: 'Priya Shah', email: 'priya@council.example' };
const SENT = new Date('2026-11-01T09:00:00Z');

function advice(over: Partial<OutstandingAdvice> = {}): OutstandingAdvice {
  return {
    id: 'a1', agency: 'health', childInitials: 'M P', askedOn: '2026-10-01', dueOn: '2026-11-12', receivedOn: null,
    remindedBeforeAt: null, remindedDueAt: null, escalatedAt: null,
    askedOf: 'Dr Aisha Begum', askedOfTeam: false, advisers: [adviser], manager, officer, ...over,
  };
}

test('the reminders chosen, case by case', () => {
  // [what, row, today, expected kind and recipients (or nothing)]
  const cases: [string, OutstandingAdvice, string, [string, string[]] | null][] = [
    ['more than a week before: nothing yet', advice(), '2026-11-04', null],
    ['exactly a week before: the first reminder', advice(), '2026-11-05', ['before', [adviser.email]]],
    ['the day before, first run in the window: still the first reminder', advice(), '2026-11-11', ['before', [adviser.email]]],
    ['a week before, already reminded: nothing', advice({ remindedBeforeAt: SENT }), '2026-11-06', null],
    ['on the due date: the due reminder', advice({ remindedBeforeAt: SENT }), '2026-11-12', ['due', [adviser.email]]],
    ['on the due date, never reminded before: only the due reminder', advice(), '2026-11-12', ['due', [adviser.email]]],
    ['on the due date, already reminded: nothing', advice({ remindedBeforeAt: SENT, remindedDueAt: SENT }), '2026-11-12', null],
    ['a day late: escalated to the manager', advice({ remindedBeforeAt: SENT, remindedDueAt: SENT }), '2026-11-13', ['escalation', [manager.email]]],
    ['late, already escalated: nothing', advice({ escalatedAt: SENT }), '2026-11-20', null],
    ['late, no manager: the casework officer is told', advice({ manager: null }), '2026-11-13', ['escalation', [officer.email]]],
    ['late, no manager and no officer: nothing (tried again next run)', advice({ manager: null, officer: null }), '2026-11-13', null],
    ['answered: nothing, whatever the date', advice({ receivedOn: '2026-11-10' }), '2026-11-13', null],
    ['answered before the window: nothing', advice({ receivedOn: '2026-11-01' }), '2026-11-06', null],
    ['a team with nobody to remind: nothing', advice({ advisers: [], askedOfTeam: true }), '2026-11-06', null],
    ['a team: every member reminded', advice({ advisers: [adviser, officer], askedOfTeam: true }), '2026-11-06', ['before', [adviser.email, officer.email]]],
  ];
  for (const [what, row, today, expected] of cases) {
    const chosen = chooseReminders([row], today);
    if (!expected) assert.deepEqual(chosen, [], what);
    else assert.deepEqual(chosen.map((c) => [c.kind, c.to.map((p) => p.email)]), [expected], what);
  }
});

test('several requests at once: each chosen on its own', () => {
  const rows = [advice({ id: 'x' }), advice({ id: 'y', dueOn: '2026-11-06' }), advice({ id: 'z', dueOn: '2026-11-01' })];
  assert.deepEqual(chooseReminders(rows, '2026-11-06').map((r) => [r.adviceRequestId, r.kind]), [['x', 'before'], ['y', 'due'], ['z', 'escalation']]);
});

test('the emails are plain English, with the date, the link, and no more than the child’s initials', () => {
  const service = { baseUrl: 'https://hub.example/', serviceName: 'SEND Partnership Hub' };
  const before = reminderEmail('before', advice(), adviser, '2026-11-05', service);
  assert.equal(before.subject, 'Health advice is due on 12 November 2026');
  assert.match(before.body, /^Hello Dr Aisha Begum,/);
  assert.match(before.body, /On 1 October 2026 we asked you for health advice/);
  assert.match(before.body, /The child’s initials are M P\./);
  assert.match(before.body, /That is in 7 days\./);
  assert.match(before.body, /https:\/\/hub\.example\/advice\/a1/);
  assert.match(before.body, /found no needs in your area/);

  const due = reminderEmail('due', advice({ askedOf: 'the Children with Disabilities Team', askedOfTeam: true }), adviser, '2026-11-12', service);
  assert.equal(due.subject, 'Health advice is due today');
  assert.match(due.body, /we asked your team, the Children with Disabilities Team, for health advice/);

  const late = reminderEmail('escalation', advice(), manager, '2026-11-15', service);
  assert.equal(late.subject, 'Late: health advice asked of Dr Aisha Begum');
  assert.match(late.body, /^Hello Grace Lowe,/);
  assert.match(late.body, /It is 3 days late and has not been answered\./);
  assert.match(late.body, /Priya Shah \(priya@council\.example\) asked for it/);
  for (const email of [before, due, late]) assert.doesNotMatch(email.body, /Mia|Parker/);
});
