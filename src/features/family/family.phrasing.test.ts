import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adviceSentences, adviceStatus, agencyWords, commentPeriod, councilDeadline, exceptionSentences, requesterWords } from './family.phrasing.js';

const health = { agency: 'health', askedOn: '2026-02-20', dueOn: '2026-04-03', receivedOn: null, nilReturn: false };

describe('plain English for families', () => {
  test('late advice: the glossary’s own example, by 1 day and by 5 days', () => {
    assert.deepEqual(adviceSentences({ ...health, reminded: true }, '2026-04-08'), [
      'We asked the health service for advice on 20 February 2026.',
      'Advice from the health service was due on 3 April 2026. It is 5 days late.',
      'We have reminded them.',
    ]);
    assert.equal(adviceSentences(health, '2026-04-04')[1], 'Advice from the health service was due on 3 April 2026. It is 1 day late.');
    assert.equal(adviceSentences(health, '2026-04-04').length, 2, 'no reminder claimed when none was sent');
    assert.deepEqual(adviceSentences({ ...health, escalated: true }, '2026-04-20').slice(2), ['We have reminded them.', 'We have also asked their manager to help.']);
    assert.deepEqual(adviceStatus(health, '2026-04-04'), { text: 'Late', classes: 'govuk-tag--red' });
  });

  test('advice due today, tomorrow, soon and later', () => {
    assert.equal(adviceSentences(health, '2026-04-03')[1], 'Their advice is due on 3 April 2026. That is today.');
    assert.equal(adviceSentences(health, '2026-04-02')[1], 'Their advice is due on 3 April 2026. That is tomorrow.');
    assert.equal(adviceSentences(health, '2026-03-30')[1], 'Their advice is due on 3 April 2026. That is in 4 days.');
    assert.equal(adviceSentences(health, '2026-03-01')[1], 'Their advice is due on 3 April 2026.');
    assert.deepEqual(adviceStatus(health, '2026-04-03'), { text: 'Waiting', classes: 'govuk-tag--grey' });
  });

  test('advice that came: on time, late, and a nil return', () => {
    assert.deepEqual(adviceSentences({ ...health, receivedOn: '2026-04-01' }, '2026-05-01').slice(1), [
      'Their advice came on 1 April 2026.',
      'That was on time. It was due on 3 April 2026.',
    ]);
    assert.deepEqual(adviceSentences({ ...health, receivedOn: '2026-04-05' }, '2026-05-01').slice(1), [
      'Their advice came on 5 April 2026.',
      'That was 2 days late. It was due on 3 April 2026.',
    ]);
    const nil = adviceSentences({ ...health, agency: 'social-care', receivedOn: '2026-04-04', nilReturn: true }, '2026-05-01');
    assert.equal(nil[0], 'We asked the social care team for advice on 20 February 2026.');
    assert.equal(nil[1], 'On 4 April 2026 they told us they found no needs that they can help with.');
    assert.equal(nil[2], 'That was 1 day late. It was due on 3 April 2026.');
    assert.deepEqual(adviceStatus({ ...health, receivedOn: '2026-04-04' }, '2026-05-01'), { text: 'Came late', classes: 'govuk-tag--orange' });
  });

  test('who we asked, in a parent’s words', () => {
    assert.equal(agencyWords('education'), 'your child’s school');
    assert.equal(agencyWords('psychology'), 'an educational psychologist');
    assert.equal(agencyWords('a speech therapist'), 'a speech therapist');
    assert.equal(requesterWords('parent'), 'a parent or carer');
    assert.equal(requesterWords('nonsense'), 'someone');
  });

  test('the council’s deadlines: due, due today, late, met and met late', () => {
    assert.equal(councilDeadline('decision', '2026-07-18', null, '2026-06-01').text, 'We must decide by 18 July 2026.');
    assert.equal(councilDeadline('decision', '2026-07-18', null, '2026-07-18').text, 'We must decide by 18 July 2026. That is today.');
    const late = councilDeadline('decision', '2026-07-18', null, '2026-07-23');
    assert.equal(late.text, 'We had to decide by 18 July 2026. We are 5 days late. We are sorry.');
    assert.equal(late.met, false);
    assert.equal(councilDeadline('final-plan', '2026-10-24', null, '2026-10-25').text, 'We had to send you the final plan by 24 October 2026. We are 1 day late. We are sorry.');
    const met = councilDeadline('decision', '2026-07-18', '2026-07-10', '2026-08-01');
    assert.deepEqual(met, { title: 'Deciding whether to assess your child', text: 'We decided on 10 July 2026. That was on time. The deadline was 18 July 2026.', met: true });
    const metLate = councilDeadline('final-plan', '2026-10-24', '2026-10-26', '2026-11-01');
    assert.equal(metLate.text, 'We sent you the final plan on 26 October 2026. That was 2 days late. The deadline was 24 October 2026.');
    assert.equal(metLate.met, false);
    assert.equal(councilDeadline('not-issue', '2026-09-26', null, '2026-06-01').text, 'If we decide not to write a plan, we must tell you by 26 September 2026.');
    assert.throws(() => councilDeadline('advice', '2026-09-26', null, '2026-06-01'));
  });

  test('the time to comment on the draft', () => {
    assert.equal(commentPeriod('2026-09-16', '2026-09-01'), 'You have until 16 September 2026 to send us your comments. That is in 15 days.');
    assert.equal(commentPeriod('2026-09-16', '2026-09-16'), 'Today, 16 September 2026, is the last day to send us your comments.');
    assert.equal(commentPeriod('2026-09-16', '2026-09-17'), 'The time to comment ended on 16 September 2026. You can still send us comments until we send the final plan.');
  });

  test('exceptions, explained', () => {
    const s = exceptionSentences('a', '2026-07-16', '2026-08-27');
    assert.equal(s[0], 'From 16 July 2026 to 27 August 2026 the law gave us more time.');
    assert.match(s[1]!, /school or college was closed for 4 weeks or more/);
  });
});
