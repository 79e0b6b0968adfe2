import type { ColumnType, Generated, Selectable } from 'kysely';

/** Row types of the EHC pathway's tables (migration 2026-11-24T0600-ehc). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = unknown> = ColumnType<T, string, string>;
/** 'YYYY-MM-DD' */
type IsoDate = string;

export interface FamilyMemberTable {
  id: Generated<string>;
  child_id: string;
  name: string;
  relationship: string;
  email: string | null;
  phone: string | null;
  contact_preference: Generated<string>;
  language: string | null;
  needs_interpreter: Generated<boolean>;
  user_id: string | null;
  main_contact: Generated<boolean>;
  created_at: CreatedAt;
}

export interface TeamTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  agency: string;
  locality: string | null;
  manager_user_id: string | null;
  email: string | null;
  created_at: CreatedAt;
}

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
}

export interface EhcRequestTable {
  id: Generated<string>;
  child_id: string;
  received_on: IsoDate;
  requested_by: string;
  requester_name: string | null;
  reason: string | null;
  officer_user_id: string | null;
  team_id: string | null;
  stage: Generated<string>;
  decision_on: IsoDate | null;
  decision: string | null;
  decision_reasons: string | null;
  draft_issued_on: IsoDate | null;
  comments_received_on: IsoDate | null;
  preferred_setting: string | null;
  final_issued_on: IsoDate | null;
  not_issuing_on: IsoDate | null;
  not_issuing_reasons: string | null;
  mediation: string | null;
  tribunal: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EhcEventTable {
  id: Generated<string>;
  request_id: string;
  type: string;
  occurred_on: IsoDate;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
  data: Json<Record<string, unknown>>;
  visible_to_family: Generated<boolean>;
}

export interface EhcExceptionTable {
  id: Generated<string>;
  request_id: string;
  kind: string;
  from_on: IsoDate;
  to_on: IsoDate;
  reason: string;
  created_at: CreatedAt;
}

export interface AdviceRequestTable {
  id: Generated<string>;
  request_id: string | null;
  review_id: string | null;
  child_id: string;
  agency: string;
  team_id: string | null;
  assignee_user_id: string | null;
  asked_on: IsoDate;
  due_on: IsoDate;
  question: string | null;
  received_on: IsoDate | null;
  nil_return: Generated<boolean>;
  advice: Json<Record<string, string>>;
  answered_by: string | null;
  reminded_before_at: Timestamp | null;
  reminded_due_at: Timestamp | null;
  escalated_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface PlanTable {
  id: Generated<string>;
  child_id: string;
  request_id: string | null;
  status: Generated<string>;
  ceased_on: IsoDate | null;
  cease_reason: string | null;
  created_at: CreatedAt;
}

export interface PlanVersionTable {
  id: Generated<string>;
  plan_id: string;
  version: number;
  kind: string;
  issued_on: IsoDate | null;
  sections: Json<Record<string, string>>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PlanCommentTable {
  id: Generated<string>;
  plan_version_id: string;
  author_user_id: string | null;
  section: string | null;
  body: string;
  preferred_setting: string | null;
  created_at: CreatedAt;
}

export interface AnnualReviewTable {
  id: Generated<string>;
  plan_id: string;
  child_id: string;
  due_by: IsoDate;
  meeting_on: IsoDate | null;
  invitations_sent_on: IsoDate | null;
  advice_circulated_on: IsoDate | null;
  report_sent_on: IsoDate | null;
  decision: string | null;
  decision_on: IsoDate | null;
  amendment_proposals_on: IsoDate | null;
  amended_final_on: IsoDate | null;
  cease_reason: string | null;
  phase_transfer: string | null;
  pfa: Json<Record<string, unknown>> | null;
  notes: string | null;
  created_at: CreatedAt;
}

export interface DocumentTable {
  id: Generated<string>;
  child_id: string;
  request_id: string | null;
  kind: string;
  title: string;
  body: string;
  visible_to_family: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface EhcTables {
  family_members: FamilyMemberTable;
  teams: TeamTable;
  team_members: TeamMemberTable;
  ehc_requests: EhcRequestTable;
  ehc_events: EhcEventTable;
  ehc_exceptions: EhcExceptionTable;
  advice_requests: AdviceRequestTable;
  plans: PlanTable;
  plan_versions: PlanVersionTable;
  plan_comments: PlanCommentTable;
  annual_reviews: AnnualReviewTable;
  documents: DocumentTable;
}

export type EhcRequest = Selectable<EhcRequestTable>;
export type AdviceRequestRow = Selectable<AdviceRequestTable>;
export type AnnualReview = Selectable<AnnualReviewTable>;
