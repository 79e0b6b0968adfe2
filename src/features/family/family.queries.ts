/**
 * What the family pages read beyond the EHC service's case: their children, letters, the
 * draft plan and their own comments. Every query here is scoped by a child or request id that
 * the route's access rule (or the caller) has already checked against the family's links.
 */
import type { Db } from '../../db/database.js';

export function childrenByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('children')
    .select(['id', 'given_name', 'family_name', 'date_of_birth'])
    .where('id', 'in', ids)
    .orderBy('given_name')
    .orderBy('family_name')
    .execute();
}

export function requestsOf(db: Db, childIds: readonly string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ehc_requests')
    .select(['id', 'child_id', 'received_on', 'stage'])
    .where('child_id', 'in', childIds)
    .orderBy('received_on', 'desc')
    .execute();
}

/** Reminders and escalations, by advice request: "We have reminded them." */
export async function adviceChasing(db: Db, requestId: string): Promise<Map<string, { reminded: boolean; escalated: boolean }>> {
  const rows = await db
    .selectFrom('advice_requests')
    .select(['id', 'reminded_before_at', 'reminded_due_at', 'escalated_at'])
    .where('request_id', '=', requestId)
    .execute();
  return new Map(rows.map((r) => [r.id, { reminded: r.reminded_due_at !== null || r.reminded_before_at !== null, escalated: r.escalated_at !== null }]));
}

/** The letters the family may read, for one request. */
export function lettersOf(db: Db, requestId: string) {
  return db
    .selectFrom('documents')
    .select(['id', 'title', 'created_at'])
    .where('request_id', '=', requestId)
    .where('visible_to_family', '=', true)
    .orderBy('created_at')
    .execute();
}

export function documentById(db: Db, documentId: string) {
  return db.selectFrom('documents').select(['id', 'child_id', 'request_id', 'title', 'body', 'visible_to_family', 'created_at']).where('id', '=', documentId).executeTakeFirst();
}

export function planOf(db: Db, requestId: string) {
  return db.selectFrom('plans').select(['id', 'status']).where('request_id', '=', requestId).executeTakeFirst();
}

export async function firstReviewDue(db: Db, planId: string): Promise<string | null> {
  const row = await db.selectFrom('annual_reviews').select('due_by').where('plan_id', '=', planId).orderBy('due_by').executeTakeFirst();
  return row?.due_by ?? null;
}

/** The latest draft of the plan for a request: the one the family comments on. */
export function latestDraft(db: Db, requestId: string) {
  return db
    .selectFrom('plan_versions')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .select(['plan_versions.id', 'plan_versions.version', 'plan_versions.issued_on', 'plan_versions.sections'])
    .where('plans.request_id', '=', requestId)
    .where('plan_versions.kind', '=', 'draft')
    .orderBy('plan_versions.version', 'desc')
    .executeTakeFirst();
}

/** Every comment on any version of the plan for this request: what the family has told us. */
export function commentsOn(db: Db, requestId: string) {
  return db
    .selectFrom('plan_comments')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_comments.plan_version_id')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .select(['plan_comments.id', 'plan_comments.body', 'plan_comments.preferred_setting', 'plan_comments.created_at'])
    .where('plans.request_id', '=', requestId)
    .orderBy('plan_comments.created_at')
    .execute();
}

export function schools(db: Db) {
  return db.selectFrom('organisations').select(['id', 'name']).where('kind', 'in', ['school', 'ap-provider']).orderBy('name').execute();
}

/** The officer running the case, so the family knows who to ask. */
export async function officerName(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  return (await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst())?.name ?? null;
}
