import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CurrentUser } from '../../platform/auth/users.service.js';
import { AREA_CASE_ROLES, type Role } from '../../platform/access/roles.js';
import { inTransaction } from '../../db/transaction.js';
import { RULE_IDS, RULES, type Evidence, type RuleId, type Team } from './rules/types.js';

/**
 * Who sees which flags (docs/early-warning.md):
 * - the area's case roles (SEND casework officers and managers, the designated clinical officer)
 *   see every flag, as they see every child;
 * - a SENCO or an AP provider sees the flags shared with their organisation: those about
 *   attendance and suspensions at their school, and AP placements at their setting;
 * - nobody else sees a named flag. Leaders and analysts see signals and counts only.
 */
export const FLAG_ROLES: Role[] = ['casework-officer', 'casework-manager', 'designated-clinical-officer', 'senco', 'ap-provider'];
/** Roles that see cohorts: signals and outcome counts, never a child. */
export const COHORT_ROLES: Role[] = ['partnership-leader', 'analyst', 'casework-manager', 'casework-officer', 'designated-clinical-officer'];
export const OUTCOMES = { useful: 'Useful: we acted on it', 'not-useful': 'Not useful', 'already-known': 'Already known' } as const;
export type Outcome = keyof typeof OUTCOMES;

/** The team whose flags a role works by default. */
export function defaultTeam(role: Role): Team | 'all' {
  if (role === 'designated-clinical-officer') return 'health';
  if (role === 'casework-officer' || role === 'casework-manager') return 'casework';
  return 'all';
}

export function seesAllFlags(user: CurrentUser): boolean {
  return AREA_CASE_ROLES.includes(user.role);
}

export interface FlagRow {
  id: string;
  rule: RuleId;
  child_id: string;
  team: Team;
  urn: string | null;
  locality: string | null;
  summary: string;
  evidence: Evidence;
  raised_on: string;
  updated_on: string;
  status: 'open' | 'closed';
  outcome: Outcome | null;
  outcome_note: string | null;
  closed_at: Date | null;
  closed_by_name: string | null;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  upn: string | null;
  nhs_number: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
}

function visible(db: Db, user: CurrentUser) {
  let q = db
    .selectFrom('early_warning_flags as f')
    .innerJoin('children as c', 'c.id', 'f.child_id')
    .leftJoin('organisations as o', 'o.id', 'f.organisation_id')
    .leftJoin('users as u', 'u.id', 'f.closed_by');
  if (!seesAllFlags(user)) q = q.where('f.organisation_id', '=', user.organisationId);
  return q;
}

const COLUMNS = [
  'f.id', 'f.rule', 'f.child_id', 'f.team', 'f.urn', 'f.locality', 'f.summary', 'f.evidence', 'f.raised_on', 'f.updated_on', 'f.status',
  'f.outcome', 'f.outcome_note', 'f.closed_at', 'u.name as closed_by_name', 'c.given_name', 'c.family_name', 'c.date_of_birth', 'c.upn',
  'c.nhs_number', 'f.organisation_id', 'o.name as organisation_name',
] as const;

export interface QueueFilter {
  status: 'open' | 'closed';
  team: Team | 'all';
  rule: RuleId | 'all';
}

export const QUEUE_LIMIT = 200;

/** A user's flags, newest first, with the total before the limit. */
export async function loadQueue(db: Db, user: CurrentUser, filter: QueueFilter): Promise<{ rows: FlagRow[]; total: number }> {
  let q = visible(db, user).where('f.status', '=', filter.status);
  if (filter.team !== 'all') q = q.where('f.team', '=', filter.team);
  if (filter.rule !== 'all') q = q.where('f.rule', '=', filter.rule);
  const rows = await q.select(COLUMNS).orderBy('f.raised_on', 'desc').orderBy('c.family_name').orderBy('f.id').limit(QUEUE_LIMIT).execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows as unknown as FlagRow[], total: Number(count.n) };
}

/** One flag, if this user may see it: undefined when there is none, 'forbidden' when it is someone else's. */
export async function loadFlag(db: Db, user: CurrentUser, id: string): Promise<FlagRow | 'forbidden' | undefined> {
  const row = await db
    .selectFrom('early_warning_flags as f')
    .innerJoin('children as c', 'c.id', 'f.child_id')
    .leftJoin('organisations as o', 'o.id', 'f.organisation_id')
    .leftJoin('users as u', 'u.id', 'f.closed_by')
    .select(COLUMNS)
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  if (!seesAllFlags(user) && row.organisation_id !== user.organisationId) return 'forbidden';
  return row as unknown as FlagRow;
}

export class FlagAlreadyClosedError extends Error {}

/** Closes an open flag with its outcome and note; refuses one already closed. */
export async function closeFlag(db: Db, id: string, userId: string, outcome: Outcome, note: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const r = await tx
      .updateTable('early_warning_flags')
      .set({ status: 'closed', outcome, outcome_note: note, closed_by: userId, closed_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new FlagAlreadyClosedError('This flag was already closed');
  });
}

export interface RuleOutcomes {
  rule: RuleId;
  name: string;
  raised: number;
  open: number;
  closed: number;
  useful: number;
  notUseful: number;
  alreadyKnown: number;
  /** useful / closed; null when none is closed. */
  usefulShare: number | null;
}

/** Each rule's flags and their outcomes: the share confirmed as useful, of those reviewed. */
export async function ruleOutcomes(db: Db, from?: string, to?: string): Promise<RuleOutcomes[]> {
  let q = db
    .selectFrom('early_warning_flags')
    .select([
      'rule',
      (eb) => eb.fn.countAll<number>().as('raised'),
      sql<number>`count(*) filter (where status = 'open')`.as('open'),
      sql<number>`count(*) filter (where outcome = 'useful')`.as('useful'),
      sql<number>`count(*) filter (where outcome = 'not-useful')`.as('not_useful'),
      sql<number>`count(*) filter (where outcome = 'already-known')`.as('already_known'),
    ])
    .groupBy('rule');
  if (from) q = q.where('raised_on', '>=', from);
  if (to) q = q.where('raised_on', '<=', to);
  const rows = new Map((await q.execute()).map((r) => [r.rule, r]));
  return RULE_IDS.map((rule) => {
    const r = rows.get(rule);
    const useful = Number(r?.useful ?? 0);
    const notUseful = Number(r?.not_useful ?? 0);
    const alreadyKnown = Number(r?.already_known ?? 0);
    const closed = useful + notUseful + alreadyKnown;
    return {
      rule, name: RULES[rule].name, raised: Number(r?.raised ?? 0), open: Number(r?.open ?? 0), closed, useful, notUseful, alreadyKnown,
      usefulShare: closed ? useful / closed : null,
    };
  });
}
