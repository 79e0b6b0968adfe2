import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { HttpError } from '../../platform/web/errors.js';
import { errorView, readForm, type FieldError } from '../../platform/web/forms.js';
import { errorSchema } from '../api/schemas.js';
import { formatLongDate } from '../ehc/clock/index.js';
import { chartId, pChart as pChartSvg } from '../dashboard/charts/index.js';
import {
  closeFlag, COHORT_ROLES, defaultTeam, FLAG_ROLES, FlagAlreadyClosedError, loadFlag, loadQueue, OUTCOMES, QUEUE_LIMIT, ruleOutcomes,
  seesAllFlags, type FlagRow, type Outcome, type QueueFilter, type RuleOutcomes,
} from './flags.queries.js';
import { isRuleId, RULE_IDS, RULES, TEAMS, type Team } from './rules/types.js';
import { loadSignal, loadSignals, LEVEL_NAMES, STATUS_WORDS, isLevel, type StoredSignal } from './signals.queries.js';
import { SIGNALS } from './signals.js';
import { RUN_RULES, type ChartPoint } from './spc/p-chart.js';
import { outcomesCsv } from './outcomes.csv.js';

const NOTE_MAX = 2000;
const VIEWS = 'early-warning/views';
const pct = (v: number | null) => (v === null ? 'None reviewed' : `${(v * 100).toFixed(0)}%`);
const rate = (v: number | null, digits = 1) => (v === null ? '–' : `${(v * 100).toFixed(digits)}%`);

