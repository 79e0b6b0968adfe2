/**
 * Where each dataset's records go: the fact table, the row written for a record, and the
 * identity used to link it to a child. Schools are special (organisations + school_details) and
 * attendance goes through its pupil-week rollup: see import.service.ts.
 */
import type { ApPlacementRecord } from '../formats/ap-placements.js';
import type { CamhsReferralRecord } from '../formats/camhs-referrals.js';
import type { DatasetName, ImportRecord } from '../formats/dataset.js';
import type { HealthCheckRecord } from '../formats/health-checks.js';
import type { LocalityRecord } from '../formats/localities.js';
import type { Post16Record } from '../formats/post-16-activity.js';
import type { CensusRecord } from '../formats/school-census.js';
import type { SocialCareRecord } from '../formats/social-care.js';
import type { SuspensionRecord } from '../formats/suspensions-exclusions.js';

/** What a record tells us about who the child is. */
export interface RecordIdentity {
  readonly upn: string | null;
  readonly nhsNumber: string | null;
  readonly forename: string | null;
  readonly surname: string | null;
  readonly dateOfBirth: string | null;
  readonly gender?: string | null;
  readonly postcode?: string | null;
}

export type FactTable =
  | 'localities'
  | 'school_census'
  | 'suspensions'
  | 'camhs_referrals'
  | 'health_checks'
  | 'social_care_episodes'
  | 'ap_placements'
  | 'post16_activity';

export interface FactMapping<R extends ImportRecord> {
  readonly table: FactTable;
  /** The row without natural_key, import_id and child_id. */
  row(record: R): Record<string, unknown>;
  /** Absent for datasets about places rather than children. */
  identity?(record: R): RecordIdentity;
}

const census: FactMapping<CensusRecord> = {
  table: 'school_census',
  row: (r) => ({
    census_date: r.censusDate, urn: r.urn, upn: r.upn, forename: r.forename, surname: r.surname,
    date_of_birth: r.dateOfBirth, gender: r.gender, postcode: r.postcode, ncy: r.ncy,
    sen_provision: r.senProvision, primary_need: r.primaryNeed, secondary_need: r.secondaryNeed,
    fsm_eligible: r.fsmEligible,
  }),
  identity: (r) => ({ upn: r.upn, nhsNumber: null, forename: r.forename, surname: r.surname, dateOfBirth: r.dateOfBirth, gender: r.gender, postcode: r.postcode }),
};

const localities: FactMapping<LocalityRecord> = {
  table: 'localities',
  row: (r) => ({ postcode_prefix: r.postcodePrefix, locality: r.locality, icb_code: r.icbCode }),
};

const upnOnly = (upn: string | null): RecordIdentity => ({ upn, nhsNumber: null, forename: null, surname: null, dateOfBirth: null });

const suspensions: FactMapping<SuspensionRecord> = {
  table: 'suspensions',
  row: (r) => ({ upn: r.upn, urn: r.urn, start_date: r.startDate, category: r.category, sessions: r.sessions, reason: r.reason }),
  identity: (r) => upnOnly(r.upn),
};

const camhs: FactMapping<CamhsReferralRecord> = {
  table: 'camhs_referrals',
  row: (r) => ({
    extract_date: r.extractDate, referral_id: r.referralId, nhs_number: r.nhsNumber, forename: r.forename,
    surname: r.surname, date_of_birth: r.dateOfBirth, postcode: r.postcode, provider_code: r.providerCode,
    icb_code: r.icbCode, referral_date: r.referralDate, first_contact_date: r.firstContactDate,
    treatment_start_date: r.treatmentStartDate, discharge_date: r.dischargeDate, referral_outcome: r.referralOutcome,
  }),
  identity: (r) => ({ upn: null, nhsNumber: r.nhsNumber, forename: r.forename, surname: r.surname, dateOfBirth: r.dateOfBirth, postcode: r.postcode }),
};

const healthChecks: FactMapping<HealthCheckRecord> = {
  table: 'health_checks',
  row: (r) => ({
    nhs_number: r.nhsNumber, forename: r.forename, surname: r.surname, date_of_birth: r.dateOfBirth,
    postcode: r.postcode, check_type: r.check, due_date: r.dueDate, completed_date: r.completedDate,
    outcome: r.outcome, domains: r.domains,
  }),
  identity: (r) => ({ upn: null, nhsNumber: r.nhsNumber, forename: r.forename, surname: r.surname, dateOfBirth: r.dateOfBirth, postcode: r.postcode }),
};

const socialCare: FactMapping<SocialCareRecord> = {
  table: 'social_care_episodes',
  row: (r) => ({
    la_child_id: r.laChildId, upn: r.upn, nhs_number: r.nhsNumber, forename: r.forename, surname: r.surname,
    date_of_birth: r.dateOfBirth, status: r.status, start_date: r.startDate, end_date: r.endDate,
  }),
  identity: (r) => ({ upn: r.upn, nhsNumber: r.nhsNumber, forename: r.forename, surname: r.surname, dateOfBirth: r.dateOfBirth }),
};

const apPlacements: FactMapping<ApPlacementRecord> = {
  table: 'ap_placements',
  row: (r) => ({
    upn: r.upn, ap_urn: r.apUrn, commissioner: r.commissioner, commissioner_urn: r.commissionerUrn,
    start_date: r.startDate, planned_end_date: r.plannedEndDate, end_date: r.endDate,
    sessions_per_week: r.sessionsPerWeek, reason: r.reason, outcome: r.outcome,
  }),
  identity: (r) => upnOnly(r.upn),
};

const post16: FactMapping<Post16Record> = {
  table: 'post16_activity',
  row: (r) => ({ uln: r.uln, upn: r.upn, month: r.month, activity: r.activity }),
  identity: (r) => upnOnly(r.upn),
};

/** The fact mapping of every dataset loaded row by row (not schools, not attendance). */
export const FACTS: Partial<Record<DatasetName, FactMapping<ImportRecord>>> = {
  localities: localities as unknown as FactMapping<ImportRecord>,
  'school-census': census as unknown as FactMapping<ImportRecord>,
  'suspensions-exclusions': suspensions as unknown as FactMapping<ImportRecord>,
  'camhs-referrals': camhs as unknown as FactMapping<ImportRecord>,
  'health-checks': healthChecks as unknown as FactMapping<ImportRecord>,
  'social-care': socialCare as unknown as FactMapping<ImportRecord>,
  'ap-placements': apPlacements as unknown as FactMapping<ImportRecord>,
  'post-16-activity': post16 as unknown as FactMapping<ImportRecord>,
};

/** Every table an import writes facts to, for undo. */
export const ALL_FACT_TABLES = ['school_details', 'attendance_weeks', ...new Set(Object.values(FACTS).map((m) => m!.table))] as const;
