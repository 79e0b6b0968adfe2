import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { adviceRoutes } from './advice.routes.js';
import { contributionsRoutes } from './contributions.routes.js';

/** Contributions from every partner: the advisers' queue and answers, and the measure of them. */
export async function adviceFeature(app: FastifyInstance, s: Services) {
  await adviceRoutes(app, s);
  await contributionsRoutes(app, s);
}
