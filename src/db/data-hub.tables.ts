import type { ColumnType, Generated } from 'kysely';

/** Row types of the data hub's tables (migration 2026-11-24T0800-data-hub). Dates are ISO strings. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export interface ImportTable {
  id: Generated<string>;
  dataset: string;
  file_name: string;
  file_sha256: string;
  imported_by: string | null;
  imported_at: CreatedAt;
  rows_read: Generated<number>;
  rows_loaded: Generated<number>;
  rows_rejected: Generated<number>;
  status: 'loaded' | 'rejected' | 'undone';
  /** The summary: warnings, file-level errors, linkage counts, rejections not stored. */
  report: Json;
  undone_by: string | null;
  undone_at: Timestamp | null;
}

export interface ImportRejectionTable {
  import_id: string;
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** What every fact table has. */
interface Fact {
  /** The format's natural key (keyOf): a re-import of the same record replaces the row. */
  natural_key: string;
  /** The import that last wrote the row. */
  import_id: string;
}

interface LinkedFact extends Fact {
  child_id: string | null;
}

export interface SchoolDetailsTable extends Fact {
  organisation_id: string;
  urn: string;
  name: string;
  type: string;
  phase: string;
  postcode: string | null;
  locality: string | null;
}

export interface LocalityTable extends Fact {
  postcode_prefix: string;
  locality: string;
  icb_code: string;
}

export interface SchoolCensusTable extends LinkedFact {
  census_date: string;
  urn: string;
  upn: string;
  forename: string | null;
  surname: string | null;
  date_of_birth: string | null;
  gender: string | null;
  postcode: string | null;
  ncy: string;
  sen_provision: string;
  primary_need: string | null;
  secondary_need: string | null;
  fsm_eligible: boolean | null;
}

export interface SuspensionTable extends LinkedFact {
  upn: string;
  urn: string;
  start_date: string;
  category: string;
  sessions: number | null;
  reason: string;
}

export interface CamhsReferralTable extends LinkedFact {
  extract_date: string;
  referral_id: string;
  nhs_number: string | null;
  forename: string | null;
  surname: string | null;
  date_of_birth: string | null;
  postcode: string | null;
  provider_code: string;
  icb_code: string | null;
  referral_date: string;
  first_contact_date: string | null;
  treatment_start_date: string | null;
  discharge_date: string | null;
  referral_outcome: string | null;
}

export interface HealthCheckTable extends LinkedFact {
  nhs_number: string | null;
  forename: string | null;
  surname: string | null;
  date_of_birth: string | null;
  postcode: string | null;
  check_type: string;
  due_date: string | null;
  completed_date: string | null;
  outcome: string | null;
  domains: Json;
}

export interface SocialCareEpisodeTable extends LinkedFact {
  la_child_id: string;
  upn: string | null;
  nhs_number: string | null;
  forename: string | null;
  surname: string | null;
  date_of_birth: string | null;
  status: string;
  start_date: string;
  end_date: string | null;
}

export interface ApPlacementTable extends LinkedFact {
  upn: string;
  ap_urn: string;
  commissioner: string;
  commissioner_urn: string | null;
  start_date: string;
  planned_end_date: string | null;
  end_date: string | null;
  sessions_per_week: number | null;
  reason: string;
  outcome: string | null;
}

export interface Post16ActivityTable extends LinkedFact {
  uln: string | null;
  upn: string | null;
  month: string;
  activity: string;
}

/** One pupil at one school in one week (Monday `week_start`): the dashboard's grain. */
export interface AttendanceWeekTable {
  upn: string;
  urn: string;
  week_start: string;
  import_id: string;
  child_id: string | null;
  possible: number;
  attending: number;
  present: number;
  approved_activity: number;
  authorised: number;
  unauthorised: number;
  not_possible: number;
  /** Ten comma-separated register codes, Monday AM to Friday PM; empty where no row. */
  sessions: string;
}

export interface ChildLinkTable {
  child_id: string;
  import_id: string;
  dataset: string;
  method: 'upn' | 'nhs-number' | 'name-dob' | 'manual';
  created_at: CreatedAt;
}

export interface LinkQueueTable {
  id: Generated<string>;
  import_id: string;
  dataset: string;
  fact_table: string;
  natural_key: string;
  line: number;
  forename: string;
  surname: string;
  date_of_birth: string;
  /** A JSON array of child ids. */
  candidate_child_ids: Json;
  resolved_child_id: string | null;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  /** linked: to resolved_child_id; no-match: none of the candidates, so the record stays unlinked. */
  outcome: 'linked' | 'no-match' | null;
  note: string | null;
  created_at: CreatedAt;
}

/** A row a later import replaced, kept so that undoing that import restores it. */
export interface SupersededFactTable {
  import_id: string;
  fact_table: string;
  natural_key: string;
  row: Json;
}

/** A school-week some attendance has been stored for (never removed: a superset is harmless). */
export interface AttendanceCoverageTable {
  urn: string;
  week_start: string;
  /** The import that stored pupil-weeks of this school-week. */
  import_id: string;
}

/** A week of attendance_weeks a writer changed that a consumer of weekly sums has yet to catch up with. */
export interface AttendanceWeekChangeTable {
  consumer: string;
  week_start: string;
}

export interface DataHubTables {
  superseded_facts: SupersededFactTable;
  attendance_week_changes: AttendanceWeekChangeTable;
  attendance_coverage: AttendanceCoverageTable;
  imports: ImportTable;
  import_rejections: ImportRejectionTable;
  school_details: SchoolDetailsTable;
  localities: LocalityTable;
  school_census: SchoolCensusTable;
  suspensions: SuspensionTable;
  camhs_referrals: CamhsReferralTable;
  health_checks: HealthCheckTable;
  social_care_episodes: SocialCareEpisodeTable;
  ap_placements: ApPlacementTable;
  post16_activity: Post16ActivityTable;
  attendance_weeks: AttendanceWeekTable;
  child_links: ChildLinkTable;
  link_queue: LinkQueueTable;
}
