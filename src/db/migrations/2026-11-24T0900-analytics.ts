import { sql, type Kysely } from 'kysely';

/**
 * The pseudonymised schema analysts and dashboards read: every fact keyed by the child's random
 * pseudo_key, never by a name, date of birth, UPN, NHS number or full postcode. Dates of birth
 * become year and month; postcodes their district (the outward code). Rows not yet linked to a
 * child have no key. Small numbers are suppressed where figures are published
 * (src/platform/disclosure), not here: analysts need the true counts to compute rates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create schema analytics;

    create view analytics.children as
      select c.pseudo_key, to_char(c.date_of_birth, 'YYYY-MM') as birth_month, c.gender, c.locality,
             school.code as school_urn
      from children c left join organisations school on school.id = c.school_id;

    create view analytics.school_census as
      select c.pseudo_key, f.census_date, f.urn, f.ncy, f.sen_provision, f.primary_need, f.secondary_need,
             f.fsm_eligible, f.gender, split_part(f.postcode, ' ', 1) as postcode_district
      from school_census f left join children c on c.id = f.child_id;

    create view analytics.attendance_weeks as
      select c.pseudo_key, f.urn, f.week_start, f.possible, f.attending, f.present, f.approved_activity,
             f.authorised, f.unauthorised, f.not_possible, f.codes
      from attendance_weeks f left join children c on c.id = f.child_id;

    create view analytics.suspensions as
      select c.pseudo_key, f.urn, f.start_date, f.category, f.sessions, f.reason
      from suspensions f left join children c on c.id = f.child_id;

    create view analytics.camhs_referrals as
      select c.pseudo_key, f.extract_date, f.provider_code, f.icb_code, f.referral_date, f.first_contact_date,
             f.treatment_start_date, f.discharge_date, f.referral_outcome, split_part(f.postcode, ' ', 1) as postcode_district
      from camhs_referrals f left join children c on c.id = f.child_id;

    create view analytics.health_checks as
      select c.pseudo_key, f.check_type, f.due_date, f.completed_date, f.outcome, f.domains,
             split_part(f.postcode, ' ', 1) as postcode_district
      from health_checks f left join children c on c.id = f.child_id;

    create view analytics.social_care_episodes as
      select c.pseudo_key, f.status, f.start_date, f.end_date
      from social_care_episodes f left join children c on c.id = f.child_id;

    create view analytics.ap_placements as
      select c.pseudo_key, f.ap_urn, f.commissioner, f.commissioner_urn, f.start_date, f.planned_end_date,
             f.end_date, f.sessions_per_week, f.reason, f.outcome
      from ap_placements f left join children c on c.id = f.child_id;

    create view analytics.post16_activity as
      select c.pseudo_key, f.month, f.activity
      from post16_activity f left join children c on c.id = f.child_id;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop schema analytics cascade`.execute(db);
}
