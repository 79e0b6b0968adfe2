import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { FormPage, GovukPage, PageHeaded, SignInPage, checkAccessibility, clickAndLoad, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';
import { addDays, addMonths, formatLongDate } from '../../src/features/ehc/clock/index.js';
import { schoolYearStart } from '../../src/features/reviews/ncy.js';
import { todayInEngland } from '../../src/platform/web/format.js';

/**
 * Journey 6 in Chromium, with axe on every page and error state: the first annual review of a
 * Year 10 young person's plan, held with Preparing for Adulthood. The case and its plan are made
 * through the JSON API from the officer's own browser session (as another system would), then
 * the officer reads the plan, compares its versions, prints it, and holds the review.
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

class ReviewPage extends GovukPage {
  protected readonly heading = 'Annual review';

  async banner(): Promise<string> {
    return (await this.page.locator('.govuk-notification-banner__heading').innerText()).trim();
  }

  async open(link: string): Promise<FormPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: link, exact: true }));
    const form = await new FormPage(this.page, link).verifyOnPage();
    await checkAccessibility(this.page, `the "${link}" form`);
    return form;
  }

  async stepState(step: string): Promise<string> {
    const row = this.page.locator('main .app-table-wrapper tr', { has: this.page.locator('th', { hasText: step }) });
    return (await row.locator('.govuk-tag').innerText()).trim();
  }
}

/** Set E2E_SCREENSHOTS to a folder to keep pictures of the pages. */
async function shot(page: Page, what: string) {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${what}.png`, fullPage: true });
}

/** Calls the JSON API with the page's session cookie and its CSRF token, as the page's own script would. */
async function api(page: Page, url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await page.evaluate(async ({ url, body }) => {
    const token = (document.querySelector('input[name="_csrf"]') as HTMLInputElement).value;
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify(body) });
    return { status: r.status, json: await r.json() as Record<string, unknown> };
  }, { url, body });
  assert.ok(res.status === 201 || res.status === 200, `${url}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

describe('journey 6: the first annual review, with Preparing for Adulthood', () => {
  const family = `Review${Date.now() % 100000}`;
  const name = `Kit ${family}`;

  test('the officer reads the plan and its versions, prints it, and holds the review', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await (await SignInPage.open(page, server.baseUrl)).signIn(demoEmail('casework-officer'), DEMO_PASSWORD);

    // A young person in Year 10, with a plan issued 350 days ago: the first review is due soon.
    const dateOfBirth = `${schoolYearStart(today) - 15}-10-10`;
    const finalOn = ago(350);
    const child = await api(page, '/api/v1/children', { givenName: 'Kit', familyName: family, dateOfBirth });
    const request = await api(page, '/api/v1/ehc/requests', { childId: child.id, receivedOn: addDays(finalOn, -130), requestedBy: 'young-person' });
    const events = `/api/v1/ehc/requests/${String(request.id)}/events`;
    await api(page, events, { type: 'decision', on: addDays(finalOn, -100), outcome: 'assess' });
    await api(page, events, { type: 'draft-issued', on: addDays(finalOn, -30), sections: { A: 'Kit wants to work with animals.', B: 'Dyslexia.', F: 'Extra reading time.' } });
    await api(page, events, { type: 'final-issued', on: finalOn, sections: { A: 'Kit wants to work with animals.', B: 'Dyslexia and anxiety.', F: 'Extra reading time and a quiet room.' } });

    // The plan, from the case page.
    await page.goto(`/casework/requests/${String(request.id)}`);
    await clickAndLoad(page, page.getByRole('link', { name: 'The plan', exact: true }));
    await new PageHeaded(page, 'Education, health and care plan').verifyOnPage();
    const planUrl = new URL(page.url()).pathname;
    assert.match(await page.locator('main').innerText(), /Version 2: Final plan, issued/);
    assert.deepEqual(await page.locator('main h3').allInnerTexts().then((h) => h.slice(0, 2)), ['Section A: Views, interests and aspirations', 'Section B: Special educational needs']);
    await checkAccessibility(page, 'the plan');

    await clickAndLoad(page, page.getByRole('link', { name: 'Version 1', exact: true }));
    await new PageHeaded(page, 'Education, health and care plan: version 1').verifyOnPage();
    await checkAccessibility(page, 'an earlier version of the plan');
    await page.goto(planUrl);

    await clickAndLoad(page, page.getByRole('link', { name: 'Compare version 1 with version 2' }));
    const compare = await new FormPage(page, 'Compare versions of the education, health and care plan').verifyOnPage();
    assert.deepEqual(await page.locator('ins').allTextContents().then((t) => t.filter((x) => x.includes('anxiety'))), ['[Added: and anxiety]']);
    await checkAccessibility(page, 'the comparison');
    await page.getByLabel('With', { exact: true }).selectOption({ index: 0 });
    await compare.expectErrors('Compare', ['Select two different versions to compare'], 'the comparison');

    await page.goto(planUrl);
    await clickAndLoad(page, page.getByRole('link', { name: 'Print this version of the plan' }));
    await new PageHeaded(page, 'Education, health and care plan').verifyOnPage();
    assert.equal(await page.locator('header, nav, footer').count(), 0);
    await checkAccessibility(page, 'the print view');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('link', { name: 'Back to the plan' }).isVisible(), false, 'links are not printed');
    await checkAccessibility(page, 'the print view as printed');
    await shot(page, 'print');
    await page.emulateMedia({ media: 'screen' });
    const download = await page.request.get(`${planUrl}/versions/2.pdf`);
    assert.equal(download.headers()['content-type'], 'application/pdf');
    assert.equal((await download.body()).subarray(0, 5).toString('latin1'), '%PDF-');

    // The review, from the plan.
    await page.goto(planUrl);
    await clickAndLoad(page, page.getByRole('link', { name: /^Review due by/ }));
    const review = await new ReviewPage(page).verifyOnPage();
    assert.match(await page.locator('main').innerText(), /Year 10 on/);
    assert.match(await page.locator('#pfa').innerText(), /Preparing for Adulthood/);
    await checkAccessibility(page, 'the review');

    const schedule = await review.open('Book the review meeting');
    await schedule.expectErrors('Save the meeting date', ['Enter the date of the meeting'], 'the booking form');
    await schedule.date('meetingOn', ago(3));
    await schedule.date('invitationsSentOn', ago(24));
    await schedule.send('Save the meeting date');
    assert.equal(await review.verifyOnPage().then((p) => p.banner()), 'Meeting date saved');
    assert.equal(await review.stepState('Invitations sent'), 'On time');
    await checkAccessibility(page, 'the review with its meeting booked');

    const meeting = await review.open('Record the review meeting');
    await shot(page, 'meeting-form');
    assert.match(await page.locator('main').innerText(), new RegExp(`${name} is in Year 10`));
    // The date comes filled in from the booking; the outcomes are needed from Year 9.
    await meeting.expectErrors('Save the meeting', [
      'Enter the outcome agreed for employment',
      'Enter the outcome agreed for independent living',
      'Enter the outcome agreed for friends, relationships and community',
      'Enter the outcome agreed for good health',
    ], 'the meeting form');
    await meeting.date('on', ago(3));
    await meeting.field('notes', 'Kit, their mum, the SENCO and the careers adviser met. The plan still fits.');
    await meeting.field('pfa-employment-outcome', 'Kit will do a week’s work experience at the animal rescue centre.');
    await meeting.field('pfa-employment-progress', 'Kit has visited the centre with school.');
    await meeting.field('pfa-independent-living-outcome', 'Kit will make a simple meal at home each week.');
    await meeting.field('pfa-friends-community-outcome', 'Kit will join the Saturday youth club.');
    await meeting.field('pfa-good-health-outcome', 'Kit will learn to manage anxiety with the school nurse.');
    await meeting.field('route-0-step', 'Travel training to college');
    await meeting.field('route-0-byWhen', 'Easter 2027');
    await meeting.field('route-0-who', 'Independent travel team');
    await meeting.field('route-1-step', 'College open day');
    await meeting.expectErrors('Save the meeting', ['Enter when step 2 of the route planner should be done by', 'Enter who will do step 2 of the route planner'], 'the meeting form');
    await meeting.field('route-1-byWhen', 'June 2027');
    await meeting.field('route-1-who', 'Careers adviser');
    await meeting.send('Save the meeting');
    assert.equal(await review.verifyOnPage().then((p) => p.banner()), 'Review meeting recorded');
    const pfa = await page.locator('main').innerText();
    assert.match(pfa, /animal rescue centre/);
    assert.match(pfa, /Travel training to college\s+Easter 2027\s+Independent travel team/);
    await checkAccessibility(page, 'the review with Preparing for Adulthood');
    await shot(page, 'review-pfa');

    const decision = await review.open('Record the council’s decision');
    await page.getByLabel('Stop the plan (cease to maintain it)').check();
    await decision.date('on', today);
    await decision.expectErrors('Record the decision', ['Select why the plan is ceasing'], 'the decision form');
    await page.getByLabel('Keep the plan as it is').check();
    await decision.send('Record the decision');
    assert.equal(await review.verifyOnPage().then((p) => p.banner()), 'Decision recorded');
    assert.match(await page.locator('main').innerText(), new RegExp(`Keep the plan as it is, ${formatLongDate(today)}`));
    assert.equal(await review.stepState('Council’s decision'), 'On time');
    await checkAccessibility(page, 'the review, decided');

    await clickAndLoad(page, page.getByRole('link', { name: 'The next review' }));
    await review.verifyOnPage();
    assert.match(await page.locator('main').innerText(), new RegExp(`Due by ${formatLongDate(addMonths(ago(3), 12))}`));
    await checkAccessibility(page, 'the next review');

    // The list of reviews due, from the navigation, and filtered by month.
    await clickAndLoad(page, page.locator('header nav').getByRole('link', { name: 'Reviews' }));
    await new PageHeaded(page, 'Annual reviews').verifyOnPage();
    await checkAccessibility(page, 'the reviews due');
    await page.getByLabel('Reviews due in').selectOption({ index: 1 });
    await clickAndLoad(page, page.getByRole('button', { name: 'Show' }));
    await new PageHeaded(page, 'Annual reviews').verifyOnPage();
    await checkAccessibility(page, 'the reviews due in a month');
    await context.close();
  });

  test('every other review form and its errors, amendments as plan versions, and a review before Year 9, pass axe', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await (await SignInPage.open(page, server.baseUrl)).signIn(demoEmail('casework-manager'), DEMO_PASSWORD);

    // A child in Year 6: no Preparing for Adulthood yet.
    const finalOn = ago(300);
    const child = await api(page, '/api/v1/children', { givenName: 'Rory', familyName: family, dateOfBirth: `${schoolYearStart(today) - 10}-01-20` });
    const request = await api(page, '/api/v1/ehc/requests', { childId: child.id, receivedOn: addDays(finalOn, -130), requestedBy: 'parent' });
    const events = `/api/v1/ehc/requests/${String(request.id)}/events`;
    await api(page, events, { type: 'decision', on: addDays(finalOn, -100), outcome: 'assess' });
    await api(page, events, { type: 'final-issued', on: finalOn, sections: { A: 'Rory loves football.', F: 'Reading support every day.' } });
    await page.goto(`/casework/requests/${String(request.id)}`);
    await clickAndLoad(page, page.getByRole('link', { name: /^The annual review/ }));
    const review = await new ReviewPage(page).verifyOnPage();
    assert.match(await page.locator('main').innerText(), /Year 6 on/);
    assert.equal(await page.locator('#pfa').count(), 0);
    await checkAccessibility(page, 'a review before Year 9');
    await shot(page, 'review-year-6');

    const advice = await review.open('Record when the advice was circulated');
    await advice.expectErrors('Save', ['Enter the date the advice was sent to everyone invited'], 'the advice form');
    await advice.date('on', ago(30));
    await advice.send('Save');
    await review.verifyOnPage();

    const phase = await review.open('Record a phase transfer');
    await phase.expectErrors('Save', ['Select which phase transfer this is, or that there is none', 'Enter the year of the transfer'], 'the phase transfer form');
    await page.getByLabel('Between school phases, for example primary to secondary school').check();
    await phase.field('year', String(schoolYearStart(today) + 1));
    await phase.send('Save');
    assert.match(await page.locator('main').innerText(), new RegExp(`reviewed and amended by 15 February ${schoolYearStart(today) + 1}`));

    const schedule = await review.open('Book the review meeting');
    await schedule.date('meetingOn', ago(20));
    await schedule.date('invitationsSentOn', ago(40));
    await schedule.send('Save the meeting date');
    const meeting = await review.open('Record the review meeting');
    await meeting.send('Save the meeting');
    await review.verifyOnPage();

    const report = await review.open('Record the review report');
    await report.date('on', ago(21));
    await report.expectErrors('Save', [`The report follows the meeting: enter a date on or after ${formatLongDate(ago(20))}`], 'the report form');
    await report.date('on', ago(12));
    await report.send('Save');
    assert.equal(await review.verifyOnPage().then((p) => p.banner()), 'Review report recorded');

    const decision = await review.open('Record the council’s decision');
    await page.getByLabel('Amend the plan').check();
    await decision.date('on', ago(15));
    await decision.send('Record the decision');
    await review.verifyOnPage();

    const proposals = await review.open('Send the proposed amendments');
    await proposals.expectErrors('Send the proposed amendments', ['Enter the date the proposed amendments were sent'], 'the proposed amendments form');
    await proposals.date('on', ago(14));
    await proposals.field('section-F', 'Reading support every day. Speech and language therapy each week.');
    await proposals.send('Send the proposed amendments');
    await review.verifyOnPage();
    assert.equal(await review.stepState('Amended plan issued'), 'Not due yet');
    await checkAccessibility(page, 'the review with amendments proposed');
    await shot(page, 'review-amending');

    const amended = await review.open('Issue the amended plan');
    await amended.field('section-F', '');
    await amended.field('section-A', '');
    await amended.expectErrors('Issue the amended plan', ['Enter the date the amended plan was issued'], 'the amended plan form');
    await amended.date('on', today);
    await amended.field('section-A', 'Rory loves football and wants to coach.');
    await amended.field('section-F', 'Reading support every day. Speech and language therapy each week.');
    await amended.send('Issue the amended plan');
    assert.equal(await review.verifyOnPage().then((p) => p.banner()), 'Amended plan issued');

    await clickAndLoad(page, page.getByRole('link', { name: 'The plan', exact: true }));
    await new PageHeaded(page, 'Education, health and care plan').verifyOnPage();
    assert.match(await page.locator('main').innerText(), /Version 3: Amended final plan/);
    await checkAccessibility(page, 'the amended plan');
    await clickAndLoad(page, page.getByRole('link', { name: 'Compare version 2 with version 3' }));
    await page.getByLabel('Compare from').selectOption('1');
    await clickAndLoad(page, page.getByRole('button', { name: 'Compare' }));
    assert.match(await page.locator('main').innerText(), /2 of 12 sections changed/);
    await checkAccessibility(page, 'a comparison across the amendments');
    await shot(page, 'compare');

    await page.goto('/reviews?month=someday');
    assert.deepEqual(await new PageHeaded(page, 'Annual reviews').errorSummary(), ['Select a month from the list']);
    await checkAccessibility(page, 'the reviews due with an error');
    await context.close();
  });
});
