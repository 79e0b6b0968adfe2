import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { GovukPage, PageHeaded, SignInPage, checkAccessibility, clickAndLoad, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';
import { addDays } from '../../src/features/ehc/clock/index.js';
import { todayInEngland } from '../../src/platform/web/format.js';
import type { Role } from '../../src/platform/access/roles.js';

/**
 * Journey 3 of the issue in Chromium, with axe on every page and error state: a health
 * professional answers with advice, and a social worker gives a nil return. The casework
 * officer makes the case through the JSON API from a signed-in browser session (the CSRF token
 * read from a page), as the service's own scripts would. Set E2E_SCREENSHOTS to a folder to keep
 * pictures of the pages.
 */

let server: RunningServer;
let browser: Browser;
before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const today = todayInEngland();
const ago = (n: number) => addDays(today, -n);
const child = { givenName: 'Zelda', familyName: `Advice${Date.now() % 100000}` };
const name = `${child.givenName} ${child.familyName}`;

async function signedIn(role: Role): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  await (await SignInPage.open(page, server.baseUrl)).signIn(demoEmail(role), DEMO_PASSWORD);
  return page;
}

async function screenshot(page: Page, name: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/advice-${name}.png`, fullPage: true });
}

/** Calls the JSON API with the page's session cookie and its CSRF token. */
async function callApi(page: Page, method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  return page.evaluate(
    async ({ method, url, body, csrf }) => {
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: await res.json() };
    },
    { method, url, body, csrf },
  );
}

class AdviceQueuePage extends GovukPage {
  protected readonly heading = 'Advice requests';

  static async open(page: Page): Promise<AdviceQueuePage> {
    await clickAndLoad(page, page.locator('header nav').getByRole('link', { name: 'Advice requests' }));
    return new AdviceQueuePage(page).verifyOnPage();
  }

  async section(id: 'outstanding' | 'answered'): Promise<string> {
    const table = this.page.locator(`#${id} + p + .app-table-wrapper, #${id} + .app-table-wrapper`);
    return (await table.count()) ? table.first().innerText() : '';
  }

  async openRequest(childName: string): Promise<AnswerPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: childName }).first());
    return new AnswerPage(this.page, childName).verifyOnPage();
  }
}

class AnswerPage extends GovukPage {
  constructor(page: Page, protected readonly heading: string) {
    super(page);
  }

  async send(): Promise<void> {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Send your answer' }));
  }

  async expectErrors(messages: string[], name: string): Promise<void> {
    await this.send();
    await this.verifyOnPage();
    assert.match(await this.page.title(), /^Error: /);
    assert.deepEqual(await this.errorSummary(), messages);
    await this.page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'), undefined, { timeout: 5_000 });
    await checkAccessibility(this.page, `${name} with errors`);
  }
}

