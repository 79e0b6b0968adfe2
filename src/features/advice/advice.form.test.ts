import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTHING_SENT, readAnswer } from './advice.form.js';
import { answeredWords, answerSections, dueWords } from './advice.present.js';
import { parseTypedDate, readPeriod } from './period.js';

test('each agency answers in the sections its advice informs', () => {
  const keys = (a: Parameters<typeof answerSections>[0]) => answerSections(a).map((s) => s.key);
  assert.deepEqual(keys('health'), ['C', 'G']);
  assert.deepEqual(keys('social-care'), ['D', 'H1', 'H2']);
  assert.deepEqual(keys('education'), ['B', 'F']);
  assert.deepEqual(keys('psychology'), ['B', 'E', 'F']);
  assert.deepEqual(keys('preparing-for-adulthood'), ['E', 'F']);
  assert.equal(answerSections('health')[0]!.label, 'Section C: Health needs');
  assert.ok(answerSections('health').every((s) => s.hint.length > 20));
});

test('the answer form: advice, a nil return, or an error; silence is never an answer', () => {
  assert.deepEqual(readAnswer({ answer: 'advice', 'section-C': ' Hearing loss. ', 'section-G': '' }, 'health').answer, { nilReturn: false, advice: { C: 'Hearing loss.' } });
  assert.deepEqual(readAnswer({ 'section-D': 'Known to the team.' }, 'social-care').answer, { nilReturn: false, advice: { D: 'Known to the team.' } });
  assert.deepEqual(readAnswer({ answer: 'nil' }, 'social-care').answer, { nilReturn: true, advice: {} });
  assert.deepEqual(readAnswer({}, 'health').errors, [{ field: 'answer', text: NOTHING_SENT }]);
  assert.deepEqual(readAnswer({ answer: 'advice', 'section-C': '   ' }, 'health').errors.map((e) => e.field), ['section-C']);
  assert.match(readAnswer({ answer: 'nil', 'section-C': 'Something' }, 'health').errors[0]!.text, /also said you found no needs/);
  assert.deepEqual(readAnswer({ answer: 'maybe' }, 'health').errors.map((e) => e.field), ['answer']);
  assert.deepEqual(readAnswer({ answer: ['nil', 'advice'] }, 'health').errors.map((e) => e.field), ['answer']);
  assert.equal(readAnswer({ answer: 'advice', 'section-C': 'x'.repeat(20001) }, 'health').errors[0]!.field, 'section-C');
  // Sections outside the agency's are not read.
  assert.deepEqual(readAnswer({ answer: 'advice', 'section-C': 'a', 'section-D': 'b' }, 'health').answer, { nilReturn: false, advice: { C: 'a' } });
});

test('how a request stands, in words', () => {
  assert.equal(dueWords('2026-11-29', '2026-11-24'), 'Due in 5 days');
  assert.equal(dueWords('2026-11-25', '2026-11-24'), 'Due tomorrow');
  assert.equal(dueWords('2026-11-24', '2026-11-24'), 'Due today');
  assert.equal(dueWords('2026-11-23', '2026-11-24'), '1 day late');
  assert.equal(dueWords('2026-11-21', '2026-11-24'), '3 days late');
  assert.equal(answeredWords({ dueOn: '2026-11-21', receivedOn: '2026-11-20', nilReturn: false }), 'Answered on 20 November 2026, on time');
  assert.equal(answeredWords({ dueOn: '2026-11-21', receivedOn: '2026-11-23', nilReturn: true }), 'No needs found in this area: answered on 23 November 2026, 2 days late');
});

test('a period typed by people or sent by links', () => {
  assert.deepEqual(parseTypedDate('1 4 2026', 'Start date', 'Enter'), { value: '2026-04-01' });
  assert.deepEqual(parseTypedDate('1/4/2026', 'Start date', 'Enter'), { value: '2026-04-01' });
  assert.deepEqual(parseTypedDate('1 April 2026', 'Start date', 'Enter'), { value: '2026-04-01' });
  assert.deepEqual(parseTypedDate('2026-04-01', 'Start date', 'Enter'), { value: '2026-04-01' });
  assert.deepEqual(parseTypedDate('31 4 2026', 'Start date', 'Enter'), { error: 'Start date must be a real date' });
  assert.deepEqual(parseTypedDate('1 4 26', 'Start date', 'Enter'), { error: 'Start date must have a year with 4 numbers, like 2026' });
  assert.deepEqual(parseTypedDate('April', 'Start date', 'Enter'), { error: 'Start date must be a real date, like 1 4 2026' });
  assert.deepEqual(parseTypedDate(' ', 'Start date', 'Enter the start date'), { error: 'Enter the start date' });

  assert.deepEqual(readPeriod({}, '2026-11-24').period, { from: '2026-01-01', to: '2026-11-24' });
  assert.deepEqual(readPeriod({ from: '1 1 2025', to: '31 12 2025' }, '2026-11-24').period, { from: '2025-01-01', to: '2025-12-31' });
  assert.deepEqual(readPeriod({ from: '1 1 2025' }, '2026-11-24').errors, [{ field: 'to', text: 'Enter the end date of the period' }]);
  assert.deepEqual(readPeriod({ from: '2 1 2025', to: '1 1 2025' }, '2026-11-24').errors, [{ field: 'to', text: 'End date must be the same as or after the start date' }]);
});
