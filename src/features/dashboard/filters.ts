/**
 * The dashboard's filters, carried in the URL (GET forms) so a view can be shared and
 * bookmarked: period, breakdown, and one group to follow (a locality, a school or a cohort).
 * Reading is in two steps, both pure: the form of each value, then whether the figures have
 * it. A bad value gives a message naming the field, never a 500.
 */
import { readForm, type FieldError } from '../../platform/web/forms.js';
import { normalisePeriod, periodLabel } from './periods.js';

/** The breakdowns a page can show, with their names. */
export const BREAKDOWN_LABELS: Record<string, string> = {
  locality: 'Locality',
  school: 'School',
  'sen-provision': 'SEN provision (EHC plan, SEN Support, no SEN)',
  'primary-need': 'Primary need',
  'social-care': 'Social care',
  fsm: 'Free school meals',
  cohort: 'Cohort',
  agency: 'Agency',
  provider: 'Provider',
  phase: 'School phase',
  'check-type': 'Kind of check',
};

/** The filters that follow one group; each is a breakdown's value. */
export const SLICES = { locality: 'locality', school: 'school', cohort: 'sen-provision' } as const;
export type SliceField = keyof typeof SLICES;

export const FILTER_FIELDS = ['period', 'breakdown', 'locality', 'school', 'cohort'] as const;

export interface Filters {
  /** The store's form ('202526'), or null for the latest. */
  period: string | null;
  /** '' for none. */
  breakdown: string;
  /** The group whose trend to show instead of the whole area's. */
  slice: { field: SliceField; breakdown: string; value: string } | null;
}

export interface FilterRead {
  filters: Filters;
  /** What to put back in the form. */
  values: Record<string, string>;
  errors: FieldError[];
}

const LABELS = { period: 'The period', breakdown: 'The breakdown', locality: 'The locality', school: 'The school', cohort: 'The cohort' };

/** Step one: the form of each value, whatever the figures hold. */
export function readFilters(query: unknown): FilterRead {
  const { values, errors } = readForm(query, FILTER_FIELDS, LABELS, 120);
  for (const f of FILTER_FIELDS) values[f] = values[f]!.trim();
  const filters: Filters = { period: null, breakdown: '', slice: null };
  const bad = new Set(errors.map((e) => e.field));

  if (values.period && !bad.has('period')) {
    const p = normalisePeriod(values.period);
    if (p) filters.period = values.period = p;
    else errors.push({ field: 'period', text: 'Enter the period as a year (2024), a school year (2025/26), a month (2025-11) or a week’s Monday (2025-11-17)' });
  }
  if (values.breakdown && !bad.has('breakdown')) {
    if (BREAKDOWN_LABELS[values.breakdown]) filters.breakdown = values.breakdown;
    else errors.push({ field: 'breakdown', text: `Choose a breakdown from the list: “${values.breakdown}” is not one of them` });
  }
  const chosen = (Object.keys(SLICES) as SliceField[]).filter((f) => values[f] && !bad.has(f));
  if (chosen.length > 1) {
    errors.push({ field: chosen[1]!, text: `Choose one group to follow: a locality, a school or a cohort, not ${chosen.join(' and ')} together` });
  } else if (chosen.length === 1) {
    const field = chosen[0]!;
    filters.slice = { field, breakdown: SLICES[field], value: values[field]! };
  }
  return { filters, values, errors };
}

export interface FilterOptions {
  /** The periods with figures, in the store's form. */
  periods: readonly string[];
  /** The breakdowns the indicator (or page) has. */
  breakdowns: readonly string[];
  /** The groups of each breakdown that have figures (a Map of value → label, or a Set). */
  groups: Readonly<Record<string, { has(value: string): boolean }>>;
}

/** Step two: whether the figures have what was asked for. Adds errors; clears what is wrong. */
export function checkAgainst(read: FilterRead, options: FilterOptions): FilterRead {
  const errors = [...read.errors];
  const filters = { ...read.filters };
  if (filters.period && !options.periods.includes(filters.period)) {
    errors.push({
      field: 'period',
      text: options.periods.length
        ? `There are no figures for ${periodLabel(filters.period)}. Choose a period from ${periodLabel(options.periods[0]!)} to ${periodLabel(options.periods.at(-1)!)}`
        : 'There are no figures for any period yet',
    });
    filters.period = null;
  }
  if (filters.breakdown && !options.breakdowns.includes(filters.breakdown)) {
    errors.push({
      field: 'breakdown',
      text: options.breakdowns.length
        ? `This page has no figures by ${BREAKDOWN_LABELS[filters.breakdown]!.toLowerCase()}. Choose from: ${options.breakdowns.map((b) => BREAKDOWN_LABELS[b] ?? b).join(', ')}`
        : 'This page has no breakdowns',
    });
    filters.breakdown = '';
  }
  if (filters.slice) {
    const { field, breakdown, value } = filters.slice;
    const groups = options.groups[breakdown];
    if (!options.breakdowns.includes(breakdown) || !groups) {
      errors.push({ field, text: `This page has no figures by ${field}` });
      filters.slice = null;
    } else if (!groups.has(value)) {
      errors.push({ field, text: `There are no figures for the ${field} “${value}”. Choose one from the list` });
      filters.slice = null;
    }
  }
  return { filters, values: read.values, errors };
}

/** The query string for a view, keeping only the filters that are set (for links and the CSV). */
export function filterQuery(filters: Filters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (filters.period) q.set('period', filters.period);
  if (filters.breakdown) q.set('breakdown', filters.breakdown);
  if (filters.slice) q.set(filters.slice.field, filters.slice.value);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
