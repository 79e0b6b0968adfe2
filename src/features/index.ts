import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.js';
import { accountRoutes } from './account/account.routes.js';
import { oidcRoutes } from './account/oidc.routes.js';
import { pagesRoutes } from './pages/pages.routes.js';
import { adminRoutes } from './admin/admin.routes.js';
import { apiRoutes } from './api/api.routes.js';
import { ehcApiRoutes } from './ehc/ehc.api.js';
import { caseworkRoutes } from './casework/casework.routes.js';
import { familyRoutes } from './family/family.routes.js';
import { adviceFeature } from './advice/advice.feature.js';
import { plansRoutes } from './plans/plans.routes.js';
import { reviewsRoutes } from './reviews/reviews.routes.js';
import { dataHubFeature } from './data-hub/web/data-hub.feature.js';
import { localOfferPagesFeature } from './local-offer/local-offer-pages.feature.js';
import { orukApiFeature } from './local-offer/oruk.routes.js';
import { strategyFeature } from './strategy/strategy.feature.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { indicatorsApiRoutes } from './indicators/indicators.api.js';
import { earlyWarningFeature } from './early-warning/early-warning.feature.js';
import { voiceFeature } from './voice/voice.feature.js';

export type Feature = (app: FastifyInstance, services: Services) => Promise<void> | void;

/** Every feature, in the order their routes are added. */
export const features: Feature[] = [pagesRoutes, accountRoutes, oidcRoutes, adminRoutes, apiRoutes, ehcApiRoutes, caseworkRoutes, adviceFeature, familyRoutes, plansRoutes, reviewsRoutes, dataHubFeature, localOfferPagesFeature, orukApiFeature, strategyFeature, dashboardRoutes, indicatorsApiRoutes, earlyWarningFeature, voiceFeature];
