import type { Role } from '../../platform/access/roles.js';

/**
 * Who sees the indicators: aggregate, published figures with small numbers suppressed, never a
 * child's name. The partnership's leaders and analysts; casework managers and the designated
 * clinical officer, who answer for the EHC and health measures; and the parent carer forum,
 * the partnership's equal member (co-production).
 */
export const INDICATOR_ROLES: readonly Role[] = ['partnership-leader', 'analyst', 'casework-manager', 'designated-clinical-officer', 'forum-member'];
