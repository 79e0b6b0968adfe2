import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.js';
import {
  ChooseNewPasswordPage,
  PageHeaded,
  PasswordResetRequestPage,
  SignInPage,
  FormPage,
  checkAccessibility,
  clickAndLoad,
  launchBrowser,
} from './support/browser.js';
import { DEMO_PASSWORD, DEMO_ROLES, demoEmail } from '../../src/demo/platform.seed.js';
import type { Role } from '../../src/platform/access/roles.js';
import { makeUpn } from '../../src/platform/identifiers/identifiers.js';

/**
 * Journeys through the real server in Chromium, with axe (WCAG 2.2 AA) on every page they
 * reach. One server and one browser for the file; a fresh browser context (no cookies) for each
 * journey. Set E2E_SCREENSHOTS to a folder to keep a picture of the sign-in and home pages.
 */

/** The demo person in each role (src/demo/platform.seed.ts), as their home page greets them. */
const DEMO_NAMES: Record<Role, string> = {
  family: 'Sam Parker',
  'casework-officer': 'Priya Shah',
  'casework-manager': 'Owen Hughes',
  'health-professional': 'Dr Aisha Begum',
  'designated-clinical-officer': 'Helen Mercer',
  'social-worker': 'Tom Fletcher',
  'educational-psychologist': 'Dr Ruth Allen',
  senco: 'Jo Kirkby',
  'ap-provider': 'Lee Armstrong',
  'partnership-leader': 'Catherine Dale',
  analyst: 'Mark Ellis',
  'forum-member': 'Nadia Rowe',
  'service-provider': 'Grace Lowther',
  'local-offer-officer': 'Daniel Irving',
  administrator: 'Alex Morgan',
};

