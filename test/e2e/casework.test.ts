import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { FormPage, GovukPage, PageHeaded, SignInPage, checkAccessibility, clickAndLoad, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';
import { addDays, formatLongDate } from '../../src/features/ehc/clock/index.js';
import { todayInEngland } from '../../src/platform/web/format.js';
import type { Role } from '../../src/platform/access/roles.js';

/**
 * The casework officer's part of the journeys, in Chromium with axe on every page and
 * every error state: 2 (decide to assess, ask health and social care for advice), the officer's
 * part of 4 (issue the draft) and 5 (issue the final plan). The case is made through the pages.
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

async function signedIn(role: Role): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  await (await SignInPage.open(page, server.baseUrl)).signIn(demoEmail(role), DEMO_PASSWORD);
  return page;
}

class CasePage extends GovukPage {
  constructor(page: Page, protected readonly heading: string) {
    super(page);
  }

  async banner(): Promise<string> {
    return (await this.page.locator('.govuk-notification-banner__heading').innerText()).trim();
  }

  /** Follows one of the "Record what happened" links to its form. */
  async open(link: string, heading = link): Promise<FormPage> {
    await clickAndLoad(this.page, this.page.getByRole('link', { name: link, exact: true }));
    const form = await new FormPage(this.page, heading).verifyOnPage();
    await checkAccessibility(this.page, `the "${heading}" form`);
    return form;
  }

  async stepState(step: string): Promise<string> {
    const row = this.page.locator('#deadlines + .app-table-wrapper tr', { has: this.page.locator('td', { hasText: new RegExp(`^${step}$`) }) });
    return (await row.locator('.govuk-tag').innerText()).trim();
  }
}

