import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readForm } from '../../platform/web/forms.js';
import { checkComments, checkRequest, COMMENT_FIELDS, MAX_STORY, REQUEST_FIELDS } from './family.forms.js';

const comments = (body: Record<string, string>) => {
  const form = readForm(body, COMMENT_FIELDS, {}, 20000);
  return { result: checkComments(form), errors: form.errors };
};

describe('comments on the draft plan', () => {
  test('nothing at all is an error on the comments box', () => {
    const { result, errors } = comments({ comments: '  ', preferredSetting: '' });
    assert.equal(result, undefined);
    assert.deepEqual(errors, [{ field: 'comments', text: 'Enter your comments on the draft plan, or the school or setting you would like' }]);
  });

  test('the general box, each section under its name, and the setting alone', () => {
    const { result } = comments({ comments: 'Please name the clinic.', 'section-B': 'She reads well.', 'section-I': 'Not this school.' });
    assert.equal(result!.comments, 'Please name the clinic.\n\nAbout section B, Special educational needs:\nShe reads well.\n\nAbout section I, Placement:\nNot this school.');
    assert.deepEqual(comments({ preferredSetting: ' Fellside Primary School ' }).result, { preferredSetting: 'Fellside Primary School' });
  });

  test('too long', () => {
    assert.match(comments({ preferredSetting: 'x'.repeat(301) }).errors[0]!.text, /300 characters or fewer/);
    assert.match(comments({ comments: 'x'.repeat(15000), 'section-A': 'y'.repeat(6000) }).errors[0]!.text, /20,000 characters or fewer in total/);
  });
});

describe('a request for an assessment', () => {
  const today = '2026-11-24';
  const story = { relationship: 'mother', difficulties: 'Reading.', currentHelp: 'None.', declaration: 'yes' };
  const check = (body: Record<string, string>, linked: string[] = []) => {
    const form = readForm(body, REQUEST_FIELDS, {}, MAX_STORY);
    return { result: checkRequest(form, today, linked), errors: form.errors.map((e) => `${e.field}: ${e.text}`) };
  };
  const mia = '0b7f3c0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

  test('an empty form: every problem, in the order of the page', () => {
    assert.deepEqual(check({}, [mia]).errors, [
      'child: Select the child you are asking about',
      'relationship: Select how you are related to the child',
      'difficulties: Tell us what is hard for your child',
      'currentHelp: Tell us what help your child has now. If they have no help, say so',
      'declaration: Confirm that what you have told us is true',
    ]);
  });

  test('a new child needs a name and a real date of birth in the past', () => {
    assert.deepEqual(check({ child: 'new', ...story }).errors, [
      'givenName: Enter your child’s first name',
      'familyName: Enter your child’s last name',
      'dateOfBirth-day: Enter your child’s date of birth',
    ]);
    assert.deepEqual(check({ child: 'new', givenName: 'Ava', familyName: 'Nixon', 'dateOfBirth-day': '30', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2017', ...story }).errors, [
      'dateOfBirth-day: Date of birth must be a real date',
    ]);
    assert.deepEqual(check({ child: 'new', givenName: 'Ava', familyName: 'Nixon', 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2030', ...story }).errors, [
      'dateOfBirth-day: Date of birth must be in the past',
    ]);
    const ok = check({ child: 'new', givenName: ' Ava ', familyName: 'Nixon', 'dateOfBirth-day': '2', 'dateOfBirth-month': '3', 'dateOfBirth-year': '2015', ...story });
    assert.deepEqual(ok.result!.newChild, { givenName: 'Ava', familyName: 'Nixon', dateOfBirth: '2015-03-02', schoolId: null });
    assert.equal(ok.result!.requestedBy, 'parent');
    assert.equal(ok.result!.reason, 'What is hard for the child:\nReading.\n\nWhat help they have now:\nNone.');
  });

  test('a linked child; a young person asks for themselves; a child not linked is refused', () => {
    const ok = check({ child: mia, ...story, relationship: 'young-person' }, [mia]);
    assert.equal(ok.result!.childId, mia);
    assert.equal(ok.result!.requestedBy, 'young-person');
    assert.deepEqual(check({ child: mia, ...story }, []).errors, ['child: Select the child you are asking about']);
    assert.deepEqual(check({ child: mia, ...story, relationship: 'neighbour' }, [mia]).errors, ['relationship: Select how you are related to the child']);
  });
});
