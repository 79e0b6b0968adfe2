import type { Access } from '../access/access.js';
import type { CurrentUser } from '../auth/users.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    /** How the user proved who they are: a session cookie, or a bearer token (no CSRF). */
    authMethod: 'session' | 'token' | null;
    sessionSecret: string | null;
  }
  interface FastifyInstance {
    /** Renders a template with only the context given (and the globals): no user, CSRF token or nonce. */
    renderFragment(template: string, context: Record<string, unknown>): string;
  }
  interface FastifyReply {
    /** Renders a page with the layout's context (user, navigation, CSRF token, CSP nonce). */
    render(template: string, context?: Record<string, unknown>, status?: number): FastifyReply;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Forms that cannot carry a CSRF token (none today); never set for convenience. */
    csrfExempt?: boolean;
    /** Upload forms: CSRF is checked by readMultipartForm (src/platform/web/multipart.ts) from the first field. */
    multipartForm?: boolean;
  }
}

export {};
