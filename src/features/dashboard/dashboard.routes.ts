import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import type { Role } from '../../platform/access/roles.js';
import { notFound } from '../../platform/web/errors.js';
import { errorView } from '../../platform/web/forms.js';
import { INDICATORS, indicatorById } from '../indicators/library/index.js';
import { INDICATOR_ROLES } from '../indicators/indicators.access.js';
import type { IndicatorDefinition } from '../indicators/indicator.types.js';
import { benchmarkCodes, serviceArea, withRegion } from './areas.js';
import { CURRENT_POSITION, CURRENT_POSITION_SOURCE, positionText } from './current-position.js';
import { indicatorPage } from './dashboard.indicator.js';
import type { Cell } from './dashboard.model.js';
import { benchmarksOf, valuesOf } from './dashboard.queries.js';
import { boardReport, readReportPeriod } from './dashboard.report.js';
import { indicatorCsv } from './dashboard.csv.js';
import { renderBoardReportPdf } from './dashboard.pdf.js';
import { indicatorHref, summaries, type Summary } from './dashboard.summaries.js';
import { themeOf, themePage } from './dashboard.theme.js';
import { pageCache, storeVersion, type PagePart } from './page-cache.js';
import { formatValue } from './format.js';
import { groupLabel, PRIORITY_PAGES, THEME_PAGES } from './labels.js';
import { periodLabel } from './periods.js';

/**
 * Who reads the dashboard: those who see the indicators (the partnership's leaders and
 * analysts, casework managers, the DCO, and the parent carer forum's members). Every figure
 * here is published-safe: aggregated, suppressed below 5 children, never named
 * (docs/dashboard.md).
 */
export const DASHBOARD_ROLES: readonly Role[] = INDICATOR_ROLES;
const ACCESS = { access: access.roles(...DASHBOARD_ROLES) };

/** How many pages' parts are kept (each 10 to 100 KB of HTML): every headline, priority and theme page, and the indicator pages most read. */
const PAGES_KEPT = 300;

interface Crumb {
  text: string;
  href: string;
}
const DASHBOARD_CRUMB: readonly Crumb[] = [{ text: 'Dashboard', href: '/dashboard' }];

const priorityOf = (def: IndicatorDefinition) => PRIORITY_PAGES.find((p) => p.priority === def.priority)!;

function sendCsv(reply: FastifyReply, name: string, body: string) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(body);
}

