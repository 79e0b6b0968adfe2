import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { FormPage, GovukPage, PageHeaded, SignInPage, checkAccessibility, clickAndLoad, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';

/**
 * Journey 1 of issue 6 in Chromium, axe on every page and error state: a partnership leader
 * finds an action in the plan, changes its status (first forgetting the reason), adds a progress
 * update, sees both in the action's history, and the public progress page shows the new status.
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

class ActionPage extends GovukPage {
  protected readonly heading = '2.2 Cut waits for mental health support';

  async status(): Promise<string> {
    return (await this.page.locator('#current-status').innerText()).trim();
  }

  async reason(): Promise<string> {
    return (await this.page.locator('#current-reason').innerText()).trim();
  }

  /** The history table's rows as text, newest first. */
  async history(): Promise<string[]> {
    return (await this.page.locator('#history-table tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
}

async function check(page: Page, name: string) {
  await checkAccessibility(page, name);
}

test('a leader updates an action: status with a reason, a progress update, seen in history and on the public page', async () => {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  try {
    const signIn = await SignInPage.open(page, server.baseUrl);
    await check(page, 'sign in');
    await signIn.signIn(demoEmail('partnership-leader'), DEMO_PASSWORD);
    await check(page, 'home');

    // Home → the plan → the action.
    await clickAndLoad(page, page.getByRole('link', { name: 'The action plan', exact: true }));
    await new PageHeaded(page, 'The action plan').verifyOnPage();
    await check(page, 'the action plan');
    await clickAndLoad(page, page.getByRole('link', { name: 'Add an action' }));
    await new PageHeaded(page, 'Add an action to the plan').verifyOnPage();
    await check(page, 'add an action');
    await page.goBack();
    await clickAndLoad(page, page.getByRole('link', { name: '2.2 Cut waits for mental health support' }));
    const action = await new ActionPage(page).verifyOnPage();
    await check(page, 'the action');
    assert.equal(await action.status(), 'At risk');

    // The status: off track, first without the reason.
    await clickAndLoad(page, page.getByRole('link', { name: 'Update the status' }));
    const status = await new FormPage(page, /How is the action going\?$/).verifyOnPage();
    await check(page, 'status form');
    await status.choose('Off track');
    await status.fill('Why?', '');
    await status.send('Save the status');
    assert.deepEqual(await status.errorSummary(), ['Enter why the action is off track']);
    assert.equal(await status.fieldError('reason'), 'Enter why the action is off track');
    assert.match(await page.title(), /^Error: /);
    await check(page, 'status form with an error');
    await status.fill('Why?', 'The supplier’s change to the waiting list has slipped to the new year.');
    await status.send('Save the status');
    await new ActionPage(page).verifyOnPage();
    await check(page, 'the action, status saved');
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /The status has been saved/);
    assert.equal(await action.status(), 'Off track');
    assert.equal(await action.reason(), 'The supplier’s change to the waiting list has slipped to the new year.');

    // A progress update, dated today by default.
    await clickAndLoad(page, page.getByRole('link', { name: 'Add a progress update' }));
    const progress = await new FormPage(page, 'Add a progress update').verifyOnPage();
    await check(page, 'progress form');
    await progress.fill('What has happened since the last update?', 'Met the supplier: the fix is tested and ready to go live.');
    await progress.send('Add the update');
    await new ActionPage(page).verifyOnPage();
    await check(page, 'the action, update added');
    assert.match(await page.locator('#updates ~ div').first().innerText(), /Met the supplier: the fix is tested and ready to go live\./);

    // Both changes are in the history, newest first, with who made them and what changed.
    const history = await action.history();
    assert.match(history[0]!, /Catherine Dale Added a progress update/);
    assert.match(history[1]!, /Catherine Dale Status changed from “At risk” to “Off track”/);
    assert.match(history[1]!, /Status: was At risk\s*→\s*, now Off track/);

    // The other pages a leader uses.
    await clickAndLoad(page, page.getByRole('link', { name: 'Add a milestone' }));
    await new PageHeaded(page, 'Add a milestone').verifyOnPage();
    await check(page, 'milestone form');
    await page.goBack();
    await clickAndLoad(page, page.getByRole('link', { name: 'Add evidence' }));
    await new PageHeaded(page, 'Add evidence').verifyOnPage();
    await check(page, 'evidence form');
    await page.goBack();
    await clickAndLoad(page, page.getByRole('link', { name: 'Change the details' }));
    await new PageHeaded(page, 'Change the details').verifyOnPage();
    await check(page, 'details form');
    await page.goBack();
    await clickAndLoad(page, page.getByRole('link', { name: 'Change the measures' }));
    await new PageHeaded(page, 'How we will know it is working').verifyOnPage();
    await check(page, 'measures');
    await page.goto('/strategy/late');
    await new PageHeaded(page, 'What is late or at risk').verifyOnPage();
    await check(page, 'late or at risk');
    assert.match(await page.locator('#risky ~ div').first().innerText(), /2\.2 Cut waits for mental health support/);
    await page.goto('/strategy/report');
    await new PageHeaded(page, 'Action plan progress').verifyOnPage();
    await check(page, 'board report');
    assert.match(await page.locator('main').innerText(), /2\.2 Cut waits for mental health support, from At risk to Off track\./);

    // Signed out, the public page shows the new status and reason, and no one's name.
    await new PageHeaded(page, 'Action plan progress').signOut();
    await page.goto('/strategy');
    await new PageHeaded(page, 'Our SEND and alternative provision plan: progress').verifyOnPage();
    await check(page, 'public progress page');
    const card = page.locator('#action-2-2');
    assert.match(await card.innerText(), /Off track/);
    assert.match(await card.innerText(), /The supplier’s change to the waiting list has slipped to the new year\./);
    assert.doesNotMatch(await card.innerText(), /Sarah Lamb|Met the supplier/);
  } finally {
    await context.close();
  }
});
