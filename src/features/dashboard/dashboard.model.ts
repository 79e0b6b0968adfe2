/**
 * From stored figures to what a page shows: cells that say a figure, a suppressed figure or
 * no figure in words; trend and breakdown models that carry both the chart and its table, so
 * the two can never disagree. Pure: the routes read the store and pass the rows in.
 */
import type { BenchmarkValue, IndicatorDefinition, IndicatorValue } from '../indicators/indicator.types.js';
import { barChart, trendChart, type TrendSeries } from './charts/index.js';
import { fixed, formatValue, NO_VALUE_TEXT, SUPPRESSED_TEXT } from './format.js';
import { markerText } from './labels.js';
import { periodLabel, periodShortLabel, sortPeriods } from './periods.js';

export interface Cell {
  text: string;
  /** The counts behind a rate: "90 of 200". */
  detail: string | null;
  value: number | null;
  suppressed: boolean;
}

const count = (n: number) => fixed(Math.round(n));

export function valueCell(def: Pick<IndicatorDefinition, 'unit'>, v: Pick<IndicatorValue, 'value' | 'numerator' | 'denominator' | 'suppressed'> | undefined): Cell {
  if (!v) return { text: NO_VALUE_TEXT, detail: null, value: null, suppressed: false };
  if (v.suppressed) return { text: SUPPRESSED_TEXT, detail: null, value: null, suppressed: true };
  const detail =
    def.unit !== 'count' && v.numerator !== null && v.denominator !== null && def.unit !== 'days'
      ? `${count(v.numerator)} of ${count(v.denominator)}`
      : def.unit === 'days' && v.denominator !== null
        ? `${count(v.denominator)} counted`
        : null;
  return { text: formatValue(v.value, def.unit), detail, value: v.value, suppressed: false };
}

export function benchmarkCell(def: Pick<IndicatorDefinition, 'unit'>, b: Pick<BenchmarkValue, 'value' | 'marker' | 'numerator' | 'denominator'> | undefined): Cell {
  if (!b) return { text: NO_VALUE_TEXT, detail: null, value: null, suppressed: false };
  if (b.value === null) return { text: markerText(b.marker), detail: null, value: null, suppressed: b.marker?.toLowerCase() === 'c' };
  const detail = def.unit !== 'count' && b.numerator !== null && b.denominator !== null ? `${count(b.numerator)} of ${count(b.denominator)}` : null;
  return { text: formatValue(b.value, def.unit), detail, value: b.value, suppressed: false };
}

export interface SeriesInput {
  kind: TrendSeries['kind'];
  label: string;
  cells: ReadonlyMap<string, Cell>;
}

export interface TrendModel {
  svg: string;
  columns: string[];
  rows: { period: string; label: string; cells: Cell[] }[];
  /** Periods that had figures but are older than the chart shows. */
  older: number;
}

/**
 * A trend: the periods any series has a figure for, oldest first, the last `maxPeriods` of
 * them; the chart and the table from the same cells.
 */
export function trendModel(input: { id: string; title: string; def: Pick<IndicatorDefinition, 'unit' | 'target'>; series: SeriesInput[]; maxPeriods?: number }): TrendModel {
  const all = sortPeriods(input.series.flatMap((s) => [...s.cells.keys()]));
  const max = input.maxPeriods ?? 12;
  const periods = all.slice(-max);
  const svg = trendChart({
    id: input.id,
    title: input.title,
    unit: input.def.unit,
    periods: periods.map((p) => ({ key: p, label: periodShortLabel(p) })),
    series: input.series.map((s) => ({
      kind: s.kind,
      label: s.label,
      points: periods.map((p) => {
        const c = s.cells.get(p);
        return { value: c?.value ?? null, suppressed: c?.suppressed ?? false };
      }),
    })),
    target: input.def.target ? { value: input.def.target.value, label: `Target: ${formatValue(input.def.target.value, input.def.unit)}${input.def.target.by ? ` by ${periodLabel(input.def.target.by)}` : ''}` } : null,
  });
  return {
    svg,
    columns: input.series.map((s) => s.label),
    rows: periods
      .map((p) => ({ period: p, label: periodLabel(p), cells: input.series.map((s) => s.cells.get(p) ?? valueCell({ unit: input.def.unit }, undefined)) }))
      .reverse(),
    older: all.length - periods.length,
  };
}

/** Too many bars to read: the table alone lists them. */
export const MAX_BARS = 25;

/** More groups than a page should list (schools at a large scale): the table shows the worst. */
export const MAX_ROWS = 100;

export interface BreakdownModel {
  svg: string | null;
  rows: { value: string; label: string; cell: Cell; numerator: string; denominator: string }[];
  /** How many groups there are in all, when the table shows only some. */
  total: number;
  /** How the shown rows were chosen, when not all are shown. */
  shownNote: string | null;
}

