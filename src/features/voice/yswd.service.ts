import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';

export const SOURCE_KINDS = { survey: 'A survey', feedback: 'Feedback on our pages', meeting: 'A meeting', other: 'Something else' } as const;
export type SourceKind = keyof typeof SOURCE_KINDS;
export const YSWD_STATUSES = { listening: 'We’re listening', acting: 'We’re acting on it', done: 'Done' } as const;
export type YswdStatus = keyof typeof YSWD_STATUSES;

export interface YswdInput {
  sourceKind: SourceKind;
  sourceLink: string;
  youSaid: string;
  weDid: string;
  status: YswdStatus;
  actionId: string | null;
  published: boolean;
  saidOn: string;
}

/** The choices of a select of the strategy's actions, with "None" first. */
export function actionItems(actions: readonly { id: string; reference: string; title: string }[], selected: string | undefined) {
  return [{ value: '', text: 'None' }, ...actions.map((a) => ({ value: a.id, text: `${a.reference}: ${a.title}`, selected: a.id === selected }))];
}

/** "You said, we did, we're listening": what families told us, and what we did about it. */
export function yswdService(deps: { audit: AuditService }) {
  return {
    /** Entries with the strategy action that answers them (its reference and title), newest first. */
    async list(db: Db, options: { publishedOnly: boolean }) {
      let q = db
        .selectFrom('you_said_we_did as y')
        .leftJoin('strategy_actions as a', 'a.id', 'y.action_id')
        .selectAll('y')
        .select(['a.reference as action_reference', 'a.title as action_title'])
        .orderBy('y.said_on', 'desc')
        .orderBy('y.id');
      if (options.publishedOnly) q = q.where('y.published', '=', true);
      return q.execute();
    },

    async get(db: Db, id: string) {
      return db.selectFrom('you_said_we_did').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async actions(db: Db) {
      return db.selectFrom('strategy_actions').select(['id', 'reference', 'title']).orderBy('reference').execute();
    },

    async save(db: Db, actor: Actor, id: string | null, input: YswdInput): Promise<string> {
      return inTransaction(db, async (tx) => {
        const values = {
          source_kind: input.sourceKind,
          source_link: input.sourceLink,
          you_said: input.youSaid,
          we_did: input.weDid,
          status: input.status,
          action_id: input.actionId,
          published: input.published,
          said_on: input.saidOn,
          updated_at: new Date(),
        };
        const saved = id
          ? await tx.updateTable('you_said_we_did').set(values).where('id', '=', id).returning('id').executeTakeFirstOrThrow()
          : await tx.insertInto('you_said_we_did').values({ ...values, created_by: actor.userId }).returning('id').executeTakeFirstOrThrow();
        await deps.audit.record(tx, { actor, action: id ? 'you-said-we-did.updated' : 'you-said-we-did.created', outcome: 'succeeded', subjectType: 'you-said-we-did', subjectId: saved.id, details: { status: input.status, published: input.published } });
        return saved.id;
      });
    },
  };
}

export type YswdService = ReturnType<typeof yswdService>;
