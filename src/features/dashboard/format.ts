/**
 * How a figure reads on a page, in a chart and in a CSV. One place, so a chart's axis, its
 * table and the board report never disagree.
 */
import { SUPPRESSION_THRESHOLD } from '../../platform/disclosure/disclosure.js';

/** What the store's units mean here. Unknown units are shown as plain numbers. */
export type Unit = 'percent' | 'count' | 'days' | 'weeks' | 'per-10000' | 'per-1000' | 'rate' | string;

/** What replaces a figure built on a handful of children. */
export const SUPPRESSED_TEXT = `fewer than ${SUPPRESSION_THRESHOLD} children: not shown`;
export const NO_VALUE_TEXT = 'no figure';

const decimals = (unit: Unit, value: number) => (unit === 'count' ? 0 : Number.isInteger(value) && unit !== 'percent' ? 0 : 1);

// Number formats made once: Number.prototype.toLocaleString builds a new one on every call,
// which was most of a page's own time (a page formats hundreds of figures).
const FIXED = [0, 1, 2].map((d) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }));
const UP_TO_2 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** "1,234" or "12.3": a number with a fixed count of decimals (0 to 2). */
export function fixed(value: number, digits: 0 | 1 | 2 = 0): string {
  return FIXED[digits]!.format(value);
}

/** "54.3%", "1,234", "45 days", "12.3 per 10,000". */
export function formatValue(value: number | null | undefined, unit: Unit, options: { suppressed?: boolean } = {}): string {
  if (options.suppressed) return SUPPRESSED_TEXT;
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE_TEXT;
  const n = fixed(value, decimals(unit, value) as 0 | 1);
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'days':
      return `${n} ${value === 1 ? 'day' : 'days'}`;
    case 'weeks':
      return `${n} ${value === 1 ? 'week' : 'weeks'}`;
    case 'per-10000':
      return `${n} per 10,000`;
    case 'per-1000':
      return `${n} per 1,000`;
    default:
      return n;
  }
}

/** A short form for chart axes: "50%", "1,200", "30". */
export function formatTick(value: number, unit: Unit): string {
  const n = UP_TO_2.format(value);
  return unit === 'percent' ? `${n}%` : n;
}

/** A figure for a CSV cell: plain digits (no thousands separators), blank when not shown. */
export function csvNumber(value: number | null | undefined, suppressed = false): string {
  if (suppressed || value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Math.round(value * 10000) / 10000);
}

/** What the unit means, for axis labels and table headings. */
export function unitLabel(unit: Unit): string {
  switch (unit) {
    case 'percent':
      return 'per cent';
    case 'count':
      return 'number';
    case 'days':
      return 'days';
    case 'weeks':
      return 'weeks';
    case 'per-10000':
      return 'per 10,000 children';
    case 'per-1000':
      return 'per 1,000 children';
    default:
      return 'value';
  }
}
