import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { earlyWarningRoutes } from './early-warning.routes.js';

/** Early warning: flags on children for the teams responsible, and signals for schools, localities and cohorts. */
export async function earlyWarningFeature(app: FastifyInstance, s: Services) {
  await earlyWarningRoutes(app, s);
}
