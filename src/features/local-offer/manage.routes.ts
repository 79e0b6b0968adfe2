import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { notFound } from '../../platform/web/errors.js';
import { errorView, type FieldError } from '../../platform/web/forms.js';
import { isUuid } from './directory.queries.js';
import { readModeration } from './feedback.form.js';
import { AlreadyModeratedError, loadFeedback, moderateFeedback, pendingFeedback, recentlyModerated, type FeedbackRow } from './feedback.service.js';
import { checkedAgoText, reviewCutoff } from './local-offer.words.js';
import { pagination, showingText } from './pagination.js';
import { agesProblem, labelOf, readDecision, type Changes } from './proposal.form.js';
import { ProposalStateError, decide, decidedProposals, loadOwnedService, loadProposal, markChecked, pendingProposals, serviceHistory, servicesDueReview, type ProposalRow } from './proposals.service.js';
import { STATUS_TAGS, changeRows, shown } from './provider.routes.js';
import { pageOf } from './public.routes.js';

const OFFICER = access.roles('local-offer-officer');
const HOME = { text: 'Manage the Local Offer', href: '/local-offer/manage' };
const FEEDBACK_TAGS = {
  pending: { text: 'Waiting for a decision', classes: 'govuk-tag--blue' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
  rejected: { text: 'Not published', classes: 'govuk-tag--grey' },
} as const;

function idParam(request: FastifyRequest, name: string): string | undefined {
  const v = (request.params as Record<string, string>)[name]!;
  return isUuid(v) ? v : undefined;
}

export async function manageRoutes(app: FastifyInstance, s: Services) {
  app.get('/local-offer/manage', { config: { access: OFFICER } }, async (_request, reply) => {
    const count = async (table: 'local_offer_proposals' | 'local_offer_feedback') =>
      Number((await s.db.selectFrom(table).select(s.db.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()).n);
    const [updates, feedback, due] = await Promise.all([
      count('local_offer_proposals'),
      count('local_offer_feedback'),
      servicesDueReview(s.db, reviewCutoff(s.today()), { page: 1, perPage: 1 }),
    ]);
    return reply.render('local-offer/views/manage.njk', { title: 'Manage the Local Offer', updates, feedback, due: due.total });
  });

  // Providers' updates ---------------------------------------------------------------------------

  app.get('/local-offer/manage/updates', { config: { access: OFFICER } }, async (_request, reply) => {
    const [pending, decided] = await Promise.all([pendingProposals(s.db), decidedProposals(s.db)]);
    const row = (p: ProposalRow) => ({ ...p, tag: STATUS_TAGS[p.status], fields: Object.keys(p.changes).map(labelOf) });
    return reply.render('local-offer/views/manage-updates.njk', {
      title: 'Updates from providers',
      breadcrumbs: [HOME],
      pending: pending.map(row),
      decided: decided.map(row),
    });
  });

  app.get('/local-offer/manage/updates/:proposalId', { config: { access: OFFICER } }, async (request, reply) => {
    return reply.render('local-offer/views/manage-update.njk', await updateView(s, request, { values: {}, errors: [] }));
  });

  app.post('/local-offer/manage/updates/:proposalId', { config: { access: OFFICER } }, async (request, reply) => {
    const id = idParam(request, 'proposalId');
    const p = id ? await loadProposal(s.db, id) : undefined;
    if (!p) throw notFound('update');
    const form = readDecision(request.body);
    if (!form.decision) return reply.render('local-offer/views/manage-update.njk', await updateView(s, request, form), 400);
    try {
      await decide(s, actorOf(request)!, p.id, form.decision, s.today(), request.id);
    } catch (e) {
      if (e instanceof ProposalStateError) return reply.render('local-offer/views/manage-update.njk', await updateView(s, request, { values: form.values, errors: [{ field: 'decision', text: e.message }] }), 409);
      throw e;
    }
    return reply.redirect(`/local-offer/manage/updates/${p.id}`, 303);
  });

  // Services not checked for a year ------------------------------------------------------------

  app.get('/local-offer/manage/reviews', { config: { access: OFFICER } }, async (request, reply) => {
    const page = pageOf(request.query);
    const perPage = 50;
    const today = s.today();
    const { items, total } = await servicesDueReview(s.db, reviewCutoff(today), { page, perPage });
    const checkedId = (request.query as { checked?: unknown }).checked;
    const checked = typeof checkedId === 'string' && isUuid(checkedId) ? await loadOwnedService(s.db, checkedId) : undefined;
    return reply.render('local-offer/views/manage-reviews.njk', {
      title: 'Services to check',
      breadcrumbs: [HOME],
      checked,
      items: items.map((x) => ({ ...x, ago: checkedAgoText(x.last_checked_on, today) })),
      showing: showingText(page, perPage, total, ['service not checked for over a year', 'services not checked for over a year']),
      pages: pagination(page, total, perPage, (p) => `/local-offer/manage/reviews${p > 1 ? `?page=${p}` : ''}`),
    });
  });

  app.get('/local-offer/manage/services/:serviceId', { config: { access: OFFICER } }, async (request, reply) => {
    const id = idParam(request, 'serviceId');
    const service = id ? await loadOwnedService(s.db, id) : undefined;
    if (!service) throw notFound('service');
    const history = await serviceHistory(s.db, service.id);
    return reply.render('local-offer/views/manage-service.njk', {
      title: `History of ${service.name}`,
      breadcrumbs: [HOME, { text: 'Services to check', href: '/local-offer/manage/reviews' }],
      service,
      ago: checkedAgoText(service.last_checked_on, s.today()),
      history: history.map((h) => ({
        ...h,
        rows: h.kind === 'update-approved' ? changeRows(h.after as Changes, h.before as Changes) : [],
        previous: h.kind === 'checked' ? shown((h.before as { last_checked_on?: string }).last_checked_on ?? null) : '',
      })),
    });
  });

  app.post('/local-offer/manage/services/:serviceId/checked', { config: { access: OFFICER } }, async (request, reply) => {
    const id = idParam(request, 'serviceId');
    const service = id ? await loadOwnedService(s.db, id) : undefined;
    if (!service) throw notFound('service');
    await markChecked(s, actorOf(request)!, service.id, s.today(), request.id);
    const back = (request.body as { returnTo?: unknown } | undefined)?.returnTo === 'service' ? `/local-offer/manage/services/${service.id}` : `/local-offer/manage/reviews?checked=${service.id}`;
    return reply.redirect(back, 303);
  });

  // Feedback ------------------------------------------------------------------------------------

  app.get('/local-offer/manage/feedback', { config: { access: OFFICER } }, async (_request, reply) => {
    const [pending, done] = await Promise.all([pendingFeedback(s.db), recentlyModerated(s.db)]);
    const row = (f: FeedbackRow) => ({ ...f, tag: FEEDBACK_TAGS[f.status], about: f.service_name ?? 'The Local Offer' });
    return reply.render('local-offer/views/manage-feedback-list.njk', {
      title: 'Feedback from families',
      breadcrumbs: [HOME],
      pending: pending.map(row),
      done: done.map(row),
    });
  });

  app.get('/local-offer/manage/feedback/:feedbackId', { config: { access: OFFICER } }, async (request, reply) => {
    return reply.render('local-offer/views/manage-feedback.njk', await feedbackView(s, request, { values: {}, errors: [] }));
  });

  app.post('/local-offer/manage/feedback/:feedbackId', { config: { access: OFFICER } }, async (request, reply) => {
    const id = idParam(request, 'feedbackId');
    const f = id ? await loadFeedback(s.db, id) : undefined;
    if (!f) throw notFound('feedback');
    const form = readModeration(request.body);
    if (!form.moderation) return reply.render('local-offer/views/manage-feedback.njk', await feedbackView(s, request, form), 400);
    try {
      await moderateFeedback(s, actorOf(request)!, f.id, form.moderation, s.today(), request.id);
    } catch (e) {
      if (e instanceof AlreadyModeratedError) return reply.render('local-offer/views/manage-feedback.njk', await feedbackView(s, request, { values: form.values, errors: [{ field: 'decision', text: e.message }] }), 409);
      throw e;
    }
    return reply.redirect('/local-offer/manage/feedback', 303);
  });
}

async function updateView(s: Services, request: FastifyRequest, form: { values: Record<string, string>; errors: FieldError[] }) {
  const id = idParam(request, 'proposalId');
  const p = id ? await loadProposal(s.db, id) : undefined;
  if (!p) throw notFound('update');
  const service = await loadOwnedService(s.db, p.service_id);
  // The officer compares with the service as it is now: it may have changed since the provider wrote.
  const now: Changes = {};
  for (const k of Object.keys(p.changes) as (keyof Changes)[]) now[k] = service?.current[k] ?? null;
  const history = p.status === 'approved' ? p.before : now;
  const problem = p.status === 'pending' && service ? agesProblem(service.current, p.changes) : undefined;
  return {
    title: `Update to ${p.service_name}`,
    breadcrumbs: [HOME, { text: 'Updates from providers', href: '/local-offer/manage/updates' }],
    p,
    tag: STATUS_TAGS[p.status],
    rows: changeRows(p.changes, history),
    problem,
    values: form.values,
    ...errorView(form.errors),
  };
}

async function feedbackView(s: Services, request: FastifyRequest, form: { values: Record<string, string>; errors: FieldError[] }) {
  const id = idParam(request, 'feedbackId');
  const f = id ? await loadFeedback(s.db, id) : undefined;
  if (!f) throw notFound('feedback');
  return {
    title: 'Feedback from a family',
    breadcrumbs: [HOME, { text: 'Feedback from families', href: '/local-offer/manage/feedback' }],
    f,
    tag: FEEDBACK_TAGS[f.status],
    values: form.values,
    ...errorView(form.errors),
  };
}
