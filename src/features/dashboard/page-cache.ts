/**
 * The dashboard's pages, rendered once per version of the indicator store and reused.
 *
 * Every figure on the headline, priority, indicator and theme pages comes from the indicator
 * store, and the filters are in the URL, so the same URL shows the same page until the store
 * changes. A trigger bumps `indicator_store_version` in the transaction of every write to the
 * store (migration 2026-11-24T1600), whichever process or connection made it, so each request
 * reads that one row and reuses the page rendered for the same URL at the same version.
 *
 * Only the page's own part is kept: its main content, breadcrumbs, title, error summary and
 * status. It is rendered without the request's context (renderFragment: no user, CSRF token
 * or CSP nonce), and the layout around it is rendered for each request. Access is decided
 * before a handler runs (access.plugin.ts), so a refused role never reaches the cache.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** What is kept of a page: everything but the layout. */
export interface PagePart {
  status: number;
  title: string;
  errorList: readonly { text: string; href: string }[];
  /** HTML, rendered without any request's context. */
  breadcrumbs: string;
  main: string;
}

/** The store's version: a different value after every committed write to the store. Null if the row is missing. */
export async function storeVersion(db: Kysely<DB>): Promise<string | null> {
  const row = await db.selectFrom('indicator_store_version').select(sql<string>`version::text`.as('version')).executeTakeFirst();
  return row?.version ?? null;
}

/** A Map kept in use order: the least recently used entry goes first when it is full. */
export class Lru<K, V> {
  readonly #entries = new Map<K, V>();
  constructor(readonly max: number) {
    if (!(max >= 1)) throw new Error('An LRU holds at least one entry');
  }

  get size() {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** The value without marking it used. */
  peek(key: K): V | undefined {
    return this.#entries.get(key);
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }
}

/** URLs longer than this are rendered but not kept: no page's filters come near it. */
const MAX_KEY = 1024;

/**
 * Pages by URL, each with the store version it was rendered at. Requests for a URL that is
 * being rendered at the same version share that rendering; one that fails is not kept.
 */
export function pageCache(options: { version: () => Promise<string | null>; size: number }) {
  const pages = new Lru<string, { version: string; part: Promise<PagePart> }>(options.size);
  return {
    /** The page for a URL: the one rendered at the store's current version, or `render()`'s. */
    async get(url: string, render: () => Promise<PagePart>): Promise<PagePart> {
      // Read before rendering: a page kept under a version was rendered from figures at least that new.
      const version = await options.version();
      if (version === null || url.length > MAX_KEY) return render();
      const kept = pages.get(url);
      if (kept && kept.version === version) return kept.part;
      const part = render();
      pages.set(url, { version, part });
      try {
        return await part;
      } catch (e) {
        if (pages.peek(url)?.part === part) pages.delete(url);
        throw e;
      }
    },
    get size() {
      return pages.size;
    },
  };
}