export async function dashboardRoutes(app: FastifyInstance, s: Services) {
  const configured = serviceArea(s.config);
  const areaOf = () => withRegion(s.db, configured);

  // The pages' parts, by URL, for the store's current version (page-cache.ts).
  const cache = pageCache({ version: () => storeVersion(s.db), size: PAGES_KEPT });
  const part = (template: string, context: Record<string, unknown> & { title: string }, crumbs: readonly Crumb[], status = 200): PagePart => ({
    status,
    title: context.title,
    errorList: (context.errorList as PagePart['errorList'] | undefined) ?? [],
    breadcrumbs: crumbs.length ? app.renderFragment('dashboard/views/breadcrumbs.njk', { crumbs }) : '',
    main: app.renderFragment(template, context),
  });
  /** The layout for this request around the page's part for this URL. */
  const page = async (request: FastifyRequest, reply: FastifyReply, render: () => Promise<PagePart>) => {
    const p = await cache.get(request.url, render);
    return reply.render('dashboard/views/page.njk', { title: p.title, errorList: p.errorList, part: p }, p.status);
  };

  app.get('/dashboard', { config: ACCESS }, async (request, reply) =>
    page(request, reply, async () => {
      const area = await areaOf();
      const lines = await summaries(s.db, area, INDICATORS);
      const byId = new Map(lines.map((l) => [l.def.id, l]));
      return part(
        'dashboard/views/home.njk',
        {
          title: 'SEND and AP dashboard',
          position: area.code === CURRENT_POSITION_SOURCE.areaCode ? positionRows(byId) : null,
          positionSource: CURRENT_POSITION_SOURCE,
          themes: THEME_PAGES.filter((t) => INDICATORS.some((d) => d.theme === t.key)),
          priorities: PRIORITY_PAGES.map((p) => ({ ...p, lines: lines.filter((l) => l.def.priority === p.priority) })),
        },
        [],
      );
    }),
  );

  app.get('/dashboard/priorities/:key', { config: ACCESS }, async (request, reply) => {
    const priority = PRIORITY_PAGES.find((p) => p.key === (request.params as { key: string }).key);
    if (!priority) throw notFound('priority');
    return page(request, reply, async () => {
      const area = await areaOf();
      const defs = INDICATORS.filter((d) => d.priority === priority.priority);
      return part(
        'dashboard/views/priority.njk',
        {
          title: priority.title,
          short: priority.short,
          lines: await summaries(s.db, area, defs, { trend: true }),
          csvHref: `/dashboard/priorities/${priority.key}/data.csv`,
        },
        DASHBOARD_CRUMB,
      );
    });
  });

  app.get('/dashboard/priorities/:key/data.csv', { config: ACCESS }, async (request, reply) => {
    const area = await areaOf();
    const page = PRIORITY_PAGES.find((p) => p.key === (request.params as { key: string }).key);
    if (!page) throw notFound('priority');
    const defs = INDICATORS.filter((d) => d.priority === page.priority);
    const ids = defs.map((d) => d.id);
    const [values, benchmarks] = await Promise.all([valuesOf(s.db, { ids, area: area.code }), benchmarksOf(s.db, { ids, areas: benchmarkCodes(area) })]);
    const body = defs
      .map((def, i) => {
        const csv = indicatorCsv({ def, area, values: values.get(def.id) ?? [], benchmarks: benchmarks.get(def.id) ?? [], groupLabel: (b, v) => groupLabel(b, v) });
        return i === 0 ? csv : csv.slice(csv.indexOf('\r\n') + 2);
      })
      .join('');
    return sendCsv(reply, `priority-${page.key}.csv`, body);
  });

  const indicatorOr404 = (request: FastifyRequest) => {
    const def = indicatorById((request.params as { id: string }).id);
    if (!def) throw notFound('indicator');
    return def;
  };

  app.get('/dashboard/indicators/:id', { config: ACCESS }, async (request, reply) => {
    const def = indicatorOr404(request);
    return page(request, reply, async () => {
      const area = await areaOf();
      const ind = await indicatorPage(s.db, area, def, request.query);
      const groupFields = [
        { field: 'locality', label: 'Locality', all: 'All localities' },
        { field: 'school', label: 'School', all: 'All schools' },
        { field: 'cohort', label: 'Cohort', all: 'Everyone' },
      ];
      const priority = priorityOf(def);
      return part(
        'dashboard/views/indicator.njk',
        {
          title: def.name,
          def,
          page: ind,
          priority,
          selfHref: indicatorHref(def.id),
          values: ind.read.values,
          ...errorView(ind.errors),
          periodLabel: ind.period ? ind.periods.find((p) => p.value === ind.period)?.text ?? ind.period : '',
          periodItems: ind.periods,
          breakdownItems: ind.breakdowns,
          groupSelects: groupFields
            .filter((g) => ind.groupOptions[g.field])
            .map((g) => {
              const options = ind.groupOptions[g.field]!;
              // A list of hundreds of schools is unusable: a box for the school's URN instead.
              return options === 'text'
                ? { ...g, asText: true, hint: g.field === 'school' ? 'The school’s unique reference number (URN), for example 100001' : `The ${g.field}’s name`, items: [] }
                : { ...g, asText: false, items: [{ value: '', text: g.all }, ...options] };
            }),
          definitionRows: definitionRows(def),
        },
        [...DASHBOARD_CRUMB, { text: priority.title, href: `/dashboard/priorities/${priority.key}` }],
        ind.errors.length ? 400 : 200,
      );
    });
  });

  app.get('/dashboard/indicators/:id/data.csv', { config: ACCESS }, async (request, reply) => {
    const area = await areaOf();
    const def = indicatorOr404(request);
    const page = await indicatorPage(s.db, area, def, request.query);
    if (page.errors.length) {
      return reply.code(400).type('text/plain; charset=utf-8').send(`These figures cannot be downloaded:\n${page.errors.map((e) => `- ${e.field}: ${e.text}`).join('\n')}\n`);
    }
    return sendCsv(reply, `${def.id}${page.period ? `-${page.period}` : ''}.csv`, await page.csv());
  });

  app.get('/dashboard/themes/:key', { config: ACCESS }, async (request, reply) => {
    const key = (request.params as { key: string }).key;
    if (!themeOf(key)) throw notFound('theme');
    return page(request, reply, async () => {
      const area = await areaOf();
      const theme = await themePage(s.db, area, key, request.query);
      if (!theme) throw notFound('theme');
      return part('dashboard/views/theme.njk', { title: theme.title, page: theme, values: theme.values, ...errorView(theme.errors) }, DASHBOARD_CRUMB, theme.errors.length ? 400 : 200);
    });
  });

  app.get('/dashboard/report', { config: ACCESS }, async (request, reply) => {
    const area = await areaOf();
    const today = s.today();
    const read = readReportPeriod(request.query, today);
    const base = { title: 'Board report', values: { period: read.value }, ...errorView(read.errors), positionSource: CURRENT_POSITION_SOURCE };
    if (!read.period) return reply.render('dashboard/views/report.njk', { ...base, heading: 'Board report' }, 400);
    const report = await boardReport(s.db, area, read.period, today);
    return reply.render('dashboard/views/report.njk', {
      ...base,
      title: `Board report: ${read.period.label}`,
      heading: `Board report: ${read.period.label}`,
      report,
      position: area.code === CURRENT_POSITION_SOURCE.areaCode ? CURRENT_POSITION.map((f) => ({ label: f.label, then: positionText(f), asOf: f.asOf, national: f.national ? formatValue(f.national.value, 'percent') : '' })) : null,
      pdfHref: `/dashboard/report.pdf?period=${encodeURIComponent(read.period.period)}`,
    });
  });

  app.get('/dashboard/report.pdf', { config: ACCESS }, async (request, reply) => {
    const area = await areaOf();
    const today = s.today();
    const read = readReportPeriod(request.query, today);
    if (!read.period) return reply.code(400).type('text/plain; charset=utf-8').send(`The report cannot be made: ${read.errors.map((e) => e.text).join('; ')}\n`);
    const report = await boardReport(s.db, area, read.period, today);
    const pdf = await renderBoardReportPdf(report, area);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="board-report-${read.period.period}.pdf"`).send(pdf);
  });
}

/** The strategy's figures, each beside its live measure where there is one. */
function positionRows(byId: ReadonlyMap<string, Summary>) {
  return CURRENT_POSITION.map((f) => {
    const line = f.live ? byId.get(f.live.indicatorId) : undefined;
    let now: (Cell & { periodLabel: string }) | null = null;
    if (f.live && line?.latest) {
      const l = line.latest;
      const count = f.live.read === 'value' ? undefined : f.live.read === 'numerator' ? l.numerator : l.denominator;
      if (f.live.read === 'value' || l.suppressed) now = l;
      else if (count !== null && count !== undefined) now = { text: formatValue(count, 'count'), detail: null, value: count, suppressed: false, periodLabel: l.periodLabel };
    }
    return {
      label: f.label,
      then: positionText(f),
      asOf: f.asOf,
      change: f.change ?? '',
      national: f.national ? formatValue(f.national.value, 'percent') : '',
      now,
      live: f.live && line ? { href: line.href, name: line.def.name, difference: f.live.difference ?? '' } : null,
    };
  });
}

function definitionRows(def: IndicatorDefinition) {
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  const rows = [
    row('Counted', def.numerator),
    ...(def.denominator ? [row('Out of', def.denominator)] : []),
    row('Source', def.source.join('; ')),
    row('Who answers for it', def.owner),
    row('Which way is better', def.goodDirection === 'up' ? 'Higher' : def.goodDirection === 'down' ? 'Lower' : 'Neither: it is context, not a goal'),
    ...(def.target ? [row('Target', `${formatValue(def.target.value, def.unit)}${def.target.by ? ` by ${periodLabel(def.target.by)}` : ''}${def.target.note ? ` (${def.target.note})` : ''}`)] : []),
    row('Small numbers', `Not shown when fewer than ${def.suppression.smallCount} children are counted${def.suppression.minDenominator ? `, or fewer than ${def.suppression.minDenominator} in the group` : ''}`),
  ];
  return rows;
}
