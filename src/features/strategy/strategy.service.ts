import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { ActionHistoryKind, ActionStatus } from '../../db/strategy.tables.js';
import type { Actor, AuditEntry } from '../../platform/audit/audit.service.js';
import { STATUSES } from './strategy.rules.js';

/**
 * Every change to the action plan: in one transaction, the change, a history row (who, when,
 * before and after, shown on the action's page), the action's version raised, and an audit
 * entry. A change made from a page that was out of date (another leader changed the action
 * since) is refused with StaleEditError rather than silently undoing the other's change.
 */

interface AuditLike {
  record(db: Db, entry: AuditEntry): Promise<number>;
}

export interface StrategyDeps {
  db: Db;
  audit: AuditLike;
}

export class StaleEditError extends Error {
  constructor() {
    super('Someone else changed this action since you opened the page. Check what they changed, then make your change again.');
    this.name = 'StaleEditError';
  }
}

export class ActionNotFoundError extends Error {
  constructor() {
    super('There is no such action in the plan');
    this.name = 'ActionNotFoundError';
  }
}

interface Change {
  kind: ActionHistoryKind;
  summary: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Also set on the action row (its own fields). */
  actionFields?: Record<string, unknown>;
}

interface ChangeContext {
  actor: Actor;
  requestId?: string | undefined;
  /** The version the page showed; omitted for additions that cannot conflict (updates, evidence). */
  expectedVersion?: number | undefined;
}

async function change(deps: StrategyDeps, actionId: string, ctx: ChangeContext, work: (tx: Db, action: { id: string; reference: string; status: ActionStatus; version: number }) => Promise<Change>): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const action = await tx.selectFrom('strategy_actions').select(['id', 'reference', 'status', 'version']).where('id', '=', actionId).forUpdate().executeTakeFirst();
    if (!action) throw new ActionNotFoundError();
    if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== action.version) throw new StaleEditError();
    const c = await work(tx, action);
    await tx
      .updateTable('strategy_actions')
      .set({ ...(c.actionFields ?? {}), version: action.version + 1, updated_at: new Date() })
      .where('id', '=', actionId)
      .execute();
    await tx
      .insertInto('strategy_action_history')
      .values({
        action_id: actionId,
        actor_user_id: ctx.actor.userId,
        kind: c.kind,
        summary: c.summary,
        before: c.before ? JSON.stringify(c.before) : null,
        after: c.after ? JSON.stringify(c.after) : null,
      })
      .execute();
    await deps.audit.record(tx, {
      actor: ctx.actor,
      action: `strategy.action.${c.kind}`,
      outcome: 'succeeded',
      subjectType: 'strategy-action',
      subjectId: actionId,
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
      details: { reference: action.reference, summary: c.summary },
    });
  });
}

export class DuplicateReferenceError extends Error {
  constructor(reference: string) {
    super(`There is already an action ${reference}: choose another reference`);
    this.name = 'DuplicateReferenceError';
  }
}

export interface NewAction {
  reference: string;
  priorityId: string | null;
  improvementAreaId: string | null;
  title: string;
  description: string;
  leadOrganisationId: string;
  leadPerson: string;
  targetDate: string | null;
}

