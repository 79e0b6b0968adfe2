import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { auditChildView } from '../../platform/web/access.plugin.js';
import { AREA_CASE_ROLES } from '../../platform/access/roles.js';
import { errorSchema } from './schemas.js';

/** The platform's own API: who am I, one child, and the OpenAPI document. */
export async function apiRoutes(app: FastifyInstance, s: Services) {
  app.get('/api/v1/openapi.json', { config: { access: access.public() } }, async () => app.swagger());

  app.get(
    '/api/v1/me',
    {
      config: { access: access.signedIn() },
      schema: {
        summary: 'The user the token or session acts for',
        tags: ['platform'],
        response: {
          200: {
            type: 'object',
            required: ['id', 'email', 'name', 'role', 'organisation'],
            properties: {
              id: { type: 'string', format: 'uuid' },
              email: { type: 'string' },
              name: { type: 'string' },
              role: { type: 'string' },
              organisation: {
                type: 'object',
                properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } },
              },
            },
          },
          401: errorSchema,
        },
      },
    },
    async (request) => {
      const u = request.user!;
      return { id: u.id, email: u.email, name: u.name, role: u.role, organisation: { id: u.organisationId, name: u.organisationName, kind: u.organisationKind } };
    },
  );

  app.get(
    '/api/v1/children/:childId',
    {
      config: { access: access.child('childId', AREA_CASE_ROLES, ['family', 'advice', 'school', 'ap-placement']) },
      schema: {
        summary: 'One child’s identifying details',
        tags: ['children'],
        params: { type: 'object', required: ['childId'], properties: { childId: { type: 'string', format: 'uuid' } } },
        response: {
          200: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              givenName: { type: 'string' },
              familyName: { type: 'string' },
              dateOfBirth: { type: 'string', format: 'date' },
              upn: { type: ['string', 'null'] },
              nhsNumber: { type: ['string', 'null'] },
            },
          },
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { childId } = request.params as { childId: string };
      const c = await s.db.selectFrom('children').selectAll().where('id', '=', childId).executeTakeFirst();
      if (!c) return reply.callNotFound();
      await auditChildView(s.audit, s.db, request, childId, { via: 'api' });
      return { id: c.id, givenName: c.given_name, familyName: c.family_name, dateOfBirth: c.date_of_birth, upn: c.upn, nhsNumber: c.nhs_number };
    },
  );
}
