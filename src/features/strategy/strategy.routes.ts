import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { ALL_ROLES, type Role } from '../../platform/access/roles.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { errorView, readForm, required, type FieldError } from '../../platform/web/forms.js';
import { datePartsInError, dateValues } from '../../platform/web/date-input.js';
import { HttpError, notFound } from '../../platform/web/errors.js';
import { readMultipartForm } from '../../platform/web/multipart.js';
import { formatDate } from '../../platform/web/format.js';
import { loadAction, loadActions, loadAreas, loadEvidenceFile, loadOrganisations, loadPriorities, byReference, type ActionRecord, type ActionSummary } from './strategy.queries.js';
import { readDetailsForm, readMeasureForm, readMilestoneForm, readNewActionForm, readProgressForm, readStatusForm } from './strategy.form.js';
import { ActionNotFoundError, DuplicateReferenceError, StaleEditError, strategyService } from './strategy.service.js';
import { LIMITS, STATUSES, STATUS_ORDER, countByStatus, daysLateWords, isLate, needsAttention, readPeriod, reasonRequired } from './strategy.rules.js';
import { ACCEPT_ATTRIBUTE, ACCEPTED_WORDS, MAX_EVIDENCE_BYTES, checkEvidenceFile, contentDisposition, formatBytes } from './strategy.evidence.js';
import { indicatorChoices, measureViews } from './strategy.measures.js';
import { periodWords, renderStrategyReportPdf, strategyBoardSection } from './strategy.report.js';

/** Only partnership leaders change the plan (docs/strategy.md says why not administrators). */
export const PLAN_EDITORS: readonly Role[] = ['partnership-leader'];
/** Every member of staff reads the plan, its history and evidence; families read the public page. */
export const PLAN_READERS: readonly Role[] = ALL_ROLES.filter((r) => r !== 'family');

const READ = { access: access.roles(...PLAN_READERS) };
const EDIT = { access: access.roles(...PLAN_EDITORS) };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const statusTag = (status: keyof typeof STATUSES) => ({ text: STATUSES[status].label, classes: STATUSES[status].tag });

function paramId(request: FastifyRequest, name: string): string {
  const v = (request.params as Record<string, string>)[name] ?? '';
  if (!UUID.test(v)) throw notFound(name === 'actionId' ? 'action in the plan' : 'page');
  return v.toLowerCase();
}

async function actionOr404(s: Services, request: FastifyRequest): Promise<ActionRecord> {
  const rec = await loadAction(s.db, paramId(request, 'actionId'));
  if (!rec) throw notFound('action in the plan');
  return rec;
}

function ctx(request: FastifyRequest, expectedVersion?: number) {
  return { actor: actorOf(request)!, requestId: request.id, ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
}

function actionHref(id: string): string {
  return `/strategy/actions/${id}`;
}

/** Where an action sits in the strategy: "Priority 1: Working together…" or the area for improvement. */
function placeOf(rec: ActionRecord): string {
  const parts: string[] = [];
  if (rec.priority) parts.push(`Priority ${rec.priority.number}: ${rec.priority.title}`);
  if (rec.area) parts.push(`Area for improvement ${rec.area.number}: ${rec.area.title}`);
  return parts.join('; ');
}

function milestoneRows(ms: ActionSummary['milestones'], today: string) {
  return ms.map((m) => ({
    ...m,
    late: isLate(m, today),
    state: m.done_on ? `Done on ${formatDate(m.done_on)}` : isLate(m, today) ? daysLateWords(m.due_on, today) : 'Not done yet',
    tag: m.done_on ? { text: 'Done', classes: 'govuk-tag--blue' } : isLate(m, today) ? { text: 'Late', classes: 'govuk-tag--red' } : { text: 'To do', classes: 'govuk-tag--grey' },
  }));
}

/** Values in a history entry's before/after, written for people. */
function historyValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return 'None';
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'None';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
  if (typeof v === 'string' && Object.hasOwn(STATUSES, v)) return STATUSES[v as keyof typeof STATUSES].label;
  return String(v);
}

