import type { Role } from '../access/roles.js';

export interface NavItem {
  href: string;
  text: string;
  roles: readonly Role[] | 'all';
}

/**
 * The service navigation. Features add their items here as they arrive; an item shows only to
 * the roles that may use the page it links to.
 */
export const NAVIGATION: NavItem[] = [
  { href: '/home', text: 'Home', roles: 'all' },
  { href: '/admin/users', text: 'Users', roles: ['administrator'] },
  { href: '/admin/audit', text: 'Audit log', roles: ['administrator'] },
  { href: '/admin/outbox', text: 'Messages sent', roles: ['administrator'] },
];

export function navigationFor(role: Role | undefined, currentPath: string) {
  if (!role) return [];
  return NAVIGATION.filter((i) => i.roles === 'all' || i.roles.includes(role)).map((i) => ({
    href: i.href,
    text: i.text,
    active: currentPath === i.href || currentPath.startsWith(`${i.href}/`),
  }));
}
