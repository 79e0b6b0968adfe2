import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Access } from '../access/access.js';
import type { AccessService } from '../access/access.service.js';
import type { AuditService } from '../audit/audit.service.js';
import { apiError, HttpError } from './errors.js';

export interface RouteRule {
  method: string;
  url: string;
  access: Access;
}

const isApi = (url: string) => url.startsWith('/api/');

/**
 * Every route declares `config.access`. A route without one stops the app at start-up, so an
 * undeclared route can never reach production. Each request is decided before its handler
 * runs; then every state-changing browser request must carry the CSRF token.
 */
export function setUpAccess(
  app: FastifyInstance,
  deps: { db: Db; access: AccessService; audit: AuditService },
): RouteRule[] {
  const rules: RouteRule[] = [];
  app.addHook('onRoute', (route) => {
    const rule = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url.startsWith('/assets/') || route.url === '*') return;
    if (!rule) throw new Error(`Route ${methods.join(',')} ${route.url} declares no access rule (config.access)`);
    for (const method of methods) if (method !== 'HEAD') rules.push({ method, url: route.url, access: rule });
  });

  // preValidation: after the body is read (CSRF needs it) but before schema validation, so
  // that a caller without access learns nothing from the validator's messages.
  app.addHook('preValidation', async (request, reply) => {
    const rule = request.routeOptions.config.access;
    if (!rule) return; // assets and the not-found handler
    if ((request as { badToken?: boolean }).badToken) {
      return reply.code(401).send(apiError('unauthorised', 'The bearer token is not valid or has been revoked'));
    }
    const decision = await deps.access.decide(deps.db, rule, request.user, request.params as Record<string, string>);
    if (decision === 'not-found') throw new HttpError(404, 'not_found', 'There is no such page');
    if (decision === 'sign-in') return askToSignIn(request, reply);
    if (decision === 'forbid') {
      await deps.audit.record(deps.db, {
        actor: actorOf(request),
        action: 'access.refused',
        outcome: 'refused',
        requestId: request.id,
        details: { method: request.method, route: request.routeOptions.url },
      });
      throw new HttpError(403, 'forbidden', 'You do not have permission to see this');
    }
    if (needsCsrf(request)) {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(request, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });
  return rules;
}

function needsCsrf(request: FastifyRequest): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
  if (request.authMethod === 'token') return false; // no cookie was used, so no forgery
  if (request.routeOptions.config.multipartForm && request.isMultipart()) return false; // readMultipartForm checks it
  return !request.routeOptions.config.csrfExempt;
}

function askToSignIn(request: FastifyRequest, reply: FastifyReply) {
  if (isApi(request.url)) {
    return reply.code(401).send(apiError('unauthorised', 'Sign in or send a bearer token'));
  }
  const returnTo = request.method === 'GET' ? request.url : '/';
  return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`, 303);
}

export function actorOf(request: FastifyRequest) {
  return request.user
    ? { userId: request.user.id, organisationId: request.user.organisationId, role: request.user.role }
    : null;
}

/** Audits that the signed-in user viewed one child's record (every such view is audited). */
export async function auditChildView(audit: AuditService, db: Db, request: FastifyRequest, childId: string, details?: Record<string, unknown>) {
  await audit.record(db, {
    actor: actorOf(request),
    action: 'child.viewed',
    outcome: 'allowed',
    subjectType: 'child',
    subjectId: childId,
    childId,
    requestId: request.id,
    ...(details ? { details } : {}),
  });
}
