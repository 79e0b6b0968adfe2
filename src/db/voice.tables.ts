import type { ColumnType, Generated } from 'kysely';

/** Co-production and voice (migration 2026-11-24T1200-voice). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** 'YYYY-MM-DD': dates are read as text on both databases (src/db/database.ts). */
type DateColumn = string;
type Json = ColumnType<unknown, string, string>;

export interface SurveyTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  kind: Generated<'general' | 'annual'>;
  year: number | null;
  anonymous: boolean;
  audience: 'open' | 'list';
  open_token: string | null;
  status: Generated<'draft' | 'open' | 'closed'>;
  publish_results: Generated<boolean>;
  /** How many responses the published figures (and the survey indicators) include. */
  published_responses: Generated<number>;
  /** The publishable results as last refreshed (see survey.service snapshot). */
  published_results: Json | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SurveyQuestionTable {
  id: Generated<string>;
  survey_id: string;
  position: number;
  kind: 'single' | 'multiple' | 'agreement' | 'text';
  text: string;
  hint: Generated<string>;
  /** The choices, as a JSON array of strings (the agreement scale is fixed, not stored). */
  options: Json;
  required: Generated<boolean>;
  statement_id: string | null;
  show_if_question_id: string | null;
  show_if_value: string | null;
}

export interface SurveyResponseTable {
  id: Generated<string>;
  survey_id: string;
  /** The day for a named response; the first of the month for an anonymous one. */
  responded_on: DateColumn;
  respondent_user_id: string | null;
  invitee_id: string | null;
}

export interface SurveyAnswerTable {
  id: Generated<string>;
  response_id: string;
  question_id: string;
  value: string;
}

export interface SurveyStatementTotalTable {
  survey_id: string;
  question_id: string;
  agreeing: number;
  with_view: number;
}

export interface SurveyInviteeTable {
  id: Generated<string>;
  survey_id: string;
  email: string;
  invited_on: DateColumn;
}

export interface SurveyInviteTokenTable {
  token_hash: string;
  survey_id: string;
  invitee_id: string;
}

export interface SurveySubmissionTable {
  nonce_hash: string;
  survey_id: string;
  used_on: DateColumn;
}

export interface YouSaidWeDidTable {
  id: Generated<string>;
  source_kind: 'survey' | 'feedback' | 'meeting' | 'other';
  source_link: Generated<string>;
  you_said: string;
  we_did: Generated<string>;
  status: 'listening' | 'acting' | 'done';
  action_id: string | null;
  published: Generated<boolean>;
  said_on: DateColumn;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface WorkingGroupTable {
  id: Generated<string>;
  name: string;
  purpose: Generated<string>;
}

export interface WorkingGroupMemberTable {
  id: Generated<string>;
  group_id: string;
  user_id: string | null;
  name: string;
  organisation: Generated<string>;
  parent_carer_rep: Generated<boolean>;
}

export interface GroupMeetingTable {
  id: Generated<string>;
  group_id: string;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: Generated<string>;
  agenda: Generated<string>;
  minutes: Generated<string>;
}

export interface GroupActionTable {
  id: Generated<string>;
  meeting_id: string;
  text: string;
  owner: Generated<string>;
  due_on: DateColumn | null;
  done: Generated<boolean>;
  strategy_action_id: string | null;
}

export interface SubscriberTable {
  id: Generated<string>;
  email: string;
  topics: Json;
  confirm_token_hash: string | null;
  confirmation_sent_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  unsubscribe_token: string;
}

export interface NewsletterIssueTable {
  id: Generated<string>;
  topic: string;
  subject: string;
  body: string;
  recipients: number;
  sent_by: string | null;
  sent_at: CreatedAt;
}

export interface PageFeedbackTable {
  id: Generated<string>;
  page: string;
  useful: 'yes' | 'no' | null;
  comment: Generated<string>;
  status: Generated<'new' | 'published' | 'rejected'>;
  reply: Generated<string>;
  submitted_on: DateColumn;
  moderated_by: string | null;
  moderated_at: Timestamp | null;
}

export interface VoiceTables {
  surveys: SurveyTable;
  survey_questions: SurveyQuestionTable;
  survey_responses: SurveyResponseTable;
  survey_answers: SurveyAnswerTable;
  survey_statement_totals: SurveyStatementTotalTable;
  survey_invitees: SurveyInviteeTable;
  survey_invite_tokens: SurveyInviteTokenTable;
  survey_submissions: SurveySubmissionTable;
  you_said_we_did: YouSaidWeDidTable;
  working_groups: WorkingGroupTable;
  working_group_members: WorkingGroupMemberTable;
  group_meetings: GroupMeetingTable;
  group_actions: GroupActionTable;
  subscribers: SubscriberTable;
  newsletter_issues: NewsletterIssueTable;
  page_feedback: PageFeedbackTable;
}
