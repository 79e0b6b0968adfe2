import type { ColumnType, Generated } from 'kysely';

/** Row types of the Local Offer's workflow tables (migration 2026-11-24T1010-local-offer-workflow). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;
type Day = ColumnType<string, string, string>;

export interface LocalOfferProposalTable {
  id: Generated<string>;
  service_id: string;
  organisation_id: string;
  proposed_by: string;
  proposed_at: CreatedAt;
  /** The fields the provider changed, with their new values. */
  changes: Json;
  /** The same fields' values when the proposal was made. */
  before: Json;
  note: string | null;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reason: string | null;
}

export interface LocalOfferServiceHistoryTable {
  id: Generated<string>;
  service_id: string;
  changed_at: CreatedAt;
  changed_by: string | null;
  kind: 'update-approved' | 'checked';
  proposal_id: string | null;
  before: Json;
  after: Json;
}

export interface LocalOfferEventTable {
  id: Generated<string>;
  title: string;
  description: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  location_name: string;
  address: string | null;
  postcode: string | null;
  locality: string | null;
  service_id: string | null;
  booking: string | null;
  cost: string | null;
  min_age: number | null;
  max_age: number | null;
  created_at: CreatedAt;
}

export interface LocalOfferFeedbackTable {
  id: Generated<string>;
  service_id: string | null;
  body: string;
  name: string | null;
  email: string | null;
  submitted_at: CreatedAt;
  status: Generated<'pending' | 'published' | 'rejected'>;
  response: string | null;
  moderated_by: string | null;
  moderated_at: Timestamp | null;
  published_on: Day | null;
}

export interface LocalOfferWorkflowTables {
  local_offer_proposals: LocalOfferProposalTable;
  local_offer_service_history: LocalOfferServiceHistoryTable;
  local_offer_events: LocalOfferEventTable;
  local_offer_feedback: LocalOfferFeedbackTable;
}
