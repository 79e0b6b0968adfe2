import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { notFound } from '../../platform/web/errors.js';
import { errorView } from '../../platform/web/forms.js';
import { getService, isUuid, searchServices } from './directory.queries.js';
import { eventsOfService } from './events.queries.js';
import { readFeedback } from './feedback.form.js';
import { publishedFeedback, submitFeedback } from './feedback.service.js';
import { LOCALITIES, NEEDS, localityText, needText, whenText } from './local-offer.words.js';
import { pagination, showingText } from './pagination.js';
import { DEFAULT_MILES, DISTANCES, PER_PAGE, isEmptySearch, readSearch, searchQuery, type Search, type SearchForm } from './search.form.js';
import { resultCard, servicePage } from './service.present.js';
import { SERVICE_TYPES } from './taxonomy.js';

const HOME = { text: 'Local Offer', href: '/local-offer' };
/** Feedback forms are open to anyone: a flood from one address is slowed, not stored. */
const FEEDBACK_PER_MINUTE = 10;
const FEEDBACK_LIMIT = { max: FEEDBACK_PER_MINUTE, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: (r: FastifyRequest) => `${r.ip}|local-offer-feedback` };

/** The choices of the search form's lists, with "any" first. */
function searchOptions() {
  const types: { value: string; text: string }[] = [{ value: '', text: 'Any type of service' }];
  for (const category of SERVICE_TYPES.filter((t) => !t.parent)) {
    types.push({ value: category.code, text: `${category.name} (all)` });
    for (const t of SERVICE_TYPES.filter((x) => x.parent === category.code)) types.push({ value: t.code, text: t.name });
  }
  return {
    needs: [{ value: '', text: 'Any need' }, ...NEEDS.map((n) => ({ value: n.code, text: n.text }))],
    types,
    localities: [{ value: '', text: 'Anywhere in the area' }, ...LOCALITIES.map((l) => ({ value: l.value, text: l.text }))],
    distances: DISTANCES.map((d) => ({ value: String(d), text: `Within ${d} miles` })),
    defaultDistance: String(DEFAULT_MILES),
  };
}

/** "Speech and language therapy for age 6, near CA2 5AB (Carlisle), within 10 miles". */
function searchedFor(search: Search): string {
  const parts: string[] = [];
  if (search.text) parts.push(`“${search.text}”`);
  if (search.type) parts.push(SERVICE_TYPES.find((t) => t.code === search.type)?.name ?? search.type);
  if (search.need) parts.push(`help with ${needText(search.need).toLowerCase()}`);
  if (search.age !== undefined) parts.push(`age ${search.age}`);
  if (search.locality) parts.push(`in ${localityText(search.locality)}`);
  if (search.near) parts.push(`within ${search.near.miles} miles of ${search.near.postcode}`);
  return parts.join(', ');
}

export async function publicRoutes(app: FastifyInstance, s: Services) {
  app.get('/local-offer', { config: { access: access.public() } }, async (_request, reply) => {
    const values = readSearch({}).values;
    return reply.render('local-offer/views/home.njk', { title: 'Local Offer', values, ...errorView([]), options: searchOptions() });
  });

  app.get('/local-offer/search', { config: { access: access.public() } }, async (request, reply) => {
    const form = readSearch(request.query);
    if (!form.search) return reply.render('local-offer/views/search.njk', searchView(form, undefined), 400);
    const search = form.search;
    const result = await searchServices(s.db, {
      ...(search.text ? { text: search.text } : {}),
      ...(search.need ? { need: search.need } : {}),
      ...(search.type ? { taxonomyTerm: search.type } : {}),
      ...(search.age !== undefined ? { age: search.age } : {}),
      ...(search.locality ? { locality: search.locality } : {}),
      ...(search.near ? { near: { lat: search.near.lat, lon: search.near.lon, radiusKm: search.near.radiusKm } } : {}),
      page: search.page,
      perPage: PER_PAGE,
    });
    const today = s.today();
    return reply.render('local-offer/views/search.njk', searchView(form, {
      search,
      cards: result.items.map((i) => resultCard(i, today)),
      total: result.total,
    }));
  });

  app.get('/local-offer/services/:serviceId', { config: { access: access.public() } }, async (request, reply) => {
    const { serviceId } = request.params as { serviceId: string };
    return reply.render('local-offer/views/service.njk', await serviceView(s, request, serviceId, { values: {}, errors: [] }));
  });

  app.post('/local-offer/services/:serviceId/feedback', { config: { access: access.public(), rateLimit: FEEDBACK_LIMIT } }, async (request, reply) => {
    const { serviceId } = request.params as { serviceId: string };
    const form = readFeedback(request.body);
    if (!form.feedback) return reply.render('local-offer/views/service.njk', await serviceView(s, request, serviceId, form), 400);
    if (!isUuid(serviceId) || !(await s.db.selectFrom('services').select('id').where('id', '=', serviceId).executeTakeFirst())) throw notFound('service');
    await submitFeedback(s, serviceId, form.feedback, request.id);
    return reply.redirect(`/local-offer/feedback/sent?service=${serviceId}`, 303);
  });

  app.get('/local-offer/feedback', { config: { access: access.public() } }, async (_request, reply) =>
    reply.render('local-offer/views/feedback.njk', feedbackPage({ values: {}, errors: [] })),
  );

  app.post('/local-offer/feedback', { config: { access: access.public(), rateLimit: FEEDBACK_LIMIT } }, async (request, reply) => {
    const form = readFeedback(request.body);
    if (!form.feedback) return reply.render('local-offer/views/feedback.njk', feedbackPage(form), 400);
    await submitFeedback(s, null, form.feedback, request.id);
    return reply.redirect('/local-offer/feedback/sent', 303);
  });

  app.get('/local-offer/feedback/sent', { config: { access: access.public() } }, async (request, reply) => {
    const { service } = request.query as { service?: unknown };
    const back = typeof service === 'string' && isUuid(service)
      ? { backHref: `/local-offer/services/${service}`, backText: 'Go back to the service' }
      : { backHref: '/local-offer', backText: 'Go back to the Local Offer' };
    return reply.render('local-offer/views/feedback-sent.njk', { title: 'Thank you for your feedback', breadcrumbs: [HOME], ...back });
  });

  app.get('/local-offer/you-told-us', { config: { access: access.public() } }, async (request, reply) => {
    const page = pageOf(request.query);
    const perPage = 20;
    const { items, total } = await publishedFeedback(s.db, { page, perPage });
    return reply.render('local-offer/views/you-told-us.njk', {
      title: 'You told us',
      breadcrumbs: [HOME],
      items,
      showing: showingText(page, perPage, total, ['comment published', 'comments published']),
      pages: pagination(page, total, perPage, (p) => `/local-offer/you-told-us${p > 1 ? `?page=${p}` : ''}`),
    });
  });
}