export async function earlyWarningRoutes(app: FastifyInstance, s: Services) {
  app.get('/early-warning/flags', { config: { access: access.roles(...FLAG_ROLES) } }, async (request, reply) => {
    const user = request.user!;
    const { values } = readForm(request.query, ['status', 'team', 'rule'], {}, 40);
    const q = { status: values.status ?? '', team: values.team ?? '', rule: values.rule ?? '' };
    const errors: FieldError[] = [];
    const status = q.status === '' ? 'open' : q.status === 'open' || q.status === 'closed' ? q.status : null;
    if (!status) errors.push({ field: 'status', text: 'Choose open or closed flags' });
    const teamValue = q.team === '' ? defaultTeam(user.role) : q.team;
    const team = teamValue === 'all' || Object.hasOwn(TEAMS, teamValue) ? (teamValue as Team | 'all') : null;
    if (!team) errors.push({ field: 'team', text: 'Choose a team from the list' });
    const rule = q.rule === '' || q.rule === 'all' ? 'all' : isRuleId(q.rule) ? q.rule : null;
    if (!rule) errors.push({ field: 'rule', text: 'Choose a kind of flag from the list' });
    const areaWide = seesAllFlags(user);
    const base = {
      title: 'Early warning flags',
      areaWide,
      values: { status: status ?? q.status, team: team ?? q.team, rule: rule ?? q.rule },
      statusItems: [{ value: 'open', text: 'Open' }, { value: 'closed', text: 'Closed' }],
      teamItems: [{ value: 'all', text: 'All teams' }, ...Object.entries(TEAMS).map(([value, text]) => ({ value, text }))],
      ruleItems: [{ value: 'all', text: 'All kinds' }, ...RULE_IDS.map((r) => ({ value: r, text: RULES[r].name }))],
    };
    if (!status || !team || !rule) return reply.render(`${VIEWS}/queue.njk`, { ...base, ...errorView(errors), rows: [], total: 0 }, 400);
    const filter: QueueFilter = { status, team: areaWide ? team : 'all', rule };
    const { rows, total } = await loadQueue(s.db, user, filter);
    await s.audit.record(s.db, {
      actor: actorOf(request), action: 'early-warning.queue.viewed', outcome: 'allowed', requestId: request.id,
      details: { ...filter, shown: rows.length, total },
    });
    return reply.render(`${VIEWS}/queue.njk`, {
      ...base,
      errorList: [],
      errorFor: {},
      total,
      limited: total > QUEUE_LIMIT,
      limit: QUEUE_LIMIT,
      rows: rows.map((r) => ({
        href: `/early-warning/flags/${r.id}`,
        childName: `${r.given_name} ${r.family_name}`,
        kind: RULES[r.rule].name,
        summary: r.summary,
        team: TEAMS[r.team],
        school: r.organisation_name,
        raisedOn: r.raised_on,
        outcome: r.outcome ? OUTCOMES[r.outcome] : null,
      })),
    });
  });

  app.get('/early-warning/flags/:flagId', { config: { access: access.roles(...FLAG_ROLES) } }, async (request, reply) => {
    const flag = await allowedFlag(s, request);
    await auditFlag(s, request, flag, 'early-warning.flag.viewed');
    const { closed } = request.query as { closed?: string };
    return reply.render(`${VIEWS}/flag.njk`, flagView(flag, { values: {}, errors: [] }, closed === '1'));
  });

  app.post('/early-warning/flags/:flagId', { config: { access: access.roles(...FLAG_ROLES) } }, async (request, reply) => {
    const flag = await allowedFlag(s, request);
    const form = readForm(request.body, ['outcome', 'note'], { note: 'The note' }, NOTE_MAX);
    if (flag.status === 'closed') {
      return reply.render(`${VIEWS}/flag.njk`, flagView(flag, { values: {}, errors: [alreadyClosed(flag)] }), 409);
    }
    const errors = [...form.errors];
    const outcome = form.values.outcome!;
    if (!Object.hasOwn(OUTCOMES, outcome)) errors.push({ field: 'outcome', text: 'Choose what the flag was: useful, not useful or already known' });
    if (!errors.some((e) => e.field === 'note') && form.values.note!.trim() === '') {
      errors.push({ field: 'note', text: 'Write a note: what you did, or why the flag did not help' });
    }
    if (errors.length) return reply.render(`${VIEWS}/flag.njk`, flagView(flag, { values: form.values, errors }), 400);
    try {
      await s.db.transaction().execute(async (tx) => {
        await closeFlag(tx, flag.id, request.user!.id, outcome as Outcome, form.values.note!.trim());
        await s.audit.record(tx, {
          actor: actorOf(request), action: 'early-warning.flag.closed', outcome: 'succeeded', subjectType: 'early-warning-flag', subjectId: flag.id,
          childId: flag.child_id, requestId: request.id, details: { rule: flag.rule, outcome },
        });
      });
    } catch (e) {
      if (e instanceof FlagAlreadyClosedError) {
        const now = await loadFlag(s.db, request.user!, flag.id);
        if (now && now !== 'forbidden') return reply.render(`${VIEWS}/flag.njk`, flagView(now, { values: {}, errors: [alreadyClosed(now)] }), 409);
      }
      throw e;
    }
    return reply.redirect(`/early-warning/flags/${flag.id}?closed=1`, 303);
  });

  app.get('/early-warning/signals', { config: { access: access.roles(...COHORT_ROLES) } }, async (request, reply) => {
    const signals = await loadSignals(s.db);
    const groups = (['school', 'locality', 'cohort'] as const).map((level) => {
      const rows = signals.filter((x) => x.level === level);
      return {
        level,
        heading: LEVEL_NAMES[level],
        definition: SIGNALS[level].definition,
        rows: rows.map(signalRow),
        counts: { signal: rows.filter((x) => x.status === 'signal').length, total: rows.length },
      };
    });
    const asOf = signals[0]?.as_of ?? null;
    return reply.render(`${VIEWS}/signals.njk`, { title: 'Early warning signals', groups, asOf, any: signals.length > 0 });
  });

  app.get('/early-warning/signals/:level/:key', { config: { access: access.roles(...COHORT_ROLES) } }, async (request, reply) => {
    const { level, key } = request.params as { level: string; key: string };
    if (!isLevel(level)) throw new HttpError(404, 'not_found', 'There is no such signal');
    const signal = await loadSignal(s.db, level, key);
    if (!signal) throw new HttpError(404, 'not_found', 'There is no such signal');
    const def = SIGNALS[level];
    const points = signal.points as ChartPoint[];
    const hitWords = (p: ChartPoint) => p.hits.filter((h) => h.side === def.badSide).map((h) => RUN_RULES[h.rule]).join('; ');
    const chart = signal.centre !== null && signal.pool_weeks > 0
      ? pChartSvg({
        id: chartId(`signal-${level}-${key}`),
        title: `${signal.unit_name}: ${def.xLabel.toLowerCase()} as a share of ${def.nLabel.toLowerCase()}`,
        centre: signal.centre,
        measure: level === 'school' ? 'Share of sessions missed' : level === 'locality' ? 'Share still waiting at 18 weeks' : 'Suspensions a pupil a week',
        points: points.map((p) => ({
          label: shortDate(p.period),
          p: p.p,
          n: p.n,
          ...(p.limits ? { lcl: p.limits.lower[2], ucl: p.limits.upper[2] } : {}),
          flagged: p.hits.some((h) => h.side === def.badSide),
          reason: hitWords(p),
        })),
      })
      : null;
    return reply.render(`${VIEWS}/signal.njk`, {
      title: `${signal.unit_name}: ${LEVEL_NAMES[level].toLowerCase()} signal`,
      signal,
      def,
      chart,
      status: STATUS_WORDS[signal.status] ?? signal.status,
      statusTag: statusTag(signal.status),
      centre: rate(signal.centre, level === 'cohort' ? 2 : 1),
      recent: rate(signal.recent_rate, level === 'cohort' ? 2 : 1),
      poolWords: signal.pool_weeks === 1 ? 'each week' : signal.pool_weeks > 1 ? `every ${signal.pool_weeks} weeks (too few a week to chart weekly)` : 'not charted: too few events',
      sigmaZ: signal.sigma_z.toFixed(2),
      firstSignal: signal.first_signal_period ? { on: formatLongDate(signal.first_signal_period), rule: RUN_RULES[signal.first_signal_rule as keyof typeof RUN_RULES] ?? signal.first_signal_rule } : null,
      rows: points.map((p) => ({
        period: formatLongDate(p.period),
        n: p.n,
        x: p.x,
        p: rate(p.p, level === 'cohort' ? 2 : 1),
        limits: p.limits ? `${rate(p.limits.lower[2], level === 'cohort' ? 2 : 1)} to ${rate(p.limits.upper[2], level === 'cohort' ? 2 : 1)}` : '–',
        baseline: p.baseline,
        hits: hitWords(p),
      })),
    });
  });

  app.get('/early-warning/outcomes', { config: { access: access.roles(...COHORT_ROLES) } }, async (request, reply) => {
    const { values: q } = readForm(request.query, ['format'], {}, 10);
    const rows = await ruleOutcomes(s.db);
    if (q.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="early-warning-outcomes.csv"').send(outcomesCsv(rows));
    }
    const total = rows.reduce((t, r) => ({ raised: t.raised + r.raised, closed: t.closed + r.closed, useful: t.useful + r.useful }), { raised: 0, closed: 0, useful: 0 });
    return reply.render(`${VIEWS}/outcomes.njk`, {
      title: 'How useful early warning flags are',
      rows: rows.map((r) => ({ ...r, share: pct(r.usefulShare), description: RULES[r.rule].description })),
      total: { ...total, share: pct(total.closed ? total.useful / total.closed : null) },
    });
  });

  app.get(
    '/api/v1/early-warning/outcomes',
    {
      config: { access: access.roles(...COHORT_ROLES) },
      schema: {
        summary: 'Each early-warning rule’s flags and outcomes: the share of reviewed flags confirmed as useful',
        tags: ['early-warning'],
        response: { 200: OUTCOMES_RESPONSE, 401: errorSchema, 403: errorSchema },
      },
    },
    async () => ({ rules: (await ruleOutcomes(s.db)).map(outcomeJson) }),
  );

  app.get(
    '/api/v1/early-warning/signals',
    {
      config: { access: access.roles(...COHORT_ROLES) },
      schema: {
        summary: 'The latest signals (p-charts with run rules) of schools, localities and cohorts; no child is named',
        tags: ['early-warning'],
        response: { 200: SIGNALS_RESPONSE, 401: errorSchema, 403: errorSchema },
      },
    },
    async () => {
      const signals = await loadSignals(s.db);
      return {
        signals: signals.map((x) => ({
          level: x.level, key: x.unit_key, name: x.unit_name, measure: x.measure, status: x.status, asOf: x.as_of, poolWeeks: x.pool_weeks,
          centre: x.centre, recentRate: x.recent_rate, firstSignal: x.first_signal_period ? { period: x.first_signal_period, rule: x.first_signal_rule } : null,
        })),
      };
    },
  );
}

