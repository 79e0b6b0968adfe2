import { REPEATED_SUSPENSIONS, REPEATED_SUSPENSIONS_WITHIN_DAYS } from './thresholds.js';
import { addDays, schoolYearOf } from './dates.js';
import { formatLongDate } from '../../ehc/clock/index.js';
import { date, text, type EvidenceItem, type FlagCandidate } from './types.js';

export interface Suspension {
  startDate: string;
  urn: string;
  sessions: number | null;
  reason: string;
}

/** Repeated suspensions: at least 2 within 90 days of each other, the latest within 90 days of today. */
export function repeatedSuspensions(childId: string, all: readonly Suspension[], today: string): FlagCandidate | null {
  const past = all.filter((s) => s.startDate <= today).sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  const latest = past.at(-1);
  if (!latest || latest.startDate < addDays(today, -REPEATED_SUSPENSIONS_WITHIN_DAYS)) return null;
  const window = past.filter((s) => s.startDate >= addDays(latest.startDate, -REPEATED_SUSPENSIONS_WITHIN_DAYS));
  if (window.length < REPEATED_SUSPENSIONS) return null;
  const items: EvidenceItem[] = [text('Suspensions within 90 days', window.length)];
  for (const s of window) {
    items.push(date(`Suspension${s.sessions !== null ? ` (${s.sessions} sessions)` : ''}, ${s.reason}`, s.startDate));
  }
  return {
    rule: 'repeated-suspensions',
    childId,
    episode: schoolYearOf(latest.startDate),
    team: 'school',
    urn: latest.urn,
    summary: `${window.length} suspensions within ${REPEATED_SUSPENSIONS_WITHIN_DAYS} days, the latest on ${formatLongDate(latest.startDate)}.`,
    evidence: { items },
  };
}
