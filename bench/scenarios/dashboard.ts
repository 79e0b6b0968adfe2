import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import type { Scenario } from '../support/scenario.js';
import { INDICATORS } from '../../src/features/indicators/library/index.js';
import type { IndicatorDefinition } from '../../src/features/indicators/indicator.types.js';
import { CUMBERLAND_COMPARATORS } from '../../src/features/indicators/comparators.js';

/**
 * The dashboard's pages (issue 5) under 20 concurrent users, against the static asset: the
 * headline (every indicator's latest figure, the strategy's current position), the heaviest
 * indicator page (attendance: a trend beside England and the region, and the breakdown by
 * school, one row per school) and the CAMHS waits page (every CAMHS measure's trend and the
 * table by locality).
 *
 * Pages read the indicator store, never the facts, so what they cost depends on how many
 * figures the store holds, not on how many attendance rows were imported. The store is filled
 * here in the shape recompute gives it at a scale (every indicator, every period of two school
 * years, every group of each of its breakdowns: 172 schools at scale 1, 1,720 at scale 10),
 * plus the DfE's published figures for England, every region and every local authority. That
 * lets scale 10 be measured without importing 286 million attendance rows.
 */
const LOCALITIES = ['Allerdale', 'Carlisle', 'Copeland', 'Millom'];
const GROUPS: Record<string, readonly string[]> = {
  'sen-provision': ['E', 'K', 'N'],
  'primary-need': ['ASD', 'SEMH', 'SLCN', 'SLD', 'PD', 'MLD', 'SPLD', 'HI', 'VI', 'MSI', 'PMLD', 'OTH', 'NSA'],
  'social-care': ['CIN', 'CP', 'CLA', 'none'],
  fsm: ['yes', 'no'],
  agency: ['health', 'social-care', 'education'],
  provider: ['Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust', 'Lancashire and South Cumbria NHS Foundation Trust'],
  phase: ['primary', 'secondary', 'special'],
  'check-type': ['new-birth', '6-8-week', '1-year', '2-2.5-year', 'school-entry', 'year-6', 'year-9'],
  cohort: ['E', 'K', 'N'],
};

