import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { strategyRoutes } from './strategy.routes.js';

/** The strategy and action plan: the public progress page, the plan, its history, evidence and board report. */
export async function strategyFeature(app: FastifyInstance, s: Services) {
  await strategyRoutes(app, s);
}
