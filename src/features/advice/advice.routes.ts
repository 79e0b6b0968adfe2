import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import type { Role } from '../../platform/access/roles.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { HttpError } from '../../platform/web/errors.js';
import { errorView, type FieldError } from '../../platform/web/forms.js';
import { formatLongDate } from '../ehc/clock/index.js';
import { SECTIONS, type SectionKey } from '../ehc/ehc.codes.js';
import { EhcInputError } from '../ehc/ehc.errors.js';
import { readAnswer } from './advice.form.js';
import { agencyName, answeredWords, answerSections, dueTag } from './advice.present.js';
import { isAskedOf, loadAdviceRequest, loadQueue, type AdviceRequestView, type QueueItem } from './advice.queries.js';
import { AlreadyAnsweredError, recordAnswer } from './advice.service.js';

/** The roles asked for advice (regulation 6): they have a queue of requests. */
export const ADVISER_ROLES: Role[] = ['health-professional', 'designated-clinical-officer', 'social-worker', 'educational-psychologist', 'senco'];
/** The designated clinical officer oversees every health request in the area. */
const DCO: Role = 'designated-clinical-officer';
const ONE = access.child('adviceRequestId', [DCO], ['advice'], 'advice-request');

export async function adviceRoutes(app: FastifyInstance, s: Services) {
  app.get('/advice', { config: { access: access.roles(...ADVISER_ROLES) } }, async (request, reply) => {
    const user = request.user!;
    const today = s.today();
    const q = await loadQueue(s.db, user, { allHealth: user.role === DCO });
    const row = (r: QueueItem) => ({
      href: `/advice/${r.id}`,
      childName: r.childName,
      agency: agencyName(r.agency),
      askedOf: r.askedOf,
      askedOn: r.askedOn,
      dueOn: r.dueOn,
      state: r.receivedOn ? answeredWords({ dueOn: r.dueOn, receivedOn: r.receivedOn, nilReturn: r.nilReturn }) : null,
      tag: r.receivedOn ? null : dueTag(r.dueOn, today),
    });
    await s.audit.record(s.db, {
      actor: actorOf(request), action: 'advice.queue.viewed', outcome: 'allowed', requestId: request.id,
      details: { outstanding: q.outstanding.length, answered: q.answered.length },
    });
    return reply.render('advice/views/queue.njk', {
      title: 'Advice requests',
      areaHealth: user.role === DCO,
      outstanding: q.outstanding.map(row),
      answered: q.answered.map(row),
      moreAnswered: q.moreAnswered,
    });
  });

  app.get('/advice/:adviceRequestId', { config: { access: ONE } }, async (request, reply) => {
    const { a, askedOf } = await allowed(s, request, 'view');
    await audit(s, request, a, 'advice.request.viewed');
    return reply.render('advice/views/answer.njk', view(a, askedOf, s.today(), { values: {}, errors: [] }));
  });

  app.post('/advice/:adviceRequestId', { config: { access: ONE } }, async (request, reply) => {
    const { a, askedOf } = await allowed(s, request, 'answer');
    const today = s.today();
    if (a.received_on) return reply.render('advice/views/answer.njk', view(a, askedOf, today, { values: {}, errors: [alreadyAnswered(a)] }), 409);
    const form = readAnswer(request.body, a.agency);
    if (!form.answer) return reply.render('advice/views/answer.njk', view(a, askedOf, today, form), 400);
    try {
      await recordAnswer(s, s.db, actorOf(request)!, a, form.answer, today, request.id);
    } catch (e) {
      if (e instanceof AlreadyAnsweredError) {
        const now = (await loadAdviceRequest(s.db, a.id))!;
        return reply.render('advice/views/answer.njk', view(now, askedOf, today, { values: {}, errors: [alreadyAnswered(now)] }), 409);
      }
      if (e instanceof EhcInputError) return reply.render('advice/views/answer.njk', view(a, askedOf, today, { values: form.values, errors: [{ field: 'answer', text: e.message }] }), 400);
      throw e;
    }
    return reply.redirect(`/advice/${a.id}/answered`, 303);
  });

  app.get('/advice/:adviceRequestId/answered', { config: { access: ONE } }, async (request, reply) => {
    const { a } = await allowed(s, request, 'answer');
    if (!a.received_on) return reply.redirect(`/advice/${a.id}`, 303);
    return reply.render('advice/views/answered.njk', {
      title: a.nil_return ? 'Your answer has been sent' : 'Your advice has been sent',
      agency: agencyName(a.agency).toLowerCase(),
      nilReturn: a.nil_return,
      officerName: a.officer_name,
      sections: Object.keys(a.advice).map((k) => `${k} (${SECTIONS[k as SectionKey] ?? k})`),
    });
  });
}

