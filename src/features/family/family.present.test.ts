import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAssessmentClock } from '../ehc/clock/index.js';
import type { EhcCase } from '../ehc/ehc.service.js';
import { eventSentence, familyTimeline, nextInOneLine, stageWords, whatHappensNext } from './family.present.js';

type Facts = Partial<Pick<EhcCase['request'], 'stage' | 'decision' | 'decision_on' | 'draft_issued_on' | 'comments_received_on' | 'final_issued_on' | 'not_issuing_on'>>;

/** A case as the EHC service returns it, received on 6 June 2026 (decision due 18 July, final 24 October). */
function aCase(facts: Facts, advice: { agency: string; askedOn: string; receivedOn?: string }[] = [], today = '2026-06-10'): EhcCase {
  const request = {
    id: 'r1', child_id: 'c1', received_on: '2026-06-06', requested_by: 'parent', stage: 'requested', decision: null, decision_on: null,
    draft_issued_on: null, comments_received_on: null, final_issued_on: null, not_issuing_on: null, ...facts,
  } as unknown as EhcCase['request'];
  const adv = advice.map((a, i) => ({ id: `a${i}`, agency: a.agency, askedOn: a.askedOn, dueOn: '', receivedOn: a.receivedOn ?? null, nilReturn: false, advice: {}, teamName: null, assigneeName: null }));
  const clock = computeAssessmentClock({
    receivedOn: request.received_on,
    decision: request.decision ? { on: request.decision_on!, outcome: request.decision as 'assess' } : null,
    advice: adv.map((a) => ({ agency: a.agency, askedOn: a.askedOn, receivedOn: a.receivedOn })),
    draftIssuedOn: request.draft_issued_on,
    commentsReceivedOn: request.comments_received_on,
    finalIssuedOn: request.final_issued_on,
    notIssuingOn: request.not_issuing_on,
    exceptions: [],
  }, today);
  return { request, child: { id: 'c1', givenName: 'Mia', familyName: 'Parker', dateOfBirth: '2017-05-14' }, advice: adv as EhcCase['advice'], exceptions: [], events: [], clock };
}

describe('what happens next, by stage', () => {
  test('a new request: when we will decide, or how late we are', () => {
    assert.deepEqual(whatHappensNext(aCase({}), '2026-06-10'), [
      'We are looking at the request.',
      'We will tell you whether we will assess your child’s needs by 18 July 2026. That is in 38 days.',
    ]);
    assert.equal(whatHappensNext(aCase({}, [], '2026-07-23'), '2026-07-23')[1], 'We had to tell you whether we will assess your child’s needs by 18 July 2026. We are 5 days late. We will do it as soon as we can.');
    assert.equal(nextInOneLine(aCase({}), '2026-06-10'), 'We will tell you whether we will assess your child’s needs by 18 July 2026. That is in 38 days.');
  });

  test('assessing: who we are waiting for, and the final plan’s date', () => {
    const c = aCase({ stage: 'assessing', decision: 'assess', decision_on: '2026-07-10' }, [
      { agency: 'health', askedOn: '2026-07-13' }, { agency: 'social-care', askedOn: '2026-07-13' }, { agency: 'education', askedOn: '2026-07-13', receivedOn: '2026-07-20' },
    ], '2026-07-21');
    const next = whatHappensNext(c, '2026-07-21');
    assert.equal(next[0], 'We are waiting for advice from the health service and the social care team. You can see when it is due below.');
    assert.equal(next[2], 'We will send you the final plan by 24 October 2026. That is in 95 days.');
  });

  test('the draft: comment by draft + 15 days; after comments, thanks', () => {
    const draft = aCase({ stage: 'draft-issued', decision: 'assess', decision_on: '2026-07-10', draft_issued_on: '2026-09-01' }, [], '2026-09-02');
    assert.equal(whatHappensNext(draft, '2026-09-02')[0], 'Please read the draft plan and tell us what you think by 16 September 2026. That is in 14 days.');
    assert.match(whatHappensNext(draft, '2026-09-20')[0]!, /The 15 days to comment ended on 16 September 2026, but you can still send comments/);
    const commented = aCase({ stage: 'draft-issued', decision: 'assess', decision_on: '2026-07-10', draft_issued_on: '2026-09-01', comments_received_on: '2026-09-10' }, [], '2026-09-12');
    assert.equal(whatHappensNext(commented, '2026-09-12')[0], 'Thank you for your comments. We received them on 10 September 2026.');
  });

  test('the plan issued, and the decisions that end a request', () => {
    const done = aCase({ stage: 'final-issued', decision: 'assess', decision_on: '2026-07-10', draft_issued_on: '2026-09-01', final_issued_on: '2026-10-20' }, [], '2026-10-21');
    assert.deepEqual(whatHappensNext(done, '2026-10-21', { reviewDueBy: '2027-10-20' }), [
      'We sent you your child’s final plan on 20 October 2026.',
      'We will look at the plan again with you at least once a year. The first review must happen by 20 October 2027.',
    ]);
    const no = aCase({ stage: 'not-assessing', decision: 'not-assess', decision_on: '2026-07-01' }, [], '2026-07-02');
    assert.match(whatHappensNext(no, '2026-07-02').join(' '), /We decided on 1 July 2026 not to assess.*mediation or appeal within 2 months/);
    assert.equal(stageWords('draft-issued'), 'The draft plan is ready for your comments');
  });
});

describe('the timeline a family sees', () => {
  test('internal notes and anything hidden never appear', () => {
    const events = [
      { id: '1', type: 'request-received', occurredOn: '2026-06-06', data: { requestedBy: 'parent' }, visibleToFamily: true, recordedAt: new Date() },
      { id: '2', type: 'note', occurredOn: '2026-06-07', data: { text: 'Mother hard to reach' }, visibleToFamily: false, recordedAt: new Date() },
      { id: '3', type: 'note', occurredOn: '2026-06-07', data: { text: 'even if marked visible' }, visibleToFamily: true, recordedAt: new Date() },
      { id: '4', type: 'advice-received', occurredOn: '2026-08-20', data: { agency: 'social-care', nilReturn: true }, visibleToFamily: true, recordedAt: new Date() },
      { id: '5', type: 'decision', occurredOn: '2026-07-10', data: { outcome: 'assess' }, visibleToFamily: false, recordedAt: new Date() },
    ];
    assert.deepEqual(familyTimeline(events), [
      { on: '2026-06-06', text: 'We received a request for an assessment from a parent or carer.' },
      { on: '2026-08-20', text: 'The social care team told us they found no needs that they can help with.' },
    ]);
  });

  test('every event type has a sentence', () => {
    const say = (type: string, data: Record<string, unknown> = {}) => eventSentence({ type, data, visibleToFamily: true });
    assert.equal(say('decision', { outcome: 'not-assess' }), 'We decided not to assess your child’s needs. We sent you a letter that explains why.');
    assert.equal(say('advice-requested', { agency: 'health' }), 'We asked the health service for advice.');
    assert.equal(say('advice-received', { agency: 'education', nilReturn: false }), 'Your child’s school sent us their advice.');
    assert.match(say('comments-received', { preferredSetting: 'Fellside Primary School' })!, /go to Fellside Primary School\.$/);
    assert.equal(say('tribunal', { status: 'conceded' }), 'We accepted the appeal, so the tribunal did not need to decide.');
    for (const t of ['draft-issued', 'final-issued', 'not-issuing', 'exception', 'mediation']) assert.ok(say(t, { status: 'held' }), t);
    assert.equal(say('something-new'), null);
  });
});
