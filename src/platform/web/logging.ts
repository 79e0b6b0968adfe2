import type { FastifyServerOptions } from 'fastify';

/**
 * pino options: a request id in every line; no cookies, tokens, passwords or query strings
 * (which can carry names searched for) ever reach the log.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.email',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        url: req.url.split('?')[0]!.replace(/\/password-reset\/[^/]+/, '/password-reset/[token]'),
        id: req.id,
      }),
    },
  };
}
