import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/**
 * Debian's Chromium (a test tool's own browser download cannot run here). Playwright makes a
 * fresh, temporary user-data-dir for every launch, so runs never share a profile.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The rules the service promises in its accessibility statement: WCAG 2.2 at level AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What axe would see: the page's markup less the parts that differ on every request (CSRF
 * tokens, CSP nonces), the viewport, and which element has focus. Pages alike in all of these
 * get the same answer from axe, so each is checked once per run (the sign-in page, for one,
 * is reached in every role's journey).
 */
async function fingerprint(page: Page): Promise<string> {
  const { html, focused } = await page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    focused: document.activeElement ? `${document.activeElement.tagName}#${document.activeElement.id}.${document.activeElement.className}` : '',
  }));
  const stable = html.replace(/(name="_csrf" value=")[^"]*"/g, '$1"').replace(/nonce="[^"]*"/g, '');
  return createHash('sha256').update(`${JSON.stringify(page.viewportSize())}|${focused}|${stable}`).digest('hex');
}

const alreadyChecked = new Set<string>();

/** Runs axe on the page as it is now; fails naming every violation and where it is. */
export async function checkAccessibility(page: Page, name: string): Promise<void> {
  const key = await fingerprint(page);
  if (alreadyChecked.has(key)) return;
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length === 0) {
    alreadyChecked.add(key);
    return;
  }
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`);
      return `  ${v.id} (${v.impact ?? 'no impact given'}): ${v.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
  assert.fail(`Accessibility violations on ${name} (${page.url()}):\n${report}`);
}

/** Clicks something that sends a form or follows a link, and waits for the next page to load. */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** A page of the service, known by its h1; what every page object can do. */
export abstract class GovukPage {
  constructor(readonly page: Page) {}

  /** The heading this page must show; a page with another heading is not this page. */
  protected abstract readonly heading: string | RegExp;

  async verifyOnPage(): Promise<this> {
    const h1 = (await this.page.locator('h1').first().innerText()).trim();
    if (typeof this.heading === 'string') assert.equal(h1, this.heading, `expected the page headed "${this.heading}", at ${this.page.url()}`);
    else assert.match(h1, this.heading, `expected a page headed ${this.heading}, at ${this.page.url()}`);
    return this;
  }

  /** The links in the header's service navigation. */
  async navigationLinks(): Promise<{ text: string; href: string }[]> {
    return this.page.locator('header nav a').evaluateAll((links) =>
      links.map((a) => ({ text: (a.textContent ?? '').trim(), href: (a as HTMLAnchorElement).getAttribute('href') ?? '' })),
    );
  }

  /** The error summary's messages, in order; empty when there is none. */
  async errorSummary(): Promise<string[]> {
    return (await this.page.locator('.govuk-error-summary__list a').allInnerTexts()).map((t) => t.trim());
  }

  /** The message shown above one field, without the visually hidden "Error:" prefix. */
  async fieldError(id: string): Promise<string> {
    const text = await this.page.locator(`#${id}-error`).innerText();
    return text.replace(/^Error:\s*/, '').trim();
  }

  async signOut(): Promise<SignedOutPage> {
    await clickAndLoad(this.page, this.page.locator('header').getByRole('button', { name: 'Sign out' }));
    return new SignedOutPage(this.page).verifyOnPage();
  }
}

export class SignInPage extends GovukPage {
  protected readonly heading = 'Sign in';

  static async open(page: Page, baseUrl: string): Promise<SignInPage> {
    await page.goto(`${baseUrl}/sign-in`);
    return new SignInPage(page).verifyOnPage();
  }

  /** Fills in the form and sends it; the caller says what page it expects next. */
  async submit(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await clickAndLoad(this.page, this.page.locator('#sign-in'));
  }

  async signIn(email: string, password: string): Promise<HomePage> {
    await this.submit(email, password);
    return new HomePage(this.page).verifyOnPage();
  }
}

export class HomePage extends GovukPage {
  protected readonly heading = /^Hello, .+/;

  async greeting(): Promise<string> {
    return (await this.page.locator('h1').innerText()).trim();
  }
}

export class SignedOutPage extends GovukPage {
  protected readonly heading = 'You have signed out';
}

export class PasswordResetRequestPage extends GovukPage {
  protected readonly heading = 'Reset your password';

  static async open(page: Page, baseUrl: string): Promise<PasswordResetRequestPage> {
    await page.goto(`${baseUrl}/password-reset`);
    return new PasswordResetRequestPage(page).verifyOnPage();
  }

  async request(email: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Send the link' }));
  }
}

export class ChooseNewPasswordPage extends GovukPage {
  protected readonly heading = 'Choose a new password';

  async choose(password: string, again = password): Promise<void> {
    await this.page.getByLabel('New password', { exact: true }).fill(password);
    await this.page.getByLabel('Type the new password again').fill(again);
    await clickAndLoad(this.page, this.page.getByRole('button', { name: 'Change password' }));
  }
}

/** Any page, checked only by its heading. */
export class PageHeaded extends GovukPage {
  constructor(page: Page, protected readonly heading: string | RegExp) {
    super(page);
  }
}

/** A GOV.UK form page: fill by label, dates by their three boxes, send, check errors with axe. */
export class FormPage extends GovukPage {
  constructor(page: Page, protected readonly heading: string | RegExp) {
    super(page);
  }

  async date(name: string, iso: string) {
    const [y, m, d] = iso.split('-');
    await this.page.locator(`#${name}-day`).fill(String(Number(d)));
    await this.page.locator(`#${name}-month`).fill(String(Number(m)));
    await this.page.locator(`#${name}-year`).fill(y!);
  }

  async fill(label: string, value: string) {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async field(id: string, value: string) {
    await this.page.locator(`#${id}`).fill(value);
  }

  async choose(label: string) {
    await this.page.getByLabel(label, { exact: true }).check();
  }

  async send(button: string) {
    await clickAndLoad(this.page, this.page.getByRole('button', { name: button, exact: true }));
  }

  /** Sends the form as it is and expects the GOV.UK error pattern, checked by axe. */
  async expectErrors(button: string, messages: string[], name: string) {
    await this.send(button);
    await this.verifyOnPage();
    assert.match(await this.page.title(), /^Error: /);
    assert.deepEqual(await this.errorSummary(), messages);
    await this.page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'), undefined, { timeout: 5_000 });
    await checkAccessibility(this.page, `${name} with errors`);
  }
}
