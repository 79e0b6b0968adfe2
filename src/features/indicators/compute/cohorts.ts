import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { boundsOf } from '../periods.js';

/** One pupil's groups in an academic year (indicator_cohorts). */
export interface Cohort {
  upn: string;
  childId: string | null;
  urn: string;
  sen: string;
  need: string;
  fsm: string;
  locality: string;
  socialCare: string;
  phase: string;
}

/**
 * Rebuilds the pupils' cohorts for an academic year from its latest school census (up to
 * today): SEN provision, primary need, free school meals, home locality (postcode district),
 * the highest social care status open in the year (looked after, then child protection, then
 * child in need) and the school's phase. One set-based statement.
 */
export async function rebuildCohorts(db: Kysely<DB>, period: string, today: string): Promise<number> {
  const { from } = boundsOf(period);
  const to = boundsOf(period).to < today ? boundsOf(period).to : today;
  await db.deleteFrom('indicator_cohorts').where('period', '=', period).execute();
  const result = await sql`
    insert into indicator_cohorts (period, upn, child_id, urn, sen_provision, primary_need, fsm, locality, social_care, phase)
    with latest as (
      select distinct on (upn) upn, child_id, urn, sen_provision, primary_need, fsm_eligible, postcode
      from school_census
      where census_date >= ${from}::date and census_date <= ${to}::date
      order by upn, census_date desc, urn
    ),
    episodes as (
      select upn, child_id, max(case status when 'CLA' then 3 when 'CP' then 2 when 'CIN' then 1 else 0 end) as level
      from social_care_episodes
      where start_date <= ${to}::date and (end_date is null or end_date >= ${from}::date)
      group by upn, child_id
    ),
    by_upn as (select upn, max(level) as level from episodes where upn is not null group by upn),
    by_child as (select child_id, max(level) as level from episodes where child_id is not null group by child_id)
    select ${period}, s.upn, s.child_id, s.urn, s.sen_provision, coalesce(s.primary_need, 'none'),
      case when s.fsm_eligible is null then 'unknown' when s.fsm_eligible then 'yes' else 'no' end,
      coalesce(l.locality, 'Unknown'),
      case greatest(coalesce(u.level, 0), coalesce(c.level, 0)) when 3 then 'CLA' when 2 then 'CP' when 1 then 'CIN' else 'none' end,
      coalesce(d.phase, 'unknown')
    from latest s
    left join localities l on l.postcode_prefix = split_part(s.postcode, ' ', 1)
    left join school_details d on d.urn = s.urn
    left join by_upn u on u.upn = s.upn
    left join by_child c on c.child_id = s.child_id
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function loadCohorts(db: Kysely<DB>, period: string): Promise<Map<string, Cohort>> {
  const rows = await db.selectFrom('indicator_cohorts').selectAll().where('period', '=', period).execute();
  return new Map(
    rows.map((r) => [
      r.upn,
      { upn: r.upn, childId: r.child_id, urn: r.urn, sen: r.sen_provision, need: r.primary_need, fsm: r.fsm, locality: r.locality, socialCare: r.social_care, phase: r.phase },
    ]),
  );
}

/** The groups of the cohort breakdowns for a pupil. */
export function cohortGroups(c: Cohort | undefined) {
  if (!c) return {};
  return {
    locality: c.locality,
    school: c.urn,
    'sen-provision': c.sen,
    'primary-need': c.need,
    'social-care': c.socialCare,
    fsm: c.fsm,
    phase: c.phase,
  };
}
