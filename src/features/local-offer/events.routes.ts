import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { notFound } from '../../platform/web/errors.js';
import { isUuid } from './directory.queries.js';
import { loadEvent, upcomingEvents, type EventRow } from './events.queries.js';
import { LOCALITIES, agesText, localityText, whenText } from './local-offer.words.js';
import { pagination, showingText } from './pagination.js';
import { pageOf } from './public.routes.js';

const PER_PAGE = 20;
const HOME = { text: 'Local Offer', href: '/local-offer' };

function whereText(e: EventRow): string {
  return [e.location_name, e.address, e.postcode].filter(Boolean).join(', ');
}

export async function eventsRoutes(app: FastifyInstance, s: Services) {
  app.get('/local-offer/events', { config: { access: access.public() } }, async (request, reply) => {
    const q = request.query as { locality?: unknown };
    // An area not in the list shows every area: the list is the only way to choose one.
    const locality = typeof q.locality === 'string' && LOCALITIES.some((l) => l.value === q.locality) ? q.locality : '';
    const page = pageOf(request.query);
    const { items, total } = await upcomingEvents(s.db, { now: new Date(), page, perPage: PER_PAGE, ...(locality ? { locality } : {}) });
    const query = (p: number) => {
      const u = new URLSearchParams();
      if (locality) u.set('locality', locality);
      if (p > 1) u.set('page', String(p));
      const text = u.toString();
      return `/local-offer/events${text ? `?${text}` : ''}`;
    };
    return reply.render('local-offer/views/events.njk', {
      title: 'Events',
      breadcrumbs: [HOME],
      locality,
      localities: [{ value: '', text: 'Every area' }, ...LOCALITIES.map((l) => ({ value: l.value, text: l.text }))],
      showing: showingText(page, PER_PAGE, total, ['event coming up', 'events coming up']),
      events: items.map((e) => ({
        id: e.id,
        title: e.title,
        when: whenText(e.starts_at, e.ends_at),
        where: whereText(e),
        ages: e.min_age !== null || e.max_age !== null ? agesText(e.min_age, e.max_age) : '',
        cost: e.cost ?? 'Free',
      })),
      pages: pagination(page, total, PER_PAGE, query),
    });
  });

  app.get('/local-offer/events/:eventId', { config: { access: access.public() } }, async (request, reply) => {
    const { eventId } = request.params as { eventId: string };
    const e = isUuid(eventId) ? await loadEvent(s.db, eventId) : undefined;
    if (!e) throw notFound('event');
    const rows = [
      { key: { text: 'When' }, value: { text: whenText(e.starts_at, e.ends_at) } },
      { key: { text: 'Where' }, value: { text: whereText(e) } },
      ...(e.locality ? [{ key: { text: 'Area' }, value: { text: localityText(e.locality) } }] : []),
      ...(e.min_age !== null || e.max_age !== null ? [{ key: { text: 'Who it is for' }, value: { text: agesText(e.min_age, e.max_age) } }] : []),
      { key: { text: 'Cost' }, value: { text: e.cost ?? 'Free' } },
      { key: { text: 'How to book' }, value: { text: e.booking ?? 'You do not need to book. Just come along.' } },
    ];
    return reply.render('local-offer/views/event.njk', {
      title: e.title,
      breadcrumbs: [HOME, { text: 'Events', href: '/local-offer/events' }],
      e,
      rows,
      past: e.ends_at.getTime() < Date.now(),
    });
  });
}
