import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { HttpError, notFound } from '../../platform/web/errors.js';
import { errorView, type FieldError } from '../../platform/web/forms.js';
import { isUuid } from './directory.queries.js';
import { checkedAgoText, needsReview } from './local-offer.words.js';
import { EDITABLE, formValues, labelOf, readProposal, type Changes, type FieldValue } from './proposal.form.js';
import { loadOwnedService, loadProposal, propose, proposalsOfOrganisation, servicesOfOrganisation, type OwnedService } from './proposals.service.js';

const PROVIDER = access.roles('service-provider');
const HOME = { text: 'Your services', href: '/local-offer/provider' };

export const STATUS_TAGS = {
  pending: { text: 'Waiting for a decision', classes: 'govuk-tag--blue' },
  approved: { text: 'Approved', classes: 'govuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'govuk-tag--red' },
} as const;

/** A value as the comparison shows it. */
export function shown(v: FieldValue | undefined): string {
  return v === null || v === undefined || v === '' ? '(empty)' : String(v);
}

export function changeRows(changes: Changes, before: Changes) {
  return Object.keys(changes).map((k) => ({ label: labelOf(k), before: shown(before[k as keyof Changes]), after: shown(changes[k as keyof Changes]) }));
}

/** The service, if it is this provider's organisation's: otherwise 404 or a refusal (audited). */
async function ownService(s: Services, request: FastifyRequest): Promise<OwnedService> {
  const { serviceId } = request.params as { serviceId: string };
  const service = isUuid(serviceId) ? await loadOwnedService(s.db, serviceId) : undefined;
  if (!service) throw notFound('service');
  if (service.platform_organisation_id !== request.user!.organisationId) {
    await s.audit.record(s.db, {
      actor: actorOf(request), action: 'access.refused', outcome: 'refused', subjectType: 'local-offer-service', subjectId: service.id, requestId: request.id,
      details: { method: request.method, route: request.routeOptions.url },
    });
    throw new HttpError(403, 'forbidden', 'This service belongs to another organisation. You can only update your own organisation’s services.');
  }
  return service;
}

export async function providerRoutes(app: FastifyInstance, s: Services) {
  app.get('/local-offer/provider', { config: { access: PROVIDER } }, async (request, reply) => {
    const user = request.user!;
    const today = s.today();
    const [services, proposals] = await Promise.all([servicesOfOrganisation(s.db, user.organisationId), proposalsOfOrganisation(s.db, user.organisationId)]);
    const pendingFor = new Set(proposals.filter((p) => p.status === 'pending').map((p) => p.service_id));
    return reply.render('local-offer/views/provider.njk', {
      title: 'Your services in the Local Offer',
      services: services.map((x) => ({
        ...x,
        checked: checkedAgoText(x.last_checked_on, today),
        needsReview: needsReview(x.last_checked_on, today),
        pending: pendingFor.has(x.id),
      })),
      proposals: proposals.map((p) => ({ ...p, tag: STATUS_TAGS[p.status], fields: Object.keys(p.changes).map(labelOf) })),
    });
  });

  app.get('/local-offer/provider/services/:serviceId/update', { config: { access: PROVIDER } }, async (request, reply) => {
    const service = await ownService(s, request);
    return reply.render('local-offer/views/proposal-form.njk', await formView(s, service, { values: formValues(service.current), errors: [] }));
  });

  app.post('/local-offer/provider/services/:serviceId/update', { config: { access: PROVIDER } }, async (request, reply) => {
    const service = await ownService(s, request);
    const pending = await pendingOf(s, service.id);
    if (pending) return reply.render('local-offer/views/proposal-form.njk', await formView(s, service, { values: formValues(service.current), errors: [] }), 409);
    const form = readProposal(request.body, service.current);
    if (!form.proposal) return reply.render('local-offer/views/proposal-form.njk', await formView(s, service, form), 400);
    const id = await propose(s, actorOf(request)!, service, form.proposal, request.id);
    return reply.redirect(`/local-offer/provider/proposals/${id}`, 303);
  });

  app.get('/local-offer/provider/proposals/:proposalId', { config: { access: PROVIDER } }, async (request, reply) => {
    const { proposalId } = request.params as { proposalId: string };
    const p = isUuid(proposalId) ? await loadProposal(s.db, proposalId) : undefined;
    if (!p) throw notFound('update');
    if (p.organisation_id !== request.user!.organisationId) {
      await s.audit.record(s.db, {
        actor: actorOf(request), action: 'access.refused', outcome: 'refused', subjectType: 'local-offer-proposal', subjectId: p.id, requestId: request.id,
        details: { method: request.method, route: request.routeOptions.url },
      });
      throw new HttpError(403, 'forbidden', 'This update was sent by another organisation.');
    }
    return reply.render('local-offer/views/proposal.njk', {
      title: `Your update to ${p.service_name}`,
      breadcrumbs: [HOME],
      p,
      tag: STATUS_TAGS[p.status],
      rows: changeRows(p.changes, p.before),
    });
  });
}

async function pendingOf(s: Services, serviceId: string) {
  return s.db.selectFrom('local_offer_proposals').select(['id', 'proposed_at']).where('service_id', '=', serviceId).where('status', '=', 'pending').executeTakeFirst();
}

async function formView(s: Services, service: OwnedService, form: { values: Record<string, string>; errors: FieldError[] }) {
  const pending = await pendingOf(s, service.id);
  return {
    title: `Update ${service.name}`,
    breadcrumbs: [HOME],
    service,
    pending,
    fields: EDITABLE,
    values: form.values,
    ...errorView(form.errors),
  };
}
