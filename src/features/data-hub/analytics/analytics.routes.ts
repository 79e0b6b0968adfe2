import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services.js';
import { access } from '../../../platform/access/access.js';
import { analyticsOverview } from './analytics.queries.js';

/** The analysts' overview of linked, pseudonymised data. */
export async function analyticsRoutes(app: FastifyInstance, s: Services) {
  app.get('/data/analytics', { config: { access: access.roles('analyst', 'administrator', 'partnership-leader') } }, async (_request, reply) => {
    const overview = await analyticsOverview(s.db);
    return reply.render('data-hub/analytics/views/overview.njk', { title: 'Pseudonymised data', ...overview });
  });
}
