import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { GovukPage, PageHeaded, SignInPage, checkAccessibility, clickAndLoad, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';
import { addDays, formatLongDate } from '../../src/features/ehc/clock/index.js';
import { todayInEngland } from '../../src/platform/web/format.js';
import type { Role } from '../../src/platform/access/roles.js';

/**
 * The family's journeys (issue 3): 1, a parent asks for an assessment online; 4 (the parent's
 * part), the parent comments on the draft plan the officer issued. The officer's part is set up
 * through the JSON API from a casework session in the browser. axe runs on every page and every
 * error state, at desktop width and at 320 CSS pixels.
 */

let server: RunningServer;
let browser: Browser;
/** The request journey 1 makes, which journey 4's officer takes to a draft. */
let requestPath = '';

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function journey(fn: (page: Page) => Promise<void>, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL: server.baseUrl, ...options });
  try {
    await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

async function signIn(page: Page, role: Role) {
  return (await SignInPage.open(page, server.baseUrl)).signIn(demoEmail(role), DEMO_PASSWORD);
}

async function assertErrorSummaryFocused(page: Page) {
  await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'), undefined, { timeout: 5_000 });
}

/** The JSON API from the signed-in browser: the session cookie, and the CSRF token from the page's form. */
async function api(page: Page, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return page.evaluate(async ({ path, body }) => {
    const token = (document.querySelector('input[name="_csrf"]') as HTMLInputElement).value;
    const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  }, { path, body });
}

class ChildrenPage extends GovukPage {
  protected readonly heading = 'Your children';
}

class RequestFormPage extends GovukPage {
  protected readonly heading = 'Ask for an assessment of your child’s needs';

  async send() {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Send the request' }));
  }
}

class CasePage extends GovukPage {
  protected readonly heading = /’s assessment$/;
}

class CommentsPage extends GovukPage {
  protected readonly heading = 'Comment on the draft plan';

  async send() {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Send your comments' }));
  }
}

async function check(page: Page, name: string) {
  await checkAccessibility(page, name);
}

test('journey 1: a parent asks for an assessment online', async () => {
  await journey(async (page) => {
    const home = await signIn(page, 'family');
    assert.ok((await home.navigationLinks()).some((l) => l.href === '/family' && l.text === 'Your children'));
    await clickAndLoad(page, page.locator('main').getByRole('link', { name: 'Ask for an assessment' }));
    const form = await new RequestFormPage(page).verifyOnPage();
    await check(page, 'the request form');

    await form.send();
    await form.verifyOnPage();
    assert.match(await page.title(), /^Error: Ask for an assessment/);
    assert.deepEqual(await form.errorSummary(), [
      'Select the child you are asking about',
      'Select how you are related to the child',
      'Tell us what is hard for your child',
      'Tell us what help your child has now. If they have no help, say so',
      'Confirm that what you have told us is true',
    ]);
    await assertErrorSummaryFocused(page);
    await check(page, 'the request form with errors');

    // A new child: the radio reveals their details.
    await page.getByLabel('A child or young person not listed here').check();
    await page.getByLabel('First name').fill('Ava');
    await page.getByLabel('Last name').fill('Parker');
    await page.getByLabel('Day').fill('2');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2019');
    await page.getByLabel('School, college or nursery').selectOption({ label: 'Fellside Primary School' });
    await page.getByLabel('Mother').check();
    await page.getByLabel('What is hard for your child?').fill('She finds reading very hard and gets upset at school.');
    await page.getByLabel('What help does your child have now?').fill('A teaching assistant two mornings a week.');
    await check(page, 'the request form filled in, with a new child');
    await page.getByLabel('What I have told you is true, as far as I know.').check();
    await form.send();

    await new PageHeaded(page, 'We have your request').verifyOnPage();
    const decideBy = formatLongDate(addDays(todayInEngland(), 42));
    assert.match(await page.locator('main').innerText(), new RegExp(`We will tell you by ${decideBy} whether we will assess Ava’s needs\\.`));
    await check(page, 'the request sent page');

    await clickAndLoad(page, page.getByRole('link', { name: 'See your request' }));
    await new CasePage(page).verifyOnPage();
    requestPath = new URL(page.url()).pathname;
    const main = await page.locator('main').innerText();
    assert.match(main, /Where it is now: We have your request/);
    assert.match(main, new RegExp(`We will tell you whether we will assess your child’s needs by ${decideBy}`));
    await check(page, 'the case page, just asked');

    await clickAndLoad(page, page.getByRole('link', { name: 'Your children' }).first());
    await new ChildrenPage(page).verifyOnPage();
    assert.match(await page.locator('main').innerText(), /Ava Parker[\s\S]*We have your request/);
    assert.equal(await page.locator('header nav a[href="/family"]').getAttribute('aria-current'), 'true');
    await check(page, 'your children');
  });
});

test('journey 4: the officer issues a draft; the parent reads it and comments', async () => {
  assert.ok(requestPath, 'journey 1 made the request');
  const requestId = requestPath.split('/').at(-1)!;
  const today = todayInEngland();

  await journey(async (page) => {
    await signIn(page, 'casework-officer');
    const events = `/api/v1/ehc/requests/${requestId}/events`;
    for (const body of [
      { type: 'decision', on: today, outcome: 'assess' },
      { type: 'advice-requested', agency: 'health', askedOn: today, assigneeEmail: demoEmail('health-professional') },
      { type: 'draft-issued', on: today, sections: { A: 'Ava loves drawing and music.', B: 'Ava finds reading hard.', F: 'Daily small-group reading support.' } },
    ]) {
      const res = await api(page, events, body);
      assert.equal(res.status, 201, `${body.type}: ${JSON.stringify(res.json)}`);
    }
  });

  await journey(async (page) => {
    await signIn(page, 'family');
    await page.goto(requestPath);
    const casePage = await new CasePage(page).verifyOnPage();
    const main = await page.locator('main').innerText();
    assert.match(main, /The draft plan is ready for your comments/);
    assert.match(main, new RegExp(`tell us what you think by ${formatLongDate(addDays(today, 15))}`));
    assert.match(main, /We asked the health service for advice/);
    await check(page, 'the case page with a draft');
    void casePage;

    await clickAndLoad(page, page.getByRole('button', { name: 'Read the draft plan and comment' }));
    const comments = await new CommentsPage(page).verifyOnPage();
    assert.match(await page.locator('main').innerText(), /Section B: Special educational needs\s+Ava finds reading hard\./);
    await check(page, 'the draft plan');

    await comments.send();
    await comments.verifyOnPage();
    assert.match(await page.title(), /^Error: Comment on the draft plan/);
    assert.deepEqual(await comments.errorSummary(), ['Enter your comments on the draft plan, or the school or setting you would like']);
    assert.equal(await comments.fieldError('comments'), 'Enter your comments on the draft plan, or the school or setting you would like');
    await assertErrorSummaryFocused(page);
    await check(page, 'the draft plan with an error');

    await page.getByText('Comment on section F').click();
    await page.getByLabel('Your comments on section F').fill('Please say who gives the reading support, and how often.');
    await page.getByLabel('Your comments on the whole plan').fill('Thank you. Please add that Ava needs breaks.');
    await page.getByLabel('Which school or setting would you like your child to go to?').fill('Fellside Primary School');
    await check(page, 'the draft plan with comments typed');
    await comments.send();

    await new PageHeaded(page, 'We have your comments').verifyOnPage();
    assert.match(await page.locator('main').innerText(), /Thank you for your comments\. We received them on/);
    await check(page, 'the comments sent page');

    await clickAndLoad(page, page.getByRole('link', { name: 'See everything about this request' }));
    await new CasePage(page).verifyOnPage();
    assert.match(await page.locator('main').innerText(), /We received your comments on the draft plan\. You told us you would like your child to go to Fellside Primary School\./);
    await check(page, 'the case page after comments');
  });
});

test('a decision not to assess: the parent reads the letter', async () => {
  await journey(async (page) => {
    // The parent asks for a second child, a returning user of the form.
    await signIn(page, 'family');
    await page.goto('/family/request');
    await page.getByLabel('A child or young person not listed here').check();
    await page.getByLabel('First name').fill('Ben');
    await page.getByLabel('Last name').fill('Parker');
    await page.getByLabel('Day').fill('9');
    await page.getByLabel('Month').fill('9');
    await page.getByLabel('Year').fill('2016');
    await page.getByLabel('Father').check();
    await page.getByLabel('What is hard for your child?').fill('Ben struggles with handwriting.');
    await page.getByLabel('What help does your child have now?').fill('None.');
    await page.getByLabel('What I have told you is true, as far as I know.').check();
    await new RequestFormPage(page).send();
    await new PageHeaded(page, 'We have your request').verifyOnPage();
    const requestId = await page.getByRole('link', { name: 'See your request' }).getAttribute('href').then((h) => h!.split('/').at(-1)!);

    await page.context().clearCookies();
    await signIn(page, 'casework-officer');
    const decided = await api(page, `/api/v1/ehc/requests/${requestId}/events`, { type: 'decision', on: todayInEngland(), outcome: 'not-assess', reasons: 'Ben’s needs are being met through SEN Support at Fellside.' });
    assert.equal(decided.status, 201, JSON.stringify(decided.json));

    await page.context().clearCookies();
    await signIn(page, 'family');
    await page.goto(`/family/requests/${requestId}`);
    await new CasePage(page).verifyOnPage();
    assert.match(await page.locator('main').innerText(), /We decided not to assess your child’s needs/);
    await check(page, 'the case page after a decision not to assess');
    await clickAndLoad(page, page.getByRole('link', { name: 'Our decision not to assess' }));
    await new PageHeaded(page, 'Our decision not to assess').verifyOnPage();
    assert.match(await page.locator('main').innerText(), /Ben’s needs are being met through SEN Support/);
    await check(page, 'a letter');
  });
});

test('at 320 CSS pixels wide every family page reflows and axe finds no violation, errors too', async () => {
  assert.ok(requestPath, 'journey 1 made the request');
  await journey(
    async (page) => {
      const noSideways = async (what: string) => {
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(scroll <= client, `${what} scrolls sideways at 320px: ${scroll} > ${client}`);
      };
      await signIn(page, 'family');
      const letter = await (async () => {
        await page.goto('/family');
        const hrefs = await page.locator('main a[href^="/family/requests/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        for (const href of hrefs) {
          await page.goto(href);
          const link = page.locator('main a[href^="/family/documents/"]').first();
          if (await link.count()) return link.getAttribute('href');
        }
        return null;
      })();
      const pages = ['/home', '/family', requestPath, `${requestPath}/comments`, `${requestPath}/comments/sent`, `${requestPath}/requested`, '/family/request', ...(letter ? [letter] : [])];
      for (const path of pages) {
        const res = await page.goto(path);
        assert.equal(res?.status(), 200, path);
        await noSideways(path);
        await check(page, `${path} at 320px`);
      }
      await page.goto('/family/request');
      await clickAndLoad(page, page.getByRole('button', { name: 'Send the request' }));
      await noSideways('the request form with errors');
      await check(page, 'the request form with errors at 320px');
      await page.goto(`${requestPath}/comments`);
      await clickAndLoad(page, page.getByRole('button', { name: 'Send your comments' }));
      await noSideways('the draft plan with an error');
      await check(page, 'the draft plan with an error at 320px');
    },
    { viewport: { width: 320, height: 640 } },
  );
});
