/**
 * A small browser over real HTTP for flows that span two servers (the app and an identity
 * provider): one cookie jar per host, redirects followed by hand so each hop can be checked.
 * Cookie paths and flags are not enforced; every cookie goes back to the host that set it.
 */
export interface Page {
  url: URL;
  status: number;
  headers: Headers;
  /** Set-Cookie headers of this response. */
  setCookies: string[];
  location: URL | undefined;
  body: string;
}

export class HttpBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  /** Extra headers for requests to a host (e.g. the test provider's choice of login). */
  constructor(private readonly extraHeaders: (url: URL) => Record<string, string> = () => ({})) {}

  cookies(host: string): Map<string, string> {
    let jar = this.jars.get(host);
    if (!jar) this.jars.set(host, (jar = new Map()));
    return jar;
  }

  async request(url: string | URL, init: { method?: 'GET' | 'POST'; form?: Record<string, string> } = {}): Promise<Page> {
    const target = new URL(url);
    const jar = this.cookies(target.host);
    const headers: Record<string, string> = { ...this.extraHeaders(target) };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    // `localhost` may resolve to ::1 first; the servers listen on 127.0.0.1. Cookies stay
    // keyed by the name in the URL, as a browser keeps them.
    const wire = new URL(target);
    if (wire.hostname === 'localhost') wire.hostname = '127.0.0.1';
    const res = await fetch(wire, { method: init.method ?? 'GET', headers, redirect: 'manual', ...(body !== undefined ? { body } : {}) });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) this.store(jar, line);
    const location = res.headers.get('location');
    return {
      url: target,
      status: res.status,
      headers: res.headers,
      setCookies,
      location: location ? new URL(location, target) : undefined,
      body: await res.text(),
    };
  }

  /**
   * Follows redirects (303/302/301/307 as GET, as browsers do after a form) until a page that
   * is not a redirect, or until `stopBefore` says not to fetch the next URL. Returns every hop.
   */
  async follow(first: Page, stopBefore: (next: URL) => boolean = () => false): Promise<{ last: Page; hops: Page[]; stoppedAt?: URL }> {
    const hops = [first];
    let page = first;
    for (let i = 0; i < 20 && page.status >= 300 && page.status < 400 && page.location; i++) {
      if (stopBefore(page.location)) return { last: page, hops, stoppedAt: page.location };
      page = await this.request(page.location);
      hops.push(page);
    }
    return { last: page, hops };
  }

  private store(jar: Map<string, string>, line: string) {
    const [pair, ...attributes] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    let expired = value === '';
    for (const a of attributes) {
      const [k, v = ''] = a.trim().split('=');
      if (k?.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
      if (k?.toLowerCase() === 'expires' && new Date(v).getTime() < Date.now()) expired = true;
    }
    if (expired) jar.delete(name);
    else jar.set(name, value);
  }
}

/** The attributes of a Set-Cookie header, lower-cased names. */
export function cookieAttributes(setCookies: string[], name: string): Record<string, string> | undefined {
  const line = setCookies.find((c) => c.startsWith(`${name}=`));
  if (!line) return undefined;
  const [, ...attributes] = line.split(';');
  return Object.fromEntries(attributes.map((a) => {
    const [k, v = ''] = a.trim().split('=');
    return [k!.toLowerCase(), v];
  }));
}
