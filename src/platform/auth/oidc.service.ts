import * as client from 'openid-client';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { User } from '../../db/schema.js';
import { digest, newSecret } from './secrets.js';
import { normaliseEmail } from './users.service.js';

/** How long someone has at their identity provider before the sign-in must start again. */
export const OIDC_LOGIN_MINUTES = 10;

export type OidcSettings = NonNullable<Config['oidc']>;

/** The identity provider could not be reached, or its discovery document is unusable. */
export class OidcUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OidcUnavailableError';
  }
}

/**
 * Why a sign-in was refused. `provider-error`: the provider sent an error instead of a code
 * (the person cancelled, or is not allowed to use this service); `expired`: no sign-in in
 * progress for this browser (took too long, used twice, or started in another browser);
 * `invalid-response`: the response failed a check (state, PKCE, nonce, signature, issuer).
 */
export type OidcFailureReason =
  | 'expired'
  | 'provider-error'
  | 'invalid-response'
  | 'unavailable'
  | 'no-account'
  | 'email-not-verified'
  | 'linked-to-another-identity'
  | 'disabled';

export type OidcResult =
  | { ok: true; userId: string; returnTo: string; matchedBy: 'subject' | 'email' }
  | {
      ok: false;
      reason: OidcFailureReason;
      returnTo?: string;
      userId?: string;
      /** The provider's error code, for provider-error (e.g. access_denied). */
      providerError?: string;
    };

/** The claims used to find the account, from the ID token (and the UserInfo endpoint when it has no email). */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email?: string | undefined;
  emailVerified: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http is allowed only to a provider on this machine (development and tests). */
export function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
}

/**
 * OpenID Connect sign-in (authorization code flow with PKCE, state and nonce) with openid-client.
 * Discovery is lazy and cached: the service starts while the provider is down, and the
 * first sign-in after it comes back works. The identity provider proves who someone is; only
 * an administrator decides whether they have an account and what role it has.
 */
