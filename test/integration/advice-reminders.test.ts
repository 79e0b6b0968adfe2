import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { describeApp } from '../support/context.js';
import { sendHub, tempDataDir } from '../support/processes.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { addDays } from '../../src/features/ehc/clock/index.js';
import { runReminders } from '../../src/features/advice/reminders.runner.js';
import type { EmailMessage, NotificationSender } from '../../src/platform/notifications/notifications.service.js';
import { aCase, answerAdvice, askAdvice, aTeam, aUser, userOf } from './advice.fixtures.js';

const delivered: EmailMessage[] = [];
const sender: NotificationSender = {
  name: 'test',
  async sendEmail(message) {
    delivered.push(message);
    return { reference: `ref-${delivered.length}` };
  },
};

describeApp('advice reminders through the outbox', (ctx) => {
  let dueOn = '';
  let manager: { id: string; email: string; name: string };

  test('set-up: a health team with a manager, a social care team with an address and none, a person in no team', async () => {
    const { s } = ctx();
    const today = s.today();
    delivered.length = 0; // one sender for the file; each database's suite counts its own
    // Whatever advice the seed holds has had its reminders: the counts below are this test's own.
    const sent = new Date();
    await s.db.updateTable('advice_requests').set({ reminded_before_at: sent, reminded_due_at: sent, escalated_at: sent }).execute();
    const hp = await userOf(s, 'health-professional');
    manager = await aUser(s, 'Grace Lowe', 'health-professional');
    const paeds = await aTeam(s, { name: 'Community Paediatrics', agency: 'health', members: [hp.id], managerId: manager.id });
    const cwd = await aTeam(s, { name: 'Children with Disabilities Team', agency: 'social-care', email: 'cwd@council.example' });
    const c = await aCase(s, { receivedOn: addDays(today, -45), givenName: 'Mia', familyName: 'Quinn' });
    const askedOn = addDays(today, -40);
    dueOn = addDays(askedOn, 42);
    await askAdvice(s, c.requestId, { agency: 'health', askedOn, teamId: paeds });
    await askAdvice(s, c.requestId, { agency: 'social-care', askedOn, teamId: cwd });
    await askAdvice(s, c.requestId, { agency: 'psychology', askedOn, assigneeEmail: demoEmail('educational-psychologist') });
    const education = await askAdvice(s, c.requestId, { agency: 'education', askedOn, assigneeEmail: demoEmail('senco') });
    await answerAdvice(s, c.requestId, education, today, { nilReturn: false, advice: { B: 'Reading age 6.' } });
  });

  test('run twice on each day: every message is in the outbox once, then delivered', async () => {
    const { s } = ctx();
    const outbox = () => s.db.selectFrom('notification_outbox').select(['recipient', 'template', 'subject', 'body', 'status']).where('template', 'like', 'advice-%').orderBy('created_at').execute();

    const weekBefore = addDays(dueOn, -7);
    const first = await runReminders(s, weekBefore);
    assert.deepEqual([first.before, first.due, first.escalation], [3, 0, 0]);
    const again = await runReminders(s, weekBefore);
    assert.deepEqual([again.before, again.due, again.escalation, again.emails], [0, 0, 0, 0]);
    // Still nothing new later that week.
    assert.equal((await runReminders(s, addDays(dueOn, -3))).emails, 0);

    let messages = await outbox();
    assert.deepEqual(messages.map((m) => m.recipient).sort(), ['cwd@council.example', demoEmail('educational-psychologist'), demoEmail('health-professional')].sort());
    assert.ok(messages.every((m) => m.template === 'advice-before' && /is due on/.test(m.subject)));
    assert.ok(messages.every((m) => m.status === 'sent'), 'delivered after the transaction');
    assert.doesNotMatch(messages.map((m) => m.body).join('\n'), /Mia|Quinn/, 'no child’s name in an email');

    await runReminders(s, dueOn);
    await runReminders(s, dueOn);
    const late = addDays(dueOn, 1);
    const escalated = await runReminders(s, late);
    assert.deepEqual([escalated.before, escalated.due, escalated.escalation], [0, 0, 3]);
    assert.equal((await runReminders(s, late)).emails, 0);
    assert.equal((await runReminders(s, addDays(dueOn, 10))).emails, 0);

    messages = await outbox();
    const seen = messages.map((m) => `${m.template} ${m.recipient} ${m.subject}`);
    assert.equal(new Set(seen).size, seen.length, `each message once: ${seen.join(', ')}`);
    const officer = demoEmail('casework-officer');
    assert.deepEqual(
      messages.filter((m) => m.template === 'advice-escalation').map((m) => m.recipient).sort(),
      // Health: the team's manager. Social care (no manager) and psychology (no team): the officer who asked.
      [manager.email, officer, officer].sort(),
    );
    assert.equal(messages.filter((m) => m.template === 'advice-due').length, 3);
    assert.equal(messages.length, 9);
    assert.equal(delivered.length, 9);

    const rows = await s.db.selectFrom('advice_requests').select(['agency', 'reminded_before_at', 'reminded_due_at', 'escalated_at']).execute();
    for (const r of rows.filter((x) => x.agency !== 'education')) assert.ok(r.reminded_before_at && r.reminded_due_at && r.escalated_at, r.agency);
    const answered = rows.find((r) => r.agency === 'education')!;
    assert.deepEqual([answered.reminded_before_at, answered.reminded_due_at, answered.escalated_at], [null, null, null]);
  });
}, { sender });

test('`send-hub jobs reminders` runs the job and says what it did; run again, it sends nothing new', () => {
  const dataDir = tempDataDir();
  try {
    assert.equal(sendHub(['seed-demo'], { DATA_DIR: dataDir }).code, 0);
    const first = sendHub(['jobs', 'reminders'], { DATA_DIR: dataDir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^Reminders: \d+ a week before, \d+ on the due date, \d+ late \(manager told\); \d+ email\(s\) queued, 0 sent, 0 failed\.$/m);
    const second = sendHub(['jobs', 'reminders'], { DATA_DIR: dataDir });
    assert.match(second.stdout, /Reminders: 0 a week before, 0 on the due date, 0 late \(manager told\); 0 email\(s\) queued/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
