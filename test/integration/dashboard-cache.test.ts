import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, sql } from 'kysely';
import { describeApp, type TestClient } from '../support/context.js';
import type { Role } from '../../src/platform/access/roles.js';
import type { DB } from '../../src/db/schema.js';
import { openDatabase } from '../../src/db/database.js';
import { PgliteDialect } from '../../src/db/pglite-dialect.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { recomputeIndicators } from '../../src/features/indicators/recompute.js';

/**
 * The dashboard's pages are rendered once per version of the indicator store and reused
 * (src/features/dashboard/page-cache.ts). What must hold: the same figures for the same URL; the
 * layout (who is signed in, the CSRF token) each reader's own; new figures as soon as the store
 * changes, whoever changed it (another connection, as the CLI's recompute and DfE import are);
 * and a role that may not read the dashboard refused whatever is kept.
 */
const AREA = 'E06000063';
const CAMHS = '/dashboard/themes/camhs';

const mainOf = (body: string) => /<main[\s\S]*<\/main>/.exec(body)?.[0] ?? assert.fail('no <main> on the page');
/** The CAMHS page's table row for the whole area: "All of Cumberland" then the number waiting. */
const waitingInCumberland = (body: string) => />All of Cumberland<\/th>\s*<td[^>]*>([^<]*)<\/td>/.exec(body)?.[1];