describe('journey 3: a health professional answers, a social worker gives a nil return', () => {
  let requestId = '';

  test('the casework officer makes the case and asks both for advice, through the API', async () => {
    const page = await signedIn('casework-officer');
    const created = await callApi(page, 'POST', '/api/v1/children', { ...child, dateOfBirth: '2015-09-09' });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const request = await callApi(page, 'POST', '/api/v1/ehc/requests', { childId: created.json.id, receivedOn: ago(30), requestedBy: 'parent' });
    assert.equal(request.status, 201, JSON.stringify(request.json));
    requestId = request.json.id as string;
    for (const event of [
      { type: 'decision', on: ago(20), outcome: 'assess' },
      { type: 'advice-requested', agency: 'health', askedOn: ago(19), assigneeEmail: demoEmail('health-professional'), question: 'Her hearing, and what support she needs.' },
      { type: 'advice-requested', agency: 'social-care', askedOn: ago(19), assigneeEmail: demoEmail('social-worker') },
    ]) {
      const res = await callApi(page, 'POST', `/api/v1/ehc/requests/${requestId}/events`, event);
      assert.equal(res.status, 201, JSON.stringify(res.json));
    }
    await page.context().close();
  });

  test('the health professional finds the request in their queue and answers in sections C and G', async () => {
    assert.ok(requestId, 'the case was made');
    const page = await signedIn('health-professional');
    const queue = await AdviceQueuePage.open(page);
    await checkAccessibility(page, 'the adviser’s queue');
    await screenshot(page, 'queue');
    assert.match(await queue.section('outstanding'), new RegExp(`${name}\\s+Health\\s+Dr Aisha Begum.*Due in 23 days`, 's'));

    const form = await queue.openRequest(name);
    assert.match(await page.locator('main').innerText(), /Her hearing, and what support she needs\./);
    await checkAccessibility(page, 'the answer form');
    await screenshot(page, 'answer-form');
    await form.expectErrors(['Write your advice, or tell us you found no needs in your area'], 'the answer form, sent empty');

    await page.getByLabel('I have advice to give').check();
    await form.expectErrors(['Write your advice in at least one section, or choose ‘I found no needs in my area’'], 'the answer form, advice chosen but none written');

    // A second tab with the same form open, to send it again after the answer.
    const stale = await page.context().newPage();
    await stale.goto(page.url());

    await page.getByLabel('I have advice to give').check();
    await page.getByLabel('Section C: Health needs').fill('Moderate hearing loss in both ears. She wears hearing aids.');
    await page.getByLabel('Section G: Health provision').fill('Audiology review every 6 months. A radio aid in class.');
    await form.send();
    await new PageHeaded(page, 'Your advice has been sent').verifyOnPage();
    await checkAccessibility(page, 'the advice sent page');
    await screenshot(page, 'sent');

    await clickAndLoad(page, page.getByRole('link', { name: 'Back to your advice requests' }));
    const after = await new AdviceQueuePage(page).verifyOnPage();
    assert.match(await after.section('answered'), new RegExp(`${name}.*Answered on .*, on time`, 's'));
    await checkAccessibility(page, 'the adviser’s queue with an answer');
    await after.openRequest(name);
    assert.match(await page.locator('main').innerText(), /A radio aid in class\./);
    await checkAccessibility(page, 'an answered request');

    // The stale tab's form is refused clearly.
    await stale.getByLabel('I found no needs in my area').check();
    await clickAndLoad(stale, stale.getByRole('button', { name: 'Send your answer' }));
    const staleForm = await new AnswerPage(stale, name).verifyOnPage();
    assert.match((await staleForm.errorSummary())[0]!, /^This request was already answered by Dr Aisha Begum on .*\. You cannot answer it again\.$/);
    await checkAccessibility(stale, 'the answer form sent twice');
    await screenshot(stale, 'answered-twice');
    await page.context().close();
  });

  test('the social worker says they found no needs in their area', async () => {
    const page = await signedIn('social-worker');
    const queue = await AdviceQueuePage.open(page);
    const form = await queue.openRequest(name);
    const text = await page.locator('main').innerText();
    assert.match(text, /No particular question/);
    await page.getByLabel('I have advice to give').check();
    for (const label of ['Section D: Social care needs', 'Section H2: Other social care provision']) assert.ok(await page.getByLabel(label).isVisible(), label);
    await checkAccessibility(page, 'the social care answer form');

    await page.getByLabel('Section D: Social care needs').fill('Known to us.');
    await page.getByLabel('I found no needs in my area').check();
    await form.expectErrors(['You wrote advice and also said you found no needs. Choose ‘I have advice to give’ to send your advice, or delete it'], 'the answer form, advice and no needs together');
    await page.getByLabel('I have advice to give').check();
    await page.getByLabel('Section D: Social care needs').fill('');
    await page.getByLabel('I found no needs in my area').check();
    await form.send();
    await new PageHeaded(page, 'Your answer has been sent').verifyOnPage();
    assert.match(await page.locator('main').innerText(), /This counts as your answer/);
    await checkAccessibility(page, 'the nil return sent page');
    await page.context().close();
  });

  test('the case has both answers; the contributions page and the DCO’s view pass axe', async () => {
    const page = await signedIn('casework-officer');
    const c = await callApi(page, 'GET', `/api/v1/ehc/requests/${requestId}`);
    assert.equal(c.json.stage, 'drafting');
    const advice = (c.json.deadlines as { advice: { agency: string; receivedOn: string | null }[] }).advice;
    assert.deepEqual(advice.map((a) => [a.agency, a.receivedOn]).sort(), [['health', today], ['social-care', today]]);

    await clickAndLoad(page, page.locator('header nav').getByRole('link', { name: 'Contributions' }));
    await new PageHeaded(page, 'Contributions to EHC plans').verifyOnPage();
    await checkAccessibility(page, 'the contributions page');
    await page.getByLabel('Start date').fill('31 2 2026');
    await page.getByLabel('By team').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Show figures' }));
    assert.deepEqual(await new PageHeaded(page, 'Contributions to EHC plans').errorSummary(), ['Start date must be a real date']);
    await checkAccessibility(page, 'the contributions page with an error');
    await page.getByLabel('Start date').fill('1 1 2020');
    await clickAndLoad(page, page.getByRole('button', { name: 'Show figures' }));
    assert.match(await page.locator('main').innerText(), /Plans issued from 1 January 2020 to/);
    await checkAccessibility(page, 'the contributions page by team');
    await screenshot(page, 'contributions');
    await page.context().close();

    const dco = await signedIn('designated-clinical-officer');
    const queue = await AdviceQueuePage.open(dco);
    await checkAccessibility(dco, 'the DCO’s queue');
    await queue.openRequest(name);
    await checkAccessibility(dco, 'the DCO reading a health request');
    await dco.context().close();
  });
});