let server: RunningServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh context (no cookies) for one journey, closed however the journey ends. */
async function journey(fn: (page: Page, context: BrowserContext) => Promise<void>, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL: server.baseUrl, ...options });
  try {
    await fn(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

async function visit(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  assert.equal(response?.status(), status, `GET ${path} answered ${response?.status()}, expected ${status}`);
}

async function signIn(page: Page, role: Role) {
  const signInPage = await SignInPage.open(page, server.baseUrl);
  return signInPage.signIn(demoEmail(role), DEMO_PASSWORD);
}

/** Waits for GOV.UK Frontend's script to move focus to the error summary. */
async function assertErrorSummaryFocused(page: Page) {
  await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'), undefined, { timeout: 5_000 });
}

async function screenshot(page: Page, name: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

describe('every demo role signs in, uses its navigation and signs out', () => {
  for (const role of DEMO_ROLES) {
    test(role, async () => {
      await journey(async (page) => {
        const signInPage = await SignInPage.open(page, server.baseUrl);
        await checkAccessibility(page, 'the sign-in page');
        if (role === 'administrator') await screenshot(page, 'sign-in');

        const home = await signInPage.signIn(demoEmail(role), DEMO_PASSWORD);
        assert.equal(new URL(page.url()).pathname, '/home');
        assert.equal(await home.greeting(), `Hello, ${DEMO_NAMES[role]}`);
        if (role === 'administrator') assert.match(await page.locator('main').innerText(), /You are signed in as an administrator\./);
        await checkAccessibility(page, `the ${role} home page`);
        if (role === 'administrator') await screenshot(page, 'home');

        const checked = new Set(['/home']);
        // Children on the home page (for the roles linked to one) are pages too.
        // One child's page stands for them all: the pages differ only in their data.
        const childLinks = (await page.locator('main a[href^="/children/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).slice(0, 1);
        const navigation = await home.navigationLinks();
        assert.ok(navigation.some((l) => l.href === '/home'), 'every role has Home in its navigation');
        for (const href of [...navigation.map((l) => l.href), ...childLinks]) {
          if (checked.has(href)) continue;
          checked.add(href);
          await visit(page, href);
          await new PageHeaded(page, /\S/).verifyOnPage();
          if (!href.startsWith('/children/')) {
            assert.equal(await page.locator(`header nav a[href="${href}"]`).getAttribute('aria-current'), 'true', `${href} is marked as the current section`);
          }
          await checkAccessibility(page, `${href} as ${role}`);
        }

        await home.signOut();
        assert.equal(new URL(page.url()).pathname, '/signed-out');
        await checkAccessibility(page, 'the signed-out page');
        await visit(page, '/home');
        await new SignInPage(page).verifyOnPage();
      });
    });
  }
});

describe('public pages', () => {
  for (const [path, heading, status] of [
    ['/', 'SEND Partnership Hub', 200],
    ['/accessibility', 'Accessibility statement', 200],
    ['/privacy', 'Privacy notice', 200],
    ['/cookies', 'Cookies', 200],
    ['/no-such-page', 'Page not found', 404],
    ['/password-reset/not-a-real-token', 'This link has expired', 410],
  ] as const) {
    test(`${path} answers ${status} and has no accessibility violation`, async () => {
      await journey(async (page) => {
        await visit(page, path, status);
        await new PageHeaded(page, heading).verifyOnPage();
        await checkAccessibility(page, path);
      });
    });
  }

  test('asking for a password reset without an email address shows the GOV.UK error pattern', async () => {
    await journey(async (page) => {
      const resetPage = await PasswordResetRequestPage.open(page, server.baseUrl);
      await checkAccessibility(page, 'the password reset page');
      await resetPage.request('');
      await resetPage.verifyOnPage();
      assert.match(await page.title(), /^Error: Reset your password/);
      assert.deepEqual(await resetPage.errorSummary(), ['Enter your email address']);
      assert.equal(await resetPage.fieldError('email'), 'Enter your email address');
      await assertErrorSummaryFocused(page);
      await checkAccessibility(page, 'the password reset page with an error');
    });
  });

  test('a wrong password shows the error summary, focused, and "Error:" in the title', async () => {
    await journey(async (page) => {
      const signInPage = await SignInPage.open(page, server.baseUrl);
      await signInPage.submit(demoEmail('analyst'), 'not the right password');
      await signInPage.verifyOnPage();
      assert.match(await page.title(), /^Error: Sign in/);
      assert.deepEqual(await signInPage.errorSummary(), ['Enter a correct email address and password']);
      assert.equal(await page.getByLabel('Email address').inputValue(), demoEmail('analyst'));
      await assertErrorSummaryFocused(page);
      await checkAccessibility(page, 'the sign-in page with an error');

      // The summary's link takes the person to the field.
      await page.locator('.govuk-error-summary__list a').first().click();
      await page.waitForFunction(() => document.activeElement?.id === 'email');
    });
  });
});

describe('the administrator’s pages', () => {
  test('users, with the add-user form’s errors', async () => {
    await journey(async (page) => {
      await signIn(page, 'administrator');
      await visit(page, '/admin/users');
      const users = await new PageHeaded(page, 'Users').verifyOnPage();
      const listed = await page.locator('table tbody tr td:nth-child(2)').allTextContents();
      for (const role of DEMO_ROLES) assert.ok(listed.includes(demoEmail(role)), `${role} is listed`);
      await checkAccessibility(page, '/admin/users');

      await clickAndLoad(page, page.getByRole('button', { name: 'Add user' }));
      await users.verifyOnPage();
      assert.match(await page.title(), /^Error: Users/);
      assert.deepEqual(await users.errorSummary(), [
        'Enter the person’s email address',
        'Enter the person’s name',
        'Select the role the person acts in',
        'Select the organisation the person acts for',
      ]);
      for (const field of ['name', 'email', 'role', 'organisation']) assert.ok(await users.fieldError(field), `${field} has its message`);
      await assertErrorSummaryFocused(page);
      await checkAccessibility(page, '/admin/users with errors');
    });
  });

  test('the audit log, with a search by a date that does not exist', async () => {
    await journey(async (page) => {
      await signIn(page, 'administrator');
      await visit(page, '/admin/audit');
      const audit = await new PageHeaded(page, 'Audit log').verifyOnPage();
      assert.ok((await page.locator('table tbody tr').count()) >= 1, 'the sign-in just made is in the log');
      await checkAccessibility(page, '/admin/audit');

      await page.getByLabel('From').fill('2026-13-45');
      await clickAndLoad(page, page.getByRole('button', { name: 'Search' }));
      await audit.verifyOnPage();
      assert.match(await page.title(), /^Error: Audit log/);
      assert.deepEqual(await audit.errorSummary(), ['Enter the start date as YYYY-MM-DD, for example 2026-03-17']);
      assert.equal(await page.getByLabel('From').inputValue(), '2026-13-45');
      await assertErrorSummaryFocused(page);
      await checkAccessibility(page, '/admin/audit with an error');
    });
  });

  test('messages sent', async () => {
    await journey(async (page) => {
      await signIn(page, 'administrator');
      await visit(page, '/admin/outbox');
      await new PageHeaded(page, 'Messages sent').verifyOnPage();
      await checkAccessibility(page, '/admin/outbox');
    });
  });
});

// After the role journeys: this changes the forum member's password.
test('a person resets a forgotten password from the emailed link and signs in with the new one', async () => {
  const email = demoEmail('forum-member');
  const newPassword = 'a brand new password for the forum';

  await journey(async (page) => {
    const resetPage = await PasswordResetRequestPage.open(page, server.baseUrl);
    await resetPage.request(email);
    await new PageHeaded(page, 'Check your email').verifyOnPage();
    await checkAccessibility(page, 'the reset link sent page');
  });

  let link = '';
  await journey(async (page) => {
    await signIn(page, 'administrator');
    await visit(page, '/admin/outbox');
    const card = page.locator('.govuk-summary-card').filter({ has: page.locator('dd', { hasText: email }) }).first();
    const body = await card.locator('pre').innerText();
    link = body.match(/https?:\/\/\S+\/password-reset\/\S+/)?.[0] ?? '';
    assert.ok(link.startsWith(`${server.baseUrl}/password-reset/`), `the message holds a reset link: ${body}`);
    await checkAccessibility(page, '/admin/outbox with a message');
  });

  await journey(async (page) => {
    await visit(page, link);
    const choose = await new ChooseNewPasswordPage(page).verifyOnPage();
    await checkAccessibility(page, 'the choose a new password page');
    await choose.choose(newPassword, 'something else entirely');
    await choose.verifyOnPage();
    assert.match(await page.title(), /^Error: Choose a new password/);
    assert.deepEqual(await choose.errorSummary(), ['Enter the same password twice']);
    assert.equal(await choose.fieldError('confirm'), 'Enter the same password twice');
    await assertErrorSummaryFocused(page);
    await checkAccessibility(page, 'the choose a new password page with an error');
    await choose.choose(newPassword);
    await new PageHeaded(page, 'Your password has been changed').verifyOnPage();
    await checkAccessibility(page, 'the password changed page');

    await clickAndLoad(page, page.getByRole('link', { name: 'Sign in with your new password' }));
    const home = await new SignInPage(page).verifyOnPage().then((p) => p.signIn(email, newPassword));
    assert.equal(await home.greeting(), `Hello, ${DEMO_NAMES['forum-member']}`);
  });

  // The link works once.
  await journey(async (page) => {
    await visit(page, link, 410);
    await new PageHeaded(page, 'This link has expired').verifyOnPage();
  });
});

test('at 320 CSS pixels wide (400% zoom) pages reflow, the menu opens, and axe finds no violation', async () => {
  await journey(
    async (page) => {
      const noSideways = async (path: string) => {
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(scroll <= client, `${path} scrolls sideways at 320px: ${scroll} > ${client}`);
      };
      await signIn(page, 'administrator');
      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      assert.ok(await page.getByRole('button', { name: 'Sign out', exact: true }).isVisible(), 'the open menu shows Sign out');
      await checkAccessibility(page, 'the home page at 320px with the menu open');
      for (const path of ['/home', '/admin/users', '/admin/audit', '/admin/outbox']) {
        await visit(page, path);
        await noSideways(path);
        await checkAccessibility(page, `${path} at 320px`);
      }
    },
    { viewport: { width: 320, height: 640 } },
  );
});

test('keyboard: the skip link is the first thing to tab to, and moves focus to the main content', async () => {
  await journey(async (page) => {
    await visit(page, '/sign-in');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ className: document.activeElement?.className ?? '', text: document.activeElement?.textContent?.trim() }));
    assert.match(first.className, /govuk-skip-link/);
    assert.equal(first.text, 'Skip to main content');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main-content' && document.activeElement.tagName === 'MAIN');
    // The next Tab goes into the page's content, not back to the header.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.closest('main')?.id);
    assert.equal(next, 'main-content');
  });
});

test('without JavaScript a person signs in, reaches their home page and signs out', async () => {
  await journey(
    async (page) => {
      const home = await signIn(page, 'casework-officer');
      assert.equal(new URL(page.url()).pathname, '/home');
      assert.equal(await home.greeting(), `Hello, ${DEMO_NAMES['casework-officer']}`);
      assert.equal(await page.locator('body.js-enabled').count(), 0, 'the page ran no script');
      await home.signOut();
    },
    { javaScriptEnabled: false },
  );
});

describe('the data hub', () => {
  test('an analyst uploads a file with a bad row, follows its progress and reads the rejection report', async () => {
    await journey(async (page) => {
      await signIn(page, 'analyst');
      await visit(page, '/data');
      await clickAndLoad(page, page.getByRole('button', { name: 'Import a file' }));
      const form = await new FormPage(page, 'Import a file').verifyOnPage();
      await checkAccessibility(page, 'the upload page');
      await form.expectErrors('Import the file', ['Choose the kind of file you are importing', 'Choose a CSV file to import'], 'the upload page');
      await page.getByLabel('What kind of file is it?').selectOption('localities');
      await page.getByLabel('The CSV file').setInputFiles({
        name: 'localities-2026.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('postcode_prefix,locality,icb_code\nCA98,Carlisle,QHM\nCA97,Gotham,BATCAVE!\n'),
      });
      await form.send('Import the file');
      // The progress page sends the browser on to the import's report when it ends.
      await page.waitForURL(/\/data\/imports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await new PageHeaded(page, 'Import of localities-2026.csv').verifyOnPage();
      const main = await page.locator('main').innerText();
      assert.match(main, /Nothing was loaded/);
      assert.match(main, /BATCAVE!/);
      await checkAccessibility(page, 'an import’s report');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the rejection report/ }).click()]);
      assert.equal(download.suggestedFilename(), 'localities-2026-rejections.csv');

      await visit(page, '/data/analytics');
      await new PageHeaded(page, 'Pseudonymised data').verifyOnPage();
      await checkAccessibility(page, 'the analysts’ pseudonymised data page');
    });
  });

  test('an administrator is told why an earlier day cannot be undone before a later one, on the import’s page', async () => {
    await journey(async (page) => {
      await signIn(page, 'administrator');
      const upn = makeUpn('201007777772');
      const importDay = async (date: string) => {
        await visit(page, '/data/imports/new');
        const form = await new FormPage(page, 'Import a file').verifyOnPage();
        await page.getByLabel('What kind of file is it?').selectOption('attendance');
        await page.getByLabel('The CSV file').setInputFiles({
          name: `attendance-${date}.csv`,
          mimeType: 'text/csv',
          buffer: Buffer.from(`upn,urn,date,session,code\n${upn},100007,${date},AM,/\n${upn},100007,${date},PM,/\n`),
        });
        await form.send('Import the file');
        await page.waitForURL(/\/data\/imports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
        return page.url();
      };
      const monday = await importDay('2026-06-15');
      await importDay('2026-06-16');
      await page.goto(monday);
      const report = await new FormPage(page, 'Import of attendance-2026-06-15.csv').verifyOnPage();
      await report.send('Undo this import');
      await report.verifyOnPage();
      assert.match(await page.title(), /^Error: /);
      const [message] = await report.errorSummary();
      assert.match(message!, /cannot be undone on its own: a later import added sessions .*attendance-2026-06-16\.csv/);
      await assertErrorSummaryFocused(page);
      await checkAccessibility(page, 'an import’s page with a refused undo');
      assert.match(await page.locator('main').innerText(), /Loaded/, 'nothing was undone');
    });
  });
});
