import type { HttpTarget, Scenario } from '../support/scenario.js';
import { seedLocalOfferDemo } from '../../src/demo/local-offer.seed.js';

/**
 * The Local Offer's directory search (issue 7) at 10,000 services under concurrent load,
 * against the static asset: the ORUK API's /services with a keyword, the same with a postcode
 * and a radius (nearest first), and the public search page a parent uses (keyword, age and
 * postcode, rendered with GOV.UK templates). The 10,000 services are the demo's plan repeated
 * across the towns of the area (planLocalOffer with a count), each with its venue, contacts,
 * schedule, cost, languages, service type and needs.
 */
const SERVICES = 10_000;

export const localOfferScenario: Scenario<{ targets: HttpTarget[] }> = {
  name: 'local-offer',
  description: `Local Offer search at ${SERVICES.toLocaleString('en-GB')} services: the ORUK API (keyword; keyword near a postcode) and the public search page, against a static asset`,

  async setup(ctx) {
    const started = Date.now();
    const seeded = await seedLocalOfferDemo(ctx.app.s.db, ctx.app.s.today(), SERVICES);
    ctx.log(`${seeded.services} services added in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const targets: HttpTarget[] = [
      { label: 'API: keyword', path: '/api/oruk/services?text=speech&per_page=10' },
      { label: 'API: keyword near a postcode', path: '/api/oruk/services?search=short%20breaks&postcode=CA2%205AB&proximity=16000&per_page=10' },
    ];
    // The public page, when the Local Offer pages are there (another feature builds them).
    const page = '/local-offer/search?q=speech&age=6&postcode=CA2+5AB';
    const res = await fetch(`${ctx.app.url}${page}`);
    const body = await res.text();
    if (res.status === 200 && /speech/i.test(body)) targets.push({ label: 'Search page: keyword, age, postcode', path: page });
    else ctx.log(`GET ${page} gave HTTP ${res.status}: the search page is left out`);
    for (const t of targets.filter((x) => x.path.startsWith('/api/'))) {
      const r = await fetch(`${ctx.app.url}${t.path}`);
      const json = (await r.json()) as { total_items?: number };
      if (r.status !== 200 || !json.total_items) throw new Error(`GET ${t.path} gave HTTP ${r.status} and ${json.total_items} services, not a page of results`);
      ctx.log(`${t.path}: ${json.total_items} matching services`);
    }
    return { targets };
  },

  async run(ctx, { targets }) {
    const measurements = await ctx.compare([{ label: 'Static asset', path: '/assets/govuk-frontend.min.css' }, ...targets]);
    return {
      title: `directory search at ${SERVICES.toLocaleString('en-GB')} services against a static asset`,
      measurements,
      notes: [
        'Search is PostgreSQL full-text search (a generated tsvector with a GIN index, websearch_to_tsquery) on PGlite and PostgreSQL alike; ' +
          'distance is haversine in SQL over the locations in a bounding box of the radius; a page of 10 results with the total.',
      ],
    };
  },
};
