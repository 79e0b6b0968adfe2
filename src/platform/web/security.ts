import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';

/**
 * Security headers and cookies, the same in every environment and in every test: a CSP with
 * a per-request nonce, HSTS, no framing, no referrer leaks, CSRF on every form.
 */
export async function setUpWebSecurity(
  app: FastifyInstance,
  options: {
    cookieSecure: boolean;
    /**
     * Other origins a form may lead to. Browsers apply form-action to the redirects after a
     * form too, so the OpenID Connect button (a POST answered by a redirect to the identity
     * provider) needs the provider's origin here. Called for each response.
     */
    formActionOrigins?: (() => readonly string[]) | undefined;
  },
) {
  const formActionOrigins = options.formActionOrigins;
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'", ...(formActionOrigins ? [() => formActionOrigins().join(' ')] : [])],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  // Upload forms are streamed by the routes that take them (src/platform/web/multipart.ts).
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(csrf, {
    cookieKey: 'send-hub-csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: options.cookieSecure },
    // The token comes in the form body or a header, never in a URL where logs would keep it.
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      const header = req.headers['x-csrf-token'];
      return fromBody ?? (typeof header === 'string' ? header : undefined);
    },
  });

  // Pages for a signed-in person never sit in a shared or back-button cache.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.user || request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
