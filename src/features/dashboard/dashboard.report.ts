/**
 * The Partnership Board report for a period: every indicator's figure as it stood at the end
 * of the period (the latest figure for a period that had begun by then), the change since the
 * one before, England's figure and the target, by priority; the strategy's "current position"
 * to read them against; and the action plan's section from the strategy feature.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { INDICATORS } from '../indicators/library/index.js';
import { readForm, type FieldError } from '../../platform/web/forms.js';
import { strategyBoardSection, type StrategyBoardSection } from '../strategy/strategy.report.js';
import type { AreaContext } from './areas.js';
import { summaries, type Summary } from './dashboard.summaries.js';
import { PRIORITY_PAGES } from './labels.js';
import { academicYearOf, normalisePeriod, periodLabel, periodRange, type DateRange } from './periods.js';

export interface ReportPeriod {
  period: string;
  label: string;
  range: DateRange;
  /** The day the figures are as at: the period's end, or today if that is sooner. */
  asAt: string;
}

export function reportPeriod(period: string, today: string): ReportPeriod | undefined {
  const range = periodRange(period);
  if (!range || range.from > today) return undefined;
  return { period, label: periodLabel(period), range, asAt: range.to < today ? range.to : today };
}

/** The report's one filter: a period in any of the store's forms; the current school year by default. */
export function readReportPeriod(query: unknown, today: string): { value: string; period: ReportPeriod | null; errors: FieldError[] } {
  const { values, errors } = readForm(query, ['period'], { period: 'The period' }, 40);
  const raw = values.period!.trim();
  if (errors.length) return { value: raw, period: null, errors };
  const normal = raw === '' ? academicYearOf(today) : normalisePeriod(raw);
  if (!normal) {
    return { value: raw, period: null, errors: [{ field: 'period', text: 'Enter the period as a year (2025), a school year (2025/26) or a month (2025-11)' }] };
  }
  const period = reportPeriod(normal, today);
  if (!period) return { value: raw, period: null, errors: [{ field: 'period', text: `${periodLabel(normal)} has not started yet. Choose a period that has begun` }] };
  return { value: raw || periodLabel(normal), period, errors: [] };
}

export interface BoardReport {
  period: ReportPeriod;
  sections: { key: string; title: string; lines: Summary[] }[];
  strategy: StrategyBoardSection | null;
}

export async function boardReport(db: Kysely<DB>, ctx: AreaContext, period: ReportPeriod, today: string): Promise<BoardReport> {
  const [lines, strategy] = await Promise.all([summaries(db, ctx, INDICATORS, { asAt: period.asAt }), strategyBoardSection(db, period.range, today)]);
  const byId = new Map(lines.map((l) => [l.def.id, l]));
  const sections = PRIORITY_PAGES.map((p) => ({
    key: p.key,
    title: p.title,
    lines: INDICATORS.filter((d) => d.priority === p.priority).map((d) => byId.get(d.id)!),
  })).filter((s) => s.lines.length);
  return { period, sections, strategy };
}
