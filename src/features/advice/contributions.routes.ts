import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import type { Role } from '../../platform/access/roles.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { apiError } from '../../platform/web/errors.js';
import { errorView, readForm } from '../../platform/web/forms.js';
import { errorSchema } from '../api/schemas.js';
import { formatLongDate } from '../ehc/clock/index.js';
import { contributionsService } from './contributions.service.js';
import { isGroupBy, percent, share, type AgencyMeasure, type Contributions, type GroupBy, type GroupMeasure } from './contributions.js';
import { readPeriod } from './period.js';
import { contributionsCsv } from './contributions.csv.js';

/** Who reads the measure: casework, its managers, the DCO and the partnership's leaders. */
export const CONTRIBUTION_ROLES: Role[] = ['casework-officer', 'casework-manager', 'designated-clinical-officer', 'partnership-leader'];

const DEFINITION =
  'Plans counted: requests for assessment whose final plan was issued in the period, from and to the dates given inclusive. ' +
  'Advice received: at least one request to that agency was answered; a nil return (no needs found) is an answer and counts. ' +
  'On time: every request to that agency was answered by its due date, 6 weeks after it was asked for. ' +
  'Shares are of all the plans in the group, so a plan for which nobody was asked counts against them.';

const AGENCY_MEASURE = {
  type: 'object',
  required: ['asked', 'received', 'receivedOnTime', 'nilReturns', 'receivedShare', 'receivedOnTimeShare'],
  properties: {
    asked: { type: 'integer', description: 'Plans for which the agency was asked for advice' },
    received: { type: 'integer', description: 'Plans with advice received from the agency (nil returns count)' },
    receivedOnTime: { type: 'integer', description: 'Plans with every request to the agency answered by its due date' },
    nilReturns: { type: 'integer', description: 'Plans whose every answer from the agency was a nil return' },
    receivedShare: { type: ['number', 'null'], description: 'received / plans, 0 to 1; null when there are no plans' },
    receivedOnTimeShare: { type: ['number', 'null'], description: 'receivedOnTime / plans, 0 to 1; null when there are no plans' },
  },
} as const;
const GROUP = {
  type: 'object',
  required: ['group', 'plans', 'health', 'socialCare'],
  properties: { group: { type: 'string' }, plans: { type: 'integer' }, health: AGENCY_MEASURE, socialCare: AGENCY_MEASURE },
} as const;
const RESPONSE = {
  type: 'object',
  required: ['from', 'to', 'by', 'definition', 'total', 'groups'],
  properties: {
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    by: { enum: ['team', 'locality'] },
    definition: { type: 'string' },
    total: GROUP,
    groups: { type: 'array', items: GROUP },
  },
} as const;

const round = (n: number | null) => (n === null ? null : Math.round(n * 10000) / 10000);
const agencyJson = (m: AgencyMeasure, plans: number) => ({
  ...m,
  receivedShare: round(share(m.received, plans)),
  receivedOnTimeShare: round(share(m.receivedOnTime, plans)),
});
const groupJson = (g: GroupMeasure) => ({ group: g.group, plans: g.plans, health: agencyJson(g.health, g.plans), socialCare: agencyJson(g.socialCare, g.plans) });

export async function contributionsRoutes(app: FastifyInstance, s: Services) {
  const service = contributionsService();

  app.get('/reports/contributions', { config: { access: access.roles(...CONTRIBUTION_ROLES) } }, async (request, reply) => {
    const { values: q } = readForm(request.query, ['from', 'to', 'by', 'format'], {}, 40);
    const form = readPeriod(q, s.today());
    const by: GroupBy | undefined = q.by === '' ? 'locality' : isGroupBy(q.by) ? q.by : undefined;
    if (!by) form.errors.push({ field: 'by', text: 'Choose whether to show the figures by locality or by team' });
    const values = { ...form.values, by: by ?? '' };
    if (!form.period || !by) {
      return reply.render('advice/views/contributions.njk', { title: 'Contributions to EHC plans', ...errorView(form.errors), values }, 400);
    }
    const result = await service.measure(s.db, form.period, by);
    await s.audit.record(s.db, { actor: actorOf(request), action: 'report.contributions.viewed', outcome: 'allowed', requestId: request.id, details: { ...form.period, by, format: q.format || 'html' } });
    if (q.format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="contributions-${by}-${form.period.from}-to-${form.period.to}.csv"`)
        .send(contributionsCsv(result, by, form.period));
    }
    const link = new URLSearchParams({ ...form.period, by, format: 'csv' }).toString();
    return reply.render('advice/views/contributions.njk', {
      title: 'Contributions to EHC plans',
      values,
      by,
      period: { from: formatLongDate(form.period.from), to: formatLongDate(form.period.to) },
      groupHeading: by === 'team' ? 'Team' : 'Locality',
      total: tableRow(result.total),
      rows: result.groups.map((g) => tableRow(g, by === 'team')),
      plans: result.total.plans,
      csvHref: `/reports/contributions?${link}`,
      definition: DEFINITION,
    });
  });

  app.get(
    '/api/v1/ehc/contributions',
    {
      config: { access: access.roles(...CONTRIBUTION_ROLES) },
      schema: {
        summary: 'Health and social care contributions to the plans issued in a period, by team or by locality',
        description: DEFINITION,
        tags: ['ehc'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['from', 'to'],
          properties: {
            from: { type: 'string', format: 'date', description: 'First day of the period, YYYY-MM-DD' },
            to: { type: 'string', format: 'date', description: 'Last day of the period, YYYY-MM-DD, inclusive' },
            by: { enum: ['team', 'locality'], default: 'locality' },
          },
        },
        response: { 200: RESPONSE, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      const { from, to, by } = request.query as { from: string; to: string; by: GroupBy };
      if (to < from) {
        const message = 'to must be the same as or after from';
        return reply.code(400).send(apiError('validation_failed', message, [{ field: 'to', message }]));
      }
      const result: Contributions = await service.measure(s.db, { from, to }, by);
      return { from, to, by, definition: DEFINITION, total: groupJson(result.total), groups: result.groups.map(groupJson) };
    },
  );
}

/**
 * A row of the table. By team, a team never asked for one agency's advice (a health team's social
 * care columns) shows "Not asked" rather than a misleading 0%.
 */
function tableRow(g: GroupMeasure, byTeam = false) {
  const cells = (m: AgencyMeasure) =>
    byTeam && m.asked === 0
      ? [{ text: 'Not asked' }, { text: 'Not asked' }]
      : [m.received, m.receivedOnTime].map((n) => ({ text: `${n} (${percent(n, g.plans)})` }));
  return { group: g.group, plans: g.plans, cells: [...cells(g.health), ...cells(g.socialCare)] };
}
