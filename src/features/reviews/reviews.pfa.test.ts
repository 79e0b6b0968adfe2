import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FieldError } from '../../platform/web/forms.js';
import { describePfa, pfaValues, readPfa, routeRows } from './reviews.pfa.js';
import { parseReviewForm, reviewFormNamed } from './reviews.forms.js';

const full = {
  'pfa-employment-outcome': 'Work experience', 'pfa-independent-living-outcome': 'Cook two meals',
  'pfa-friends-community-outcome': 'Join a club', 'pfa-good-health-outcome': 'Own GP appointments', 'pfa-good-health-progress': 'Booked one',
  'route-0-step': 'Travel training', 'route-0-byWhen': 'Easter 2027', 'route-0-who': 'Travel team',
  'route-3-step': 'College visit', 'route-3-byWhen': 'June 2027', 'route-3-who': 'Careers adviser',
};

describe('Preparing for Adulthood form', () => {
  test('reads the four outcomes and the route planner, skipping empty rows', () => {
    const errors: FieldError[] = [];
    const pfa = readPfa(full, errors);
    assert.deepEqual(errors, []);
    assert.equal(pfa.outcomes['good-health'].progress, 'Booked one');
    assert.deepEqual(pfa.routePlanner.map((r) => r.step), ['Travel training', 'College visit']);
    // And back into the form, and onto a page.
    assert.equal(pfaValues(pfa)['route-1-step'], 'College visit');
    assert.deepEqual(describePfa(pfa)!.outcomes.map((o) => o.label), ['Employment', 'Independent living', 'Friends, relationships and community', 'Good health']);
    assert.equal(describePfa(null), null);
  });

  test('each outcome is needed; a started route planner row needs all three parts', () => {
    const errors: FieldError[] = [];
    readPfa({ 'route-1-who': 'Mum' }, errors);
    assert.deepEqual(errors.map((e) => e.field), [
      'pfa-employment-outcome', 'pfa-independent-living-outcome', 'pfa-friends-community-outcome', 'pfa-good-health-outcome', 'route-1-step', 'route-1-byWhen',
    ]);
    assert.equal(errors[4]!.text, 'Enter what step 2 of the route planner is, or clear its row');
  });

  test('the form shows the rows filled in and two more, at least three, at most ten', () => {
    assert.equal(routeRows({}), 3);
    assert.equal(routeRows({ 'route-3-step': 'x' }), 6);
    assert.equal(routeRows({ 'route-9-who': 'x' }), 10);
  });
});

describe('review forms', () => {
  const ctx = { today: '2026-11-24', dateOfBirth: '2011-10-10', planActive: true };

  test('a meeting in Year 9 or later needs the outcomes, even when the form did not show them', () => {
    const spec = reviewFormNamed('meeting')!;
    const r = parseReviewForm(spec, { 'on-day': '20', 'on-month': '11', 'on-year': '2026' }, ctx);
    assert.equal(r.change, undefined);
    assert.match(r.errors[0]!.text, /Year 9 or above at this meeting/);
    const ok = parseReviewForm(spec, { 'on-day': '20', 'on-month': '11', 'on-year': '2026', pfaShown: 'yes', ...full }, ctx);
    assert.equal(ok.change?.type, 'meeting-held');
    const young = parseReviewForm(spec, { 'on-day': '20', 'on-month': '11', 'on-year': '2026' }, { ...ctx, dateOfBirth: '2016-04-01' });
    assert.deepEqual(young.change, { type: 'meeting-held', on: '2026-11-20', pfa: null, notes: null });
  });

  test('the invitations date is optional when booking; a half-typed one is an error', () => {
    const spec = reviewFormNamed('schedule')!;
    const meeting = { 'meetingOn-day': '1', 'meetingOn-month': '12', 'meetingOn-year': '2026' };
    assert.deepEqual(parseReviewForm(spec, meeting, ctx).change, { type: 'schedule', meetingOn: '2026-12-01', invitationsSentOn: null });
    assert.deepEqual(parseReviewForm(spec, { ...meeting, 'invitationsSentOn-year': '2026' }, ctx).errors.map((e) => e.text), ['Date the invitations were sent must include a day and month']);
  });

  test('ceasing needs one of the SEN2 reasons', () => {
    const spec = reviewFormNamed('decision')!;
    const date = { 'on-day': '20', 'on-month': '11', 'on-year': '2026' };
    assert.deepEqual(parseReviewForm(spec, { decision: 'cease', ceaseReason: '10', ...date }, ctx).errors.map((e) => e.field), ['ceaseReason']);
    assert.deepEqual(parseReviewForm(spec, { decision: 'cease', ceaseReason: '4', ...date }, ctx).change, { type: 'decision', on: '2026-11-20', decision: 'cease', ceaseReason: '4' });
    assert.deepEqual(parseReviewForm(spec, { decision: 'maintain', ceaseReason: '4', ...date }, ctx).change, { type: 'decision', on: '2026-11-20', decision: 'maintain', ceaseReason: null });
  });
});
