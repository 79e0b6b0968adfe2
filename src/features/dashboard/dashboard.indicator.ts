/**
 * The indicator page's figures: the trend (of the whole area, or of the group the filters
 * follow) beside England and the region, the breakdown for the chosen period, the benchmarks
 * for that period, and the CSV of the same.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { BenchmarkValue, IndicatorDefinition, IndicatorValue } from '../indicators/indicator.types.js';
import { benchmarksFor, indicatorValues } from '../indicators/indicators.queries.js';
import type { FieldError } from '../../platform/web/forms.js';
import { ENGLAND, benchmarkCodes, type AreaContext } from './areas.js';
import { chartId } from './charts/index.js';
import { benchmarkCell, breakdownModel, latestTwo, MAX_ROWS, targetText, trendModel, valueCell, type BreakdownModel, type Cell, type TrendModel } from './dashboard.model.js';
import { breakdownAt, groupTrend, groupsOf, hasGroup, schoolNames } from './dashboard.queries.js';
import { trendSeries } from './dashboard.summaries.js';
import { indicatorCsv } from './dashboard.csv.js';
import { BREAKDOWN_LABELS, checkAgainst, filterQuery, readFilters, SLICES, type FilterRead, type Filters } from './filters.js';
import { groupLabel } from './labels.js';
import { periodLabel, sortPeriods } from './periods.js';

const NOUNS: Record<string, string> = { school: 'schools', locality: 'localities', provider: 'providers' };

/** Past this many, a group filter is a text box rather than a list. */
export const MAX_OPTIONS = 60;

export interface IndicatorPage {
  def: IndicatorDefinition;
  read: FilterRead;
  errors: FieldError[];
  filters: Filters;
  period: string | null;
  breakdown: string;
  periods: { value: string; text: string }[];
  breakdowns: { value: string; text: string }[];
  /** The options of each group filter: locality, school, cohort. */
  groupOptions: Record<string, { value: string; text: string }[] | 'text'>;
  sliceLabel: string | null;
  trend: TrendModel;
  latest: (Cell & { periodLabel: string }) | null;
  target: string;
  breakdownView: (BreakdownModel & { label: string }) | null;
  benchmarks: { area: string; kind: string; cell: Cell }[];
  csvHref: string;
  /** The CSV of the view: every figure of the trend and of the whole breakdown, and the benchmarks. */
  csv: () => Promise<string>;
}

