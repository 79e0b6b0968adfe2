import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services.js';
import { dataHubRoutes } from './data-hub.routes.js';
import { linkQueueRoutes } from './link-queue.routes.js';
import { analyticsRoutes } from '../analytics/analytics.routes.js';

/** The data hub's pages: uploads and their reports, the link queue, the analysts' overview. */
export async function dataHubFeature(app: FastifyInstance, s: Services) {
  await dataHubRoutes(app, s);
  await linkQueueRoutes(app, s);
  await analyticsRoutes(app, s);
}
