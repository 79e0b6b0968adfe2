import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_TEXT_ANSWER, checkNewQuestion, readAnswers, type Question } from './survey.questions.js';

const q = (position: number, kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  id: `id-${position}`,
  position,
  kind,
  text: `Question ${position}`,
  hint: '',
  options: kind === 'single' || kind === 'multiple' ? ['Yes', 'No', 'Maybe'] : [],
  required: false,
  showIf: null,
  ...extra,
});

const SURVEY = [q(1, 'single', { required: true }), q(2, 'multiple', { showIf: { position: 1, value: 'Yes' } }), q(3, 'agreement'), q(4, 'text')];

test('every kind of answer is read into what is stored', () => {
  const r = readAnswers(SURVEY, { q1: 'Yes', q2: ['No', 'Maybe', 'No'], q3: 'strongly-agree', q4: '  Lovely  ', other: 'ignored' });
  assert.deepEqual(r.errors, []);
  assert.deepEqual([...r.answers], [['id-1', ['Yes']], ['id-2', ['No', 'Maybe']], ['id-3', ['strongly-agree']], ['id-4', ['Lovely']]]);
});

test('a conditional question is kept only when its condition was met', () => {
  const r = readAnswers(SURVEY, { q1: 'No', q2: ['Yes'] });
  assert.deepEqual(r.errors, []);
  assert.equal(r.answers.has('id-2'), false);
  assert.deepEqual(r.values.q2, ['Yes'], 'shown again as typed, though not kept');
});

test('required, unknown choices, answers sent twice, control characters and oversized text are errors on their question', () => {
  const r = readAnswers(SURVEY, { q3: ['agree', 'disagree'], q4: 'x'.repeat(MAX_TEXT_ANSWER + 1) });
  assert.deepEqual(r.errors.map((e) => [e.field, e.text]), [
    ['q1', 'Select an answer to question 1'],
    ['q3', 'Give one answer to question 3'],
    ['q4', 'Your answer to question 4 must be 1,200 characters or fewer (it has 1,201)'],
  ]);
  assert.deepEqual(readAnswers(SURVEY, { q1: 'Perhaps' }).errors.map((e) => e.text), ['Choose an answer to question 1 from the list']);
  assert.deepEqual(readAnswers(SURVEY, { q1: 'Yes', q4: 'a\u0000b' }).errors.map((e) => e.text), ['Your answer to question 4 must not contain hidden control characters']);
  assert.deepEqual(readAnswers(SURVEY, { q1: { evil: true } }).errors.map((e) => e.text), ['Your answer to question 1 must be sent as text']);
});

test('whatever is sent, only offered choices and bounded text are ever stored', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom('q1', 'q2', 'q3', 'q4', 'zz'), fc.oneof(fc.string(), fc.array(fc.string()), fc.constantFrom('Yes', 'No', 'agree', 'dont-know'))), (body) => {
      const r = readAnswers(SURVEY, body);
      for (const [id, values] of r.answers) {
        const question = SURVEY.find((x) => x.id === id)!;
        if (question.kind === 'text') assert.ok(values.length === 1 && values[0]!.length <= MAX_TEXT_ANSWER && values[0]!.trim() !== '');
        else if (question.kind === 'agreement') assert.ok(values.every((v) => ['strongly-agree', 'agree', 'neither', 'disagree', 'strongly-disagree', 'dont-know'].includes(v)));
        else assert.ok(values.every((v) => question.options.includes(v)));
      }
    }),
  );
});

test('a new question is checked against the survey so far', () => {
  assert.deepEqual(checkNewQuestion({ kind: 'text', text: 'Why?', hint: '', options: '', showIfPosition: '1', showIfValue: 'Perhaps' }, SURVEY).errors.map((e) => e.text), [
    'Enter one of the answers to question 1: Yes, No, Maybe',
  ]);
  assert.deepEqual(checkNewQuestion({ kind: 'text', text: 'Why?', hint: '', options: '', showIfPosition: '1', showIfValue: 'Yes' }, SURVEY).question?.showIf, { position: 1, value: 'Yes' });
  assert.deepEqual(checkNewQuestion({ kind: 'agreement', text: 'Agree?', hint: '', options: '', showIfPosition: '3', showIfValue: 'Strongly agree' }, SURVEY).question?.showIf, { position: 3, value: 'strongly-agree' });
  assert.deepEqual(checkNewQuestion({ kind: 'text', text: 'Why?', hint: '', options: '', showIfPosition: '4', showIfValue: 'x' }, SURVEY).errors.map((e) => e.text), ['A question can only follow a question with answers to choose from']);
  assert.deepEqual(checkNewQuestion({ kind: 'multiple', text: 'Which?', hint: '', options: 'A\nA', showIfPosition: '', showIfValue: '' }, SURVEY).errors.map((e) => e.text), ['Each answer to choose from must be different']);
  assert.deepEqual(checkNewQuestion({ kind: 'poll', text: '', hint: '', options: '', showIfPosition: '', showIfValue: '' }, SURVEY).errors.map((e) => e.field), ['kind', 'text']);
});
