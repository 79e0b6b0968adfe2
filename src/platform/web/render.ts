import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Views } from './views.js';
import { navigationFor } from './navigation.js';
import { ROLES } from '../access/roles.js';

/**
 * `reply.render(template, context, status)`: every page gets the layout's context.
 * `app.renderFragment(template, context)`: a part of a page rendered with the given context
 * only (no user, navigation, CSRF token or nonce), so that it may be shared between requests.
 */
export function setUpRendering(app: FastifyInstance, views: Views) {
  app.decorate('renderFragment', (template: string, context: Record<string, unknown>) => views.render(template, context));
  app.decorateReply('render', function render(this: FastifyReply, template: string, context = {}, status = 200) {
    const request = this.request;
    const path = request.url.split('?')[0] ?? '/';
    const user = request.user;
    const html = views.render(template, {
      ...context,
      user,
      roleLabel: user ? ROLES[user.role] : undefined,
      navigation: navigationFor(user?.role, path),
      currentPath: path,
      csrfToken: this.generateCsrf(),
      cspNonce: (this as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script,
    });
    return this.code(status).type('text/html; charset=utf-8').send(html);
  });
}
