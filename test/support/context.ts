import { after, before, describe } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { services, type Services } from '../../src/services.js';
import { createApp, type App } from '../../src/app.js';
import { seedPlatformDemo, demoEmail, DEMO_PASSWORD, ensureCouncil } from '../../src/demo/platform.seed.js';
import type { Role } from '../../src/platform/access/roles.js';
import type { NotificationSender } from '../../src/platform/notifications/notifications.service.js';
import { freshDatabase, testDialects, type TestDialect } from './database.js';

export interface TestContext {
  dialect: TestDialect;
  /** The PostgreSQL server database's URL, for a second connection (as the CLI makes); undefined on PGlite. */
  databaseUrl: string | undefined;
  app: App;
  server: FastifyInstance;
  s: Services;
  config: Config;
  /** A browser-like client: keeps cookies, reads CSRF tokens from pages. */
  client(): TestClient;
  /** A client already signed in as the demo user of a role. */
  signedIn(role: Role): Promise<TestClient>;
}

export interface ContextOptions {
  env?: Record<string, string>;
  seed?: boolean;
  sender?: NotificationSender;
}

/**
 * Runs a suite once per database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), each
 * time against the real app on a fresh database: real routes, real CSRF, real audit.
 */
export function describeApp(name: string, fn: (ctx: () => TestContext) => void, options: ContextOptions = {}) {
  for (const dialect of testDialects()) {
    describe(`${name} [${dialect}]`, () => {
      let ctx: TestContext | undefined;
      let drop: () => Promise<void> = async () => {};
      before(async () => {
        const fresh = await freshDatabase(dialect);
        drop = fresh.drop;
        const config = loadConfig({ LOG_LEVEL: 'silent', AREA_CODE: 'E06000063', AREA_NAME: 'Cumberland', ...options.env }, process.cwd());
        await ensureCouncil(fresh.database.db, config.area);
        if (options.seed !== false) await seedPlatformDemo(fresh.database.db, config.area);
        const s = services(config, fresh.database, options.sender ? { sender: options.sender } : {});
        const app = await createApp(s, { logger: false });
        ctx = {
          dialect,
          databaseUrl: fresh.url,
          app,
          server: app.server,
          s,
          config,
          client: () => new TestClient(app.server),
          signedIn: async (role: Role) => {
            const c = new TestClient(app.server);
            await c.signIn(demoEmail(role), DEMO_PASSWORD);
            return c;
          },
        };
      });
      after(async () => {
        await ctx?.server.close();
        await drop();
      });
      fn(() => ctx!);
    });
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class TestClient {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(private readonly server: FastifyInstance) {}

  async request(method: Method, url: string, options: { form?: Record<string, string | string[]>; json?: unknown; headers?: Record<string, string>; body?: string } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | undefined = options.body;
    if (options.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(options.form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      payload = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    const res = await this.server.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request('GET', url, { headers });
  }

  /** Posts a form with the CSRF token from the last page, as a browser would. */
  async post(url: string, form: Record<string, string | string[]> = {}, options: { withCsrf?: boolean } = {}) {
    if (options.withCsrf !== false && !this.csrf) await this.get('/sign-in');
    const body = options.withCsrf === false ? form : { _csrf: this.csrf!, ...form };
    return this.request('POST', url, { form: body });
  }

  async signIn(email: string, password: string) {
    await this.get('/sign-in');
    const res = await this.post('/sign-in', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in as ${email} failed: ${res.statusCode}`);
    return res;
  }
}