const OUTCOME_ITEM = {
  type: 'object',
  required: ['rule', 'name', 'raised', 'open', 'closed', 'useful', 'notUseful', 'alreadyKnown', 'usefulShare'],
  properties: {
    rule: { type: 'string' }, name: { type: 'string' }, raised: { type: 'integer' }, open: { type: 'integer' }, closed: { type: 'integer' },
    useful: { type: 'integer' }, notUseful: { type: 'integer' }, alreadyKnown: { type: 'integer' },
    usefulShare: { type: ['number', 'null'], description: 'useful / closed, 0 to 1; null when no flag of the rule has been reviewed' },
  },
} as const;
const OUTCOMES_RESPONSE = { type: 'object', required: ['rules'], properties: { rules: { type: 'array', items: OUTCOME_ITEM } } } as const;
const SIGNALS_RESPONSE = {
  type: 'object',
  required: ['signals'],
  properties: {
    signals: {
      type: 'array',
      items: {
        type: 'object',
        required: ['level', 'key', 'name', 'measure', 'status', 'asOf', 'poolWeeks', 'centre', 'recentRate', 'firstSignal'],
        properties: {
          level: { enum: ['school', 'locality', 'cohort'] }, key: { type: 'string' }, name: { type: 'string' }, measure: { type: 'string' },
          status: { enum: ['signal', 'small-shift', 'improvement', 'in-control', 'insufficient-data'] }, asOf: { type: 'string', format: 'date' },
          poolWeeks: { type: 'integer', description: 'Weeks pooled into each point; 0 when too rare to chart' },
          centre: { type: ['number', 'null'] }, recentRate: { type: ['number', 'null'] },
          firstSignal: { anyOf: [{ type: 'null' }, { type: 'object', properties: { period: { type: 'string' }, rule: { type: 'string' } } }] },
        },
      },
    },
  },
} as const;

