/** What every rule produces: a flag on one child, with the evidence that raised it. */

export const RULES = {
  'attendance-fall': { name: 'Attendance falling', team: 'school', description: 'The child’s attendance in the last 4 school weeks is at least 10 percentage points below their own attendance in the 12 weeks before.' },
  'persistent-absence': { name: 'Newly persistently absent', team: 'school', description: 'The child’s attendance this school year has just fallen below 90%.' },
  'repeated-suspensions': { name: 'Repeated suspensions', team: 'school', description: 'Two or more suspensions within 90 days, the latest in the last 90 days.' },
  'camhs-wait': { name: 'SEN Support and a long CAMHS wait', team: 'health', description: 'On SEN Support and waiting more than 18 weeks from an accepted CAMHS referral with no treatment yet.' },
  'health-check': { name: 'Health check not followed up', team: 'health', description: 'A developmental check missed with no later check, or a check that raised a concern with nothing after it in 12 weeks.' },
  'missing-education': { name: 'Missing education', team: 'casework', description: 'The child is recorded as missing education (CME) now.' },
  'ap-overdue': { name: 'Alternative provision past its planned end', team: 'casework', description: 'An alternative provision placement still open more than a week after its planned end date.' },
} as const;

export type RuleId = keyof typeof RULES;
export type Team = 'school' | 'health' | 'casework';
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export const TEAMS: Record<Team, string> = {
  school: 'The child’s school (its SENCO)',
  health: 'Health (the designated clinical officer)',
  casework: 'SEND casework',
};

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value);
}

/** One line of evidence: a figure or a date. Dates stay ISO here and are put into words on the page. */
export interface EvidenceItem {
  label: string;
  value: string;
  kind?: 'date' | 'text';
}

export interface Evidence {
  items: EvidenceItem[];
}

export interface FlagCandidate {
  rule: RuleId;
  childId: string;
  /** What makes this one occurrence (school year, referral, check, episode, placement): a flag open for it is never raised twice. */
  episode: string;
  team: Team;
  /** The school or AP setting (by URN) whose SENCO or provider also sees the flag. */
  urn: string | null;
  summary: string;
  evidence: Evidence;
}

export const pct = (x: number, n: number) => (n > 0 ? (100 * x) / n : 0);
export const pctText = (v: number) => `${v.toFixed(1)}%`;
export const date = (label: string, value: string): EvidenceItem => ({ label, value, kind: 'date' });
export const text = (label: string, value: string | number): EvidenceItem => ({ label, value: String(value) });
