/**
 * The contract of the indicator library: what an indicator is (its definition, written for
 * people), what a computed value looks like, and how the store keys values. The dashboard,
 * early warning, the strategy's action plan and the surveys code against these types.
 *
 * Periods are written as the DfE writes them (docs/indicators.md):
 *   calendar year  '2024'           (SEN2 timeliness and requests; surveys)
 *   academic year  '202526'         (1 September 2025 to 31 August 2026; attendance, caseload)
 *   month          '2025-11'        (CAMHS waits, post-16 activity)
 *   week           '2025-11-17'     (the Monday the week starts: weekly attendance rates)
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The strategy's six priorities, and the inspection's two areas for improvement. */
export type Priority = 1 | 2 | 3 | 4 | 5 | 6 | 'aif1' | 'aif2';
export const PRIORITIES: readonly Priority[] = [1, 2, 3, 4, 5, 6, 'aif1', 'aif2'];

/** percent: 0–100; per-100 / per-10000: a rate per 100 or 10,000 pupils (DfE exclusion rates). */
export type Unit = 'percent' | 'count' | 'days' | 'weeks' | 'per-100' | 'per-10000';

export type PeriodKind = 'calendar-year' | 'academic-year' | 'month' | 'week';

/**
 * How a value is cut. '' is the whole area. The API accepts the first six; the others are used
 * by particular indicators (advice by agency, CAMHS by provider, attendance by phase).
 */
export type Breakdown =
  | ''
  | 'locality'
  | 'school'
  | 'sen-provision'
  | 'primary-need'
  | 'social-care'
  | 'fsm'
  | 'cohort'
  | 'agency'
  | 'provider'
  | 'phase'
  | 'check-type';

/** The breakdowns `GET /api/v1/indicators/{id}?breakdown=` takes. */
export const API_BREAKDOWNS = ['locality', 'school', 'sen-provision', 'primary-need', 'social-care', 'fsm'] as const;
export type ApiBreakdown = (typeof API_BREAKDOWNS)[number];

/**
 * When a figure is not shown. A count from 1 to `smallCount - 1` could identify a child, and so
 * could any rate built on one (src/platform/disclosure). `minDenominator` also hides rates and
 * averages (medians of waits) over too few children to mean anything.
 */
export interface SuppressionRule {
  /** Counts from 1 to smallCount - 1 are suppressed (the DfE's practice: 5). */
  readonly smallCount: number;
  /** A value over fewer than this many children is suppressed (e.g. 10 for a median wait). */
  readonly minDenominator?: number;
}

/** A published DfE statistics file's measure that benchmarks an indicator (docs/indicators.md). */
export interface BenchmarkMapping {
  /** The DfE file, as `send-hub import dfe-statistics` recognises it. */
  readonly source: DfeSource;
  /** The column holding the published value (lower case), e.g. 'pc_plans_issued_within_20_weeks'. */
  readonly measure: string;
  readonly numerator?: string;
  readonly denominator?: string;
  /** Columns (lower case) and the values a row must have, e.g. { breakdown_topic: 'All EHC plans issued' }. */
  readonly filter: Readonly<Record<string, string>>;
}

export type DfeSource = 'sen2-timeliness' | 'sen2-requests' | 'sen2-caseload' | 'attendance-ytd';

export interface IndicatorDefinition {
  /** Stable, kebab-case: strategy actions and bookmarks keep it. */
  readonly id: string;
  readonly name: string;
  readonly priority: Priority;
  /** A theme page of the dashboard the indicator belongs to. */
  readonly theme: 'ehc' | 'attendance' | 'camhs' | 'health-checks' | 'ap' | 'post-16' | 'sen' | 'survey';
  /** What it measures, written for a parent. */
  readonly definition: string;
  /** Who is counted above the line, and below (words). For a count, the denominator is ''. */
  readonly numerator: string;
  readonly denominator: string;
  /** The datasets it is computed from. */
  readonly source: readonly string[];
  /** Who answers for it (a role in the partnership, not a person). */
  readonly owner: string;
  readonly target?: { readonly value: number; readonly by?: string; readonly note?: string };
  /** Which way is better; 'neither' for counts that are context, not a goal (plans maintained). */
  readonly goodDirection: 'up' | 'down' | 'neither';
  readonly unit: Unit;
  readonly suppression: SuppressionRule;
  readonly periodKind: PeriodKind;
  readonly breakdowns: readonly Exclude<Breakdown, ''>[];
  /** What the numbers can and cannot say. */
  readonly caveats: readonly string[];
  readonly benchmark?: BenchmarkMapping;
}

/** A value as a computation produces it, before suppression. */
export interface ComputedValue {
  readonly indicatorId: string;
  readonly period: string;
  readonly breakdown: Breakdown;
  /** '' for the whole area; else the locality name, school URN, SEN provision code… */
  readonly breakdownValue: string;
  /** null for values that are not a ratio (a median wait has only a denominator: the waits). */
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** Percent 0–100 for 'percent', days for 'days', the count for 'count'. */
  readonly value: number | null;
  /**
   * How many children the value is about, when the numerator and denominator count something
   * else (sessions, days): the suppression rule is applied to it as well.
   */
  readonly children?: number;
}

/**
 * A value as stored and served. When `suppressed`, value, numerator and denominator are null:
 * the store holds only publishable figures.
 */
export interface IndicatorValue {
  readonly indicatorId: string;
  readonly areaCode: string;
  readonly period: string;
  readonly breakdown: Breakdown;
  readonly breakdownValue: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly computedAt: Date;
}

/** Computes some indicators' values for the local area. Registered in library/index.ts. */
export interface IndicatorComputation {
  /** The ids of the indicators it produces values for. */
  readonly ids: readonly string[];
  compute(context: ComputeContext): Promise<ComputedValue[]>;
}

export interface ComputeContext {
  readonly db: Kysely<DB>;
  readonly areaCode: string;
  /** 'YYYY-MM-DD': periods after today are not computed. */
  readonly today: string;
}

export type GeographicLevel = 'national' | 'regional' | 'la';

/** A published DfE figure, as imported (`benchmark_values`). */
export interface BenchmarkValue {
  readonly indicatorId: string;
  readonly source: DfeSource;
  readonly level: GeographicLevel;
  /** E92000001 England, E12… a region, E06/E08/E09/E10… a local authority. */
  readonly areaCode: string;
  readonly areaName: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The file's suppression marker where it published one instead of the value: x, c, z, low, u… */
  readonly marker: string | null;
}
