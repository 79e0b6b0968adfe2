import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { FormPage, PageHeaded, SignInPage, checkAccessibility, clickAndLoad, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';
import type { Role } from '../../src/platform/access/roles.js';

/**
 * Co-production and voice (issue 6): 2, a family answers the SEND Annual Survey anonymously;
 * 3, with four more answers (published figures move in steps of 5), the answer appears in the
 * survey indicator and on the published results; 4, a member of
 * the public subscribes, confirms through the emailed link (read from the administrator's
 * outbox) and unsubscribes. axe runs on every page reached, error states included.
 */

let server: RunningServer;
let browser: Browser;
const INDICATOR = 'survey-agree-p1-s3';
const STATEMENT = 'Families feel well informed, and agree that information and processes are clear and transparent.';
/** The indicator's 2026 figures before the family answered. */
let before2026: { numerator: number; denominator: number } | undefined;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function journey(fn: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  try {
    await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

async function signIn(page: Page, role: Role) {
  await checkAccessibility(page, 'a page before signing in');
  return (await SignInPage.open(page, server.baseUrl)).signIn(demoEmail(role), DEMO_PASSWORD);
}

async function indicator2026(page: Page): Promise<{ numerator: number; denominator: number; value: number }> {
  const res = await page.request.get(`/api/v1/indicators/${INDICATOR}?period=2026`);
  assert.equal(res.status(), 200, await res.text());
  const body = (await res.json()) as { values: { period: string; breakdown: string; numerator: number; denominator: number; value: number }[] };
  const v = body.values.find((x) => x.period === '2026' && (x.breakdown ?? '') === '');
  assert.ok(v, JSON.stringify(body));
  return v;
}

test('the indicator before: a leader reads the 2026 agreement with “families feel well informed”', async () => {
  await journey(async (page) => {
    await page.goto('/');
    await signIn(page, 'partnership-leader');
    before2026 = await indicator2026(page);
    assert.ok(before2026.denominator > 100);
  });
});

test('journey 2: a family answers the SEND Annual Survey anonymously', async () => {
  await journey(async (page) => {
    await page.goto('/');
    const home = await signIn(page, 'family');
    await checkAccessibility(page, 'family home');
    await clickAndLoad(page, page.getByRole('link', { name: 'Have your say' }));
    await new PageHeaded(page, 'Have your say').verifyOnPage();
    await checkAccessibility(page, 'have your say');
    await clickAndLoad(page, page.getByRole('link', { name: 'SEND Annual Survey 2026', exact: true }));
    const form = await new FormPage(page, 'SEND Annual Survey 2026').verifyOnPage();
    await checkAccessibility(page, 'the annual survey');
    assert.match(await page.locator('.govuk-inset-text').innerText(), /This survey is anonymous/);

    // Too long an answer: the GOV.UK error pattern, and what was chosen is kept.
    await form.choose('A parent or carer');
    await page.getByRole('group', { name: new RegExp(STATEMENT.replace(/[.,]/g, '.')) }).getByLabel('Strongly agree', { exact: true }).check();
    await page.getByLabel(/What one thing would make the biggest difference/).fill('x'.repeat(1300));
    await form.send('Send your answers');
    await form.verifyOnPage();
    assert.match(await page.title(), /^Error: /);
    assert.equal((await form.errorSummary()).length, 1);
    assert.match((await form.errorSummary())[0]!, /must be 1,200 characters or fewer \(it has 1,300\)/);
    await checkAccessibility(page, 'the annual survey with an error');
    assert.equal(await page.getByLabel('A parent or carer', { exact: true }).isChecked(), true);

    await page.getByLabel(/What one thing would make the biggest difference/).fill('Shorter waits <script>alert(1)</script>');
    await form.send('Send your answers');
    await new PageHeaded(page, 'Thank you for your answers').verifyOnPage();
    await checkAccessibility(page, 'thank you');
    void home;
  });
});

test('journey 3: the answer appears in the indicator and on the published results', async () => {
  // Published figures move in steps of 5 answers (docs/voice.md): four more people answer.
  for (let i = 0; i < 4; i++) {
    await journey(async (page) => {
      await page.goto('/have-your-say');
      await clickAndLoad(page, page.getByRole('link', { name: 'SEND Annual Survey 2026', exact: true }));
      const form = await new FormPage(page, 'SEND Annual Survey 2026').verifyOnPage();
      await form.choose('Someone else');
      await form.send('Send your answers');
      await new PageHeaded(page, 'Thank you for your answers').verifyOnPage();
      await checkAccessibility(page, 'thank you, signed out');
    });
  }
  await journey(async (page) => {
    await page.goto('/');
    await signIn(page, 'partnership-leader');
    const after2026 = await indicator2026(page);
    assert.equal(after2026.numerator, before2026!.numerator + 1, 'one more family agrees');
    assert.equal(after2026.denominator, before2026!.denominator + 1);
    await page.goto(`/dashboard/indicators/${INDICATOR}`);
    assert.match(await page.locator('h1').innerText(), /Families feel well informed/);
    await checkAccessibility(page, 'the survey indicator on the dashboard');

    // The leader's own results page, with the free text escaped.
    await page.goto('/voice');
    await new PageHeaded(page, 'Co-production and voice').verifyOnPage();
    await checkAccessibility(page, 'voice hub');
    await clickAndLoad(page, page.getByRole('link', { name: 'Surveys', exact: true }));
    await checkAccessibility(page, 'surveys');
    await clickAndLoad(page, page.getByRole('link', { name: 'Results of SEND Annual Survey 2026' }));
    await new PageHeaded(page, 'Results: SEND Annual Survey 2026').verifyOnPage();
    await checkAccessibility(page, 'staff results');
    const responses = Number(/(\d+) people answered this survey/.exec(await page.locator('#responses').innerText())![1]);
    assert.ok(await page.getByText('Shorter waits <script>alert(1)</script>').isVisible(), 'the script is shown as text');

    // The public page, signed out.
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const pub = await context.newPage();
    await pub.goto('/have-your-say');
    await clickAndLoad(pub, pub.getByRole('link', { name: 'Results: SEND Annual Survey 2026' }));
    await new PageHeaded(pub, 'Results: SEND Annual Survey 2026').verifyOnPage();
    await checkAccessibility(pub, 'published results');
    assert.equal(await pub.locator('#responses').innerText(), `${responses} people answered this survey.`);
    assert.equal(await pub.getByText('Shorter waits').count(), 0, 'free text is never published');
    await context.close();
  });
});

test('journey 4: a member of the public subscribes, confirms and unsubscribes', async () => {
  const email = 'reader.e2e@example.org';
  const outboxLink = async (subject: RegExp, pattern: RegExp): Promise<string> => {
    let link = '';
    await journey(async (admin) => {
      await admin.goto('/');
      await signIn(admin, 'administrator');
      await admin.goto('/admin/outbox');
      await checkAccessibility(admin, 'outbox');
      const card = admin.locator('.govuk-summary-card', { hasText: email }).filter({ has: admin.getByRole('heading', { name: subject }) }).first();
      link = pattern.exec(await card.innerText())![0]!;
    });
    return link;
  };

  await journey(async (page) => {
    await page.goto('/have-your-say');
    await checkAccessibility(page, 'have your say, signed out');
    await clickAndLoad(page, page.getByRole('link', { name: 'Get our newsletter and email alerts' }));
    const form = await new FormPage(page, 'Get emails about SEND in your area').verifyOnPage();
    await checkAccessibility(page, 'subscribe');
    await form.fill('Email address', 'not an email');
    await page.getByLabel(/The e-newsletter/).uncheck();
    await form.expectErrors('Sign up', ['Enter an email address in the correct format, like name@example.com', 'Select what you want emails about'], 'subscribe');
    await form.fill('Email address', email);
    await page.getByLabel(/The e-newsletter/).check();
    await page.getByLabel(/New surveys/).check();
    await form.send('Sign up');
    await new PageHeaded(page, 'Check your email').verifyOnPage();
    await checkAccessibility(page, 'check your email');

    const confirm = await outboxLink(/Confirm that you want emails/, /http:\/\/\S+\/subscribe\/confirm\/\S+/);
    await page.goto(confirm);
    await new PageHeaded(page, 'Confirm that you want these emails').verifyOnPage();
    await checkAccessibility(page, 'confirm');
    await clickAndLoad(page, page.getByRole('button', { name: 'Confirm' }));
    await new PageHeaded(page, 'You are signed up').verifyOnPage();
    await checkAccessibility(page, 'signed up');
  });

  // A leader sends the newsletter; the reader's copy carries the one-click unsubscribe link.
  await journey(async (page) => {
    await page.goto('/');
    await signIn(page, 'partnership-leader');
    await page.goto('/voice/newsletter');
    const form = await new FormPage(page, 'Newsletter and email alerts').verifyOnPage();
    await checkAccessibility(page, 'newsletter');
    await form.choose('The e-newsletter: news of the partnership’s work, about once a month');
    await form.fill('Subject', 'News from the partnership');
    await form.fill('Message', 'The SEND Annual Survey is open until the end of the month.');
    await form.send('Send');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Sent to \d+ people/);
    await checkAccessibility(page, 'newsletter sent');
  });
  const unsubscribe = await outboxLink(/News from the partnership/, /http:\/\/\S+\/unsubscribe\/\S+/);

  await journey(async (page) => {
    await page.goto(unsubscribe);
    await new PageHeaded(page, 'Unsubscribe from emails').verifyOnPage();
    await checkAccessibility(page, 'unsubscribe');
    await clickAndLoad(page, page.getByRole('button', { name: 'Unsubscribe' }));
    await new PageHeaded(page, 'You have unsubscribed').verifyOnPage();
    await checkAccessibility(page, 'unsubscribed');
  });
});

test('feedback from the footer of any page, and you said we did', async () => {
  await journey(async (page) => {
    await page.goto('/you-said-we-did');
    await new PageHeaded(page, 'You said, we did').verifyOnPage();
    await checkAccessibility(page, 'you said, we did');
    await clickAndLoad(page, page.getByRole('link', { name: 'Tell us what you think of this page' }));
    const form = await new FormPage(page, 'Tell us what you think of this page').verifyOnPage();
    await checkAccessibility(page, 'feedback');
    await form.expectErrors('Send feedback', ['Select whether this page was useful, or write a comment'], 'feedback');
    await form.choose('Yes');
    await form.send('Send feedback');
    await new PageHeaded(page, 'Thank you for your feedback').verifyOnPage();
    await checkAccessibility(page, 'feedback sent');
    await page.goto('/meetings');
    await new PageHeaded(page, 'Working group meetings').verifyOnPage();
    await checkAccessibility(page, 'meetings');
  });
});