function outcomeJson(r: RuleOutcomes) {
  return { ...r, usefulShare: r.usefulShare === null ? null : Math.round(r.usefulShare * 10000) / 10000 };
}

function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y!.slice(2)}`;
}

function statusTag(status: string) {
  const classes: Record<string, string> = { signal: 'govuk-tag--red', 'small-shift': 'govuk-tag--yellow', improvement: 'govuk-tag--green', 'in-control': 'govuk-tag--grey', 'insufficient-data': 'govuk-tag--grey' };
  return { text: STATUS_WORDS[status] ?? status, classes: classes[status] ?? 'govuk-tag--grey' };
}

function signalRow(x: StoredSignal) {
  const digits = x.level === 'cohort' ? 2 : 1;
  return {
    href: `/early-warning/signals/${x.level}/${encodeURIComponent(x.unit_key)}`,
    name: x.unit_name,
    locality: x.locality,
    tag: statusTag(x.status),
    centre: rate(x.centre, digits),
    recent: rate(x.recent_rate, digits),
    since: x.first_signal_period && x.status === 'signal' ? formatLongDate(x.first_signal_period) : '',
  };
}

/** Past the route's roles, only someone the flag is shared with sees it; others are refused and audited. */
async function allowedFlag(s: Services, request: FastifyRequest): Promise<FlagRow> {
  const { flagId } = request.params as { flagId: string };
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(flagId)) throw new HttpError(404, 'not_found', 'There is no such flag');
  const flag = await loadFlag(s.db, request.user!, flagId);
  if (!flag) throw new HttpError(404, 'not_found', 'There is no such flag');
  if (flag === 'forbidden') {
    await s.audit.record(s.db, {
      actor: actorOf(request), action: 'access.refused', outcome: 'refused', subjectType: 'early-warning-flag', subjectId: flagId, requestId: request.id,
      details: { method: request.method, route: request.routeOptions.url },
    });
    throw new HttpError(403, 'forbidden', 'This flag is about a child at another school or setting. Only the team it was sent to can see it.');
  }
  return flag;
}

function auditFlag(s: Services, request: FastifyRequest, flag: FlagRow, action: string) {
  return s.audit.record(s.db, {
    actor: actorOf(request), action, outcome: 'allowed', subjectType: 'early-warning-flag', subjectId: flag.id, childId: flag.child_id, requestId: request.id,
    details: { rule: flag.rule },
  });
}

function alreadyClosed(flag: FlagRow): FieldError {
  const who = flag.closed_by_name ? ` by ${flag.closed_by_name}` : '';
  return { field: 'outcome', text: `This flag was already closed${who}. You cannot close it again.` };
}

function flagView(flag: FlagRow, form: { values: Record<string, string>; errors: FieldError[] }, justClosed = false) {
  return {
    title: `${RULES[flag.rule].name}: ${flag.given_name} ${flag.family_name}`,
    ...errorView(form.errors),
    values: form.values,
    flag,
    justClosed,
    kind: RULES[flag.rule].name,
    description: RULES[flag.rule].description,
    team: TEAMS[flag.team],
    childRows: [
      { key: { text: 'Name' }, value: { text: `${flag.given_name} ${flag.family_name}` } },
      { key: { text: 'Date of birth' }, value: { text: formatLongDate(flag.date_of_birth) } },
      ...(flag.upn ? [{ key: { text: 'Unique pupil number' }, value: { text: flag.upn } }] : []),
      ...(flag.team === 'health' && flag.nhs_number ? [{ key: { text: 'NHS number' }, value: { text: flag.nhs_number } }] : []),
      ...(flag.organisation_name ? [{ key: { text: flag.rule === 'ap-overdue' ? 'Setting' : 'School' }, value: { text: flag.organisation_name } }] : []),
    ],
    evidenceRows: flag.evidence.items.map((i) => ({ key: { text: i.label }, value: { text: i.kind === 'date' ? formatLongDate(i.value) : i.value } })),
    outcomeItems: Object.entries(OUTCOMES).map(([value, text]) => ({
      value,
      text,
      hint: { text: value === 'useful' ? 'It told us something we did not know, and we acted on it.' : value === 'not-useful' ? 'There was nothing to act on.' : 'We knew already and were acting on it.' },
    })),
    outcomeWords: flag.outcome ? OUTCOMES[flag.outcome] : null,
    noteMax: NOTE_MAX,
  };
}
