/**
 * A theme page (CAMHS waits, developmental checks, attendance and exclusions, EHC plans, AP…):
 * each of the theme's indicators with its trend, and a table of all of them side by side for
 * one period and one breakdown (CAMHS waits by locality, Millom included, or by provider).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { IndicatorDefinition } from '../indicators/indicator.types.js';
import { INDICATORS } from '../indicators/library/index.js';
import type { FieldError } from '../../platform/web/forms.js';
import type { AreaContext } from './areas.js';
import { valueCell, type Cell } from './dashboard.model.js';
import { groupsOf, valuesOf } from './dashboard.queries.js';
import { indicatorHref, summaries, type Summary } from './dashboard.summaries.js';
import { BREAKDOWN_LABELS, checkAgainst, readFilters } from './filters.js';
import { groupLabel, THEME_PAGES } from './labels.js';
import { periodLabel, sortPeriods } from './periods.js';

export interface ThemePage {
  key: string;
  title: string;
  intro: string;
  errors: FieldError[];
  values: Record<string, string>;
  summaries: Summary[];
  period: string | null;
  periodLabel: string;
  breakdown: string;
  breakdownLabel: string;
  periods: { value: string; text: string }[];
  breakdowns: { value: string; text: string }[];
  matrix: { columns: { name: string; href: string }[]; rows: { label: string; cells: Cell[] }[]; total: Cell[] } | null;
}

export function themeOf(key: string) {
  return THEME_PAGES.find((t) => t.key === key);
}

export function themeIndicators(key: string): IndicatorDefinition[] {
  return INDICATORS.filter((d) => d.theme === key);
}

/** The period kind most of the theme's indicators share: the matrix compares like with like. */
function mainKind(defs: readonly IndicatorDefinition[]): IndicatorDefinition['periodKind'] | undefined {
  const counts = new Map<string, number>();
  for (const d of defs) counts.set(d.periodKind, (counts.get(d.periodKind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as IndicatorDefinition['periodKind'] | undefined;
}

export async function themePage(db: Kysely<DB>, ctx: AreaContext, key: string, query: unknown): Promise<ThemePage | undefined> {
  const theme = themeOf(key);
  if (!theme) return undefined;
  const defs = themeIndicators(key);
  const kind = mainKind(defs);
  const comparable = defs.filter((d) => d.periodKind === kind);
  const ids = comparable.map((d) => d.id);
  const [lines, whole, groups] = await Promise.all([summaries(db, ctx, defs, { trend: true }), valuesOf(db, { ids, area: ctx.code }), groupsOf(db, { ids, area: ctx.code, limit: 0 })]);
  const periods = sortPeriods([...whole.values()].flatMap((vs) => vs.map((v) => v.period)));
  const breakdowns = theme.matrixBreakdowns.filter((b) => comparable.some((d) => d.breakdowns.includes(b as never)));
  const read = checkAgainst(readFilters(query), { periods, breakdowns, groups: {} });
  const period = read.filters.period ?? periods.at(-1) ?? null;
  const breakdown = read.filters.breakdown || breakdowns.find((b) => groups.has(b)) || breakdowns[0] || '';

  let matrix: ThemePage['matrix'] = null;
  if (period && breakdown) {
    const columns = comparable.filter((d) => d.breakdowns.includes(breakdown as never));
    const cids = columns.map((d) => d.id);
    const cut = await valuesOf(db, { ids: cids, area: ctx.code, breakdown, period });
    const groupValues = [...new Set(cids.flatMap((id) => (cut.get(id) ?? []).map((v) => v.breakdownValue)))];
    const rows = groupValues
      .map((g) => ({
        label: groupLabel(breakdown, g),
        cells: columns.map((d) => valueCell(d, (cut.get(d.id) ?? []).find((v) => v.breakdownValue === g))),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
    const total = columns.map((d) => valueCell(d, (whole.get(d.id) ?? []).find((v) => v.period === period)));
    matrix = { columns: columns.map((d) => ({ name: d.name, href: indicatorHref(d.id) })), rows, total };
  }

  return {
    key,
    title: theme.title,
    intro: theme.intro,
    errors: read.errors,
    values: read.values,
    summaries: lines,
    period,
    periodLabel: period ? periodLabel(period) : '',
    breakdown,
    breakdownLabel: (BREAKDOWN_LABELS[breakdown] ?? breakdown).toLowerCase(),
    periods: [...periods].reverse().map((p) => ({ value: p, text: periodLabel(p) })),
    breakdowns: breakdowns.map((b) => ({ value: b, text: BREAKDOWN_LABELS[b] ?? b })),
    matrix,
  };
}
