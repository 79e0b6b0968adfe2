/**
 * One line per indicator: its latest figure, the one before, the change and the target, and
 * (where asked) its trend beside England and the region. The headline, priority, theme and
 * board report pages are lists of these, read in two queries whatever their length.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { BenchmarkValue, IndicatorDefinition } from '../indicators/indicator.types.js';
import { ENGLAND, type AreaContext } from './areas.js';
import { chartId } from './charts/index.js';
import { benchmarkCell, changeText, latestTwo, targetText, trendModel, valueCell, type Cell, type SeriesInput, type TrendModel } from './dashboard.model.js';
import { benchmarksOf, latestOf, valuesOf, type Figure } from './dashboard.queries.js';
import { periodLabel, periodRange, sortPeriods } from './periods.js';

export interface Summary {
  def: IndicatorDefinition;
  href: string;
  latest: (Cell & { period: string; periodLabel: string; numerator: number | null; denominator: number | null }) | null;
  change: string;
  target: string;
  england: Cell | null;
  trend: TrendModel | null;
}

export const indicatorHref = (id: string) => `/dashboard/indicators/${encodeURIComponent(id)}`;

/** The series of a trend chart: the area (or a group of it), then England and the region. */
export function trendSeries(
  def: IndicatorDefinition,
  ctx: AreaContext,
  values: readonly Figure[],
  benchmarks: readonly BenchmarkValue[],
  options: { label?: string; whole?: readonly Figure[] } = {},
): SeriesInput[] {
  const cells = (vs: readonly Figure[]) => new Map(vs.map((v) => [v.period, valueCell(def, v)]));
  const series: SeriesInput[] = [{ kind: 'area', label: options.label ?? ctx.name, cells: cells(values) }];
  if (options.whole) series.push({ kind: 'comparator', label: `${ctx.name}, everyone`, cells: cells(options.whole) });
  // Benchmarks only for the periods our own figures cover (or all, when we have none yet).
  const ours = new Set(values.map((v) => v.period));
  const near = (b: BenchmarkValue) => !ours.size || periodsOverlap(b.period, ours);
  const bench = (code: string) => new Map(benchmarks.filter((b) => b.areaCode === code && near(b)).map((b) => [b.period, benchmarkCell(def, b)]));
  const england = bench(ENGLAND.code);
  if (england.size) series.push({ kind: 'england', label: 'England', cells: england });
  if (ctx.region) {
    const region = bench(ctx.region.code);
    if (region.size) series.push({ kind: 'region', label: ctx.region.name, cells: region });
  }
  return series;
}

/** Benchmarks from up to 5 years before our first figure give context without swamping it. */
function periodsOverlap(period: string, ours: ReadonlySet<string>): boolean {
  const first = sortPeriods(ours)[0]!;
  const start = periodRange(first)?.from ?? first;
  const from = `${Number(start.slice(0, 4)) - 5}${start.slice(4)}`;
  return (periodRange(period)?.from ?? period) >= from;
}

export function summarise(
  def: IndicatorDefinition,
  ctx: AreaContext,
  values: readonly Figure[],
  benchmarks: readonly BenchmarkValue[],
  options: { trend?: boolean; asAt?: string } = {},
): Summary {
  // "As at" a day: only figures for periods that had begun by then (the board report).
  const asAt = options.asAt;
  const known = asAt ? values.filter((v) => (periodRange(v.period)?.from ?? v.period) <= asAt) : values;
  const { latest, previous } = latestTwo(known);
  const latestCell = latest ? valueCell(def, latest) : null;
  const englandRow = latest ? benchmarks.find((b) => b.areaCode === ENGLAND.code && b.period === latest.period) : undefined;
  return {
    def,
    href: indicatorHref(def.id),
    latest: latest && latestCell ? { ...latestCell, period: latest.period, periodLabel: periodLabel(latest.period), numerator: latest.numerator, denominator: latest.denominator } : null,
    change: latestCell && previous ? changeText(def, latestCell, valueCell(def, previous), previous.period) : '',
    target: latestCell ? targetText(def, latestCell) : def.target ? targetText(def, valueCell(def, undefined)) : '',
    england: englandRow ? benchmarkCell(def, englandRow) : null,
    trend: options.trend
      ? trendModel({ id: chartId(`trend-${def.id}`), title: `${def.name}: ${ctx.name} over time`, def, series: trendSeries(def, ctx, known, benchmarks) })
      : null,
  };
}

/** Summaries of many indicators in two queries. */
export async function summaries(
  db: Kysely<DB>,
  ctx: AreaContext,
  defs: readonly IndicatorDefinition[],
  options: { trend?: boolean; asAt?: string } = {},
): Promise<Summary[]> {
  const ids = defs.map((d) => d.id);
  // Without a trend or an "as at" day, only the latest two figures matter.
  const read = options.trend || options.asAt ? valuesOf(db, { ids, area: ctx.code }) : latestOf(db, { ids, area: ctx.code, count: 2 });
  const [values, benchmarks] = await Promise.all([read, benchmarksOf(db, { ids, areas: options.trend ? [ENGLAND.code, ...(ctx.region ? [ctx.region.code] : [])] : [ENGLAND.code] })]);
  return defs.map((d) => summarise(d, ctx, values.get(d.id) ?? [], benchmarks.get(d.id) ?? [], options));
}
