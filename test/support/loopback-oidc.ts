import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

/** What the test provider says about a person. */
export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** Leave email out of the ID token (it is still at the UserInfo endpoint), as some providers do. */
  emailOnlyAtUserInfo?: boolean;
}

/** The header a test browser sends to choose who signs in at the provider ('deny' refuses). */
export const LOGIN_AS_HEADER = 'x-test-login-as';

export interface LoopbackOidc {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 with an ephemeral port; the handler can be set once the port is known. */
export async function listenOnLoopback(): Promise<{ server: http.Server; url: string; handle(h: http.RequestListener): void }> {
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end('not ready');
  };
  const server = http.createServer((req, res) => handler(req, res));
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, handle: (h) => (handler = h) };
}

export function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, with one confidential client
 * whose redirect URI is the app's callback. Its login and consent screens are replaced by a
 * handler that signs in the subject named in the LOGIN_AS_HEADER of the request (or refuses
 * with access_denied for 'deny'), so a test drives the real authorization code flow without
 * a browser.
 */
export async function startLoopbackOidc(options: { redirectUri: string; accounts?: Record<string, TestAccount> }): Promise<LoopbackOidc> {
  const listener = await listenOnLoopback();
  const issuer = listener.url;
  const clientId = 'send-hub-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put the scopes' claims in the ID token, as Google, Keycloak and Entra ID do; an account
    // with emailOnlyAtUserInfo shows the other behaviour.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    adapter: mapAdapter(),
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [jwk] },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: (use) => {
          const { emailOnlyAtUserInfo, ...claims } = account;
          if (use === 'id_token' && emailOnlyAtUserInfo) {
            delete claims.email;
            delete claims.email_verified;
          }
          return { sub, ...claims };
        },
      };
    },
  });
  // oidc-provider reports expected client errors as events; keep the test output quiet.
  provider.on('server_error', (_ctx, err) => console.error('oidc-provider server_error', err));

  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([^/]+)$/.exec(ctx.path);
    if (!match || ctx.method !== 'GET') return next();
    const interaction = await provider.interactionDetails(ctx.req, ctx.res);
    let result: Record<string, unknown>;
    if (interaction.prompt.name === 'login') {
      const who = ctx.get(LOGIN_AS_HEADER);
      if (who && who !== 'deny' && !accounts.has(who)) {
        ctx.status = 400;
        ctx.body = `The test provider has no account "${who}"`;
        return;
      }
      result =
        !who || who === 'deny'
          ? { error: 'access_denied', error_description: 'End-User aborted interaction' }
          : { login: { accountId: who } };
    } else {
      const grant = new provider.Grant({ accountId: interaction.session!.accountId!, clientId: String(interaction.params.client_id) });
      grant.addOIDCScope(String(interaction.params.scope));
      result = { consent: { grantId: await grant.save() } };
    }
    const to = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: true });
    ctx.status = 303;
    ctx.redirect(to);
    ctx.status = 303;
  });

  listener.handle(provider.callback());
  return { issuer, clientId, clientSecret, accounts, close: () => closeServer(listener.server) };
}

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

/** Provider storage in a Map, one per provider: what the built-in memory adapter does, without its warning. */
function mapAdapter() {
  const store = new Map<string, { payload: Payload; expiresAt: number | undefined }>();
  const live = (key: string) => {
    const entry = store.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt < Date.now()) store.delete(key);
    return store.get(key)?.payload;
  };
  return class MapAdapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Payload, expiresIn?: number) {
      store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    }
    async find(id: string) {
      return live(this.key(id));
    }
    async findByUid(uid: string) {
      for (const [key, { payload }] of store) if (key.startsWith(`${this.model}:`) && payload.uid === uid) return live(key);
      return undefined;
    }
    async findByUserCode(userCode: string) {
      for (const [key, { payload }] of store) if (key.startsWith(`${this.model}:`) && payload.userCode === userCode) return live(key);
      return undefined;
    }
    async consume(id: string) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, { payload }] of store) if (payload.grantId === grantId) store.delete(key);
    }
  };
}
