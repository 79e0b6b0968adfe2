import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { FormPage, GovukPage, PageHeaded, SignInPage, checkAccessibility, clickAndLoad, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';
import type { Role } from '../../src/platform/access/roles.js';

/**
 * The Local Offer's journeys (issue 7): 1, a parent finds a speech and language service for a
 * 6-year-old near a postcode and opens it; 2, a provider proposes a change, the council's
 * officer approves it, and the public page shows it. Also the events, feedback and "You told
 * us" pages. axe runs on every page and error state reached, and the search and service pages
 * at 320 CSS pixels too.
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

class LocalOfferHome extends GovukPage {
  protected readonly heading = 'Cumberland Local Offer';
}

class SearchPage extends GovukPage {
  protected readonly heading = /^(Search results|Search the Local Offer)$/;

  async search(fields: { q?: string; need?: string; age?: string; postcode?: string; distance?: string }) {
    if (fields.q !== undefined) await this.page.getByLabel('What are you looking for?').fill(fields.q);
    if (fields.need !== undefined) await this.page.getByLabel('What does your child need help with? (optional)').selectOption({ label: fields.need });
    if (fields.age !== undefined) await this.page.getByLabel('Your child’s age in years (optional)').fill(fields.age);
    if (fields.postcode !== undefined) await this.page.getByLabel('Or near a postcode').fill(fields.postcode);
    if (fields.distance !== undefined) await this.page.getByLabel('Distance from the postcode').selectOption({ label: fields.distance });
    await clickAndLoad(this.page, this.page.locator('#search'));
  }

  async resultNames(): Promise<string[]> {
    return (await this.page.locator('.app-lo-result h3 a').allInnerTexts()).map((t) => t.trim());
  }
}

async function check(page: Page, name: string) {
  await checkAccessibility(page, name);
}

/** The search form and the results on a phone: 320 CSS pixels wide (WCAG 1.4.10 reflow). */
async function checkNarrow(page: Page, name: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  await check(page, `${name} at 320px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name} scrolls sideways at 320px by ${overflow}px`);
  if (size) await page.setViewportSize(size);
}

test('journey 1: a parent finds a speech and language service for a 6-year-old near their postcode, and opens it', async () => {
  await journey(async (page) => {
    await page.goto('/');
    await check(page, 'the start page');
    await clickAndLoad(page, page.locator('main').getByRole('link', { name: /Local Offer/ }));
    await new LocalOfferHome(page).verifyOnPage();
    await check(page, 'the Local Offer home');

    // A slip first: the age in words and half a postcode.
    const home = new SearchPage(page);
    await home.search({ q: 'speech', age: 'six', postcode: 'ZZ' });
    const withErrors = await new SearchPage(page).verifyOnPage();
    assert.match(await page.title(), /^Error: /);
    assert.deepEqual(await withErrors.errorSummary(), ['Age must be a number of years, like 6', 'Enter a real postcode, like CA2 5AB, or the first half of one, like CA2']);
    assert.equal(await page.getByLabel('What are you looking for?').inputValue(), 'speech', 'what was typed is kept');
    await check(page, 'the search with errors');

    await withErrors.search({ need: 'Speech, language and communication', age: '6', postcode: 'CA2 5AB', distance: 'Within 10 miles' });
    const results = await new SearchPage(page).verifyOnPage();
    assert.match(page.url(), /q=speech.*need=SLCN.*age=6.*postcode=CA2/, 'the search is in the address, to keep or share');
    const names = await results.resultNames();
    assert.ok(names.length >= 2, `found ${names.length}`);
    assert.ok(names.includes('Talk Together drop-in, Carlisle'), names.join('; '));
    const first = page.locator('.app-lo-result').first();
    assert.match(await first.innerText(), /Who it is for:[\s\S]*Where:[\s\S]*miles? away[\s\S]*Cost:/);
    await check(page, 'the search results');
    await checkNarrow(page, 'the search results');

    await clickAndLoad(page, page.getByRole('link', { name: 'Talk Together drop-in, Carlisle' }));
    await new PageHeaded(page, 'Talk Together drop-in, Carlisle').verifyOnPage();
    const body = await page.locator('main').innerText();
    for (const heading of ['What it is', 'Who it is for', 'How to get it', 'Cost', 'When it is open', 'Where', 'Languages']) assert.ok(body.includes(heading), heading);
    assert.match(body, /Ages 1 to 7/);
    assert.match(body, /Last checked: \d{1,2} \w+ \d{4}/);
    await check(page, 'the service page');
    await checkNarrow(page, 'the service page');

    // Printed, the page is the service: no navigation, no forms.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#feedback').isVisible(), false, 'the feedback form does not print');
    assert.equal(await page.locator('header').isVisible(), false, 'the header does not print');
    assert.equal(await page.locator('h1').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });

    // Feedback on the service: an empty form first, then sent.
    await clickAndLoad(page, page.locator('#send-feedback'));
    assert.deepEqual(await new PageHeaded(page, 'Talk Together drop-in, Carlisle').errorSummary(), ['Enter your feedback']);
    await check(page, 'the service page with a feedback error');
    await page.getByLabel('Your feedback').fill('The therapist was brilliant with my son.');
    await clickAndLoad(page, page.locator('#send-feedback'));
    await new PageHeaded(page, 'Thank you for your feedback').verifyOnPage();
    await check(page, 'feedback sent');
  });
});

