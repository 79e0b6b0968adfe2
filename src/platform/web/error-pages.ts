import type { FastifyError, FastifyInstance } from 'fastify';
import { apiError, HttpError } from './errors.js';

const isApi = (url: string) => url.startsWith('/api/');

const PAGES: Record<number, { template: string; title: string }> = {
  400: { template: 'platform/errors/400.njk', title: 'There is a problem with what was sent' },
  403: { template: 'platform/errors/403.njk', title: 'You do not have permission to see this page' },
  404: { template: 'platform/errors/404.njk', title: 'Page not found' },
  413: { template: 'platform/errors/400.njk', title: 'What you sent is too large' },
  415: { template: 'platform/errors/400.njk', title: 'What you sent is in a format we cannot read' },
  429: { template: 'platform/errors/429.njk', title: 'Too many attempts' },
  500: { template: 'platform/errors/500.njk', title: 'Sorry, there is a problem with the service' },
};

/** 404 and error pages for people, the `{ error: { code, message, details } }` shape for the API. */
export function setUpErrorPages(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) => {
    if (isApi(request.url)) return reply.code(404).send(apiError('not_found', `There is no ${request.method} ${request.url.split('?')[0]}`));
    return reply.render(PAGES[404]!.template, { title: PAGES[404]!.title }, 404);
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    let status = error.statusCode ?? 500;
    let code = error instanceof HttpError ? error.code : (error as FastifyError).code ?? 'internal_error';
    let message = error.message;
    let details: unknown = error instanceof HttpError ? error.details : undefined;

    if ((error as FastifyError).validation) {
      status = 400;
      code = 'validation_failed';
      details = (error as FastifyError).validation!.map((v) => ({
        field: v.instancePath ? v.instancePath.slice(1).replace(/\//g, '.') : (v.params as { missingProperty?: string }).missingProperty ?? '',
        message: v.message,
      }));
      message = `The request is not valid: ${(error as FastifyError).validationContext ?? 'body'} ${error.message.replace(/^(body|querystring|params)\s*/, '')}`;
    } else if (code === 'FST_CSRF_INVALID_TOKEN' || code === 'FST_CSRF_MISSING_SECRET') {
      status = 403;
      code = 'csrf_failed';
      message = 'The form was out of date or was not sent from this service. Go back, reload the page and try again.';
    } else if (status === 413) {
      code = 'too_large';
      message = 'What you sent is too large';
    } else if (status === 415) {
      code = 'unsupported_media_type';
      message = 'Send JSON (application/json) or a form';
    } else if (status === 429) {
      code = 'too_many_requests';
      message = 'Too many attempts. Wait a few minutes and try again.';
    } else if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      code = 'internal_error';
      message = 'Sorry, there is a problem with the service. Try again later.';
      details = undefined;
    } else if (status === 400 && (error as FastifyError).code?.startsWith('FST_')) {
      code = 'bad_request';
      message = 'The request could not be read. Check that the body is valid JSON or form data.';
    }

    if (isApi(request.url) || request.authMethod === 'token') {
      return reply.code(status).send(apiError(code, message, details));
    }
    const page = PAGES[status] ?? PAGES[status >= 500 ? 500 : 400]!;
    return reply.render(page.template, { title: page.title, message, requestId: request.id }, status);
  });
}