/**
 * A breakdown's chart and table. `values` are every group, or, when `total` is larger, the
 * worst of them in the order the store ranked them (breakdownAt).
 */
export function breakdownModel(input: {
  id: string;
  title: string;
  def: Pick<IndicatorDefinition, 'unit' | 'goodDirection'>;
  values: readonly Pick<IndicatorValue, 'breakdownValue' | 'value' | 'numerator' | 'denominator' | 'suppressed'>[];
  total?: number;
  label: (value: string) => string;
  reference?: { label: string; cell: Cell } | null;
  /** What a group is called in the note, plural: "schools". */
  noun?: string;
}): BreakdownModel {
  const total = Math.max(input.total ?? input.values.length, input.values.length);
  const partial = total > input.values.length;
  const rows = input.values.map((v) => ({
    value: v.breakdownValue,
    label: input.label(v.breakdownValue),
    cell: valueCell(input.def, v),
    numerator: v.suppressed || v.numerator === null ? '' : count(v.numerator),
    denominator: v.suppressed || v.denominator === null ? '' : count(v.denominator),
  }));
  if (!partial) rows.sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  const noun = input.noun ?? 'groups';
  const way = input.def.goodDirection === 'up' ? 'lowest' : 'highest';
  const shownNote = !partial
    ? null
    : input.def.goodDirection === 'neither'
      ? `${rows.length} of the ${total.toLocaleString('en-GB')} ${noun} are shown. The CSV download has them all.`
      : `The ${rows.length} ${noun} with the ${way} figures, of ${total.toLocaleString('en-GB')}, are shown, ${way} first. The CSV download has them all.`;
  const svg =
    rows.length && rows.length <= MAX_BARS && rows.some((r) => r.cell.value !== null)
      ? barChart({
          id: input.id,
          title: input.title,
          unit: input.def.unit,
          items: rows.map((r) => ({ label: r.label, value: r.cell.value, suppressed: r.cell.suppressed })),
          reference: input.reference && input.reference.cell.value !== null ? { label: input.reference.label, value: input.reference.cell.value } : null,
        })
      : null;
  return { svg, rows, total, shownNote };
}

/** The latest value of a list (by period), and the one before it, for "then and now". */
export function latestTwo<T extends { period: string }>(values: readonly T[]): { latest: T | undefined; previous: T | undefined } {
  const byPeriod = new Map(values.map((v) => [v.period, v]));
  const order = sortPeriods(byPeriod.keys());
  const at = (i: number) => (order.at(i) === undefined ? undefined : byPeriod.get(order.at(i)!));
  return { latest: at(-1), previous: order.length > 1 ? at(-2) : undefined };
}

export type Direction = 'better' | 'worse' | 'same' | 'no-change-measure' | 'unknown';

/** Whether a change is for the better, given which way is good. */
export function direction(def: Pick<IndicatorDefinition, 'goodDirection'>, latest: number | null | undefined, previous: number | null | undefined): Direction {
  if (latest === null || latest === undefined || previous === null || previous === undefined) return 'unknown';
  if (def.goodDirection === 'neither') return 'no-change-measure';
  if (Math.abs(latest - previous) < 1e-9) return 'same';
  return (latest > previous) === (def.goodDirection === 'up') ? 'better' : 'worse';
}

/** Words for a change: "up from 45.0% in 2024" etc. */
export function changeText(def: Pick<IndicatorDefinition, 'unit' | 'goodDirection'>, latest: Cell, previous: Cell | undefined, previousPeriod: string | undefined): string {
  if (!previous || latest.value === null || previous.value === null || !previousPeriod) return '';
  const d = direction(def, latest.value, previous.value);
  const way = latest.value > previous.value ? 'up' : latest.value < previous.value ? 'down' : 'the same as';
  const from = way === 'the same as' ? `the same as in ${periodLabel(previousPeriod)}` : `${way} from ${previous.text} in ${periodLabel(previousPeriod)}`;
  const judgement = d === 'better' ? ' (better)' : d === 'worse' ? ' (worse)' : '';
  return `${from}${judgement}`;
}

/** Whether the latest figure meets the target, in words; '' when there is no target or figure. */
export function targetText(def: Pick<IndicatorDefinition, 'unit' | 'goodDirection' | 'target'>, latest: Cell): string {
  if (!def.target) return '';
  const target = `${formatValue(def.target.value, def.unit)}${def.target.by ? ` by ${periodLabel(def.target.by)}` : ''}`;
  if (latest.value === null) return `Target ${target}`;
  const met = def.goodDirection === 'down' ? latest.value <= def.target.value : latest.value >= def.target.value;
  return `Target ${target}: ${met ? 'met' : 'not met yet'}`;
}