/**
 * Past the route's rule (the DCO, or someone linked to the child for advice), only the person or
 * team asked may see and answer the request; the DCO may read any health request.
 */
async function allowed(s: Services, request: FastifyRequest, purpose: 'view' | 'answer') {
  const { adviceRequestId } = request.params as { adviceRequestId: string };
  const user = request.user!;
  const a = await loadAdviceRequest(s.db, adviceRequestId);
  if (!a) throw new HttpError(404, 'not_found', 'There is no such advice request');
  const askedOf = await isAskedOf(s.db, user.id, a);
  const oversees = purpose === 'view' && user.role === DCO && a.agency === 'health';
  if (!askedOf && !oversees) {
    await audit(s, request, a, 'access.refused', 'refused');
    throw new HttpError(403, 'forbidden', 'This advice request was sent to someone else. Only the person or team it was sent to can see and answer it.');
  }
  return { a, askedOf };
}

function audit(s: Services, request: FastifyRequest, a: AdviceRequestView, action: string, outcome: 'allowed' | 'refused' = 'allowed') {
  return s.audit.record(s.db, {
    actor: actorOf(request), action, outcome, subjectType: 'advice-request', subjectId: a.id, childId: a.child_id, requestId: request.id,
    details: outcome === 'refused' ? { method: request.method, route: request.routeOptions.url } : { agency: a.agency },
  });
}

function alreadyAnswered(a: AdviceRequestView): FieldError {
  const who = a.answerer_name ? ` by ${a.answerer_name}` : '';
  return { field: 'your-answer', text: `This request was already answered${who} on ${formatLongDate(a.received_on!)}. You cannot answer it again.` };
}

function view(a: AdviceRequestView, askedOf: boolean, today: string, form: { values: Record<string, string>; errors: FieldError[] }) {
  const sections = answerSections(a.agency);
  const agency = agencyName(a.agency);
  return {
    title: `${agency} advice for ${a.given_name} ${a.family_name}`,
    ...errorView(form.errors),
    values: form.values,
    a,
    agency,
    askedOfText: a.assignee_name ?? (a.team_name ? `the ${a.team_name}` : ''),
    askedOf,
    childRows: childRows(a),
    tag: a.received_on ? null : dueTag(a.due_on, today),
    answeredText: a.received_on ? answeredWords({ dueOn: a.due_on, receivedOn: a.received_on, nilReturn: a.nil_return }) : null,
    answered: Object.entries(a.advice).map(([k, text]) => ({ label: `Section ${k}: ${SECTIONS[k as SectionKey] ?? k}`, text })),
    sections,
    sectionNames: sections.map((x) => x.key).join(', ').replace(/, ([^,]*)$/, ' and $1'),
  };
}

/** Only what the adviser needs to find the child in their own records: NHS number for health, UPN for education. */
function childRows(a: AdviceRequestView) {
  const rows = [
    { key: { text: 'Name' }, value: { text: `${a.given_name} ${a.family_name}` } },
    { key: { text: 'Date of birth' }, value: { text: formatLongDate(a.date_of_birth) } },
  ];
  if (a.agency === 'health') rows.push({ key: { text: 'NHS number' }, value: { text: a.nhs_number ?? 'Not recorded' } });
  if (['education', 'psychology', 'preparing-for-adulthood'].includes(a.agency)) rows.push({ key: { text: 'Unique pupil number' }, value: { text: a.upn ?? 'Not recorded' } });
  rows.push({ key: { text: 'School or setting' }, value: { text: a.school_name ?? 'Not recorded' } });
  return rows;
}
