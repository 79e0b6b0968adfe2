import type { ColumnType, Generated } from 'kysely';

/** Row types of the strategy and action plan (migration 2026-11-24T1100-strategy). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A JSON array of strings; written as a JSON string. */
type JsonList = ColumnType<string[], string | undefined, string>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;
/** 'YYYY-MM-DD' (dates are read back as strings: see src/db/database.ts). */
type IsoDate = string;

export type ActionStatus = 'on-track' | 'at-risk' | 'off-track' | 'done';

export interface StrategyPriorityTable {
  id: Generated<string>;
  number: number;
  title: string;
  summary: Generated<string>;
  what_we_want_to_change: JsonList;
  how_we_will_do_it: JsonList;
  created_at: CreatedAt;
}

/** "What it will look like for families": one statement a row, in order. */
export interface StrategyFamilyStatementTable {
  id: Generated<string>;
  priority_id: string;
  position: number;
  text: string;
}

/** An area for improvement named by the local area inspection. */
export interface ImprovementAreaTable {
  id: Generated<string>;
  number: number;
  title: string;
  what_inspectors_found: Generated<string>;
  what_we_will_do: JsonList;
  created_at: CreatedAt;
}

export interface StrategyActionTable {
  id: Generated<string>;
  /** Short public reference, e.g. "1.2" or "AFI 2.1". */
  reference: string;
  priority_id: string | null;
  improvement_area_id: string | null;
  title: string;
  description: Generated<string>;
  lead_organisation_id: string;
  /** The named lead: shown to signed-in staff, never on the public page. */
  lead_person: Generated<string>;
  status: ColumnType<ActionStatus, ActionStatus | undefined, ActionStatus>;
  /** Required when at risk or off track. */
  status_reason: Generated<string>;
  status_changed_at: Timestamp;
  target_date: IsoDate | null;
  /** Rises with every change to the action or its parts: a stale edit is refused. */
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface StrategyActionPartnerTable {
  action_id: string;
  organisation_id: string;
}

export interface StrategyMilestoneTable {
  id: Generated<string>;
  action_id: string;
  title: string;
  due_on: IsoDate;
  done_on: IsoDate | null;
  created_at: CreatedAt;
}

/** An indicator (its id in the indicator library) or a survey measure that shows impact. */
export interface StrategyActionMeasureTable {
  id: Generated<string>;
  action_id: string;
  kind: 'indicator' | 'survey';
  ref: string;
  label: Generated<string>;
}

export interface StrategyProgressUpdateTable {
  id: Generated<string>;
  action_id: string;
  update_on: IsoDate;
  body: string;
  author_user_id: string | null;
  created_at: CreatedAt;
}

export interface StrategyEvidenceTable {
  id: Generated<string>;
  action_id: string;
  title: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: CreatedAt;
}

export type ActionHistoryKind = 'created' | 'details' | 'status' | 'milestone' | 'progress' | 'evidence' | 'measure';

export interface StrategyActionHistoryTable {
  id: Generated<string>;
  action_id: string;
  at: CreatedAt;
  actor_user_id: string | null;
  kind: ActionHistoryKind;
  summary: string;
  before: Json;
  after: Json;
}

export interface StrategyTables {
  strategy_priorities: StrategyPriorityTable;
  strategy_family_statements: StrategyFamilyStatementTable;
  improvement_areas: ImprovementAreaTable;
  strategy_actions: StrategyActionTable;
  strategy_action_partners: StrategyActionPartnerTable;
  strategy_milestones: StrategyMilestoneTable;
  strategy_action_measures: StrategyActionMeasureTable;
  strategy_progress_updates: StrategyProgressUpdateTable;
  strategy_evidence: StrategyEvidenceTable;
  strategy_action_history: StrategyActionHistoryTable;
}
