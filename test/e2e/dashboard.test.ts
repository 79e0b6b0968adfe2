import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import { GovukPage, PageHeaded, SignInPage, checkAccessibility, clickAndLoad, launchBrowser } from './support/browser.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';

/**
 * A partnership leader reads the dashboard in Chromium, with axe on every page: the headline,
 * an indicator with its chart and table, a filter changed (and a bad one), the CSV, a theme
 * page, a priority page and the board report. The demo's figures are those the indicator
 * library computes from the demo casework on first start.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const context = await browser.newContext({ baseURL: server.baseUrl, acceptDownloads: true });
  page = await context.newPage();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Set E2E_SCREENSHOTS to a folder to keep pictures of the pages. */
async function shot(name: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/dashboard-${name}.png`, fullPage: true });
}

class DashboardPage extends GovukPage {
  protected readonly heading = 'SEND and AP dashboard';
}

class IndicatorPage extends GovukPage {
  constructor(page: Page, protected readonly heading: string) {
    super(page);
  }

  async chooseAndShow(field: 'period' | 'breakdown', value: string) {
    await this.page.locator(`#${field}`).selectOption(value);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Show figures' }));
  }

  async trendRows(): Promise<string[]> {
    return this.page.locator('#trend-table-caption >> xpath=ancestor::table//tbody/tr').allInnerTexts();
  }
}

const INDICATOR = 'EHC plans issued within 20 weeks (including exceptions)';

test('a leader reads the dashboard: headline, an indicator, a filter, the CSV, a theme, a priority and the board report', async () => {
  const home = await (await SignInPage.open(page, server.baseUrl)).signIn(demoEmail('partnership-leader'), DEMO_PASSWORD);
  await checkAccessibility(page, 'home');
  await clickAndLoad(page, page.locator('header nav').getByRole('link', { name: 'Dashboard' }));
  assert.ok(home);
  const dashboard = await new DashboardPage(page).verifyOnPage();
  await checkAccessibility(page, 'dashboard');
  await shot('headline');
  assert.match(await page.locator('#main-content').innerText(), /Where we started, and where we are now/);
  assert.match(await page.locator('#main-content').innerText(), /5,223 \(13\.6%\)/);
  assert.ok(dashboard);

  // An indicator with its trend chart (an image with a name) and the table beside it.
  await clickAndLoad(page, page.getByRole('link', { name: INDICATOR }).first());
  const indicator = await new IndicatorPage(page, INDICATOR).verifyOnPage();
  await checkAccessibility(page, 'indicator');
  await shot('indicator');
  const chart = page.getByRole('img', { name: `${INDICATOR}: Cumberland over time` });
  assert.equal(await chart.count(), 1);
  const rows = await indicator.trendRows();
  assert.ok(rows.length >= 1, 'the trend table has a row per period');

  // Change a filter: another period, carried in the URL.
  const periods = await page.locator('#period option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  assert.ok(periods.length >= 1, 'the demo has figures for at least one period');
  const chosen = periods.at(-1)!;
  await indicator.chooseAndShow('period', chosen);
  await new IndicatorPage(page, INDICATOR).verifyOnPage();
  assert.equal(new URL(page.url()).searchParams.get('period'), chosen);
  assert.equal(await page.locator('#period').inputValue(), chosen);
  await checkAccessibility(page, 'indicator, another period');

  // The CSV of the same view.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these figures as a spreadsheet (CSV)' }).click()]);
  assert.equal(download.suggestedFilename(), `ehcp-issued-within-20-weeks-${chosen}.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  assert.match(csv, /^indicator_id,indicator,unit,source,area_code,/);
  assert.match(csv, /ehcp-issued-within-20-weeks,EHC plans issued within 20 weeks \(including exceptions\),percent,computed,E06000063,Cumberland,/);

  // A bad filter in a shared link: the error summary, not a crash.
  await page.goto(`/dashboard/indicators/ehcp-issued-within-20-weeks?period=1999`);
  const bad = await new IndicatorPage(page, INDICATOR).verifyOnPage();
  assert.match((await bad.errorSummary()).join(' '), /There are no figures for 1999/);
  assert.match(await page.title(), /^Error: /);
  await checkAccessibility(page, 'indicator, bad period');
  await shot('indicator-error');

  // A theme page and a priority page.
  await page.goto('/dashboard');
  await clickAndLoad(page, page.getByRole('link', { name: 'CAMHS waits' }));
  await new PageHeaded(page, 'CAMHS waits').verifyOnPage();
  await checkAccessibility(page, 'CAMHS waits');
  await shot('camhs');
  await page.goto('/dashboard');
  await clickAndLoad(page, page.getByRole('link', { name: 'Area for improvement 1: Contributions to EHC plans from all partners' }));
  await new PageHeaded(page, 'Area for improvement 1: Contributions to EHC plans from all partners').verifyOnPage();
  await checkAccessibility(page, 'priority');
  await shot('priority');

  // The board report for the current school year, to print, and as a PDF.
  await page.goto('/dashboard');
  await clickAndLoad(page, page.getByRole('link', { name: 'Board report' }));
  await new PageHeaded(page, /^Board report: \d{4}\/\d{2}$/).verifyOnPage();
  await checkAccessibility(page, 'board report');
  await page.getByLabel('Period').fill('2025');
  await clickAndLoad(page, page.getByRole('button', { name: 'Show the report' }));
  await new PageHeaded(page, 'Board report: 2025').verifyOnPage();
  await checkAccessibility(page, 'board report 2025');
  await shot('report');
  const pdf = await page.request.get('/dashboard/report.pdf?period=2025');
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
});