/** A page number from our own links; anything else is page 1. */
export function pageOf(query: unknown): number {
  const p = (query as { page?: unknown } | undefined)?.page;
  return typeof p === 'string' && /^\d{1,4}$/.test(p) && Number(p) >= 1 ? Number(p) : 1;
}

function searchView(form: SearchForm, found: { search: Search; cards: ReturnType<typeof resultCard>[]; total: number } | undefined) {
  const everything = isEmptySearch(form.values);
  const base = {
    title: found && !everything ? `Search results for ${searchedFor(found.search)}` : 'Search the Local Offer',
    breadcrumbs: [HOME],
    values: form.values,
    ...errorView(form.errors),
    options: searchOptions(),
  };
  if (!found) return { ...base, searched: false };
  const { search, cards, total } = found;
  return {
    ...base,
    searched: true,
    everything,
    searchedFor: searchedFor(search),
    cards,
    total,
    showing: showingText(search.page, PER_PAGE, total, ['service', 'services']),
    pastEnd: cards.length === 0 && total > 0,
    firstPageHref: `/local-offer/search?${searchQuery(form.values)}`,
    widerHref: search.near && search.near.miles < 40 ? `/local-offer/search?${searchQuery({ ...form.values, distance: '40' })}` : undefined,
    pages: pagination(search.page, total, PER_PAGE, (p) => `/local-offer/search?${searchQuery(form.values, p)}`),
  };
}

function feedbackPage(form: { values: Record<string, string>; errors: { field: string; text: string }[] }) {
  return {
    title: 'Give feedback on the Local Offer',
    heading: 'Give feedback on the Local Offer',
    breadcrumbs: [HOME],
    action: '/local-offer/feedback',
    values: form.values,
    ...errorView(form.errors),
  };
}

async function serviceView(s: Services, request: FastifyRequest, serviceId: string, form: { values: Record<string, string>; errors: { field: string; text: string }[] }) {
  const detail = await getService(s.db, serviceId);
  if (!detail) throw notFound('service');
  const today = s.today();
  const [events, feedback] = await Promise.all([
    eventsOfService(s.db, detail.id, new Date()),
    publishedFeedback(s.db, { page: 1, perPage: 5, serviceId: detail.id }),
  ]);
  return {
    title: detail.name,
    breadcrumbs: [HOME, { text: 'Search', href: '/local-offer/search' }],
    service: servicePage(detail, today),
    events: events.map((e) => ({ id: e.id, title: e.title, when: whenText(e.starts_at, e.ends_at) })),
    // Staff links: the provider who runs it may send an update; the officer sees its history.
    staffLink: request.user?.role === 'service-provider' && detail.organization.platform_organisation_id === request.user.organisationId
      ? { href: `/local-offer/provider/services/${detail.id}/update`, text: 'Update this service' }
      : request.user?.role === 'local-offer-officer' ? { href: `/local-offer/manage/services/${detail.id}`, text: 'History and checks of this service' } : undefined,
    feedback: feedback.items,
    moreFeedback: feedback.total > feedback.items.length,
    values: form.values,
    ...errorView(form.errors),
  };
}
