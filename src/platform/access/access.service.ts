import type { Db } from '../../db/database.js';
import type { CurrentUser } from '../auth/users.service.js';
import type { Access, ChildVia } from './access.js';
import { LINK_ROLES, type CaseLinkKind } from './roles.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Decision = 'allow' | 'sign-in' | 'forbid' | 'not-found';

/** The child a request, advice request, plan or review is about. */
async function childOf(db: Db, via: ChildVia, id: string): Promise<string | undefined> {
  const table = ({ 'ehc-request': 'ehc_requests', 'advice-request': 'advice_requests', plan: 'plans', review: 'annual_reviews' } as const)[via];
  const row = await db.selectFrom(table).select('child_id').where('id', '=', id).executeTakeFirst();
  return row?.child_id;
}

/**
 * The live case links that reach this user: made to them, to a team they belong to, or to their
 * organisation when their role is one an organisation's link of that kind reaches.
 */
function liveLinksOf(db: Db, user: CurrentUser, kinds: readonly CaseLinkKind[]) {
  const orgKinds = kinds.filter((k) => LINK_ROLES[k].includes(user.role));
  return db
    .selectFrom('case_links')
    .where('ended_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('user_id', '=', user.id), eb('kind', 'in', kinds)]),
        ...(orgKinds.length ? [eb.and([eb('organisation_id', '=', user.organisationId), eb('kind', 'in', orgKinds)])] : []),
        eb.and([eb('team_id', 'in', eb.selectFrom('team_members').select('team_id').where('user_id', '=', user.id)), eb('kind', 'in', kinds)]),
      ]),
    );
}

/** Decides one request against its route's rule. Pure but for the case-link query. */
export function accessService() {
  return {
    async decide(db: Db, rule: Access, user: CurrentUser | null, params: Record<string, string>): Promise<Decision> {
      if (rule.kind === 'public') return 'allow';
      if (!user) return 'sign-in';
      switch (rule.kind) {
        case 'signed-in':
          return 'allow';
        case 'roles':
          return rule.roles.includes(user.role) ? 'allow' : 'forbid';
        case 'child': {
          const id = params[rule.param];
          if (!id || !UUID.test(id)) return 'not-found';
          const childId = rule.via ? await childOf(db, rule.via, id) : id;
          if (!childId) return 'not-found';
          if (rule.areaRoles.includes(user.role)) return 'allow';
          return (await this.linkedTo(db, user, childId, rule.links)) ? 'allow' : 'forbid';
        }
      }
    },

    /** Is the user linked to this child's case: in person, through their team, or their organisation? */
    async linkedTo(db: Db, user: CurrentUser, childId: string, kinds: readonly CaseLinkKind[]): Promise<boolean> {
      if (kinds.length === 0) return false;
      const row = await liveLinksOf(db, user, kinds).select('id').where('child_id', '=', childId).limit(1).executeTakeFirst();
      return row !== undefined;
    },

    /** The ids of the children a user reaches through case links (for their lists). */
    async linkedChildIds(db: Db, user: CurrentUser, kinds: readonly CaseLinkKind[]): Promise<string[]> {
      if (kinds.length === 0) return [];
      const rows = await liveLinksOf(db, user, kinds).select('child_id').distinct().execute();
      return rows.map((r) => r.child_id);
    },
  };
}

export type AccessService = ReturnType<typeof accessService>;
