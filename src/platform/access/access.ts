import type { Role, CaseLinkKind } from './roles.js';

/**
 * Who may use a route. Every route declares one of these; the app refuses to start if a
 * route has none (see access.plugin.ts), and the role-walk test reads them all.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'roles'; roles: readonly Role[] }
  /**
   * One child's data: the area-wide roles listed, or a user linked to the child's case by one
   * of the link kinds (directly, or through their organisation). `param` names the route
   * parameter holding the child's id.
   */
  | { kind: 'child'; param: string; areaRoles: readonly Role[]; links: readonly CaseLinkKind[]; via?: ChildVia };

/** What the route parameter names, when it is not the child's own id. */
export type ChildVia = 'ehc-request' | 'advice-request' | 'plan' | 'review';

export const access = {
  public: (): Access => ({ kind: 'public' }),
  signedIn: (): Access => ({ kind: 'signed-in' }),
  roles: (...roles: Role[]): Access => ({ kind: 'roles', roles }),
  child: (param: string, areaRoles: readonly Role[], links: readonly CaseLinkKind[], via?: ChildVia): Access => ({
    kind: 'child',
    param,
    areaRoles,
    links,
    ...(via ? { via } : {}),
  }),
};

/** Which roles could ever pass a rule (case rules also need a link, checked per request). */
export function rolesThatMayPass(rule: Access, all: readonly Role[]): readonly Role[] {
  switch (rule.kind) {
    case 'public':
    case 'signed-in':
      return all;
    case 'roles':
      return rule.roles;
    case 'child':
      return all;
  }
}

export function describeAccess(rule: Access): string {
  switch (rule.kind) {
    case 'public':
      return 'anyone';
    case 'signed-in':
      return 'any signed-in user';
    case 'roles':
      return rule.roles.join(', ');
    case 'child':
      return `${rule.areaRoles.join(', ')}; or linked to the child's case as ${rule.links.join(', ')}`;
  }
}
