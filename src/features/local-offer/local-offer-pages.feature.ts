import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { eventsRoutes } from './events.routes.js';
import { manageRoutes } from './manage.routes.js';
import { providerRoutes } from './provider.routes.js';
import { publicRoutes } from './public.routes.js';

/**
 * The Local Offer's pages: the public search, service pages, events and feedback; providers'
 * updates to their services; and the council officer's decisions, checks and moderation.
 */
export async function localOfferPagesFeature(app: FastifyInstance, s: Services) {
  await publicRoutes(app, s);
  await eventsRoutes(app, s);
  await providerRoutes(app, s);
  await manageRoutes(app, s);
}