describe('the casework officer', () => {
  const child = { given: 'Ivy', family: `Journey${Date.now() % 100000}` };
  const name = `${child.given} ${child.family}`;
  let caseUrl = '';

  test('journey 2: adds a child, records the request, opens the case from the queue, decides to assess and asks for advice', async () => {
    const page = await signedIn('casework-officer');
    await clickAndLoad(page, page.locator('header nav').getByRole('link', { name: 'Cases' }));
    await new PageHeaded(page, 'Your cases').verifyOnPage();
    await checkAccessibility(page, 'the officer’s queue');

    await clickAndLoad(page, page.getByRole('button', { name: 'Add a child' }));
    const add = await new FormPage(page, 'Add a child or young person').verifyOnPage();
    await checkAccessibility(page, 'the add a child form');
    await add.expectErrors('Save and continue', [
      'Enter the child’s first name', 'Enter the child’s last name', 'Enter the child’s date of birth',
      'Enter the name of the main family contact', 'Select how the main contact is related to the child', 'Select how the main contact would like us to contact them',
    ], 'the add a child form');
    await add.fill('First name', child.given);
    await add.fill('Last name', child.family);
    await add.date('dateOfBirth', '2016-06-15');
    await page.getByLabel('School or setting (optional)').selectOption({ label: 'Fellside Primary School' });
    await add.fill('Full name', 'Rose Journey');
    await page.getByLabel('Relationship to the child').selectOption('mother');
    await add.fill('Email address', 'rose.journey@example.org');
    await add.choose('Email');
    await add.send('Save and continue');

    const request = await new FormPage(page, 'Record a request for an EHC needs assessment').verifyOnPage();
    await checkAccessibility(page, 'the record a request form');
    await request.date('receivedOn', ago(30));
    await page.locator('#receivedOn-month').fill('');
    await request.expectErrors('Record the request', ['Date the request was received must include a month', 'Select who asked for the assessment'], 'the record a request form');
    await request.date('receivedOn', ago(30));
    await request.choose('A parent or carer');
    await request.send('Record the request');
    let casePage = await new CasePage(page, name).verifyOnPage();
    assert.equal(await casePage.banner(), 'Request recorded');
    await checkAccessibility(page, 'the case page with a banner');

    // The case is in the queue, due this week or later; open it from there.
    await clickAndLoad(page, page.getByRole('link', { name: 'Back to cases' }));
    await page.getByLabel('Child’s name').fill(child.family);
    await clickAndLoad(page, page.getByRole('button', { name: 'Apply filters' }));
    await checkAccessibility(page, 'the queue, filtered');
    await clickAndLoad(page, page.getByRole('link', { name }));
    casePage = await new CasePage(page, name).verifyOnPage();
    caseUrl = new URL(page.url()).pathname;
    assert.equal(await casePage.stepState('Decision whether to assess'), 'Not due');
    await checkAccessibility(page, 'the case page');

    const decide = await casePage.open('Decide whether to assess');
    await decide.choose('Yes, assess');
    await decide.date('on', ago(31));
    await decide.expectErrors('Record the decision', [`Date of the decision must be on or after the request was received (${formatLongDate(ago(30))})`], 'the decision form');
    await decide.date('on', ago(20));
    await decide.send('Record the decision');
    assert.equal(await casePage.verifyOnPage().then((p) => p.banner()), 'Decision recorded');
    assert.equal(await casePage.stepState('Decision whether to assess'), 'Met');

    let ask = await casePage.open('Ask for advice');
    await ask.expectErrors('Ask for advice', [
      'Select the kind of advice you are asking for', 'Select a team, or enter the email address of the person to ask', 'Enter the date you asked for the advice',
    ], 'the ask for advice form');
    await ask.choose('Health');
    await ask.fill('Or a person’s email address', demoEmail('health-professional'));
    await ask.date('askedOn', ago(19));
    await ask.fill('What you would like them to advise on (optional)', 'Hearing and speech.');
    await ask.send('Ask for advice');
    assert.equal(await casePage.verifyOnPage().then((p) => p.banner()), 'Advice requested');

    ask = await casePage.open('Ask for advice');
    await ask.choose('Social care');
    await ask.fill('Or a person’s email address', demoEmail('social-worker'));
    await ask.date('askedOn', ago(19));
    await ask.send('Ask for advice');
    await casePage.verifyOnPage();
    const advice = await page.locator('#advice + .app-table-wrapper tbody tr').allInnerTexts();
    assert.equal(advice.length, 2);
    assert.match(advice[0]!, /Health\s+Dr Aisha Begum/);
    assert.match(advice[1]!, /Social care\s+Tom Fletcher/);
    assert.match(advice.join('\n'), /Not received: due in 23 days/);
    await checkAccessibility(page, 'the case page with advice asked');
    await page.context().close();
  });

  test('journeys 4 and 5: issues the draft plan, then the final plan', async () => {
    assert.ok(caseUrl, 'journey 2 made the case');
    const page = await signedIn('casework-officer');
    await page.goto(caseUrl);
    const casePage = await new CasePage(page, name).verifyOnPage();
    const draft = await casePage.open('Issue the draft plan');
    await draft.expectErrors('Issue the draft plan', ['Enter the date the draft plan was issued', 'Write at least one section of the draft plan'], 'the draft plan form');
    await draft.date('on', ago(5));
    await draft.fill('Section A: Views, interests and aspirations', 'Ivy loves drawing and wants to be a vet.');
    await draft.fill('Section B: Special educational needs', 'Speech, language and communication needs.');
    await draft.send('Issue the draft plan');
    assert.equal(await casePage.verifyOnPage().then((p) => p.banner()), 'Draft plan issued');
    assert.match(await page.locator('main').innerText(), /Stage: Draft plan with the family/);

    const final = await casePage.open('Issue the final plan');
    await final.expectErrors('Issue the final plan', ['Enter the date the final plan was issued'], 'the final plan form');
    await final.date('on', today);
    await final.send('Issue the final plan');
    assert.equal(await casePage.verifyOnPage().then((p) => p.banner()), 'Final plan issued');
    assert.equal(await casePage.stepState('Final plan'), 'Met');
    assert.match(await page.locator('main').innerText(), /The final plan was issued within 20 weeks/);
    assert.ok(await page.getByRole('link', { name: 'The plan', exact: true }).isVisible());
    await checkAccessibility(page, 'the case page with the plan issued');
    await page.context().close();
  });

  test('every other form, its errors, and the manager’s team caseload, pass axe', async () => {
    const page = await signedIn('casework-manager');
    await clickAndLoad(page, page.locator('header nav').getByRole('link', { name: 'Team caseload' }));
    await new PageHeaded(page, 'Team caseload').verifyOnPage();
    await checkAccessibility(page, 'the team caseload');
    await clickAndLoad(page, page.locator('#by-stage').locator('xpath=ancestor::table').getByRole('link').first());
    await new PageHeaded(page, 'Cases').verifyOnPage();
    await checkAccessibility(page, 'the manager’s queue, filtered from the team caseload');

    await page.goto(caseUrl);
    const casePage = await new CasePage(page, name).verifyOnPage();
    const forms: [link: string, button: string, first: string][] = [
      ['Record mediation', 'Save', 'Select where mediation has got to'],
      ['Record a tribunal appeal', 'Save', 'Select where the appeal has got to'],
      ['Add an internal note', 'Add the note', 'Enter the note'],
    ];
    for (const [link, button, first] of forms) {
      const form = await casePage.open(link);
      await form.send(button);
      assert.equal((await form.errorSummary())[0], first);
      await checkAccessibility(page, `the "${link}" form with errors`);
      await clickAndLoad(page, page.getByRole('link', { name: 'Back to the case' }));
    }
    await clickAndLoad(page, page.getByRole('link', { name: 'change the officer' }));
    const officer = await new FormPage(page, 'Choose the officer for this case').verifyOnPage();
    await checkAccessibility(page, 'the choose the officer form');
    await page.getByLabel('Officer').selectOption('');
    await officer.expectErrors('Save', ['Select the officer from the list'], 'the choose the officer form');
    await page.getByLabel('Officer').selectOption({ label: 'Priya Shah' });
    await officer.send('Save');
    assert.equal(await casePage.verifyOnPage().then((p) => p.banner()), 'Officer changed');
    await page.goto('/casework?officer=none');
    await checkAccessibility(page, 'the manager’s list of cases nobody has taken');
    // The forms for open cases, on a case of the manager's own.
    await page.goto('/casework/children/new');
    const add = new FormPage(page, 'Add a child or young person');
    await add.fill('First name', 'Ezra');
    await add.fill('Last name', child.family);
    await add.date('dateOfBirth', '2019-01-20');
    await add.fill('Full name', 'Sam Journey');
    await page.getByLabel('Relationship to the child').selectOption('father');
    await add.fill('Telephone number', '01946 852 000');
    await add.choose('Phone call');
    await add.send('Save and continue');
    const request = await new FormPage(page, 'Record a request for an EHC needs assessment').verifyOnPage();
    await request.date('receivedOn', ago(2));
    await request.choose('A school or college');
    await request.send('Record the request');
    const other = await new CasePage(page, `Ezra ${child.family}`).verifyOnPage();
    const exception = await other.open('Record an exception to the time limits');
    await exception.expectErrors('Record the exception', [
      'Select which exception applies', 'Enter the date the exception started', 'Enter the date the exception ended, or is expected to end', 'Enter why the exception applies',
    ], 'the exception form');
    await clickAndLoad(page, page.getByRole('link', { name: 'Back to the case' }));
    const decide = await other.open('Decide whether to assess');
    await decide.choose('Yes, assess');
    await decide.date('on', ago(1));
    await decide.send('Record the decision');
    const notIssuing = await other.open('Decide not to issue a plan');
    await notIssuing.expectErrors('Record the decision', ['Enter the date you told the family', 'Enter the reasons for not issuing a plan: the family has a right to them'], 'the not issuing form');
    await page.context().close();
  });
});

test('at 320 CSS pixels wide the casework pages reflow without scrolling sideways', async () => {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  try {
    await (await SignInPage.open(page, server.baseUrl)).signIn(demoEmail('casework-manager'), DEMO_PASSWORD);
    await page.goto('/casework');
    const caseHref = await page.locator('main tbody a').first().getAttribute('href');
    for (const path of ['/casework', '/casework/team', '/casework/children/new', ...(caseHref ? [caseHref, `${caseHref}/note`] : [])]) {
      const response = await page.goto(path);
      assert.equal(response?.status(), 200, path);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `${path} scrolls sideways at 320px: ${scroll} > ${client}`);
      await checkAccessibility(page, `${path} at 320px`);
    }
  } finally {
    await context.close();
  }
});
