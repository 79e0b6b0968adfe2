import type { Scenario } from '../support/scenario.js';

/**
 * Issue 3's pages at the demo scale: the casework officer's queue (every open case's clock
 * computed from three queries), one case page (clock, advice, timeline, documents; audited),
 * and the family's view of their own case, against the same static asset baseline.
 */
export const casework: Scenario<{ officer: string; family: string; requestId: string; familyRequestId: string }> = {
  name: 'casework',
  description: 'GET /casework, a case page and the family’s case page at the demo scale, against a static asset',

  async setup(ctx) {
    const officer = await ctx.app.signIn('casework-officer');
    const family = await ctx.app.signIn('family');
    const db = ctx.app.s.db;
    // The open case with the most advice requests: the heaviest case page in the demo.
    const busiest = await db
      .selectFrom('ehc_requests')
      .innerJoin('advice_requests', 'advice_requests.request_id', 'ehc_requests.id')
      .select(['ehc_requests.id', db.fn.count('advice_requests.id').as('n')])
      .groupBy('ehc_requests.id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const mia = await db
      .selectFrom('ehc_requests')
      .innerJoin('children', 'children.id', 'ehc_requests.child_id')
      .select('ehc_requests.id')
      .where('children.given_name', '=', 'Mia')
      .where('children.family_name', '=', 'Parker')
      .executeTakeFirstOrThrow();
    for (const [path, cookie] of [['/casework', officer], [`/casework/requests/${busiest.id}`, officer], [`/family/requests/${mia.id}`, family]] as const) {
      const res = await fetch(`${ctx.app.url}${path}`, { headers: { cookie }, redirect: 'manual' });
      if (res.status !== 200) throw new Error(`GET ${path} gave HTTP ${res.status}`);
    }
    return { officer, family, requestId: busiest.id, familyRequestId: mia.id };
  },

  async run(ctx, { officer, family, requestId, familyRequestId }) {
    const open = await ctx.app.s.db.selectFrom('ehc_requests').select(ctx.app.s.db.fn.countAll<number>().as('n')).where('stage', 'in', ['requested', 'assessing', 'drafting', 'draft-issued']).executeTakeFirstOrThrow();
    const measurements = await ctx.compare([
      { label: 'Static asset', path: '/assets/govuk-frontend.min.css' },
      { label: 'Officer’s queue', path: '/casework', headers: { cookie: officer }, as: 'casework-officer' },
      { label: 'Case page', path: `/casework/requests/${requestId}`, headers: { cookie: officer }, as: 'casework-officer' },
      { label: 'Family’s case page', path: `/family/requests/${familyRequestId}`, headers: { cookie: family }, as: 'family' },
    ]);
    return {
      title: 'casework pages at the demo scale against a static asset',
      measurements,
      notes: [
        `The demo area holds ${Number(open.n)} open requests; the queue computes every one's statutory clock per request.`,
        'Each case page view writes an audit entry (hash-chained, serialised through one row), so it measures a write too.',
      ],
    };
  },
};
