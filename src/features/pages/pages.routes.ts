import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { auditChildView } from '../../platform/web/access.plugin.js';
import { AREA_CASE_ROLES, ROLES, type CaseLinkKind } from '../../platform/access/roles.js';
import { HOME_SECTIONS } from './home.sections.js';

const CHILD_LINKS: CaseLinkKind[] = ['family', 'advice', 'school', 'ap-placement'];

export async function pagesRoutes(app: FastifyInstance, s: Services) {
  app.get('/', { config: { access: access.public() } }, async (request, reply) => {
    if (request.user) return reply.redirect('/home', 303);
    return reply.render('pages/views/start.njk', { title: 'Start' });
  });

  app.get('/home', { config: { access: access.signedIn() } }, async (request, reply) => {
    const user = request.user!;
    const linked = AREA_CASE_ROLES.includes(user.role) ? [] : await s.access.linkedChildIds(s.db, user, CHILD_LINKS);
    const children = linked.length
      ? await s.db.selectFrom('children').select(['id', 'given_name', 'family_name']).where('id', 'in', linked).orderBy('family_name').execute()
      : [];
    return reply.render('pages/views/home.njk', {
      title: 'Home',
      section: HOME_SECTIONS[user.role],
      roleName: ROLES[user.role],
      children,
    });
  });

  for (const [url, template, title] of [
    ['/accessibility', 'accessibility', 'Accessibility statement'],
    ['/privacy', 'privacy', 'Privacy notice'],
    ['/cookies', 'cookies', 'Cookies'],
  ] as const) {
    app.get(url, { config: { access: access.public() } }, async (_request, reply) => reply.render(`pages/views/${template}.njk`, { title }));
  }

  app.get(
    '/health',
    {
      config: { access: access.public() },
      schema: { hide: true },
      logLevel: 'warn',
    },
    async (_request, reply) => {
      const ok = await s.database.ping();
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'unavailable' });
    },
  );

  // One child's record: the first page that shows personal data, so it is audited.
  app.get(
    '/children/:childId',
    { config: { access: access.child('childId', AREA_CASE_ROLES, CHILD_LINKS) } },
    async (request, reply) => {
      const { childId } = request.params as { childId: string };
      const child = await s.db.selectFrom('children').selectAll().where('id', '=', childId).executeTakeFirst();
      if (!child) return reply.callNotFound();
      await auditChildView(s.audit, s.db, request, childId);
      return reply.render('pages/views/child.njk', { title: `${child.given_name} ${child.family_name}`, child });
    },
  );
}
