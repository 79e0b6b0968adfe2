import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { AREA_CASE_ROLES, type Role } from '../../platform/access/roles.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { apiError } from '../../platform/web/errors.js';
import { errorSchema } from '../api/schemas.js';
import { EhcInputError, EhcNotFoundError } from './ehc.errors.js';
import { EVENT_SCHEMA, type EhcEvent } from './ehc.events.js';
import { CASE_SCHEMA, caseToJson } from './ehc.present.js';

/** Roles that run casework: they create children and requests and record any event. */
export const CASEWORK: Role[] = ['casework-officer', 'casework-manager'];
const ADVISERS: Role[] = ['health-professional', 'designated-clinical-officer', 'social-worker', 'educational-psychologist', 'senco'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** Turns the EHC rules' refusals into the API's error format. */
export function sendEhcError(reply: FastifyReply, e: unknown) {
  if (e instanceof EhcInputError) {
    return reply.code(400).send(apiError('validation_failed', e.message, [{ field: e.field, message: e.message }]));
  }
  if (e instanceof EhcNotFoundError) return reply.code(404).send(apiError('not_found', e.message));
  throw e;
}

export async function ehcApiRoutes(app: FastifyInstance, s: Services) {
  app.post(
    '/api/v1/children',
    {
      config: { access: access.roles(...CASEWORK) },
      schema: {
        summary: 'Add a child or young person',
        tags: ['children'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['givenName', 'familyName', 'dateOfBirth'],
          properties: {
            givenName: { type: 'string', minLength: 1, maxLength: 100 },
            familyName: { type: 'string', minLength: 1, maxLength: 100 },
            dateOfBirth: { type: 'string', format: 'date' },
            upn: { type: 'string', maxLength: 13 },
            nhsNumber: { type: 'string', maxLength: 12 },
            address: { type: 'string', maxLength: 500 },
            postcode: { type: 'string', maxLength: 10 },
            schoolId: { type: 'string', format: 'uuid' },
          },
        },
        response: { 201: { type: 'object', properties: { id: { type: 'string' } } }, ...errors },
      },
    },
    async (request, reply) => {
      try {
        const body = request.body as Parameters<Services['children']['create']>[1];
        const id = await s.db.transaction().execute(async (tx) => {
          const childId = await s.children.create(tx, body, s.today());
          await s.audit.record(tx, { actor: actorOf(request), action: 'child.created', outcome: 'succeeded', subjectType: 'child', subjectId: childId, childId, requestId: request.id, details: { via: 'api' } });
          return childId;
        });
        return reply.code(201).send({ id });
      } catch (e) {
        return sendEhcError(reply, e);
      }
    },
  );

  app.post(
    '/api/v1/ehc/requests',
    {
      config: { access: access.roles(...CASEWORK) },
      schema: {
        summary: 'Record a request for an EHC needs assessment',
        tags: ['ehc'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['childId', 'receivedOn', 'requestedBy'],
          properties: {
            childId: { type: 'string', format: 'uuid' },
            receivedOn: { type: 'string', format: 'date', description: 'Day 0 of the statutory clock' },
            requestedBy: { enum: ['parent', 'young-person', 'school', 'professional', 'other'] },
            requesterName: { type: 'string', maxLength: 200 },
            reason: { type: 'string', maxLength: 10000 },
          },
        },
        response: { 201: CASE_SCHEMA, ...errors },
      },
    },
    async (request, reply) => {
      try {
        const body = request.body as { childId: string; receivedOn: string; requestedBy: 'parent'; requesterName?: string; reason?: string };
        const id = await s.ehc.createRequest(s.db, actorOf(request), { ...body, officerUserId: request.user!.role === 'casework-officer' ? request.user!.id : null }, s.today(), request.id);
        return reply.code(201).send(caseToJson(await s.ehc.getCase(s.db, id, s.today())));
      } catch (e) {
        return sendEhcError(reply, e);
      }
    },
  );

  app.post(
    '/api/v1/ehc/requests/:id/events',
    {
      config: { access: access.child('id', CASEWORK, ['advice'], 'ehc-request') },
      schema: {
        summary: 'Record what happened: a decision, advice asked or received, a draft, comments, the final plan, not issuing, an exception, mediation or tribunal',
        description: 'Advisers linked to the case may record only the advice they were asked for (advice-received).',
        tags: ['ehc'],
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
        body: EVENT_SCHEMA,
        response: { 201: CASE_SCHEMA, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const event = request.body as EhcEvent;
      const user = request.user!;
      if (!CASEWORK.includes(user.role)) {
        if (!ADVISERS.includes(user.role) || event.type !== 'advice-received' || !event.adviceRequestId || !(await mayAnswer(s, request, event.adviceRequestId))) {
          await s.audit.record(s.db, { actor: actorOf(request), action: 'access.refused', outcome: 'refused', subjectType: 'ehc-request', subjectId: id, requestId: request.id, details: { event: event.type } });
          return reply.code(403).send(apiError('forbidden', 'Advisers can record only the advice they were asked for, by its adviceRequestId'));
        }
      }
      try {
        await s.ehc.recordEvent(s.db, actorOf(request), id, event, s.today(), request.id);
        return reply.code(201).send(caseToJson(await s.ehc.getCase(s.db, id, s.today())));
      } catch (e) {
        return sendEhcError(reply, e);
      }
    },
  );

  app.get(
    '/api/v1/ehc/requests/:id',
    {
      config: { access: access.child('id', [...AREA_CASE_ROLES], ['family', 'advice', 'school'], 'ehc-request') },
      schema: {
        summary: 'A request for assessment with its deadlines, step states and timeliness',
        tags: ['ehc'],
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
        response: { 200: CASE_SCHEMA, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      try {
        const c = await s.ehc.getCase(s.db, id, s.today());
        await s.audit.record(s.db, { actor: actorOf(request), action: 'ehc.request.viewed', outcome: 'allowed', subjectType: 'ehc-request', subjectId: id, childId: c.request.child_id, requestId: request.id, details: { via: 'api' } });
        const json = caseToJson(c);
        // Internal notes are for professionals; everything else the family sees.
        if (request.user!.role === 'family') json.events = json.events.filter((_, i) => c.events[i]!.visibleToFamily);
        return json;
      } catch (e) {
        return sendEhcError(reply, e);
      }
    },
  );
}

/** Is this adviser (in person or through their team) the one asked for this advice? */
async function mayAnswer(s: Services, request: FastifyRequest, adviceRequestId: string): Promise<boolean> {
  const user = request.user!;
  const row = await s.db
    .selectFrom('advice_requests')
    .select('id')
    .where('id', '=', adviceRequestId)
    .where((eb) =>
      eb.or([
        eb('assignee_user_id', '=', user.id),
        eb('team_id', 'in', eb.selectFrom('team_members').select('team_id').where('user_id', '=', user.id)),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}
