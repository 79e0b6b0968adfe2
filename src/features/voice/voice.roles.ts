import type { Role } from '../../platform/access/roles.js';

/**
 * Who runs co-production. The partnership's leaders and the parent carer forum's members do it
 * together, as equals: both make and open surveys, read every result, keep "you said, we did",
 * run working groups, send the newsletter and moderate feedback (docs/voice.md). Administrators
 * look after accounts, not content; nobody, in any role, can see who gave an anonymous answer.
 */
export const VOICE_STAFF: Role[] = ['partnership-leader', 'forum-member'];
