import path from 'node:path';

/**
 * The environment, read once, validated and frozen. A bad or missing variable stops start-up
 * with a message naming it; nothing else in the code reads process.env.
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** The address people reach the service at; used in links (password reset, OIDC redirect). */
  readonly baseUrl: string;
  readonly dataDir: string;
  /** Set: a PostgreSQL server. Unset: the embedded PGlite database under dataDir. */
  readonly databaseUrl: string | undefined;
  readonly seedDemo: boolean;
  readonly area: { readonly code: string; readonly name: string };
  /** AREA_COMPARATORS: ONS codes of the areas indicators are set beside; unset: the default set for the area (src/features/indicators/comparators.ts). */
  readonly areaComparators?: readonly string[];
  readonly serviceName: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly cookieSecure: boolean;
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number };
  readonly oidc:
    | { readonly issuer: string; readonly clientId: string; readonly clientSecret: string; readonly label: string }
    | undefined;
  readonly notify: { readonly apiKey: string; readonly emailTemplateId: string } | undefined;
  readonly login: { readonly maxFailures: number; readonly lockMinutes: number; readonly ratePerMinute: number };
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, but is "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, but is ${n}`);
  return n;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, but is "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a full URL, such as postgres://user@host:5432/database');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}, but starts with ${parsed.protocol}`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const baseUrl = (url(env, 'BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/$/, '');
  const areaCode = env.AREA_CODE || 'E06000063';
  if (!/^E0[6-9]\d{6}$|^E10\d{6}$/.test(areaCode)) {
    throw new ConfigError('AREA_CODE', `must be an ONS local authority code such as E06000063, but is "${areaCode}"`);
  }
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, but is "${env.LOG_LEVEL}"`);
  }

  const issuer = url(env, 'OIDC_ISSUER', ['http:', 'https:']);
  let oidc: Config['oidc'];
  if (issuer) {
    const clientId = env.OIDC_CLIENT_ID;
    const clientSecret = env.OIDC_CLIENT_SECRET;
    if (!clientId) throw new ConfigError('OIDC_CLIENT_ID', 'is required when OIDC_ISSUER is set');
    if (!clientSecret) throw new ConfigError('OIDC_CLIENT_SECRET', 'is required when OIDC_ISSUER is set');
    oidc = { issuer, clientId, clientSecret, label: env.OIDC_LABEL || 'your organisation’s account' };
  }

  const config: Config = {
    port,
    host,
    baseUrl,
    dataDir: path.resolve(cwd, env.DATA_DIR || 'data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    seedDemo: boolean(env, 'SEED_DEMO', true),
    area: { code: areaCode, name: env.AREA_NAME || 'Cumberland' },
    areaComparators: areaCodes(env, 'AREA_COMPARATORS'),
    serviceName: env.SERVICE_NAME || 'SEND Partnership Hub',
    logLevel,
    cookieSecure: boolean(env, 'COOKIE_SECURE', baseUrl.startsWith('https:')),
    session: {
      idleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      absoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 7 * 24),
    },
    oidc,
    notify: notify(env),
    login: {
      maxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
      lockMinutes: integer(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
      ratePerMinute: integer(env, 'LOGIN_RATE_PER_MINUTE', 10, 1, 10_000),
    },
  };
  return deepFreeze(config);
}

function areaCodes(env: Env, name: string): string[] {
  const codes = (env[name] ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  for (const c of codes) {
    if (!/^E0[6-9]\d{6}$|^E10\d{6}$/.test(c)) throw new ConfigError(name, `must be ONS local authority codes separated by commas, such as E06000064,E06000057, but "${c}" is not one`);
  }
  return [...new Set(codes)];
}

function notify(env: Env): Config['notify'] {
  const apiKey = env.NOTIFY_API_KEY;
  if (!apiKey) return undefined;
  const emailTemplateId = env.NOTIFY_EMAIL_TEMPLATE_ID;
  if (!emailTemplateId || !/^[0-9a-f-]{36}$/i.test(emailTemplateId)) {
    throw new ConfigError(
      'NOTIFY_EMAIL_TEMPLATE_ID',
      'must be the id of a GOV.UK Notify email template whose subject is ((subject)) and body ((body)) when NOTIFY_API_KEY is set',
    );
  }
  return { apiKey, emailTemplateId };
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}