describeApp('dashboard: pages kept for the store’s version', (ctx) => {
  const clients = new Map<Role, TestClient>();
  const as = async (role: Role) => {
    if (!clients.has(role)) clients.set(role, await ctx().signedIn(role));
    return clients.get(role)!;
  };
  const get = async (url: string, role: Role = 'partnership-leader') => {
    const res = await (await as(role)).get(url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 500)}`);
    return res.body;
  };

  /**
   * A second connection to the same database, as `send-hub indicators recompute` or
   * `send-hub import dfe-statistics` run in another process would have. The embedded database
   * is held by one process (ADR 0003), so there the nearest is a second Kysely on the engine,
   * bypassing the app's.
   */
  async function elsewhere<T>(work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
    const { s, databaseUrl } = ctx();
    if (databaseUrl) {
      const other = await openDatabase({ databaseUrl, dataDir: '', purpose: 'test' });
      try {
        return await work(other.db);
      } finally {
        await other.close();
      }
    }
    return work(new Kysely<DB>({ dialect: new PgliteDialect(s.database.pglite!) }));
  }

  test('set-up: CAMHS figures and England’s published figure in the store', async () => {
    const { s } = ctx();
    const row = (id: string, period: string, value: number, extra: { breakdown?: string; group?: string; d?: number } = {}) => ({
      indicator_id: id, area_code: AREA, period, breakdown: extra.breakdown ?? '', breakdown_value: extra.group ?? '',
      numerator: extra.d === undefined ? value : null, denominator: extra.d ?? null, value,
    });
    await s.db
      .insertInto('indicator_values')
      .values([
        row('camhs-waiting', '2026-04', 110),
        row('camhs-waiting', '2026-05', 120),
        row('camhs-waiting', '2026-05', 14, { breakdown: 'locality', group: 'Millom' }),
        row('camhs-median-wait-first-contact', '2026-05', 35, { d: 80 }),
        row('ehcp-issued-within-20-weeks', '2025', 50, { d: 110 }),
      ])
      .execute();
  });

  test('a page read twice shows the same figures; the layout around them is each reader’s own', async () => {
    const first = await get(CAMHS);
    assert.equal(waitingInCumberland(first), '120');
    assert.match(first, />Millom<\/th>\s*<td[^>]*>14<\/td>/);
    const second = await get(CAMHS);
    assert.equal(mainOf(second), mainOf(first));

    const { s } = ctx();
    const [leader, analyst] = await Promise.all((['partnership-leader', 'analyst'] as const).map((r) => s.users.findByEmail(s.db, demoEmail(r))));
    const theirs = await get(CAMHS, 'analyst');
    assert.equal(mainOf(theirs), mainOf(first), 'the same figures for another role');
    assert.ok(theirs.includes(analyst!.name) && !theirs.includes(leader!.name), 'the analyst’s own name in the header, not the leader’s');
    assert.ok(first.includes(leader!.name));
    const token = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    assert.ok(token(first) && token(theirs) && token(first) !== token(theirs), 'each reader’s own CSRF token');
  });

  test('each query string is its own page, and a refused filter is still refused on the second asking', async () => {
    const byProvider = await get(`${CAMHS}?breakdown=provider`);
    assert.match(byProvider, /By provider, May 2026/);
    assert.doesNotMatch(byProvider, />Millom<\/th>/);
    for (let i = 0; i < 2; i++) {
      const bad = await (await as('partnership-leader')).get(`${CAMHS}?breakdown=fsm`);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /<title>Error: /);
      assert.match(bad.body, /This page has no figures by free school meals/);
    }
  });

  test('a figure changed through another connection is on the next page', async () => {
    const headline = await get('/dashboard');
    assert.match(headline, /EHC plans issued within 20 weeks \(including exceptions\)<\/a><\/th>\s*<td[^>]*>50\.0%/);
    const indicator = '/dashboard/indicators/ehcp-issued-within-20-weeks';
    assert.match(await get(indicator), /has published no figures for 2025 for this measure yet/);

    await elsewhere(async (db) => {
      await db.updateTable('indicator_values').set({ value: 130, numerator: 130 }).where('indicator_id', '=', 'camhs-waiting').where('period', '=', '2026-05').where('breakdown', '=', '').execute();
      // A DfE import: England's published figure for the year.
      await db
        .insertInto('benchmark_values')
        .values({
          indicator_id: 'ehcp-issued-within-20-weeks', source: 'sen2-timeliness', measure: 'pc_plans_issued_within_20_weeks', geographic_level: 'national',
          area_code: 'E92000001', area_name: 'England', period: '2025', value: 46.4, numerator: null, denominator: null, marker: null, file_name: 'timeliness_20_week.csv',
        })
        .execute();
    });
    assert.equal(waitingInCumberland(await get(CAMHS)), '130');
    assert.match(await get('/dashboard'), /EHC plans issued within 20 weeks \(including exceptions\)<\/a><\/th>\s*<td[^>]*>50\.0%[\s\S]*?<td[^>]*>46\.4%<\/td>/);
    assert.match(await get(indicator), />England<\/th><td[^>]*>46\.4%/);
  });

  test('a recompute made through another connection replaces the figures the pages showed', async () => {
    const { s } = ctx();
    // Seven referrals in May 2026, none seen yet: the facts the CAMHS measures are counted from.
    const importId = (
      await s.db
        .insertInto('imports')
        .values({ dataset: 'camhs-referrals', file_name: 'camhs.csv', file_sha256: 'a'.repeat(64), status: 'loaded', report: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await s.db
      .insertInto('camhs_referrals')
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          natural_key: `R${i}`, import_id: importId, extract_date: '2026-05-31', referral_id: `R${i}`, provider_code: 'RX4', referral_date: `2026-05-0${i + 1}`,
        })),
      )
      .execute();
    assert.equal(waitingInCumberland(await get(CAMHS)), '130', 'facts alone change no figure: the page reads the store');

    const result = await elsewhere((db) => recomputeIndicators(db, { areaCode: AREA, today: '2026-06-01' }));
    assert.ok(result.stored > 0);
    const after = await get(CAMHS);
    assert.equal(waitingInCumberland(after), '7');
    assert.doesNotMatch(after, />Millom<\/th>/, 'the figures the recompute did not give are gone');
    // The headline too: the EHC figure was not recomputed from any casework, so it is gone.
    assert.doesNotMatch(await get('/dashboard'), /EHC plans issued within 20 weeks \(including exceptions\)<\/a><\/th>\s*<td[^>]*>50\.0%/);

    // And the recompute the web import runs, on the app's own connection.
    await s.db.updateTable('camhs_referrals').set({ first_contact_date: '2026-05-20' }).where('natural_key', 'in', ['R0', 'R1']).execute();
    await s.indicators.recompute(s.db, '2026-06-01');
    assert.equal(waitingInCumberland(await get(CAMHS)), '5');
  });

  test('a role that may not read the dashboard is refused, though the page is kept', async () => {
    const kept = await get(CAMHS);
    assert.equal(waitingInCumberland(kept), '5');
    for (const role of ['family', 'casework-officer', 'senco', 'health-professional'] as Role[]) {
      for (const url of [CAMHS, '/dashboard']) {
        const res = await (await as(role)).get(url);
        assert.equal(res.statusCode, 403, `${role} ${url}`);
        assert.doesNotMatch(res.body, /All of Cumberland/, role);
      }
    }
    const anonymous = await ctx().client().get(CAMHS);
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/sign-in/);
    // The refusals are audited, as before.
    const { s } = ctx();
    const refused = await s.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).where('action', '=', 'access.refused').executeTakeFirstOrThrow();
    assert.ok(Number(refused.n) >= 8);
  });
});