const HISTORY_LABELS: Record<string, string> = {
  status: 'Status', reason: 'Reason', title: 'Title', description: 'Description', leadOrganisation: 'Lead organisation', leadPerson: 'Lead person',
  partners: 'Partners', targetDate: 'Target date', milestone: 'Milestone', due: 'Due', done: 'Done on', date: 'Date', update: 'Update',
  evidence: 'Evidence', file: 'File', bytes: 'Size in bytes', sha256: 'SHA-256', kind: 'Kind', ref: 'Measure id', label: 'Name',
};

function historyRows(rec: ActionRecord) {
  return rec.history.map((h) => {
    const both = h.before !== null && h.after !== null;
    const keys = [...new Set([...Object.keys(h.before ?? {}), ...Object.keys(h.after ?? {})])]
      .filter((k) => k !== 'sha256' && k !== 'bytes')
      // What stayed the same is not a change (a milestone marked done keeps its title and date).
      .filter((k) => !both || JSON.stringify(h.before![k] ?? null) !== JSON.stringify(h.after![k] ?? null));
    return {
      at: h.at,
      actor: h.actor ?? 'The service',
      summary: h.summary,
      changes: keys.map((k) => ({
        label: HISTORY_LABELS[k] ?? k,
        before: h.before && k in h.before ? historyValue(h.before[k]) : null,
        after: h.after && k in h.after ? historyValue(h.after[k]) : null,
      })),
    };
  });
}