export function strategyService(deps: StrategyDeps) {
  return {
    /** Adds an action to the plan, on track, with its first history entry. */
    async createAction(ctx: ChangeContext, input: NewAction): Promise<string> {
      return inTransaction(deps.db, async (tx) => {
        const taken = await tx.selectFrom('strategy_actions').select('id').where(sql<boolean>`lower(reference) = lower(${input.reference})`).executeTakeFirst();
        if (taken) throw new DuplicateReferenceError(input.reference);
        const row = await tx
          .insertInto('strategy_actions')
          .values({
            reference: input.reference,
            priority_id: input.priorityId,
            improvement_area_id: input.improvementAreaId,
            title: input.title,
            description: input.description,
            lead_organisation_id: input.leadOrganisationId,
            lead_person: input.leadPerson,
            status: 'on-track',
            status_changed_at: new Date(),
            target_date: input.targetDate,
            updated_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('strategy_action_history')
          .values({ action_id: row.id, actor_user_id: ctx.actor.userId, kind: 'created', summary: 'Added the action to the plan', after: JSON.stringify({ title: input.title, status: 'on-track', targetDate: input.targetDate }) })
          .execute();
        await deps.audit.record(tx, {
          actor: ctx.actor,
          action: 'strategy.action.created',
          outcome: 'succeeded',
          subjectType: 'strategy-action',
          subjectId: row.id,
          ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
          details: { reference: input.reference, title: input.title },
        });
        return row.id;
      });
    },

    async setStatus(actionId: string, ctx: ChangeContext, input: { status: ActionStatus; reason: string }) {
      await change(deps, actionId, ctx, async (tx) => {
        const before = await tx.selectFrom('strategy_actions').select(['status', 'status_reason']).where('id', '=', actionId).executeTakeFirstOrThrow();
        const same = before.status === input.status;
        return {
          kind: 'status',
          summary: same ? `Reason for “${STATUSES[input.status].label}” changed` : `Status changed from “${STATUSES[before.status].label}” to “${STATUSES[input.status].label}”`,
          before: { status: before.status, reason: before.status_reason },
          after: { status: input.status, reason: input.reason },
          actionFields: { status: input.status, status_reason: input.reason, ...(same ? {} : { status_changed_at: new Date() }) },
        };
      });
    },

    async editDetails(
      actionId: string,
      ctx: ChangeContext,
      input: { title: string; description: string; leadOrganisationId: string; leadPerson: string; partnerIds: string[]; targetDate: string | null },
    ) {
      await change(deps, actionId, ctx, async (tx) => {
        const row = await tx.selectFrom('strategy_actions').select(['title', 'description', 'lead_organisation_id', 'lead_person', 'target_date']).where('id', '=', actionId).executeTakeFirstOrThrow();
        const partners = (await tx.selectFrom('strategy_action_partners').select('organisation_id').where('action_id', '=', actionId).execute()).map((p) => p.organisation_id).sort();
        const names = async (ids: string[]) =>
          ids.length ? (await tx.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).orderBy('name').execute()).map((o) => o.name) : [];
        const before = { title: row.title, description: row.description, leadOrganisation: (await names([row.lead_organisation_id]))[0], leadPerson: row.lead_person, partners: await names(partners), targetDate: row.target_date };
        const after = { title: input.title, description: input.description, leadOrganisation: (await names([input.leadOrganisationId]))[0], leadPerson: input.leadPerson, partners: await names(input.partnerIds), targetDate: input.targetDate };
        const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
        await tx.deleteFrom('strategy_action_partners').where('action_id', '=', actionId).execute();
        if (input.partnerIds.length) {
          await tx.insertInto('strategy_action_partners').values(input.partnerIds.map((organisation_id) => ({ action_id: actionId, organisation_id }))).execute();
        }
        const words: Record<string, string> = { title: 'title', description: 'description', leadOrganisation: 'lead organisation', leadPerson: 'lead person', partners: 'partners', targetDate: 'target date' };
        return {
          kind: 'details',
          summary: changed.length ? `Changed the ${changed.map((k) => words[k]).join(', ').replace(/, ([^,]*)$/, ' and $1')}` : 'Saved the details without changes',
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
          actionFields: { title: input.title, description: input.description, lead_organisation_id: input.leadOrganisationId, lead_person: input.leadPerson, target_date: input.targetDate },
        };
      });
    },

    async addProgress(actionId: string, ctx: ChangeContext, input: { updateOn: string; body: string }) {
      await change(deps, actionId, ctx, async (tx) => {
        await tx.insertInto('strategy_progress_updates').values({ action_id: actionId, update_on: input.updateOn, body: input.body, author_user_id: ctx.actor.userId }).execute();
        return { kind: 'progress', summary: 'Added a progress update', after: { date: input.updateOn, update: input.body } };
      });
    },

    async addMilestone(actionId: string, ctx: ChangeContext, input: { title: string; dueOn: string }) {
      await change(deps, actionId, ctx, async (tx) => {
        await tx.insertInto('strategy_milestones').values({ action_id: actionId, title: input.title, due_on: input.dueOn }).execute();
        return { kind: 'milestone', summary: `Added the milestone “${input.title}”`, after: { milestone: input.title, due: input.dueOn } };
      });
    },

    async updateMilestone(actionId: string, milestoneId: string, ctx: ChangeContext, input: { title: string; dueOn: string; doneOn: string | null }) {
      await change(deps, actionId, ctx, async (tx) => {
        const m = await tx.selectFrom('strategy_milestones').select(['title', 'due_on', 'done_on']).where('id', '=', milestoneId).where('action_id', '=', actionId).executeTakeFirst();
        if (!m) throw new ActionNotFoundError();
        await tx.updateTable('strategy_milestones').set({ title: input.title, due_on: input.dueOn, done_on: input.doneOn }).where('id', '=', milestoneId).execute();
        const summary =
          m.done_on === null && input.doneOn !== null
            ? `Milestone “${input.title}” done`
            : m.done_on !== null && input.doneOn === null
              ? `Milestone “${input.title}” marked as not done`
              : `Changed the milestone “${input.title}”`;
        return {
          kind: 'milestone',
          summary,
          before: { milestone: m.title, due: m.due_on, done: m.done_on },
          after: { milestone: input.title, due: input.dueOn, done: input.doneOn },
        };
      });
    },

    async addEvidence(actionId: string, ctx: ChangeContext, input: { title: string; fileName: string; contentType: string; bytes: Buffer }) {
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      let id = '';
      await change(deps, actionId, ctx, async (tx) => {
        const row = await tx
          .insertInto('strategy_evidence')
          .values({ action_id: actionId, title: input.title, file_name: input.fileName, content_type: input.contentType, size_bytes: input.bytes.length, sha256, content: input.bytes, uploaded_by: ctx.actor.userId })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
        return { kind: 'evidence', summary: `Added the evidence “${input.title}”`, after: { evidence: input.title, file: input.fileName, bytes: input.bytes.length, sha256 } };
      });
      return id;
    },

    async addMeasure(actionId: string, ctx: ChangeContext, input: { kind: 'indicator' | 'survey'; ref: string; label: string }) {
      await change(deps, actionId, ctx, async (tx) => {
        await tx.insertInto('strategy_action_measures').values({ action_id: actionId, kind: input.kind, ref: input.ref, label: input.label }).onConflict((oc) => oc.doNothing()).execute();
        return { kind: 'measure', summary: `Added the ${input.kind === 'indicator' ? 'indicator' : 'survey measure'} “${input.label || input.ref}”`, after: { kind: input.kind, ref: input.ref, label: input.label } };
      });
    },

    async removeMeasure(actionId: string, measureId: string, ctx: ChangeContext) {
      await change(deps, actionId, ctx, async (tx) => {
        const m = await tx.deleteFrom('strategy_action_measures').where('id', '=', measureId).where('action_id', '=', actionId).returning(['kind', 'ref', 'label']).executeTakeFirst();
        if (!m) throw new ActionNotFoundError();
        return { kind: 'measure', summary: `Removed the ${m.kind === 'indicator' ? 'indicator' : 'survey measure'} “${m.label || m.ref}”`, before: { kind: m.kind, ref: m.ref, label: m.label } };
      });
    },
  };
}

export type StrategyService = ReturnType<typeof strategyService>;
