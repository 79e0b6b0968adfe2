import type { Scenario } from '../support/scenario.js';

/**
 * The cost of the platform itself on every signed-in page: session lookup, current user, access
 * decision, CSRF token, CSP nonce, Nunjucks layout, security headers. Measured against a static
 * asset served by the same process in the same run, and /health (one `select 1`) for scale.
 */
export const platform: Scenario<{ cookie: string }> = {
  name: 'platform',
  description: 'GET /home signed in as a casework officer, and /health, against a static asset',

  async setup(ctx) {
    const cookie = await ctx.app.signIn('casework-officer');
    // Measure the page, not a redirect to the sign-in form.
    const res = await fetch(`${ctx.app.url}/home`, { headers: { cookie }, redirect: 'manual' });
    const body = await res.text();
    if (res.status !== 200 || !body.includes('Priya Shah')) {
      throw new Error(`GET /home as casework-officer gave HTTP ${res.status}, not the signed-in home page`);
    }
    return { cookie };
  },

  async run(ctx, { cookie }) {
    const measurements = await ctx.compare([
      { label: 'Static asset', path: '/assets/govuk-frontend.min.css' },
      { label: 'Home page', path: '/home', headers: { cookie }, as: 'casework-officer' },
      { label: 'Health check', path: '/health' },
    ]);
    return {
      title: 'a signed-in page against a static asset',
      measurements,
      notes: [
        'The static asset is govuk-frontend.min.css (133 KB, uncompressed, from disk through @fastify/static). ' +
          'The session’s idle timer is written at most once a minute, so repeated requests for the page are database reads.',
      ],
    };
  },
};