export async function indicatorPage(db: Kysely<DB>, ctx: AreaContext, def: IndicatorDefinition, query: unknown): Promise<IndicatorPage> {
  const [whole, groups, benchmarks] = await Promise.all([
    indicatorValues(db, { id: def.id, area: ctx.code }),
    groupsOf(db, { ids: [def.id], area: ctx.code, limit: MAX_OPTIONS }),
    benchmarksFor(db, { id: def.id, areas: benchmarkCodes(ctx) }),
  ]);
  const periods = sortPeriods(whole.map((v) => v.period));
  const raw = readFilters(query);
  const known: Record<string, { has(value: string): boolean }> = {};
  for (const [b, g] of groups) if (g.values) known[b] = new Set(g.values);
  const asked = raw.filters.slice;
  if (asked && groups.get(asked.breakdown) && !known[asked.breakdown]) {
    // Among too many groups to list (a large area's schools): look the one asked for up.
    const found = await hasGroup(db, { id: def.id, area: ctx.code, breakdown: asked.breakdown, value: asked.value });
    known[asked.breakdown] = new Set(found ? [asked.value] : []);
  }
  const read = checkAgainst(raw, { periods, breakdowns: def.breakdowns, groups: known });
  const { filters } = read;

  const period = filters.period ?? periods.at(-1) ?? null;
  const breakdown = filters.breakdown || def.breakdowns.find((b) => groups.has(b)) || def.breakdowns[0] || '';
  const slice = filters.slice;
  const [sliceValues, cut] = await Promise.all([
    slice ? groupTrend(db, { id: def.id, area: ctx.code, breakdown: slice.breakdown, value: slice.value }) : Promise.resolve(null),
    period && breakdown
      ? breakdownAt(db, { id: def.id, area: ctx.code, breakdown, period, limit: MAX_ROWS, goodDirection: def.goodDirection })
      : Promise.resolve({ values: [] as IndicatorValue[], total: 0 }),
  ]);
  // Schools are named only where they are shown: the rows, the one followed, the list offered.
  const urns = [
    ...(breakdown === 'school' ? cut.values.map((v) => v.breakdownValue) : []),
    ...(slice?.breakdown === 'school' ? [slice.value] : []),
    ...(groups.get('school')?.values ?? []),
  ];
  const schools = await schoolNames(db, urns);
  const label = (b: string, value: string) => groupLabel(b, value, schools);
  const sliceLabel = slice ? label(slice.breakdown, slice.value) : null;
  const shown = sliceValues ?? whole;
  const trend = trendModel({
    id: chartId(`trend-${def.id}`),
    title: `${def.name}: ${sliceLabel ?? ctx.name} over time`,
    def,
    series: trendSeries(def, ctx, shown, benchmarks, sliceValues ? { label: sliceLabel!, whole } : {}),
  });
  const latestValue = period ? shown.find((v) => v.period === period) : latestTwo(shown).latest;
  const latest = latestValue ? { ...valueCell(def, latestValue), periodLabel: periodLabel(latestValue.period) } : null;
  const breakdownRows = cut.values;

  const wholeAtPeriod = whole.find((v) => v.period === period);
  const breakdownView =
    period && breakdown
      ? {
          label: BREAKDOWN_LABELS[breakdown] ?? breakdown,
          ...breakdownModel({
            id: chartId(`breakdown-${def.id}`),
            title: `${def.name} by ${(BREAKDOWN_LABELS[breakdown] ?? breakdown).toLowerCase()}, ${periodLabel(period)}`,
            def,
            values: breakdownRows,
            total: cut.total,
            label: (v) => label(breakdown, v),
            noun: NOUNS[breakdown] ?? 'groups',
            reference: wholeAtPeriod ? { label: ctx.name, cell: valueCell(def, wholeAtPeriod) } : null,
          }),
        }
      : null;

  const atPeriod = (b: BenchmarkValue) => b.period === period;
  const bench = benchmarks.filter(atPeriod);
  const benchRow = (code: string) => bench.find((b) => b.areaCode === code);
  const benchmarkRows: IndicatorPage['benchmarks'] = [];
  // Only when the DfE has published something for the period: a list of "no figure" says nothing.
  if (period && bench.length) {
    benchmarkRows.push({ area: `${ctx.name} (this service’s figure)`, kind: 'area', cell: valueCell(def, wholeAtPeriod) });
    if (benchRow(ctx.code)) benchmarkRows.push({ area: `${ctx.name} (published by the DfE)`, kind: 'published', cell: benchmarkCell(def, benchRow(ctx.code)) });
    benchmarkRows.push({ area: ENGLAND.name, kind: 'england', cell: benchmarkCell(def, benchRow(ENGLAND.code)) });
    if (ctx.region) benchmarkRows.push({ area: ctx.region.name, kind: 'region', cell: benchmarkCell(def, benchRow(ctx.region.code)) });
    for (const c of ctx.comparators) benchmarkRows.push({ area: benchRow(c.code)?.areaName || c.name, kind: 'comparator', cell: benchmarkCell(def, benchRow(c.code)) });
  }

  // Each group filter: a list of its groups, or 'text' when there are too many to list.
  const groupOptions: Record<string, { value: string; text: string }[] | 'text'> = {};
  for (const [field, b] of Object.entries(SLICES)) {
    const g = groups.get(b);
    if (!def.breakdowns.includes(b as never) || !g) continue;
    groupOptions[field] = g.values ? g.values.map((value) => ({ value, text: label(b, value) })).sort((a, z) => a.text.localeCompare(z.text, 'en-GB')) : 'text';
  }

  const csvFilters: Filters = { ...filters, period, breakdown };
  return {
    def,
    read,
    errors: read.errors,
    filters,
    period,
    breakdown,
    periods: [...periods].reverse().map((p) => ({ value: p, text: periodLabel(p) })),
    breakdowns: def.breakdowns.map((b) => ({ value: b, text: BREAKDOWN_LABELS[b] ?? b })),
    groupOptions,
    sliceLabel,
    trend,
    latest,
    target: latest ? targetText(def, latest) : def.target ? targetText(def, valueCell(def, undefined)) : '',
    breakdownView,
    benchmarks: benchmarkRows,
    csvHref: `/dashboard/indicators/${encodeURIComponent(def.id)}/data.csv${filterQuery(csvFilters)}`,
    csv: async () => {
      const all = cut.total > cut.values.length && period ? await indicatorValues(db, { id: def.id, area: ctx.code, breakdown: breakdown as IndicatorValue['breakdown'], period }) : cut.values;
      const names = breakdown === 'school' && all !== cut.values ? await schoolNames(db, all.map((v) => v.breakdownValue)) : schools;
      return indicatorCsv({ def, area: ctx, values: unique([...whole, ...(sliceValues ?? []), ...all]), benchmarks, groupLabel: (b, v) => groupLabel(b, v, names) });
    },
  };
}

function unique(values: IndicatorValue[]): IndicatorValue[] {
  const seen = new Map<string, IndicatorValue>();
  for (const v of values) seen.set(`${v.period}|${v.breakdown}|${v.breakdownValue}`, v);
  return [...seen.values()];
}
