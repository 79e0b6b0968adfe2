import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { reviewListRoutes } from './reviews.list.routes.js';
import { reviewPageRoutes } from './reviews.page.routes.js';

/**
 * Annual reviews (issue 3): the reviews due, each review's statutory dates, and the forms that
 * record it, with Preparing for Adulthood from Year 9. The clock's rules live in ehc/clock.
 */
export async function reviewsRoutes(app: FastifyInstance, s: Services) {
  await reviewListRoutes(app, s);
  await reviewPageRoutes(app, s);
}
