import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import './platform/web/types.js';
import type { Services } from './services.js';
import { createViews, GOVUK_DIR, SRC_DIR } from './platform/web/views.js';
import { setUpWebSecurity } from './platform/web/security.js';
import { setUpAuthentication } from './platform/web/authentication.js';
import { setUpAccess, type RouteRule } from './platform/web/access.plugin.js';
import { setUpErrorPages } from './platform/web/error-pages.js';
import { setUpRendering } from './platform/web/render.js';
import { loggerOptions } from './platform/web/logging.js';
import { features } from './features/index.js';

export interface App {
  server: FastifyInstance;
  /** Every route with its access rule: the role-walk test and docs/security.md read it. */
  routes: RouteRule[];
}

/**
 * The composition root: services in, a ready web app out. Middleware is mounted in this order:
 * logging, security headers and cookies, who is asking, rendering, access and CSRF, errors,
 * then the features' routes.
 */
export async function createApp(services: Services, options: { logger?: boolean } = {}): Promise<App> {
  const { config } = services;
  const server = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === 'true',
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  });
  server.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  await server.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${config.serviceName} API`,
        version: '1',
        description: 'The JSON API other systems integrate with. Authenticate with a bearer token made by `send-hub token create`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    // Only the API is described; pages are for people.
    transform: ({ schema, url }) => ({
      schema: (url.startsWith('/api/v1') && !url.endsWith('openapi.json') ? schema : { ...schema, hide: true }) as typeof schema,
      url,
    }),
  });
  await server.register(rateLimit, { global: false });
  const { oidc } = services;
  await setUpWebSecurity(server, {
    cookieSecure: config.cookieSecure,
    formActionOrigins: oidc ? () => oidc.formActionOrigins() : undefined,
  });
  setUpAuthentication(server, services);
  setUpRendering(
    server,
    createViews({ serviceName: config.serviceName, areaName: config.area.name, oidc: config.oidc ? { label: config.oidc.label } : null }),
  );
  const routes = setUpAccess(server, services);
  setUpErrorPages(server);

  await server.register(fastifyStatic, {
    root: [path.join(GOVUK_DIR, 'dist/govuk'), path.join(GOVUK_DIR, 'dist/govuk/assets'), path.join(SRC_DIR, 'public')],
    prefix: '/assets/',
    allowedPath: (p) => !p.endsWith('.map') && !p.endsWith('.scss') && !p.includes('..'),
    maxAge: '1d',
    wildcard: true,
  });

  for (const feature of features) await feature(server, services);
  await server.ready();
  return { server, routes };
}
