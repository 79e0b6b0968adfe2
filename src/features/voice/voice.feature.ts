import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { VOICE_STAFF } from './voice.roles.js';
import { surveyService } from './survey.service.js';
import { surveyRoutes } from './survey.routes.js';
import { subscriptionsService } from './subscriptions.service.js';
import { subscriptionsRoutes } from './subscriptions.routes.js';
import { yswdService } from './yswd.service.js';
import { feedbackService } from './feedback.service.js';
import { yswdRoutes } from './yswd.routes.js';
import { groupsService } from './groups.service.js';
import { groupsRoutes } from './groups.routes.js';

/** Builds the feature's services from the platform's (tests and the demo seed use them too). */
export function voiceServices(s: Pick<Services, 'audit' | 'notifications' | 'config'>) {
  const deps = { audit: s.audit, notifications: s.notifications, baseUrl: s.config.baseUrl, serviceName: s.config.serviceName, areaCode: s.config.area.code };
  return {
    surveys: surveyService(deps),
    subscriptions: subscriptionsService(deps),
    yswd: yswdService(deps),
    feedback: feedbackService(deps),
    groups: groupsService(deps),
  };
}

/** Co-production and voice: surveys, "you said, we did", working groups, emails, feedback. */
export async function voiceFeature(app: FastifyInstance, s: Services) {
  const v = voiceServices(s);
  app.get('/voice', { config: { access: access.roles(...VOICE_STAFF) } }, async (_request, reply) => {
    const surveys = await v.surveys.list(s.db);
    return reply.render('voice/views/hub.njk', {
      title: 'Co-production and voice',
      openSurveys: surveys.filter((x) => x.status === 'open').length,
      newFeedback: await v.feedback.countNew(s.db),
      subscribers: await v.subscriptions.counts(s.db),
    });
  });
  await surveyRoutes(app, s, v.surveys);
  await subscriptionsRoutes(app, s, v.subscriptions);
  await yswdRoutes(app, s, v.yswd, v.feedback);
  await groupsRoutes(app, s, v.groups);
}
