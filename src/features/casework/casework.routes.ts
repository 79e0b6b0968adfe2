import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { caseworkQueueRoutes } from './casework.queue.routes.js';
import { caseworkAddRoutes } from './casework.add.routes.js';
import { caseworkCaseRoutes } from './casework.case.routes.js';
import { caseworkActionRoutes } from './casework.actions.routes.js';
import { caseworkAssignRoutes } from './casework.assign.routes.js';

/**
 * The casework officer's and manager's pages: work queues, adding children and requests, the
 * case page and the forms that record what happens (src/features/ehc holds the rules).
 */
export async function caseworkRoutes(app: FastifyInstance, s: Services) {
  await caseworkQueueRoutes(app, s);
  await caseworkAddRoutes(app, s);
  await caseworkCaseRoutes(app, s);
  await caseworkActionRoutes(app, s);
  await caseworkAssignRoutes(app, s);
}
