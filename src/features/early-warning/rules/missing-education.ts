import { daysBetween } from './dates.js';
import { formatLongDate } from '../../ehc/clock/index.js';
import { date, text, type FlagCandidate } from './types.js';

export interface CareEpisode {
  key: string;
  status: string;
  startDate: string;
  endDate: string | null;
  laChildId: string;
}

/** Children missing education: a CME episode open today. */
export function missingEducation(childId: string, episodes: readonly CareEpisode[], today: string): FlagCandidate[] {
  return episodes
    .filter((e) => e.status === 'CME' && e.startDate <= today && (e.endDate === null || e.endDate > today))
    .map((e) => ({
      rule: 'missing-education' as const,
      childId,
      episode: e.key,
      team: 'casework' as const,
      urn: null,
      summary: `Recorded as missing education since ${formatLongDate(e.startDate)} (${daysBetween(e.startDate, today)} days).`,
      evidence: { items: [date('Missing education since', e.startDate), text('Days missing', daysBetween(e.startDate, today)), text('Council record', e.laChildId)] },
    }));
}
