/** Reading plans and their versions. Every issued version is kept: nothing here changes one. */
import type { Db } from '../../db/database.js';
import { SECTION_KEYS } from '../ehc/ehc.codes.js';

export interface PlanVersionSummary {
  version: number;
  kind: string;
  issuedOn: string | null;
}

export interface PlanRecord {
  id: string;
  status: string;
  ceasedOn: string | null;
  ceaseReason: string | null;
  requestId: string | null;
  child: { id: string; givenName: string; familyName: string; dateOfBirth: string };
  versions: PlanVersionSummary[];
  reviews: { id: string; dueBy: string; meetingOn: string | null; decision: string | null }[];
}

export interface PlanVersion extends PlanVersionSummary {
  sections: Record<string, string>;
}

export async function loadPlan(db: Db, planId: string): Promise<PlanRecord | undefined> {
  const plan = await db
    .selectFrom('plans')
    .innerJoin('children', 'children.id', 'plans.child_id')
    .select([
      'plans.id', 'plans.status', 'plans.ceased_on', 'plans.cease_reason', 'plans.request_id',
      'children.id as child_id', 'children.given_name', 'children.family_name', 'children.date_of_birth',
    ])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
  if (!plan) return undefined;
  const [versions, reviews] = await Promise.all([
    db.selectFrom('plan_versions').select(['version', 'kind', 'issued_on']).where('plan_id', '=', planId).orderBy('version').execute(),
    db.selectFrom('annual_reviews').select(['id', 'due_by', 'meeting_on', 'decision']).where('plan_id', '=', planId).orderBy('due_by').execute(),
  ]);
  return {
    id: plan.id,
    status: plan.status,
    ceasedOn: plan.ceased_on,
    ceaseReason: plan.cease_reason,
    requestId: plan.request_id,
    child: { id: plan.child_id, givenName: plan.given_name, familyName: plan.family_name, dateOfBirth: plan.date_of_birth },
    versions: versions.map((v) => ({ version: v.version, kind: v.kind, issuedOn: v.issued_on })),
    reviews: reviews.map((r) => ({ id: r.id, dueBy: r.due_by, meetingOn: r.meeting_on, decision: r.decision })),
  };
}

export async function loadVersion(db: Db, planId: string, version: number): Promise<PlanVersion | undefined> {
  const row = await db
    .selectFrom('plan_versions')
    .select(['version', 'kind', 'issued_on', 'sections'])
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? { version: row.version, kind: row.kind, issuedOn: row.issued_on, sections: row.sections } : undefined;
}

/**
 * Adds the next version of a plan. The plan's row is locked first so two versions written at
 * once get different numbers; call inside the transaction that records why.
 */
export async function addPlanVersion(
  tx: Db,
  planId: string,
  v: { kind: 'amendment-proposal' | 'amended-final'; issuedOn: string; sections: Record<string, string>; createdBy: string | null },
): Promise<number> {
  await tx.selectFrom('plans').select('id').where('id', '=', planId).forUpdate().executeTakeFirstOrThrow();
  const last = await tx.selectFrom('plan_versions').select(tx.fn.max('version').as('v')).where('plan_id', '=', planId).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await tx
    .insertInto('plan_versions')
    .values({ plan_id: planId, version, kind: v.kind, issued_on: v.issuedOn, sections: JSON.stringify(onlySections(v.sections)), created_by: v.createdBy })
    .execute();
  return version;
}

/** Sections A to K only, trimmed; empty sections left out (as the EHC service stores them). */
export function onlySections(sections: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of SECTION_KEYS) {
    const v = sections[key];
    if (typeof v === 'string' && v.trim()) out[key] = v.trim();
  }
  return out;
}
