/** The roles a user acts in, with the words people see. Codes live here and nowhere else. */
export const ROLES = {
  family: 'Parent, carer or young person',
  'casework-officer': 'SEND casework officer',
  'casework-manager': 'SEND casework manager',
  'health-professional': 'Health professional',
  'designated-clinical-officer': 'Designated clinical officer',
  'social-worker': 'Social worker',
  'educational-psychologist': 'Educational psychologist',
  senco: 'SENCO',
  'ap-provider': 'Alternative provision provider',
  'partnership-leader': 'Partnership leader',
  analyst: 'Analyst',
  'forum-member': 'Parent carer forum member',
  'service-provider': 'Local Offer service provider',
  'local-offer-officer': 'Local Offer officer',
  administrator: 'Administrator',
} as const;

export type Role = keyof typeof ROLES;
export const ALL_ROLES = Object.keys(ROLES) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

/**
 * Roles that see every child in the area for their work (architecture.md). Every other role
 * reaches a child only through a link to the child's case.
 */
export const AREA_CASE_ROLES: readonly Role[] = ['casework-officer', 'casework-manager', 'designated-clinical-officer'];

/** Kinds of organisation in a partnership. */
export const ORGANISATION_KINDS = {
  council: 'Council',
  icb: 'Integrated care board',
  'nhs-trust': 'NHS trust',
  school: 'School or setting',
  'ap-provider': 'Alternative provision provider',
  'parent-carer-forum': 'Parent carer forum',
  sendiass: 'SENDIASS',
  'service-provider': 'Service provider',
  other: 'Other',
} as const;

export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

export function isOrganisationKind(value: string): value is OrganisationKind {
  return Object.hasOwn(ORGANISATION_KINDS, value);
}

/** How a user is linked to one child's case, giving them access to that child alone. */
export const CASE_LINK_KINDS = {
  family: 'Family',
  advice: 'Asked for advice',
  school: 'School or setting on roll',
  'ap-placement': 'Alternative provision placement',
} as const;

export type CaseLinkKind = keyof typeof CASE_LINK_KINDS;

/**
 * When a case link names an organisation rather than a person, the roles in that
 * organisation that the link reaches: a school's link reaches its SENCO, not its office.
 */
export const LINK_ROLES: Record<CaseLinkKind, readonly Role[]> = {
  family: ['family'],
  advice: ['health-professional', 'designated-clinical-officer', 'social-worker', 'educational-psychologist', 'senco'],
  school: ['senco'],
  'ap-placement': ['ap-provider'],
};
