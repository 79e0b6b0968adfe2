import { AP_OVERDUE_GRACE_DAYS } from './thresholds.js';
import { addDays, daysBetween } from './dates.js';
import { formatLongDate } from '../../ehc/clock/index.js';
import { date, text, type FlagCandidate } from './types.js';

export interface ApPlacement {
  key: string;
  apUrn: string;
  commissioner: string;
  startDate: string;
  plannedEndDate: string | null;
  endDate: string | null;
  sessionsPerWeek: number | null;
  reason: string;
}

/** AP placements past their planned end: still open more than a week after the planned end date. */
export function apPastPlannedEnd(childId: string, placements: readonly ApPlacement[], today: string): FlagCandidate[] {
  return placements
    .filter((p) => p.plannedEndDate !== null && p.startDate <= today && (p.endDate === null || p.endDate > today) && addDays(p.plannedEndDate, AP_OVERDUE_GRACE_DAYS) < today)
    .map((p) => ({
      rule: 'ap-overdue' as const,
      childId,
      episode: p.key,
      team: 'casework' as const,
      urn: p.apUrn,
      summary: `An alternative provision placement planned to end on ${formatLongDate(p.plannedEndDate!)} is still open, ${daysBetween(p.plannedEndDate!, today)} days later.`,
      evidence: {
        items: [
          date('Placement started', p.startDate), date('Planned to end', p.plannedEndDate!), text('Days past the planned end', daysBetween(p.plannedEndDate!, today)),
          text('Commissioned by', p.commissioner), text('Sessions a week', p.sessionsPerWeek ?? 'Not recorded'), text('Reason', p.reason),
        ],
      },
    }));
}
