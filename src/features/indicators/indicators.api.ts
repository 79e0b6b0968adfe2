/** `GET /api/v1/indicators` and `GET /api/v1/indicators/{id}`: the same figures as the dashboard. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { apiError } from '../../platform/web/errors.js';
import { errorSchema } from '../api/schemas.js';
import { API_BREAKDOWNS, type ApiBreakdown, type IndicatorDefinition } from './indicator.types.js';
import { INDICATOR_ROLES } from './indicators.access.js';
import { benchmarkSet, indicatorById, indicatorValues, listIndicators } from './indicators.queries.js';
import { periodKindOf } from './periods.js';

const KIND_EXAMPLE = { 'calendar-year': '2024', 'academic-year': '202526', month: '2025-11', week: '2025-11-17' } as const;
const KIND_WORDS = { 'calendar-year': 'calendar year', 'academic-year': 'academic year', month: 'month', week: 'week (its Monday)' } as const;

const nullableNumber = { type: ['number', 'null'] } as const;

const SUMMARY = {
  type: 'object',
  required: ['id', 'name', 'definition', 'priority', 'unit', 'goodDirection', 'periodKind'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    definition: { type: 'string' },
    priority: { type: ['integer', 'string'], description: '1 to 6 (the strategy’s priorities), or aif1 / aif2 (the inspection’s areas for improvement)' },
    theme: { type: 'string' },
    unit: { type: 'string', description: 'percent, count, days, weeks, per-100 or per-10000' },
    goodDirection: { enum: ['up', 'down', 'neither'] },
    periodKind: { enum: ['calendar-year', 'academic-year', 'month', 'week'] },
    breakdowns: { type: 'array', items: { type: 'string' } },
  },
} as const;

const DETAIL = {
  type: 'object',
  required: ['id', 'name', 'definition', 'numerator', 'denominator', 'source', 'owner', 'area', 'breakdown', 'values', 'benchmarks'],
  properties: {
    ...SUMMARY.properties,
    numerator: { type: 'string' },
    denominator: { type: 'string' },
    source: { type: 'array', items: { type: 'string' } },
    owner: { type: 'string' },
    target: { type: ['object', 'null'], properties: { value: { type: 'number' }, by: { type: 'string' }, note: { type: 'string' } } },
    suppression: { type: 'object', properties: { smallCount: { type: 'integer' }, minDenominator: { type: 'integer' } } },
    caveats: { type: 'array', items: { type: 'string' } },
    area: { type: 'string' },
    period: { type: ['string', 'null'] },
    breakdown: { type: 'string' },
    values: {
      type: 'array',
      items: {
        type: 'object',
        required: ['period', 'breakdownValue', 'numerator', 'denominator', 'rate', 'suppressed'],
        properties: {
          period: { type: 'string' },
          breakdownValue: { type: 'string', description: 'the group ("" for the whole area)' },
          numerator: nullableNumber,
          denominator: nullableNumber,
          rate: { ...nullableNumber, description: 'the value, in the indicator’s unit; null when suppressed or nothing to divide by' },
          suppressed: { type: 'boolean', description: 'true: not shown because it rests on a small number of children' },
          computedAt: { type: 'string', format: 'date-time' },
        },
      },
    },
    benchmarks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['role', 'level', 'areaCode', 'areaName', 'period', 'value', 'marker'],
        properties: {
          role: { enum: ['area', 'england', 'region', 'comparator'] },
          level: { enum: ['national', 'regional', 'la'] },
          areaCode: { type: 'string' },
          areaName: { type: 'string' },
          period: { type: 'string' },
          value: nullableNumber,
          numerator: nullableNumber,
          denominator: nullableNumber,
          marker: { type: ['string', 'null'], description: 'the DfE’s marker where it published none: x not available, c confidential, z not applicable, low…' },
          source: { type: 'string' },
        },
      },
    },
  },
} as const;

function summary(i: IndicatorDefinition) {
  return { id: i.id, name: i.name, definition: i.definition, priority: i.priority, theme: i.theme, unit: i.unit, goodDirection: i.goodDirection, periodKind: i.periodKind, breakdowns: [...i.breakdowns] };
}

export async function indicatorsApiRoutes(app: FastifyInstance, s: Services) {
  app.get(
    '/api/v1/indicators',
    {
      config: { access: access.roles(...INDICATOR_ROLES) },
      schema: {
        summary: 'Every indicator of the joint outcomes framework: id, name and definition',
        tags: ['indicators'],
        response: { 200: { type: 'object', required: ['indicators'], properties: { indicators: { type: 'array', items: SUMMARY } } }, 401: errorSchema, 403: errorSchema },
      },
    },
    async () => ({ indicators: listIndicators().map(summary) }),
  );

  app.get(
    '/api/v1/indicators/:id',
    {
      config: { access: access.roles(...INDICATOR_ROLES) },
      schema: {
        summary: 'One indicator’s values for an area, by period and breakdown, with the published benchmarks',
        description:
          'Values are the local area’s, recomputed after each import; small numbers are suppressed (suppressed: true, figures null). ' +
          'Benchmarks are the DfE’s published figures for the area, England, its region and the comparator areas, where the DfE publishes the measure.',
        tags: ['indicators'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            area: { type: 'string', pattern: '^E\\d{8}$', description: 'An ONS code such as E06000063 (default: the local area)' },
            period: { type: 'string', maxLength: 10, description: 'As the DfE writes it: 2024 for a calendar year, 202526 for an academic year; 2025-11 for a month; a week by its Monday, 2025-11-17' },
            breakdown: { enum: [...API_BREAKDOWNS], description: 'Values by group instead of for the whole area' },
          },
        },
        response: { 200: DETAIL, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const q = request.query as { area?: string; period?: string; breakdown?: ApiBreakdown };
      const def = indicatorById(id);
      if (!def) return reply.code(404).send(apiError('not_found', `There is no indicator "${id}". GET /api/v1/indicators lists them.`));
      const problems: { field: string; message: string }[] = [];
      if (q.period !== undefined) {
        const kind = periodKindOf(q.period);
        if (kind === undefined) problems.push({ field: 'period', message: `"${q.period}" is not a period: write a calendar year as 2024 or an academic year as 202526` });
        else if (kind !== def.periodKind) problems.push({ field: 'period', message: `${def.name} is counted by ${KIND_WORDS[def.periodKind]}: give a period such as ${KIND_EXAMPLE[def.periodKind]}, not ${q.period}` });
      }
      if (q.breakdown !== undefined && !def.breakdowns.includes(q.breakdown)) {
        const offered = def.breakdowns.filter((b) => (API_BREAKDOWNS as readonly string[]).includes(b));
        problems.push({ field: 'breakdown', message: `${def.name} has no breakdown by ${q.breakdown}: ${offered.length ? `choose ${offered.join(', ')}` : 'leave breakdown out for the whole area'}` });
      }
      if (problems.length) return reply.code(400).send(apiError('validation_failed', problems.map((p) => p.message).join('; '), problems));
      const area = q.area ?? s.indicators.areaCode;
      const [values, benchmarks] = await Promise.all([
        indicatorValues(s.db, { id, area, ...(q.period ? { period: q.period } : {}), breakdown: q.breakdown ?? '' }),
        def.benchmark
          ? benchmarkSet(s.db, { id, area, ...(q.period ? { period: q.period } : {}), comparators: area === s.indicators.areaCode ? s.indicators.comparators : [] })
          : Promise.resolve([]),
      ]);
      return {
        ...summary(def),
        numerator: def.numerator,
        denominator: def.denominator,
        source: [...def.source],
        owner: def.owner,
        target: def.target ?? null,
        suppression: def.suppression,
        caveats: [...def.caveats],
        area,
        period: q.period ?? null,
        breakdown: q.breakdown ?? '',
        values: values.map((v) => ({
          period: v.period,
          breakdownValue: v.breakdownValue,
          numerator: v.numerator,
          denominator: v.denominator,
          rate: v.value,
          suppressed: v.suppressed,
          computedAt: v.computedAt.toISOString(),
        })),
        benchmarks: benchmarks.map((b) => ({ role: b.role, level: b.level, areaCode: b.areaCode, areaName: b.areaName, period: b.period, value: b.value, numerator: b.numerator, denominator: b.denominator, marker: b.marker, source: b.source })),
      };
    },
  );
}
