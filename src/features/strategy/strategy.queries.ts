import type { Db } from '../../db/database.js';
import type { ActionHistoryKind, ActionStatus } from '../../db/strategy.tables.js';

/** Reading the strategy and action plan. Evidence files' bytes are read only to download one. */

export interface PriorityView {
  id: string;
  number: number;
  title: string;
  summary: string;
  whatWeWantToChange: string[];
  howWeWillDoIt: string[];
  familyStatements: { id: string; position: number; text: string }[];
}

export interface AreaView {
  id: string;
  number: number;
  title: string;
  whatInspectorsFound: string;
  whatWeWillDo: string[];
}

export interface ActionSummary {
  id: string;
  reference: string;
  priorityId: string | null;
  improvementAreaId: string | null;
  title: string;
  description: string;
  leadOrganisation: string;
  leadPerson: string;
  status: ActionStatus;
  statusReason: string;
  statusChangedAt: Date;
  targetDate: string | null;
  updatedAt: Date;
  milestones: { id: string; title: string; due_on: string; done_on: string | null }[];
  measures: { id: string; kind: 'indicator' | 'survey'; ref: string; label: string }[];
  partners: string[];
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((x): x is string => typeof x === 'string');
  if (typeof value === 'string') {
    try {
      return list(JSON.parse(value));
    } catch {
      return [];
    }
  }
  return [];
}

export async function loadPriorities(db: Db): Promise<PriorityView[]> {
  const rows = await db.selectFrom('strategy_priorities').selectAll().orderBy('number').execute();
  const statements = await db.selectFrom('strategy_family_statements').selectAll().orderBy('position').execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    summary: r.summary,
    whatWeWantToChange: list(r.what_we_want_to_change),
    howWeWillDoIt: list(r.how_we_will_do_it),
    familyStatements: statements.filter((st) => st.priority_id === r.id).map((st) => ({ id: st.id, position: st.position, text: st.text })),
  }));
}

export async function loadAreas(db: Db): Promise<AreaView[]> {
  const rows = await db.selectFrom('improvement_areas').selectAll().orderBy('number').execute();
  return rows.map((r) => ({ id: r.id, number: r.number, title: r.title, whatInspectorsFound: r.what_inspectors_found, whatWeWillDo: list(r.what_we_will_do) }));
}

/** Every action with its milestones, measures and partners (or those of the ids given). */
export async function loadActions(db: Db, ids?: readonly string[]): Promise<ActionSummary[]> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('strategy_actions as a')
    .innerJoin('organisations as o', 'o.id', 'a.lead_organisation_id')
    .select([
      'a.id', 'a.reference', 'a.priority_id', 'a.improvement_area_id', 'a.title', 'a.description', 'o.name as lead_organisation',
      'a.lead_person', 'a.status', 'a.status_reason', 'a.status_changed_at', 'a.target_date', 'a.updated_at',
    ]);
  if (ids) q = q.where('a.id', 'in', ids);
  const actions = await q.execute();
  if (!actions.length) return [];
  const actionIds = actions.map((a) => a.id);
  const [milestones, measures, partners] = await Promise.all([
    db.selectFrom('strategy_milestones').select(['id', 'action_id', 'title', 'due_on', 'done_on']).where('action_id', 'in', actionIds).orderBy('due_on').orderBy('created_at').execute(),
    db.selectFrom('strategy_action_measures').select(['id', 'action_id', 'kind', 'ref', 'label']).where('action_id', 'in', actionIds).orderBy('kind').orderBy('ref').execute(),
    db.selectFrom('strategy_action_partners as p').innerJoin('organisations as o', 'o.id', 'p.organisation_id').select(['p.action_id', 'o.name']).where('p.action_id', 'in', actionIds).orderBy('o.name').execute(),
  ]);
  return actions
    .map((a) => ({
      id: a.id,
      reference: a.reference,
      priorityId: a.priority_id,
      improvementAreaId: a.improvement_area_id,
      title: a.title,
      description: a.description,
      leadOrganisation: a.lead_organisation,
      leadPerson: a.lead_person,
      status: a.status,
      statusReason: a.status_reason,
      statusChangedAt: a.status_changed_at,
      targetDate: a.target_date,
      updatedAt: a.updated_at,
      milestones: milestones.filter((m) => m.action_id === a.id).map(({ action_id: _, ...m }) => m),
      measures: measures.filter((m) => m.action_id === a.id).map(({ action_id: _, ...m }) => m),
      partners: partners.filter((p) => p.action_id === a.id).map((p) => p.name),
    }))
    .sort(byReference);
}

/** "1.2" before "1.10", and priorities' actions before the areas for improvement's ("AFI 1.1"). */
export function byReference(a: { reference: string }, b: { reference: string }): number {
  return a.reference.localeCompare(b.reference, 'en', { numeric: true });
}

