import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import { GENESIS_HASH, entryHash, verifyChain, type AuditFields, type ChainProblem } from './audit.chain.js';

/** Who did something: the user, the organisation they acted for, and their role. */
export interface Actor {
  userId: string;
  organisationId: string;
  role: string;
}

export interface AuditEntry {
  actor: Actor | null;
  action: string;
  outcome: 'allowed' | 'refused' | 'failed' | 'succeeded';
  subjectType?: string;
  subjectId?: string;
  childId?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

export interface AuditSearch {
  actorUserId?: string;
  childId?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
  limit?: number;
  beforeId?: number;
}

/**
 * The append-only, hash-chained audit log. Call `record` with the transaction that makes the
 * change, so that a change and its audit entry commit or roll back together.
 */
export function auditService() {
  return {
    async record(db: Db, entry: AuditEntry): Promise<number> {
      // The head row's lock serialises writers: each entry takes the next id and chains to
      // the hash before it, on PostgreSQL and PGlite alike.
      const run = async (tx: Db) => {
        const head = await tx
          .selectFrom('audit_head')
          .select(['last_id', 'last_hash'])
          .forUpdate()
          .executeTakeFirstOrThrow();
        const fields: AuditFields = {
          id: Number(head.last_id) + 1,
          at: new Date().toISOString(),
          actorUserId: entry.actor?.userId ?? null,
          actorOrganisationId: entry.actor?.organisationId ?? null,
          actorRole: entry.actor?.role ?? null,
          action: entry.action,
          outcome: entry.outcome,
          subjectType: entry.subjectType ?? null,
          subjectId: entry.subjectId ?? null,
          childId: entry.childId ?? null,
          requestId: entry.requestId ?? null,
          details: entry.details ?? {},
        };
        const hash = entryHash(head.last_hash, fields);
        await tx
          .insertInto('audit_log')
          .values({
            id: fields.id,
            at: fields.at,
            actor_user_id: fields.actorUserId,
            actor_organisation_id: fields.actorOrganisationId,
            actor_role: fields.actorRole,
            action: fields.action,
            outcome: fields.outcome,
            subject_type: fields.subjectType,
            subject_id: fields.subjectId,
            child_id: fields.childId,
            request_id: fields.requestId,
            details: JSON.stringify(fields.details),
            prev_hash: head.last_hash,
            hash,
          })
          .execute();
        await tx.updateTable('audit_head').set({ last_id: fields.id, last_hash: hash }).execute();
        return fields.id;
      };
      return inTransaction(db, run);
    },

    async search(db: Db, q: AuditSearch) {
      let query = db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.action',
          'audit_log.outcome',
          'audit_log.actor_role',
          'audit_log.subject_type',
          'audit_log.subject_id',
          'audit_log.child_id',
          'audit_log.request_id',
          'audit_log.details',
          'users.email as actor_email',
        ])
        .orderBy('audit_log.id', 'desc')
        .limit(Math.min(q.limit ?? 50, 500));
      if (q.actorUserId) query = query.where('audit_log.actor_user_id', '=', q.actorUserId);
      if (q.childId) query = query.where('audit_log.child_id', '=', q.childId);
      if (q.action) query = query.where('audit_log.action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
      if (q.outcome) query = query.where('audit_log.outcome', '=', q.outcome);
      if (q.from) query = query.where('audit_log.at', '>=', new Date(`${q.from}T00:00:00Z`));
      if (q.to) query = query.where('audit_log.at', '<', sql<Date>`${q.to}::date + 1`);
      if (q.beforeId) query = query.where('audit_log.id', '<', q.beforeId);
      return query.execute();
    },

    /** Re-computes the chain from the first entry; names each entry that was edited or deleted. */
    async verify(db: Db): Promise<{ checked: number; problems: ChainProblem[] }> {
      const batch = 5000;
      let state = { prevHash: GENESIS_HASH, lastId: 0 };
      let checked = 0;
      const problems: ChainProblem[] = [];
      for (;;) {
        const rows = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('id', '>', state.lastId)
          .orderBy('id')
          .limit(batch)
          .execute();
        if (rows.length === 0) break;
        const result = verifyChain(
          rows.map((r) => ({
            id: Number(r.id),
            at: new Date(r.at).toISOString(),
            actorUserId: r.actor_user_id,
            actorOrganisationId: r.actor_organisation_id,
            actorRole: r.actor_role,
            action: r.action,
            outcome: r.outcome,
            subjectType: r.subject_type,
            subjectId: r.subject_id,
            childId: r.child_id,
            requestId: r.request_id,
            details: r.details,
            prevHash: r.prev_hash,
            hash: r.hash,
          })),
          state,
        );
        checked += result.checked;
        problems.push(...result.problems);
        state = result.last;
      }
      const head = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).executeTakeFirstOrThrow();
      if (Number(head.last_id) !== state.lastId || head.last_hash !== state.prevHash) {
        problems.push({
          id: Number(head.last_id),
          problem: `the log ends at entry ${state.lastId}, but entries up to ${head.last_id} were written (the latest were deleted)`,
        });
      }
      return { checked, problems };
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
