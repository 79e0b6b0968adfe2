import type { Db } from '../../db/database.js';
import { indicatorById, latestValues, listIndicators, type LatestValue } from '../indicators/indicators.queries.js';

/**
 * The one place the action plan reads the indicator library (src/features/indicators): the
 * names and latest values of the indicators and survey measures linked to actions. Measures
 * are stored by id as text, so an action keeps its link even if an indicator is not (yet)
 * in the library; such a measure shows its own label, or its id.
 */

export interface MeasureView {
  id: string;
  kind: 'indicator' | 'survey';
  ref: string;
  name: string;
  /** "74.3% (2025)", "Not published: too few children", or "No figures yet". */
  latest: string;
  href: string | null;
}

/** Figures as the dashboard writes them: 74.3%, 1,204, 12 days, 3.1 per 100. */
export function formatValue(v: Pick<LatestValue, 'unit' | 'value' | 'suppressed' | 'period'>): string {
  if (v.suppressed || v.value === null) return `Not published: too few children (${periodWords(v.period)})`;
  const n = v.value;
  const number = (digits: number) => n.toLocaleString('en-GB', { maximumFractionDigits: digits });
  const text =
    v.unit === 'percent' ? `${number(1)}%` :
    v.unit === 'count' ? number(0) :
    v.unit === 'days' ? `${number(0)} days` :
    v.unit === 'weeks' ? `${number(1)} weeks` :
    v.unit === 'per-100' ? `${number(2)} per 100 pupils` :
    `${number(1)} per 10,000 pupils`;
  return `${text} (${periodWords(v.period)})`;
}

/** '2024' calendar, '202526' academic year (2025/26), '2025-11' month, '2025-11-17' week. */
export function periodWords(period: string): string {
  if (/^\d{6}$/.test(period)) return `${period.slice(0, 4)}/${period.slice(4)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return `week of ${period}`;
  if (/^\d{4}-\d{2}$/.test(period)) {
    const d = new Date(`${period}-01T12:00:00Z`);
    return d.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  return period;
}

export async function measureViews(db: Db, measures: readonly { id: string; kind: 'indicator' | 'survey'; ref: string; label: string }[], areaCode: string): Promise<MeasureView[]> {
  const values = measures.length ? await latestValues(db, [...new Set(measures.map((m) => m.ref))], areaCode) : new Map<string, LatestValue>();
  return measures.map((m) => {
    const def = indicatorById(m.ref);
    const v = values.get(m.ref);
    return {
      id: m.id,
      kind: m.kind,
      ref: m.ref,
      name: def?.name ?? (m.label || m.ref),
      latest: v ? formatValue(v) : 'No figures yet',
      href: def ? `/dashboard/indicators/${encodeURIComponent(def.id)}` : null,
    };
  });
}

/** Indicators a leader can link to an action, by name. */
export function indicatorChoices(): { id: string; name: string; survey: boolean }[] {
  return listIndicators()
    .map((d) => ({ id: d.id, name: d.name, survey: d.theme === 'survey' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function isKnownIndicator(id: string): boolean {
  return indicatorById(id) !== undefined;
}