export interface ActionRecord {
  action: ActionSummary & { version: number; leadOrganisationId: string; partnerIds: string[] };
  priority: { id: string; number: number; title: string } | null;
  area: { id: string; number: number; title: string } | null;
  updates: { id: string; update_on: string; body: string; author: string | null; created_at: Date }[];
  evidence: { id: string; title: string; file_name: string; content_type: string; size_bytes: number; uploaded_at: Date; uploaded_by: string | null }[];
  history: HistoryEntry[];
}

export interface HistoryEntry {
  id: string;
  at: Date;
  actor: string | null;
  kind: ActionHistoryKind;
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function record(value: unknown): Record<string, unknown> | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value === 'string') {
    try {
      return record(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return null;
}

export async function loadAction(db: Db, id: string): Promise<ActionRecord | undefined> {
  const row = await db.selectFrom('strategy_actions').select(['id', 'version', 'lead_organisation_id', 'priority_id', 'improvement_area_id']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [summary] = await loadActions(db, [id]);
  const [priority, area, partnerIds, updates, evidence, history] = await Promise.all([
    row.priority_id ? db.selectFrom('strategy_priorities').select(['id', 'number', 'title']).where('id', '=', row.priority_id).executeTakeFirst() : undefined,
    row.improvement_area_id ? db.selectFrom('improvement_areas').select(['id', 'number', 'title']).where('id', '=', row.improvement_area_id).executeTakeFirst() : undefined,
    db.selectFrom('strategy_action_partners').select('organisation_id').where('action_id', '=', id).execute(),
    db
      .selectFrom('strategy_progress_updates as u')
      .leftJoin('users as w', 'w.id', 'u.author_user_id')
      .select(['u.id', 'u.update_on', 'u.body', 'w.name as author', 'u.created_at'])
      .where('u.action_id', '=', id)
      .orderBy('u.update_on', 'desc')
      .orderBy('u.created_at', 'desc')
      .execute(),
    db
      .selectFrom('strategy_evidence as e')
      .leftJoin('users as w', 'w.id', 'e.uploaded_by')
      .select(['e.id', 'e.title', 'e.file_name', 'e.content_type', 'e.size_bytes', 'e.uploaded_at', 'w.name as uploaded_by'])
      .where('e.action_id', '=', id)
      .orderBy('e.uploaded_at', 'desc')
      .execute(),
    loadHistory(db, { actionId: id }),
  ]);
  return {
    action: { ...summary!, version: row.version, leadOrganisationId: row.lead_organisation_id, partnerIds: partnerIds.map((p) => p.organisation_id) },
    priority: priority ?? null,
    area: area ?? null,
    updates,
    evidence,
    history,
  };
}

/** History, newest first: of one action, or of every action in a period [from, before). */
export async function loadHistory(db: Db, where: { actionId?: string; from?: string; before?: string }): Promise<(HistoryEntry & { actionId: string })[]> {
  let q = db
    .selectFrom('strategy_action_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_user_id')
    .select(['h.id', 'h.action_id', 'h.at', 'u.name as actor', 'h.kind', 'h.summary', 'h.before', 'h.after']);
  if (where.actionId) q = q.where('h.action_id', '=', where.actionId);
  if (where.from) q = q.where('h.at', '>=', new Date(where.from));
  if (where.before) q = q.where('h.at', '<', new Date(where.before));
  const rows = await q.orderBy('h.at', 'desc').orderBy('h.id').execute();
  return rows.map((r) => ({ id: r.id, actionId: r.action_id, at: r.at, actor: r.actor, kind: r.kind, summary: r.summary, before: record(r.before), after: record(r.after) }));
}

export async function loadEvidenceFile(db: Db, actionId: string, evidenceId: string) {
  return db
    .selectFrom('strategy_evidence')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'content', 'sha256'])
    .where('id', '=', evidenceId)
    .where('action_id', '=', actionId)
    .executeTakeFirst();
}

/** Organisations that can lead or partner an action, by name. */
export async function loadOrganisations(db: Db) {
  return db.selectFrom('organisations').select(['id', 'name', 'kind']).where('kind', '!=', 'school').orderBy('name').execute();
}

/** Progress updates dated within a period, with their action. */
export async function loadUpdatesIn(db: Db, from: string, to: string) {
  return db
    .selectFrom('strategy_progress_updates as u')
    .innerJoin('strategy_actions as a', 'a.id', 'u.action_id')
    .select(['u.id', 'u.action_id', 'a.reference', 'a.title', 'u.update_on', 'u.body'])
    .where('u.update_on', '>=', from)
    .where('u.update_on', '<=', to)
    .orderBy('u.update_on', 'desc')
    .execute();
}