function periodsOf(kind: IndicatorDefinition['periodKind']): string[] {
  switch (kind) {
    case 'calendar-year':
      return ['2024', '2025'];
    case 'academic-year':
      return ['202425', '202526'];
    case 'month':
      return Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor((i + 8) / 12)}-${String(((i + 8) % 12) + 1).padStart(2, '0')}`);
    case 'week': {
      const out: string[] = [];
      for (let d = new Date('2024-09-02T00:00:00Z'); d < new Date('2026-07-20T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 7)) {
        if (d.getUTCMonth() !== 7) out.push(d.toISOString().slice(0, 10));
      }
      return out;
    }
  }
}

/** Fills the store for a scale; returns how many rows it wrote. Deterministic. */
export async function fillStore(db: Kysely<DB>, scale: number): Promise<{ values: number; benchmarks: number }> {
  // Recompute may have stored the casework's figures already: the bench's own shape replaces them.
  await db.deleteFrom('indicator_values').execute();
  await db.deleteFrom('benchmark_values').execute();
  const schools = Array.from({ length: Math.round(172 * scale) }, (_, i) => String(100001 + i));
  let k = 0;
  const rows: Record<string, unknown>[] = [];
  const value = (def: IndicatorDefinition) => {
    k++;
    const d = 200 + (k % 97) * 3;
    const n = def.unit === 'count' ? 40 + (k % 50) : Math.round(d * (0.3 + (k % 60) / 100));
    const suppressed = k % 41 === 0;
    const v = def.unit === 'percent' ? (100 * n) / d : def.unit === 'days' ? 20 + (k % 90) : n;
    return { numerator: suppressed ? null : n, denominator: suppressed ? null : d, value: suppressed ? null : v, suppressed };
  };
  for (const def of INDICATORS) {
    for (const period of periodsOf(def.periodKind)) {
      rows.push({ indicator_id: def.id, area_code: 'E06000063', period, breakdown: '', breakdown_value: '', ...value(def) });
      for (const b of def.breakdowns) {
        const groups = b === 'school' ? schools : b === 'locality' ? LOCALITIES : (GROUPS[b] ?? []);
        for (const g of groups) rows.push({ indicator_id: def.id, area_code: 'E06000063', period, breakdown: b, breakdown_value: g, ...value(def) });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 2000) await db.insertInto('indicator_values').values(rows.slice(i, i + 2000) as never).execute();

  // England, nine regions and every local authority (about 150), for the indicators the DfE publishes.
  const areas = [
    { code: 'E92000001', name: 'England', level: 'national' },
    ...Array.from({ length: 9 }, (_, i) => ({ code: `E1200000${i + 1}`, name: `Region ${i + 1}`, level: 'regional' })),
    { code: 'E06000063', name: 'Cumberland', level: 'la' },
    ...CUMBERLAND_COMPARATORS.map((c) => ({ ...c, level: 'la' })),
    ...Array.from({ length: 140 }, (_, i) => ({ code: `E08${String(i).padStart(6, '0')}`, name: `Authority ${i}`, level: 'la' })),
  ];
  const bench: Record<string, unknown>[] = [];
  for (const def of INDICATORS.filter((d) => d.benchmark)) {
    const periods = def.periodKind === 'calendar-year' ? ['2018', '2019', '2020', '2021', '2022', '2023', '2024'] : ['201819', '202122', '202223', '202324', '202425', '202526'];
    for (const period of periods) {
      for (const a of areas) {
        k++;
        bench.push({
          indicator_id: def.id, source: def.benchmark!.source, measure: def.benchmark!.measure, geographic_level: a.level,
          area_code: a.code, area_name: a.name, period, value: k % 37 === 0 ? null : 40 + (k % 50), numerator: null, denominator: null,
          marker: k % 37 === 0 ? 'x' : null, file_name: 'bench.csv', region_code: a.level === 'la' ? 'E12000002' : null,
        });
      }
    }
  }
  for (let i = 0; i < bench.length; i += 2000) await db.insertInto('benchmark_values').values(bench.slice(i, i + 2000) as never).execute();
  return { values: rows.length, benchmarks: bench.length };
}

function dashboardAt(scale: number): Scenario<{ cookie: string; counts: { values: number; benchmarks: number } }> {
  return {
    name: scale === 1 ? 'dashboard' : `dashboard-scale${scale}`,
    description: `GET /dashboard, an indicator page and the CAMHS waits page with the store at scale ${scale}, against a static asset`,

    async setup(ctx) {
      const counts = await fillStore(ctx.app.s.db, scale);
      ctx.log(`store filled: ${counts.values} figures, ${counts.benchmarks} published figures`);
      const cookie = await ctx.app.signIn('partnership-leader');
      for (const path of ['/dashboard', '/dashboard/indicators/attendance-rate?breakdown=school', '/dashboard/themes/camhs']) {
        const res = await fetch(`${ctx.app.url}${path}`, { headers: { cookie }, redirect: 'manual' });
        const body = await res.text();
        if (res.status !== 200 || (path !== '/dashboard' && !body.includes('<svg'))) throw new Error(`GET ${path} gave HTTP ${res.status}, not the page`);
      }
      return { cookie, counts };
    },

    async run(ctx, { cookie, counts }) {
      const measurements = await ctx.compare([
        { label: 'Static asset', path: '/assets/govuk-frontend.min.css' },
        { label: 'Headline page', path: '/dashboard', headers: { cookie }, as: 'partnership-leader' },
        { label: 'Indicator page (attendance by school)', path: '/dashboard/indicators/attendance-rate?breakdown=school', headers: { cookie }, as: 'partnership-leader' },
        { label: 'CAMHS waits page', path: '/dashboard/themes/camhs', headers: { cookie }, as: 'partnership-leader' },
      ]);
      return {
        title: `dashboard pages with the indicator store at scale ${scale} against a static asset`,
        measurements,
        notes: [
          `The store held ${counts.values.toLocaleString('en-GB')} figures (${INDICATORS.length} indicators, two school years, every breakdown group; ${Math.round(172 * scale).toLocaleString('en-GB')} schools) and ${counts.benchmarks.toLocaleString('en-GB')} published figures (England, 9 regions, about 150 authorities).`,
          'Each page is rendered once for the store’s version (by the set-up’s request) and then kept: a request reads the version (one query) and renders the layout around the kept page (src/features/dashboard/page-cache.ts). A miss costs what a page cost before: the headline reads every indicator’s figures in two queries, the indicator page its trend, groups, one breakdown and benchmarks, the CAMHS page five trends and their breakdown by locality.',
        ],
      };
    },
  };
}

export const dashboardScenario = dashboardAt(1);
export const dashboardScale10Scenario = dashboardAt(10);
