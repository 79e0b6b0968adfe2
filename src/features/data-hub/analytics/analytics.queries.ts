/**
 * What the analysts' overview shows, read only from the analytics schema as the analyst role:
 * how much of each partner's data is linked to a child, and the latest census by locality and
 * SEN provision with small numbers suppressed.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { discloseCount, discloseRate } from '../../../platform/disclosure/disclosure.js';
import { asAnalyst } from './as-analyst.js';

const VIEWS = [
  ['school_census', 'School census'],
  ['attendance_weeks', 'Attendance (pupil-weeks)'],
  ['suspensions', 'Suspensions and exclusions'],
  ['camhs_referrals', 'CAMHS referrals'],
  ['health_checks', 'Health checks'],
  ['social_care_episodes', 'Social care'],
  ['ap_placements', 'Alternative provision'],
  ['post16_activity', 'Post-16 activity'],
] as const;

const PROVISION: Record<string, string> = { E: 'EHC plan', K: 'SEN Support', N: 'No SEN' };

export async function analyticsOverview(db: Db) {
  return asAnalyst(db, async (tx) => {
    const coverage = [];
    for (const [view, label] of VIEWS) {
      const r = await sql<{ total: number; linked: number }>`
        select count(*)::int as total, count(pseudo_key)::int as linked from ${sql.table(`analytics.${view}`)}`.execute(tx);
      const { total, linked } = r.rows[0]!;
      coverage.push({ label, total: discloseCount(total).text, linked: discloseRate(linked, total) .text });
    }
    const census = await sql<{ census_date: string | null }>`select max(census_date)::text as census_date from analytics.school_census`.execute(tx);
    const latest = census.rows[0]?.census_date ?? null;
    const byLocality = latest
      ? (
          await sql<{ locality: string | null; sen_provision: string; n: number }>`
            select l.locality, f.sen_provision, count(*)::int as n
            from analytics.school_census f left join analytics.children l on l.pseudo_key = f.pseudo_key
            where f.census_date = ${latest}
            group by l.locality, f.sen_provision
            order by l.locality nulls last, f.sen_provision`.execute(tx)
        ).rows
      : [];
    const localities = [...new Set(byLocality.map((r) => r.locality ?? 'Not known'))];
    const table = localities.map((locality) => {
      const rows = byLocality.filter((r) => (r.locality ?? 'Not known') === locality);
      const total = rows.reduce((n, r) => n + r.n, 0);
      return {
        locality,
        cells: (['E', 'K', 'N'] as const).map((p) => {
          const n = rows.find((r) => r.sen_provision === p)?.n ?? 0;
          return { provision: PROVISION[p], count: discloseCount(n).text, rate: discloseRate(n, total).text };
        }),
        total: discloseCount(total).text,
      };
    });
    return { coverage, latestCensus: latest, table };
  });
}