test('events, their pages, general feedback and "You told us"', async () => {
  await journey(async (page) => {
    await page.goto('/local-offer/events');
    await new PageHeaded(page, 'Events').verifyOnPage();
    await check(page, 'the events list');
    await clickAndLoad(page, page.locator('.app-lo-result h2 a').first());
    const event = await page.locator('h1').innerText();
    assert.ok(event.length > 0);
    assert.match(await page.locator('main').innerText(), /When[\s\S]*Where[\s\S]*How to book/);
    await check(page, 'an event');

    await page.goto('/local-offer/feedback');
    const form = await new FormPage(page, 'Give feedback on the Local Offer').verifyOnPage();
    await form.fill('Email address (optional)', 'not an email');
    await form.send('Send feedback');
    assert.deepEqual(await form.errorSummary(), ['Enter your feedback', 'Enter an email address in the correct format, like name@example.com']);
    await check(page, 'general feedback with errors');

    await page.goto('/local-offer/you-told-us');
    await new PageHeaded(page, 'You told us').verifyOnPage();
    assert.match(await page.locator('main').innerText(), /Our response/);
    await check(page, 'You told us');
  });
});

test('journey 2: a provider proposes a change, the officer approves it, and families see it', async () => {
  const newWords = 'Just come along on Tuesday mornings from 9:30. No referral needed.';
  let proposalUrl = '';
  await journey(async (page) => {
    await signIn(page, 'service-provider');
    await clickAndLoad(page, page.locator('header nav').getByRole('link', { name: 'Your services' }));
    await new PageHeaded(page, 'Your services in the Local Offer').verifyOnPage();
    await check(page, 'the provider’s services');
    await clickAndLoad(page, page.getByRole('link', { name: 'Update Talk Together drop-in, Carlisle' }));
    const form = await new FormPage(page, 'Update your service').verifyOnPage();
    await check(page, 'the update form');
    await form.send('Send the update');
    assert.deepEqual(await form.errorSummary(), ['You have not changed anything. Change at least one answer, or go back']);
    await check(page, 'the update form with an error');
    await page.getByLabel('How to get the service').fill(newWords);
    await form.send('Send the update');
    await new PageHeaded(page, 'Your update').verifyOnPage();
    assert.match(await page.locator('#outcome').innerText(), /Waiting for a decision/);
    await check(page, 'the update sent');
    proposalUrl = page.url();
  });

  await journey(async (page) => {
    await signIn(page, 'local-offer-officer');
    await clickAndLoad(page, page.locator('header nav').getByRole('link', { name: 'Local Offer' }));
    await new PageHeaded(page, 'Manage the Local Offer').verifyOnPage();
    await check(page, 'the officer’s Local Offer page');
    await clickAndLoad(page, page.getByRole('link', { name: 'Updates from providers' }));
    await new PageHeaded(page, 'Updates from providers').verifyOnPage();
    await check(page, 'updates from providers');
    await clickAndLoad(page, page.getByRole('link', { name: /^Talk Together drop-in, Carlisle/ }).first());
    const decision = await new FormPage(page, 'Update from a provider').verifyOnPage();
    assert.match(await page.locator('main').innerText(), new RegExp(newWords.slice(0, 30)));
    await check(page, 'an update to decide');
    await decision.choose('Reject: do not publish it');
    await decision.send('Save decision');
    assert.deepEqual(await decision.errorSummary(), ['Enter the reason you are rejecting this update: the provider will see it']);
    await check(page, 'a rejection without a reason');
    await decision.choose('Approve: publish the update now');
    await decision.send('Save decision');
    assert.match(await page.locator('#outcome').innerText(), /Approved/);
    await check(page, 'an approved update');

    // Services not checked for a year: mark one checked.
    await page.goto('/local-offer/manage/reviews');
    await new PageHeaded(page, 'Services to check').verifyOnPage();
    await check(page, 'services to check');
    await clickAndLoad(page, page.getByRole('button', { name: /^Mark as checked/ }).first());
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /as checked today/);
    await check(page, 'a service marked as checked');

    // Feedback: publish the parent's comment from journey 1 with a response.
    await page.goto('/local-offer/manage/feedback');
    await new PageHeaded(page, 'Feedback from families').verifyOnPage();
    await check(page, 'feedback to moderate');
    await clickAndLoad(page, page.getByRole('link', { name: /^Talk Together drop-in, Carlisle/ }).first());
    const moderate = await new FormPage(page, 'Feedback from a family').verifyOnPage();
    await check(page, 'feedback to publish');
    await moderate.choose('Yes, publish it with our response');
    await moderate.send('Save decision');
    assert.deepEqual(await moderate.errorSummary(), ['Write the council’s response: feedback is published with it']);
    await check(page, 'publishing without a response');
    await page.getByLabel('The council’s response').fill('Thank you. We have passed this on to the team.');
    await moderate.send('Save decision');
    await new PageHeaded(page, 'Feedback from families').verifyOnPage();
  });

  await journey(async (page) => {
    // Families see the change; the provider sees the outcome.
    await page.goto('/local-offer/search?q=Talk+Together&postcode=CA2');
    await clickAndLoad(page, page.getByRole('link', { name: 'Talk Together drop-in, Carlisle' }));
    assert.match(await page.locator('main').innerText(), new RegExp(newWords.slice(0, 30)));
    await signIn(page, 'service-provider');
    await page.goto(proposalUrl);
    assert.match(await page.locator('#outcome').innerText(), /Approved/);
    await check(page, 'the provider sees the update approved');
  });
});