export async function strategyRoutes(app: FastifyInstance, s: Services) {
  const plan = strategyService({ db: s.db, audit: s.audit });
  const canEdit = (request: FastifyRequest) => !!request.user && PLAN_EDITORS.includes(request.user.role);

  /** Runs a change; a stale page or a vanished milestone becomes a clear page, not a crash. */
  async function attempt(reply: FastifyReply, rerender: (errors: FieldError[], status: number) => Promise<unknown>, work: () => Promise<void>, field: string): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (e) {
      if (e instanceof StaleEditError) {
        await rerender([{ field, text: e.message }], 409);
        return false;
      }
      if (e instanceof ActionNotFoundError) throw notFound('action in the plan');
      throw e;
    }
  }

  // ---------------------------------------------------------------- public progress page
  app.get('/strategy', { config: { access: access.public() } }, async (_request, reply) => {
    const today = s.today();
    const [priorities, areas, actions] = await Promise.all([loadPriorities(s.db), loadAreas(s.db), loadActions(s.db)]);
    const measures = await measureViews(s.db, actions.flatMap((a) => a.measures), s.config.area.code);
    const measureById = new Map(measures.map((m) => [m.id, m]));
    // No personal data: lead organisations are shown, lead people and progress notes are not.
    const publicAction = (a: ActionSummary) => ({
      reference: a.reference,
      anchor: `action-${a.reference.replace(/[^A-Za-z0-9]+/g, '-')}`,
      title: a.title,
      description: a.description,
      leadOrganisation: a.leadOrganisation,
      partners: a.partners,
      tag: statusTag(a.status),
      reason: a.statusReason,
      statusSince: a.statusChangedAt,
      milestones: milestoneRows(a.milestones, today),
      measures: a.measures.map((m) => measureById.get(m.id)!),
    });
    const counts = countByStatus(actions);
    return reply.render('strategy/views/public.njk', {
      title: 'Our SEND and alternative provision plan: progress',
      counts: STATUS_ORDER.map((st) => ({ label: STATUSES[st].label, count: counts[st], tag: STATUSES[st].tag })),
      total: actions.length,
      priorities: priorities.map((p) => ({ ...p, actions: actions.filter((a) => a.priorityId === p.id).map(publicAction) })),
      areas: areas.map((ar) => ({ ...ar, actions: actions.filter((a) => a.improvementAreaId === ar.id).map(publicAction) })),
    });
  });

  // ---------------------------------------------------------------- staff: the whole plan
  app.get('/strategy/plan', { config: READ }, async (request, reply) => {
    const today = s.today();
    const [priorities, areas, actions] = await Promise.all([loadPriorities(s.db), loadAreas(s.db), loadActions(s.db)]);
    const row = (a: ActionSummary) => {
      const next = a.milestones.find((m) => !m.done_on);
      return {
        href: actionHref(a.id),
        reference: a.reference,
        title: a.title,
        lead: a.leadPerson ? `${a.leadPerson}, ${a.leadOrganisation}` : a.leadOrganisation,
        tag: statusTag(a.status),
        next: next ? `${next.title}: due ${formatDate(next.due_on)}` : 'None to do',
        late: a.milestones.filter((m) => isLate(m, today)).length,
      };
    };
    const attention = actions.filter((a) => needsAttention(a, a.milestones, today)).length;
    return reply.render('strategy/views/plan.njk', {
      title: 'The action plan',
      canEdit: canEdit(request),
      attention,
      groups: [
        ...priorities.map((p) => ({ id: `priority-${p.number}`, heading: `Priority ${p.number}: ${p.title}`, rows: actions.filter((a) => a.priorityId === p.id).map(row) })),
        ...areas.map((ar) => ({ id: `area-${ar.number}`, heading: `Area for improvement ${ar.number}: ${ar.title}`, rows: actions.filter((a) => a.improvementAreaId === ar.id).map(row) })),
      ],
    });
  });

  // ---------------------------------------------------------------- the leader's view
  app.get('/strategy/late', { config: READ }, async (request, reply) => {
    const today = s.today();
    const actions = await loadActions(s.db);
    const late = actions
      .flatMap((a) => a.milestones.filter((m) => isLate(m, today)).map((m) => ({ a, m })))
      .sort((x, y) => x.m.due_on.localeCompare(y.m.due_on) || byReference(x.a, y.a))
      .map(({ a, m }) => ({
        href: actionHref(a.id),
        reference: a.reference,
        action: a.title,
        milestone: m.title,
        dueOn: m.due_on,
        late: daysLateWords(m.due_on, today),
        lead: a.leadPerson ? `${a.leadPerson}, ${a.leadOrganisation}` : a.leadOrganisation,
        editHref: canEdit(request) ? `${actionHref(a.id)}/milestones/${m.id}` : null,
      }));
    const risky = actions
      .filter((a) => a.status === 'off-track' || a.status === 'at-risk')
      .sort((x, y) => STATUS_ORDER.indexOf(x.status) - STATUS_ORDER.indexOf(y.status) || x.statusChangedAt.getTime() - y.statusChangedAt.getTime())
      .map((a) => ({
        href: actionHref(a.id),
        reference: a.reference,
        title: a.title,
        tag: statusTag(a.status),
        reason: a.statusReason,
        since: a.statusChangedAt,
        lead: a.leadPerson ? `${a.leadPerson}, ${a.leadOrganisation}` : a.leadOrganisation,
      }));
    return reply.render('strategy/views/late.njk', { title: 'What is late or at risk', late, risky, today });
  });

  // ---------------------------------------------------------------- a new action
  const newActionView = async (values: Record<string, string>, errors: FieldError[]) => {
    const [priorities, areas, orgs] = await Promise.all([loadPriorities(s.db), loadAreas(s.db), loadOrganisations(s.db)]);
    return {
      title: 'Add an action to the plan',
      values,
      ...errorView(errors),
      dateParts: datePartsInError(errors),
      places: [
        { value: '', text: 'Choose a priority or area for improvement' },
        ...priorities.map((p) => ({ value: `priority:${p.id}`, text: `Priority ${p.number}: ${p.title}`, selected: values.place === `priority:${p.id}` })),
        ...areas.map((ar) => ({ value: `area:${ar.id}`, text: `Area for improvement ${ar.number}: ${ar.title}`, selected: values.place === `area:${ar.id}` })),
      ],
      organisations: [{ value: '', text: 'Choose an organisation' }, ...orgs.map((o) => ({ value: o.id, text: o.name, selected: o.id === values['lead-organisation'] }))],
      limits: LIMITS,
    };
  };

  app.get('/strategy/actions/new', { config: EDIT }, async (_request, reply) => reply.render('strategy/views/new-action.njk', await newActionView({}, [])));

  app.post('/strategy/actions/new', { config: EDIT }, async (request, reply) => {
    const [priorities, areas, orgs] = await Promise.all([loadPriorities(s.db), loadAreas(s.db), loadOrganisations(s.db)]);
    const places = new Map<string, { priorityId: string | null; improvementAreaId: string | null }>([
      ...priorities.map((p) => [`priority:${p.id}`, { priorityId: p.id, improvementAreaId: null }] as const),
      ...areas.map((ar) => [`area:${ar.id}`, { priorityId: null, improvementAreaId: ar.id }] as const),
    ]);
    const form = readNewActionForm(request.body, places, new Set(orgs.map((o) => o.id)));
    if (!form.input) return reply.render('strategy/views/new-action.njk', await newActionView(form.values, form.errors), 400);
    const { place, ...rest } = form.input;
    try {
      const id = await plan.createAction(ctx(request), { ...rest, ...place });
      return reply.redirect(`${actionHref(id)}?saved=created`, 303);
    } catch (e) {
      if (e instanceof DuplicateReferenceError) return reply.render('strategy/views/new-action.njk', await newActionView(form.values, [{ field: 'reference', text: e.message }]), 400);
      throw e;
    }
  });

  // ---------------------------------------------------------------- one action
  app.get('/strategy/actions/:actionId', { config: READ }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const today = s.today();
    const measures = await measureViews(s.db, rec.action.measures, s.config.area.code);
    const q = request.query as Record<string, unknown>;
    const banners: Record<string, string> = {
      created: 'The action has been added to the plan', status: 'The status has been saved', progress: 'The progress update has been added', milestone: 'The milestone has been saved',
      details: 'The details have been saved', evidence: 'The evidence has been added', measure: 'The measures have been saved',
    };
    return reply.render('strategy/views/action.njk', {
      title: `${rec.action.reference} ${rec.action.title}`,
      rec,
      a: rec.action,
      href: actionHref(rec.action.id),
      place: placeOf(rec),
      currentTag: statusTag(rec.action.status),
      reasonNeeded: reasonRequired(rec.action.status),
      milestones: milestoneRows(rec.action.milestones, today),
      measures,
      evidence: rec.evidence.map((e) => ({ ...e, size: formatBytes(e.size_bytes), href: `${actionHref(rec.action.id)}/evidence/${e.id}` })),
      history: historyRows(rec),
      canEdit: canEdit(request),
      banner: typeof q.saved === 'string' ? banners[q.saved] : undefined,
    });
  });

  // ---------------------------------------------------------------- status
  const statusView = (rec: ActionRecord, values: Record<string, string>, errors: FieldError[]) => ({
    title: `Update the status of ${rec.action.reference}`,
    a: rec.action,
    href: actionHref(rec.action.id),
    values,
    ...errorView(errors),
    statuses: (['on-track', 'at-risk', 'off-track', 'done'] as const).map((st) => ({
      value: st,
      text: STATUSES[st].label,
      hint: { text: STATUSES[st].hint },
      checked: values.status === st,
    })),
    maxReason: LIMITS.reason,
  });

  app.get('/strategy/actions/:actionId/status', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    return reply.render('strategy/views/status.njk', statusView(rec, { status: rec.action.status, reason: rec.action.statusReason, version: String(rec.action.version) }, []));
  });

  app.post('/strategy/actions/:actionId/status', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const form = readStatusForm(request.body);
    if (!form.input) return reply.render('strategy/views/status.njk', statusView(rec, form.values, form.errors), 400);
    const input = form.input;
    const ok = await attempt(
      reply,
      async (errors, status) => {
        const now = (await loadAction(s.db, rec.action.id))!;
        return reply.render('strategy/views/status.njk', statusView(now, { ...form.values, version: String(now.action.version) }, errors), status);
      },
      () => plan.setStatus(rec.action.id, ctx(request, input.version), input),
      'status',
    );
    if (ok) return reply.redirect(`${actionHref(rec.action.id)}?saved=status#status`, 303);
    return reply;
  });

  // ---------------------------------------------------------------- progress updates
  const progressView = (rec: ActionRecord, values: Record<string, string>, errors: FieldError[]) => ({
    title: `Add a progress update to ${rec.action.reference}`,
    a: rec.action,
    href: actionHref(rec.action.id),
    values,
    ...errorView(errors),
    dateParts: datePartsInError(errors),
    maxUpdate: LIMITS.update,
  });

  app.get('/strategy/actions/:actionId/progress', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    return reply.render('strategy/views/progress.njk', progressView(rec, dateValues('update', s.today()), []));
  });

  app.post('/strategy/actions/:actionId/progress', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const form = readProgressForm(request.body, s.today());
    if (!form.input) return reply.render('strategy/views/progress.njk', progressView(rec, form.values, form.errors), 400);
    const input = form.input;
    await attempt(reply, async () => undefined, () => plan.addProgress(rec.action.id, ctx(request), input), 'body');
    return reply.redirect(`${actionHref(rec.action.id)}?saved=progress#updates`, 303);
  });

  // ---------------------------------------------------------------- milestones
  const milestoneView = (rec: ActionRecord, milestoneId: string | null, values: Record<string, string>, errors: FieldError[]) => ({
    title: milestoneId ? `Change a milestone of ${rec.action.reference}` : `Add a milestone to ${rec.action.reference}`,
    a: rec.action,
    href: actionHref(rec.action.id),
    action: milestoneId ? `${actionHref(rec.action.id)}/milestones/${milestoneId}` : `${actionHref(rec.action.id)}/milestones/new`,
    withDone: milestoneId !== null,
    values,
    ...errorView(errors),
    dateParts: datePartsInError(errors),
  });

  app.get('/strategy/actions/:actionId/milestones/new', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    return reply.render('strategy/views/milestone.njk', milestoneView(rec, null, {}, []));
  });

  app.post('/strategy/actions/:actionId/milestones/new', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const form = readMilestoneForm(request.body, s.today(), { withDone: false });
    if (!form.input) return reply.render('strategy/views/milestone.njk', milestoneView(rec, null, form.values, form.errors), 400);
    const input = form.input;
    await attempt(reply, async () => undefined, () => plan.addMilestone(rec.action.id, ctx(request), input), 'title');
    return reply.redirect(`${actionHref(rec.action.id)}?saved=milestone#milestones`, 303);
  });

  const milestoneOr404 = (rec: ActionRecord, request: FastifyRequest) => {
    const id = paramId(request, 'milestoneId');
    const m = rec.action.milestones.find((x) => x.id === id);
    if (!m) throw notFound('milestone');
    return m;
  };

  app.get('/strategy/actions/:actionId/milestones/:milestoneId', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const m = milestoneOr404(rec, request);
    const values = { title: m.title, done: m.done_on ? 'yes' : 'no', ...dateValues('due', m.due_on), ...(m.done_on ? dateValues('done-on', m.done_on) : {}) };
    return reply.render('strategy/views/milestone.njk', milestoneView(rec, m.id, values, []));
  });

  app.post('/strategy/actions/:actionId/milestones/:milestoneId', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const m = milestoneOr404(rec, request);
    const form = readMilestoneForm(request.body, s.today(), { withDone: true });
    if (!form.input) return reply.render('strategy/views/milestone.njk', milestoneView(rec, m.id, form.values, form.errors), 400);
    const input = form.input;
    await attempt(reply, async () => undefined, () => plan.updateMilestone(rec.action.id, m.id, ctx(request), input), 'title');
    return reply.redirect(`${actionHref(rec.action.id)}?saved=milestone#milestones`, 303);
  });

  // ---------------------------------------------------------------- details
  const detailsView = async (rec: ActionRecord, values: Record<string, string>, partnerIds: readonly string[], errors: FieldError[]) => {
    const orgs = await loadOrganisations(s.db);
    return {
      title: `Change the details of ${rec.action.reference}`,
      a: rec.action,
      href: actionHref(rec.action.id),
      values,
      ...errorView(errors),
      dateParts: datePartsInError(errors),
      organisations: [{ value: '', text: 'Choose an organisation' }, ...orgs.map((o) => ({ value: o.id, text: o.name, selected: o.id === values['lead-organisation'] }))],
      partners: orgs.map((o) => ({ value: o.id, text: o.name, checked: partnerIds.includes(o.id) })),
      limits: LIMITS,
    };
  };

  app.get('/strategy/actions/:actionId/details', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const a = rec.action;
    const values = {
      title: a.title, description: a.description, 'lead-organisation': a.leadOrganisationId, 'lead-person': a.leadPerson, version: String(a.version),
      ...(a.targetDate ? dateValues('target', a.targetDate) : {}),
    };
    return reply.render('strategy/views/details.njk', await detailsView(rec, values, a.partnerIds, []));
  });

  app.post('/strategy/actions/:actionId/details', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const orgs = await loadOrganisations(s.db);
    const form = readDetailsForm(request.body, new Set(orgs.map((o) => o.id)));
    if (!form.input) return reply.render('strategy/views/details.njk', await detailsView(rec, form.values, form.partnerIds, form.errors), 400);
    const input = form.input;
    const ok = await attempt(
      reply,
      async (errors, status) => {
        const now = (await loadAction(s.db, rec.action.id))!;
        return reply.render('strategy/views/details.njk', await detailsView(now, { ...form.values, version: String(now.action.version) }, form.partnerIds, errors), status);
      },
      () => plan.editDetails(rec.action.id, ctx(request, input.version), input),
      'title',
    );
    if (ok) return reply.redirect(`${actionHref(rec.action.id)}?saved=details`, 303);
    return reply;
  });

  // ---------------------------------------------------------------- measures
  const measuresView = async (rec: ActionRecord, values: Record<string, string>, errors: FieldError[]) => {
    const linked = new Set(rec.action.measures.map((m) => m.ref));
    return {
      title: `Measures of ${rec.action.reference}`,
      a: rec.action,
      href: actionHref(rec.action.id),
      measures: await measureViews(s.db, rec.action.measures, s.config.area.code),
      choices: [
        { value: '', text: 'Choose a measure' },
        ...indicatorChoices().filter((c) => !linked.has(c.id)).map((c) => ({ value: c.id, text: c.survey ? `${c.name} (survey)` : c.name, selected: c.id === values.measure })),
      ],
      values,
      ...errorView(errors),
    };
  };

  app.get('/strategy/actions/:actionId/measures', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    return reply.render('strategy/views/measures.njk', await measuresView(rec, {}, []));
  });

  app.post('/strategy/actions/:actionId/measures', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const choices = new Map(indicatorChoices().map((c) => [c.id, c]));
    const form = readMeasureForm(request.body, (id) => choices.get(id));
    if (!form.input) return reply.render('strategy/views/measures.njk', await measuresView(rec, form.values, form.errors), 400);
    const input = form.input;
    await attempt(reply, async () => undefined, () => plan.addMeasure(rec.action.id, ctx(request), { ...input, label: choices.get(input.ref)!.name }), 'measure');
    return reply.redirect(`${actionHref(rec.action.id)}/measures`, 303);
  });

  app.post('/strategy/actions/:actionId/measures/:measureId/remove', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const id = paramId(request, 'measureId');
    if (!rec.action.measures.some((m) => m.id === id)) throw notFound('measure');
    await attempt(reply, async () => undefined, () => plan.removeMeasure(rec.action.id, id, ctx(request)), 'measure');
    return reply.redirect(`${actionHref(rec.action.id)}/measures`, 303);
  });

  // ---------------------------------------------------------------- evidence
  const evidenceView = (rec: ActionRecord, values: Record<string, string>, errors: FieldError[]) => ({
    title: `Add evidence to ${rec.action.reference}`,
    a: rec.action,
    href: actionHref(rec.action.id),
    values,
    ...errorView(errors),
    accept: ACCEPT_ATTRIBUTE,
    acceptedWords: ACCEPTED_WORDS,
    maxTitle: LIMITS.title,
  });

  app.get('/strategy/actions/:actionId/evidence', { config: EDIT }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    return reply.render('strategy/views/evidence.njk', evidenceView(rec, {}, []));
  });

  app.post('/strategy/actions/:actionId/evidence', { config: { ...EDIT, multipartForm: true } }, async (request, reply) => {
    const rec = await actionOr404(s, request);
    const fields: Record<string, string> = {};
    const errors: FieldError[] = [];
    let fileName = '';
    let chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const part of readMultipartForm(app, request, reply, { fileSize: MAX_EVIDENCE_BYTES, fields: 5 })) {
        if (part.type === 'field') {
          if (part.fieldname === 'title' && typeof part.value === 'string') fields.title = part.value;
        } else if (part.fieldname === 'file' && !fileName && part.filename) {
          fileName = part.filename;
          for await (const chunk of part.file) {
            size += (chunk as Buffer).length;
            chunks.push(chunk as Buffer);
          }
          if (part.file.truncated) throw Object.assign(new Error('too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
        } else if (part.type === 'file') {
          part.file.resume();
        }
      }
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'FST_REQ_FILE_TOO_LARGE') throw e;
      request.raw.resume();
      chunks = [];
      errors.push({ field: 'file', text: 'The selected file must be smaller than 10 MB' });
    }
    const state = readForm({ title: fields.title ?? '' }, ['title'], { title: 'The title' }, LIMITS.title);
    state.values.title = state.values.title!.trim();
    required(state, 'title', 'Enter a title for the evidence');
    errors.unshift(...state.errors);
    const bytes = Buffer.concat(chunks);
    let kind: ReturnType<typeof checkEvidenceFile> | undefined;
    if (!errors.some((e) => e.field === 'file')) {
      if (!fileName) errors.push({ field: 'file', text: 'Select a file' });
      else {
        kind = checkEvidenceFile(fileName, bytes.subarray(0, 4096), size);
        if (!kind.ok) errors.push({ field: 'file', text: kind.message });
      }
    }
    if (errors.length || !kind?.ok) {
      const tooLarge = errors.some((e) => e.field === 'file' && e.text.includes('10 MB'));
      return reply.render('strategy/views/evidence.njk', evidenceView(rec, state.values, errors), tooLarge ? 413 : 400);
    }
    await plan.addEvidence(rec.action.id, ctx(request), { title: state.values.title!, fileName: kind.fileName, contentType: kind.kind.contentType, bytes });
    return reply.redirect(`${actionHref(rec.action.id)}?saved=evidence#evidence`, 303);
  });

  app.get('/strategy/actions/:actionId/evidence/:evidenceId', { config: READ }, async (request, reply) => {
    const actionId = paramId(request, 'actionId');
    const file = await loadEvidenceFile(s.db, actionId, paramId(request, 'evidenceId'));
    if (!file) throw notFound('evidence file');
    await s.audit.record(s.db, {
      actor: actorOf(request), action: 'strategy.evidence.downloaded', outcome: 'allowed', subjectType: 'strategy-evidence', subjectId: file.id, requestId: request.id,
      details: { actionId, file: file.file_name },
    });
    return reply
      .header('content-type', file.content_type)
      .header('content-disposition', contentDisposition(file.file_name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.content));
  });

  // ---------------------------------------------------------------- board report
  app.get('/strategy/report', { config: READ }, async (request, reply) => {
    const today = s.today();
    const q = request.query as Record<string, unknown>;
    const { period, errors } = readPeriod(q, today);
    const section = await strategyBoardSection(s.db, period, today);
    const values = { from: typeof q.from === 'string' ? q.from : period.from, to: typeof q.to === 'string' ? q.to : period.to };
    return reply.render(
      'strategy/views/report.njk',
      {
        title: `Action plan progress: ${periodWords(period)}`,
        section,
        values,
        ...errorView(errors),
        pdfHref: `/strategy/report.pdf?from=${period.from}&to=${period.to}`,
      },
      errors.length ? 400 : 200,
    );
  });

  app.get('/strategy/report.pdf', { config: READ }, async (request, reply) => {
    const today = s.today();
    const { period, errors } = readPeriod(request.query as Record<string, unknown>, today);
    if (errors.length) throw new HttpError(400, 'bad_request', errors.map((e) => e.text).join('. '));
    const section = await strategyBoardSection(s.db, period, today);
    const pdf = await renderStrategyReportPdf(section, s.config.area.name);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="action-plan-${period.from}-to-${period.to}.pdf"`)
      .send(pdf);
  });
}
