import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { EhcTables } from './ehc.tables.js';
import type { DataHubTables } from './data-hub.tables.js';
import type { IndicatorTables } from './indicators.tables.js';
import type { StrategyTables } from './strategy.tables.js';
import type { VoiceTables } from './voice.tables.js';
import type { LocalOfferTables } from './local-offer.tables.js';
import type { LocalOfferWorkflowTables } from './local-offer-workflow.tables.js';
import type { EarlyWarningTables } from './early-warning.tables.js';

/** Row types of every table, one interface a table. Timestamps come back as Date. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export interface OrganisationTable {
  id: Generated<string>;
  kind: string;
  name: string;
  /** ONS code for a council, ODS code for NHS bodies, URN for a school. */
  code: string | null;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  organisation_id: string;
  role: string;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
}

export interface SessionTable {
  /** SHA-256 of the cookie's value: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** An OpenID Connect sign-in in progress; removed when its callback arrives. */
export interface OidcLoginTable {
  /** SHA-256 of the random id in the send-hub-oidc cookie. */
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface AuditHeadTable {
  singleton: Generated<boolean>;
  last_id: number;
  last_hash: string;
}

export interface AuditLogTable {
  id: number;
  at: Timestamp;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  actor_role: string | null;
  action: string;
  outcome: string;
  subject_type: string | null;
  subject_id: string | null;
  child_id: string | null;
  request_id: string | null;
  details: Json;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: Generated<string>;
  created_at: CreatedAt;
  channel: string;
  recipient: string;
  template: string;
  subject: string;
  body: string;
  status: Generated<string>;
  sent_at: Timestamp | null;
  error: string | null;
  provider_reference: string | null;
}

export interface ChildTable {
  id: Generated<string>;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  upn: string | null;
  nhs_number: string | null;
  /** A random key for pseudonymised analysis; never derived from identifiers. */
  pseudo_key: Generated<string>;
  address: string | null;
  postcode: string | null;
  school_id: string | null;
  locality: string | null;
  gender: string | null;
  created_at: CreatedAt;
}

export interface CaseLinkTable {
  id: Generated<string>;
  child_id: string;
  kind: string;
  /** A link to a person... */
  user_id: string | null;
  /** ...or to everyone in an organisation acting in a case role (a school)... */
  organisation_id: string | null;
  /** ...or to the members of a team (a speech and language therapy team asked for advice). */
  team_id: string | null;
  created_at: CreatedAt;
  ended_at: Timestamp | null;
}

export interface DB extends EhcTables, DataHubTables, IndicatorTables, StrategyTables, LocalOfferTables, LocalOfferWorkflowTables, VoiceTables, EarlyWarningTables {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  password_resets: PasswordResetTable;
  oidc_logins: OidcLoginTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  notification_outbox: OutboxTable;
  children: ChildTable;
  case_links: CaseLinkTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type Child = Selectable<ChildTable>;
