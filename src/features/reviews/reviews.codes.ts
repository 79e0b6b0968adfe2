/** The annual review's codes and the words people see for them, in one place. */
import type { PhaseTransferKind } from '../ehc/clock/index.js';

/** Preparing for Adulthood's four areas (CoP 8.5; glossary "PfA"). */
export const PFA_AREAS = {
  employment: 'Employment',
  'independent-living': 'Independent living',
  'friends-community': 'Friends, relationships and community',
  'good-health': 'Good health',
} as const;
export type PfaArea = keyof typeof PFA_AREAS;
export const PFA_AREA_KEYS = Object.keys(PFA_AREAS) as PfaArea[];

/** The council's decision after a review (reg 20(10)). */
export const DECISIONS = {
  maintain: 'Keep the plan as it is',
  amend: 'Amend the plan',
  cease: 'Stop the plan (cease to maintain it)',
} as const;
export type ReviewDecision = keyof typeof DECISIONS;
export const isReviewDecision = (v: unknown): v is ReviewDecision => typeof v === 'string' && Object.hasOwn(DECISIONS, v);

/** Phase transfers (reg 18) and the deadline each has. */
export const PHASE_TRANSFERS: Record<PhaseTransferKind, { label: string; deadline: string }> = {
  'school-phase': { label: 'Between school phases, for example primary to secondary school', deadline: '15 February' },
  'secondary-to-post-16': { label: 'From secondary school to post-16 education or training', deadline: '31 March' },
};
export const isPhaseTransferKind = (v: unknown): v is PhaseTransferKind => typeof v === 'string' && Object.hasOwn(PHASE_TRANSFERS, v);

/** How many route planner steps one review records. */
export const MAX_ROUTE_STEPS = 10;