export function oidcService(settings: OidcSettings, baseUrl: string, options: { timeoutSeconds?: number } = {}) {
  const issuer = new URL(settings.issuer);
  const redirectUri = `${baseUrl}/sign-in/oidc/callback`;
  const timeout = options.timeoutSeconds ?? 10;
  let discovered: Promise<client.Configuration> | undefined;
  /** Where the sign-in button leads: the issuer's origin, and the authorization endpoint's once known. */
  const origins = new Set([issuer.origin]);

  function configuration(): Promise<client.Configuration> {
    if (issuer.protocol !== 'https:' && !isLoopbackHttp(issuer)) {
      return Promise.reject(new OidcUnavailableError(`OIDC_ISSUER must use https (plain http is allowed only on 127.0.0.1 or localhost): ${settings.issuer}`));
    }
    discovered ??= client
      .discovery(issuer, settings.clientId, { client_secret: settings.clientSecret }, client.ClientSecretBasic(settings.clientSecret), {
        timeout,
        ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .then((config) => {
        const endpoint = config.serverMetadata().authorization_endpoint;
        if (endpoint) origins.add(new URL(endpoint).origin);
        return config;
      })
      .catch((e: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw new OidcUnavailableError(`OpenID Connect discovery at ${settings.issuer} failed: ${(e as Error).message}`, { cause: e });
      });
    return discovered;
  }

  async function findAccount(db: Db, identity: OidcIdentity): Promise<{ user: User; matchedBy: 'subject' | 'email' } | { reason: OidcFailureReason; user?: User }> {
    const bySubject = await db
      .selectFrom('users')
      .selectAll()
      .where('oidc_issuer', '=', identity.issuer)
      .where('oidc_subject', '=', identity.subject)
      .executeTakeFirst();
    if (bySubject) return { user: bySubject, matchedBy: 'subject' };
    if (!identity.email) return { reason: 'no-account' };
    const byEmail = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(identity.email)).executeTakeFirst();
    if (!byEmail) return { reason: 'no-account' };
    // An unverified address proves nothing: anyone could have typed it at the provider.
    if (!identity.emailVerified) return { reason: 'email-not-verified', user: byEmail };
    // Linked once, linked for good: a second identity with the same address does not take over.
    if (byEmail.oidc_subject !== null) return { reason: 'linked-to-another-identity', user: byEmail };
    return { user: byEmail, matchedBy: 'email' };
  }

  return {
    label: settings.label,
    redirectUri,

    /** Discovers the provider now (for a health check, or to fail early). */
    discover: configuration,

    /** For the sign-in page's Content-Security-Policy form-action, which browsers apply to the redirect. */
    formActionOrigins: (): readonly string[] => [...origins],

    /**
     * Starts a sign-in: keeps state, nonce and PKCE verifier on the server under the digest of
     * a new random id, and returns that id (for the cookie) and the provider's URL.
     */
    async start(db: Db, returnTo: string, now = new Date()): Promise<{ loginId: string; url: URL }> {
      const config = await configuration();
      const loginId = newSecret();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
      await db.deleteFrom('oidc_logins').where('expires_at', '<', now).execute();
      await db
        .insertInto('oidc_logins')
        .values({
          id: digest(loginId),
          state,
          nonce,
          code_verifier: codeVerifier,
          return_to: returnTo,
          created_at: now,
          expires_at: new Date(now.getTime() + OIDC_LOGIN_MINUTES * 60_000),
        })
        .execute();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        state,
        nonce,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      });
      return { loginId, url };
    },

    /**
     * Finishes a sign-in from the provider's redirect: spends the sign-in in progress (once
     * only), checks the response (state, PKCE, nonce, ID token) and finds the account.
     * `search` is the callback's query string. Links issuer and subject to an account found
     * by verified email. Errors from the provider or the checks come back as a refusal; only
     * an unreachable provider throws (OidcUnavailableError).
     */
    async finish(db: Db, loginId: string | undefined, search: string, now = new Date()): Promise<OidcResult> {
      const query = new URLSearchParams(search);
      const login = loginId
        ? await db.deleteFrom('oidc_logins').where('id', '=', digest(loginId)).returningAll().executeTakeFirst()
        : undefined;
      if (!login || new Date(login.expires_at) <= now) {
        const providerError = query.get('error');
        return providerError ? { ok: false, reason: 'provider-error', providerError } : { ok: false, reason: 'expired' };
      }
      const returnTo = login.return_to;
      const config = await configuration();
      const current = new URL(redirectUri);
      current.search = query.toString();

      let identity: OidcIdentity;
      try {
        const tokens = await client.authorizationCodeGrant(config, current, {
          expectedState: login.state,
          expectedNonce: login.nonce,
          pkceCodeVerifier: login.code_verifier,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) return { ok: false, reason: 'invalid-response', returnTo };
        let email = typeof claims.email === 'string' ? claims.email : undefined;
        let emailVerified = claims.email_verified === true;
        // Some providers (oidc-provider, Okta) keep scope claims out of the ID token when an
        // access token is issued: ask the UserInfo endpoint, bound to the same subject.
        if (email === undefined && config.serverMetadata().userinfo_endpoint && tokens.access_token) {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          email = typeof info.email === 'string' ? info.email : undefined;
          emailVerified = info.email_verified === true;
        }
        identity = { issuer: claims.iss, subject: claims.sub, email, emailVerified };
      } catch (e) {
        if (e instanceof client.AuthorizationResponseError) {
          return { ok: false, reason: 'provider-error', providerError: e.error, returnTo };
        }
        if (isUnreachable(e)) throw new OidcUnavailableError(`The OpenID Connect provider ${settings.issuer} could not be reached`, { cause: e });
        return { ok: false, reason: 'invalid-response', returnTo };
      }

      const found = await findAccount(db, identity);
      if (!('matchedBy' in found)) return { ok: false, reason: found.reason, returnTo, ...(found.user ? { userId: found.user.id } : {}) };
      const { user, matchedBy } = found;
      if (user.disabled) return { ok: false, reason: 'disabled', returnTo, userId: user.id };
      if (matchedBy === 'email') {
        const linked = await db
          .updateTable('users')
          .set({ oidc_issuer: identity.issuer, oidc_subject: identity.subject })
          .where('id', '=', user.id)
          .where('oidc_subject', 'is', null)
          .executeTakeFirst();
        // Another identity linked itself in the meantime.
        if (Number(linked.numUpdatedRows) !== 1) return { ok: false, reason: 'linked-to-another-identity', returnTo, userId: user.id };
      }
      return { ok: true, userId: user.id, returnTo, matchedBy };
    },
  };
}

/** A network failure talking to the provider, as opposed to a response that failed a check. */
function isUnreachable(e: unknown): boolean {
  for (let err = e as { cause?: unknown; name?: string; message?: string } | undefined; err; err = err.cause as typeof err) {
    if (err.name === 'AbortError' || err.name === 'TimeoutError') return true;
    if (err instanceof TypeError && err.message === 'fetch failed') return true;
  }
  return false;
}

export type OidcService = ReturnType<typeof oidcService>;
