import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { agesProblem, formValues, readDecision, readProposal, type EditableField, type FieldValue } from './proposal.form.js';
import { readFeedback, readModeration } from './feedback.form.js';

const current: Record<EditableField, FieldValue> = {
  name: 'Talk Together drop-in',
  description: 'A relaxed drop-in.',
  eligibility_description: null,
  minimum_age: 1,
  maximum_age: 7,
  application_process: 'Just come along.',
  fees_description: 'Free',
  wait_time: null,
  url: 'https://riverside.example',
  email: null,
};

test('only the fields that changed are proposed, with their values before', () => {
  const form = readProposal({ ...formValues(current), maximum_age: '8', wait_time: ' No wait ', note: 'Older children too' }, current);
  assert.deepEqual(form.errors, []);
  assert.deepEqual(form.proposal, { changes: { maximum_age: 8, wait_time: 'No wait' }, before: { maximum_age: 7, wait_time: null }, note: 'Older children too' });
  const cleared = readProposal({ ...formValues(current), url: '' }, current);
  assert.deepEqual(cleared.proposal!.changes, { url: null });
});

test('the form as it came is no change at all; whatever is typed never throws', () => {
  assert.match(readProposal(formValues(current), current).errors[0]!.text, /You have not changed anything/);
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom('name', 'description', 'minimum_age', 'maximum_age', 'url', 'email', 'note', 'x'), fc.oneof(fc.string(), fc.array(fc.string()))), (body) => {
      const form = readProposal({ ...formValues(current), ...body }, current);
      assert.ok(form.proposal || form.errors.length > 0);
      if (form.proposal) assert.ok(Object.keys(form.proposal.changes).length > 0);
    }),
  );
});

test('bad values name the field and how to fix it', () => {
  const form = readProposal({ ...formValues(current), name: ' ', minimum_age: 'two', url: 'javascript:alert(1)', email: 'nope' }, current);
  const byField = Object.fromEntries(form.errors.map((e) => [e.field, e.text]));
  assert.equal(byField.name, 'Enter the name of the service');
  assert.equal(byField.minimum_age, 'Youngest age must be a whole number of years, like 5');
  assert.match(byField.url!, /starting with https:\/\//);
  assert.match(byField.email!, /correct format/);
  assert.match(readProposal({ ...formValues(current), minimum_age: '9', maximum_age: '3' }, current).errors[0]!.text, /Oldest age must be the same as or more than the youngest age/);
});

test('ages are checked again against the service as it is when the officer decides', () => {
  assert.equal(agesProblem(current, { maximum_age: 8 }), undefined);
  assert.match(agesProblem({ ...current, minimum_age: 10 }, { maximum_age: 8 })!, /youngest age \(10\) would be more than the oldest age \(8\)/);
});

test('a rejection needs a reason; an approval does not', () => {
  assert.deepEqual(readDecision({ decision: 'approve' }).decision, { approve: true, reason: null });
  assert.match(readDecision({ decision: 'reject', reason: '  ' }).errors[0]!.text, /Enter the reason you are rejecting/);
  assert.deepEqual(readDecision({ decision: 'reject', reason: ' Wrong price ' }).decision, { approve: false, reason: 'Wrong price' });
  assert.match(readDecision({ decision: 'maybe' }).errors[0]!.text, /Choose whether to approve or reject/);
});

test('feedback: text required, name and email optional, email checked; publishing needs a response', () => {
  assert.deepEqual(readFeedback({ feedback: ' Great ' }).feedback, { body: 'Great', name: null, email: null });
  assert.deepEqual(readFeedback({ feedback: '' }).errors.map((e) => e.field), ['feedback']);
  assert.deepEqual(readFeedback({ feedback: 'x', email: 'a@b' }).errors.map((e) => e.field), ['email']);
  assert.deepEqual(readFeedback({ feedback: 'x'.repeat(2001) }).errors.map((e) => e.field), ['feedback']);
  assert.match(readModeration({ decision: 'publish', response: '' }).errors[0]!.text, /Write the council’s response/);
  assert.deepEqual(readModeration({ decision: 'publish', response: ' Done ' }).moderation, { decision: 'publish', response: 'Done' });
  assert.deepEqual(readModeration({ decision: 'reject' }).moderation, { decision: 'reject' });
  assert.match(readModeration({}).errors[0]!.text, /Choose whether to publish/);
});
