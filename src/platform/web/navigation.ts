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
  { href: '/family', text: 'Your children', roles: ['family'] },
  { href: '/casework', text: 'Cases', roles: ['casework-officer', 'casework-manager'] },
  { href: '/casework/team', text: 'Team caseload', roles: ['casework-manager'] },
  { href: '/reviews', text: 'Reviews', roles: ['casework-officer', 'casework-manager'] },
  { href: '/advice', text: 'Advice requests', roles: ['health-professional', 'designated-clinical-officer', 'social-worker', 'educational-psychologist', 'senco'] },
  { href: '/reports/contributions', text: 'Contributions', roles: ['casework-officer', 'casework-manager', 'designated-clinical-officer', 'partnership-leader'] },
  { href: '/data', text: 'Data hub', roles: ['analyst', 'administrator'] },
  { href: '/data/link-queue', text: 'Records to link', roles: ['casework-officer', 'casework-manager'] },
  { href: '/strategy/plan', text: 'Action plan', roles: ['partnership-leader', 'analyst', 'forum-member'] },
  { href: '/dashboard', text: 'Dashboard', roles: ['partnership-leader', 'analyst', 'casework-manager', 'designated-clinical-officer', 'forum-member'] },
  { href: '/early-warning/flags', text: 'Early warning', roles: ['casework-officer', 'casework-manager', 'designated-clinical-officer', 'senco', 'ap-provider'] },
  { href: '/early-warning/signals', text: 'Signals', roles: ['partnership-leader', 'analyst'] },
  { href: '/voice', text: 'Voice', roles: ['partnership-leader', 'forum-member'] },
  { href: '/local-offer', text: 'Local Offer', roles: ['family'] },
  { href: '/local-offer/provider', text: 'Your services', roles: ['service-provider'] },
  { href: '/local-offer/manage', text: 'Local Offer', roles: ['local-offer-officer'] },
  { href: '/admin/users', text: 'Users', roles: ['administrator'] },
  { href: '/admin/audit', text: 'Audit log', roles: ['administrator'] },
  { href: '/admin/outbox', text: 'Messages sent', roles: ['administrator'] },
];

export function navigationFor(role: Role | undefined, currentPath: string) {
  if (!role) return [];
  const items = NAVIGATION.filter((i) => i.roles === 'all' || i.roles.includes(role));
  // Only the most specific item is current: on /casework/team, "Team caseload", not "Cases".
  const matches = items.filter((i) => currentPath === i.href || currentPath.startsWith(`${i.href}/`));
  const current = matches.sort((a, b) => b.href.length - a.href.length)[0];
  return items.map((i) => ({ href: i.href, text: i.text, active: i === current }));
}
