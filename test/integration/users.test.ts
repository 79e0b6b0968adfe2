import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { demoEmail, DEMO_PASSWORD } from '../../src/demo/platform.seed.js';

describeApp('users, password reset and the outbox', (ctx) => {
  async function linkFromOutbox(email: string): Promise<string> {
    const [m] = await ctx().s.notifications.list(ctx().s.db, { recipient: email, limit: 1 });
    assert.ok(m, `a message to ${email}`);
    return new URL(m.body.match(/https?:\/\/\S+/)![0]).pathname;
  }

  test('an administrator adds a user, who chooses a password from the emailed link and signs in', async () => {
    const admin = await ctx().signedIn('administrator');
    await admin.get('/admin/users');
    const { s } = ctx();
    const school = await s.db.selectFrom('organisations').select('id').where('code', '=', '900002').executeTakeFirstOrThrow();
    const res = await admin.post('/admin/users', { name: 'Grace Lowther', email: 'Grace.Lowther@school.example', role: 'senco', organisation: school.id });
    assert.equal(res.statusCode, 303);
    const outbox = await admin.get('/admin/outbox');
    assert.match(outbox.body, /grace.lowther@school.example/);

    const grace = ctx().client();
    const link = await linkFromOutbox('grace.lowther@school.example');
    const form = await grace.get(link);
    assert.equal(form.statusCode, 200);
    const mismatch = await grace.post(link, { password: 'a long enough password', confirm: 'something else entirely' });
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /href="#confirm">Enter the same password twice/);
    const short = await grace.post(link, { password: 'short', confirm: 'short' });
    assert.match(short.body, /Password must be 12 characters or more/);
    const done = await grace.post(link, { password: 'correct horse battery', confirm: 'correct horse battery' });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Your password has been changed/);
    await grace.signIn('grace.lowther@school.example', 'correct horse battery');
    assert.match((await grace.get('/home')).body, /Hello, Grace Lowther/);
    assert.equal((await grace.get(link)).statusCode, 410, 'the link works once');
  });

  test('the add-user form shows every missing field and refuses a duplicate email', async () => {
    const admin = await ctx().signedIn('administrator');
    await admin.get('/admin/users');
    const empty = await admin.post('/admin/users', {});
    assert.equal(empty.statusCode, 400);
    for (const f of ['email', 'name', 'role', 'organisation']) assert.match(empty.body, new RegExp(`href="#${f}"`));
    const council = await ctx().s.db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirstOrThrow();
    const dup = await admin.post('/admin/users', { name: 'X', email: demoEmail('analyst'), role: 'analyst', organisation: council.id });
    assert.equal(dup.statusCode, 400);
    assert.match(dup.body, /There is already a user with the email/);
    const badRole = await admin.post('/admin/users', { name: 'X', email: 'x@council.example', role: 'emperor', organisation: council.id });
    assert.match(badRole.body, /There is no role called/);
  });

  test('a reset request for an unknown email looks the same and sends nothing', async () => {
    const c = ctx().client();
    await c.get('/password-reset');
    const before = (await ctx().s.notifications.list(ctx().s.db)).length;
    const res = await c.post('/password-reset', { email: 'nobody@nowhere.example' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /If there is an account with that email address/);
    assert.equal((await ctx().s.notifications.list(ctx().s.db)).length, before);
  });

  test('resetting a password signs out the sessions that were open', async () => {
    const old = await ctx().signedIn('partnership-leader');
    const c = ctx().client();
    await c.get('/password-reset');
    await c.post('/password-reset', { email: demoEmail('partnership-leader') });
    const link = await linkFromOutbox(demoEmail('partnership-leader'));
    await c.get(link);
    await c.post(link, { password: 'another good password', confirm: 'another good password' });
    assert.equal((await old.get('/home')).statusCode, 303);
    const again = ctx().client();
    await again.get('/sign-in');
    assert.equal((await again.post('/sign-in', { email: demoEmail('partnership-leader'), password: DEMO_PASSWORD })).statusCode, 400);
  });

  test('a made-up reset link is refused', async () => {
    assert.equal((await ctx().client().get('/password-reset/not-a-real-link-at-all-123')).statusCode, 410);
  });
});

describeApp(
  'delivery through a notification sender',
  (ctx) => {
    test('queued messages are handed to the sender and marked sent', async () => {
      sent.length = 0;
      const c = ctx().client();
      await c.get('/password-reset');
      await c.post('/password-reset', { email: demoEmail('analyst') });
      const [m] = await ctx().s.notifications.list(ctx().s.db, { recipient: demoEmail('analyst') });
      assert.equal(m?.status, 'sent');
      assert.equal(m?.provider_reference, 'ref-1');
      assert.equal(sent.length, 1);
      assert.match(sent[0]!, /password-reset/);
    });
  },
  {
    sender: {
      name: 'test sender',
      // A second implementation of the sender interface, not a mock of Notify: it records what
      // it was asked to deliver, as Notify's own API would.
      async sendEmail(message) {
        sent.push(`${message.template} ${message.to}`);
        return { reference: `ref-${sent.length}` };
      },
    },
  },
);
const sent: string[] = [];
