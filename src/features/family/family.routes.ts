import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { familyCaseRoutes } from './family.case.routes.js';
import { familyCommentRoutes } from './family.comments.routes.js';
import { familyRequestRoutes } from './family.request.routes.js';

/**
 * The family's view (issue 3, C3): their children, each case as a timeline in plain words, the
 * letters, comments on the draft plan, and a request for an assessment online. A parent sees
 * only their own child; internal notes never reach these pages.
 */
export async function familyRoutes(app: FastifyInstance, s: Services) {
  await familyCaseRoutes(app, s);
  await familyCommentRoutes(app, s);
  await familyRequestRoutes(app, s);
}
