/**
 * Links records to one child, as data-formats.md says: by UPN, else NHS number, else exact
 * forename, surname and date of birth (names compared trimmed and without regard to case).
 *
 * - A record is tried against each identifier it has, in that order; the first that finds a child
 *   links it, and identifiers the child lacked are filled in from the record.
 * - Name and date of birth only match children whose UPN and NHS number do not contradict the
 *   record's. More than one such child is ambiguous: the record stays unlinked and waits in
 *   link_queue for a person.
 * - No match: a child is created when the record has forename, surname and date of birth (the
 *   children table needs them); otherwise the record stays unlinked (attendance, suspensions,
 *   AP and post-16 rows carry only a UPN, and link once a census or care record names the child).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { RecordIdentity } from './tables.js';

export type LinkMethod = 'upn' | 'nhs-number' | 'name-dob';

export type LinkResult =
  | { readonly kind: 'linked'; readonly childId: string; readonly method: LinkMethod }
  | { readonly kind: 'created'; readonly childId: string }
  | { readonly kind: 'ambiguous'; readonly candidates: string[] }
  | { readonly kind: 'unlinked' };

export interface LinkCounts {
  upn: number;
  'nhs-number': number;
  'name-dob': number;
  created: number;
  queued: number;
  unlinked: number;
}

interface ChildIds {
  id: string;
  upn: string | null;
  nhs_number: string | null;
}

/** Children created before the linker first refreshes their statistics (then at each doubling). */
const ANALYZE_FIRST = 10_000;

export class Linker {
  private readonly byUpn = new Map<string, string>();
  private readonly byNhs = new Map<string, string>();
  /** Identifiers prefetch found no child for (until a child is created with one). */
  private readonly absent = new Set<string>();
  readonly counts: LinkCounts = { upn: 0, 'nhs-number': 0, 'name-dob': 0, created: 0, queued: 0, unlinked: 0 };
  /**
   * UPNs and NHS numbers this linker gave to children (new children, or identifiers filled in).
   * Only these can link records stored before (relink.ts), so with none there is nothing to re-link.
   */
  identifiersAdded = 0;
  /** Child ids linked in this import, with the first method used: child_links rows. */
  readonly links = new Map<string, LinkMethod>();
  /** Children by lower(surname)|lower(trim(forename))|date of birth, for the records that may need them. */
  private readonly byName = new Map<string, ChildIds[]>();
  /** Every child byName holds, by id: what is known of its identifiers, kept up to date in memory. */
  private readonly known = new Map<string, ChildIds>();
  /** Children to insert, and identifiers to fill in, at the next flush. */
  private pendingChildren: Record<string, string | null>[] = [];
  private pendingUpn: [string, string][] = [];
  private pendingNhs: [string, string][] = [];
  /** Children this linker created, and the count at which it next refreshes the planner's statistics. */
  private created = 0;
  private analyzeAt = ANALYZE_FIRST;
  private analyzed = 0;
  /** Links not yet handed out by `takeNewLinks`. */
  private newLinks: [string, LinkMethod][] = [];

  /** The links made since the last call, to record as child_links: each is handed out once. */
  takeNewLinks(): [string, LinkMethod][] {
    const fresh = this.newLinks;
    this.newLinks = [];
    return fresh;
  }

  private addLink(childId: string, method: LinkMethod): void {
    if (this.links.has(childId)) return;
    this.links.set(childId, method);
    this.newLinks.push([childId, method]);
  }

  constructor(private readonly db: Db) {}

  /** Loads the children of many UPNs and NHS numbers in a few queries (1,000 at a time). */
  async prefetch(identities: readonly RecordIdentity[]): Promise<void> {
    const upns = [...new Set(identities.map((i) => i.upn).filter((u): u is string => !!u && !this.byUpn.has(u)))];
    const nhs = [...new Set(identities.map((i) => i.nhsNumber).filter((n): n is string => !!n && !this.byNhs.has(n)))];
    for (let i = 0; i < upns.length; i += 1000) {
      const rows = await this.db.selectFrom('children').select(['id', 'upn']).where('upn', 'in', upns.slice(i, i + 1000)).orderBy('created_at').orderBy('id').execute();
      // The earliest child of a UPN, as `lookup` finds.
      for (const r of rows) if (!this.byUpn.has(r.upn!)) this.byUpn.set(r.upn!, r.id);
    }
    for (const u of upns) if (!this.byUpn.has(u)) this.absent.add(`upn:${u}`);
    for (let i = 0; i < nhs.length; i += 1000) {
      const rows = await this.db.selectFrom('children').select(['id', 'nhs_number']).where('nhs_number', 'in', nhs.slice(i, i + 1000)).orderBy('created_at').orderBy('id').execute();
      for (const r of rows) if (!this.byNhs.has(r.nhs_number!)) this.byNhs.set(r.nhs_number!, r.id);
    }
    for (const n of nhs) if (!this.byNhs.has(n)) this.absent.add(`nhs_number:${n}`);
  }

  /**
   * Counts `rows` records linked by a UPN `prefetch` looked up (attendance, which cannot create a
   * child): to `childId`, or unlinked when it is null.
   */
  countPrefetchedUpn(upn: string, childId: string | null, rows: number): void {
    if (rows === 0) return;
    if (childId === null) {
      this.counts.unlinked += rows;
      return;
    }
    this.counts.upn += rows;
    this.addLink(childId, 'upn');
  }

  /** The child of a UPN `prefetch` has looked up, or null, without counting a link. */
  childOfPrefetchedUpn(upn: string): string | null {
    const id = this.byUpn.get(upn);
    if (id === undefined && !this.absent.has(`upn:${upn}`)) throw new Error(`UPN ${upn} was not prefetched`);
    return id ?? null;
  }

  /**
   * Links a batch of records, in order, as if one by one: a child created or given an identifier
   * by one record is found by the records after it. The batch costs a few queries, not a few per
   * record: identifiers are prefetched, name and date of birth candidates fetched together, and new
   * children inserted together.
   */
  async linkMany(identities: readonly RecordIdentity[]): Promise<LinkResult[]> {
    await this.prefetch(identities);
    await this.fetchNameCandidates(identities);
    const results: LinkResult[] = [];
    for (const identity of identities) {
      const result = await this.find(identity);
      if (result.kind === 'linked') {
        this.counts[result.method]++;
        this.addLink(result.childId, result.method);
      } else if (result.kind === 'created') this.counts.created++;
      else if (result.kind === 'ambiguous') this.counts.queued++;
      else this.counts.unlinked++;
      results.push(result);
    }
    await this.flush();
    return results;
  }

  private static nameKey(surname: string, forename: string, dob: string): string {
    return `${surname.trim().toLowerCase()}|${forename.trim().toLowerCase()}|${dob}`;
  }

  private async fetchNameCandidates(identities: readonly RecordIdentity[]): Promise<void> {
    const wanted = new Map<string, [string, string, string]>();
    for (const { upn, nhsNumber, forename, surname, dateOfBirth } of identities) {
      if (!forename || !surname || !dateOfBirth) continue;
      if ((upn && this.byUpn.has(upn)) || (nhsNumber && this.byNhs.has(nhsNumber))) continue;
      const key = Linker.nameKey(surname, forename, dateOfBirth);
      if (!this.byName.has(key) && !wanted.has(key)) wanted.set(key, [surname.trim().toLowerCase(), forename.trim().toLowerCase(), dateOfBirth]);
    }
    const keys = [...wanted.values()];
    for (const key of wanted.keys()) this.byName.set(key, []);
    for (let i = 0; i < keys.length; i += 5_000) {
      const part = keys.slice(i, i + 5_000);
      const rows = await sql<ChildIds & { family: string; given: string; dob: string }>`
        select c.id, c.upn, c.nhs_number, k.family, k.given, k.dob
        from unnest(${part.map((k) => k[0])}::text[], ${part.map((k) => k[1])}::text[], ${part.map((k) => k[2])}::text[]) as k(family, given, dob)
        join children c on lower(c.family_name) = k.family and lower(trim(c.given_name)) = k.given and c.date_of_birth = k.dob::date
        order by c.created_at, c.id`.execute(this.db);
      for (const r of rows.rows) {
        const child = this.known.get(r.id) ?? { id: r.id, upn: r.upn, nhs_number: r.nhs_number };
        this.known.set(r.id, child);
        this.byName.get(`${r.family}|${r.given}|${r.dob}`)!.push(child);
      }
    }
  }

  private async find(identity: RecordIdentity): Promise<LinkResult> {
    const { upn, nhsNumber: nhs, forename, surname, dateOfBirth: dob } = identity;
    if (upn) {
      const id = this.byUpn.get(upn) ?? (await this.lookup('upn', upn));
      if (id) return this.found(id, 'upn', identity);
    }
    if (nhs) {
      const id = this.byNhs.get(nhs) ?? (await this.lookup('nhs_number', nhs));
      if (id) return this.found(id, 'nhs-number', identity);
    }
    if (forename && surname && dob) {
      const key = Linker.nameKey(surname, forename, dob);
      if (!this.byName.has(key)) await this.fetchNameCandidates([identity]);
      const candidates = this.byName.get(key)!;
      const fitting = candidates.filter((c) => (!upn || !c.upn || c.upn === upn) && (!nhs || !c.nhs_number || c.nhs_number === nhs));
      if (fitting.length === 1) return this.found(fitting[0]!.id, 'name-dob', identity);
      if (fitting.length > 1) return { kind: 'ambiguous', candidates: fitting.map((c) => c.id).sort() };
      const child: ChildIds = { id: randomUUID(), upn, nhs_number: nhs };
      this.pendingChildren.push({
        id: child.id,
        given_name: forename,
        family_name: surname,
        date_of_birth: dob,
        upn,
        nhs_number: nhs,
        gender: identity.gender ?? null,
        postcode: identity.postcode ?? null,
      });
      candidates.push(child);
      this.known.set(child.id, child);
      if (upn || nhs) this.identifiersAdded++;
      this.remember(child.id, upn, nhs);
      return { kind: 'created', childId: child.id };
    }
    return { kind: 'unlinked' };
  }

  private async lookup(column: 'upn' | 'nhs_number', value: string): Promise<string | undefined> {
    if (this.absent.has(`${column}:${value}`)) return undefined;
    await this.flush();
    const row = await this.db.selectFrom('children').select('id').where(column, '=', value).orderBy('created_at').orderBy('id').executeTakeFirst();
    if (row) (column === 'upn' ? this.byUpn : this.byNhs).set(value, row.id);
    return row?.id;
  }

  /**
   * Links to a child, filling in a UPN or NHS number it did not have. For a child whose
   * identifiers are known in memory the fill is decided there and written at the flush; for any
   * other, the database decides now.
   */
  private async found(childId: string, method: LinkMethod, identity: RecordIdentity): Promise<LinkResult> {
    const child = this.known.get(childId);
    for (const [value, column, index, pending] of [
      [identity.upn, 'upn', this.byUpn, this.pendingUpn],
      [identity.nhsNumber, 'nhs_number', this.byNhs, this.pendingNhs],
    ] as const) {
      if (!value || index.has(value)) continue;
      if (child) {
        if (child[column] !== null) continue;
        child[column] = value;
        pending.push([childId, value]);
        index.set(value, childId);
        this.identifiersAdded++;
      } else {
        await this.flush();
        const r = await this.db.updateTable('children').set({ [column]: value }).where('id', '=', childId).where(column, 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) {
          index.set(value, childId);
          this.identifiersAdded++;
        }
      }
    }
    return { kind: 'linked', childId, method };
  }

  /**
   * Refreshes the planner's statistics on children once this import has changed them: a table
   * that grew from nothing in this import (the first census) looks empty to the planner, which
   * then reads every child for each batch's UPN look-up instead of using the index (at scale 10,
   * 40 ms a batch, and the next import's batches too; PGlite has no autovacuum, and a server's
   * runs only after the commit). SKIP_LOCKED: never wait for, or hold up, another import's.
   */
  async settle(): Promise<void> {
    await this.flush();
    if (this.created > this.analyzed) await this.analyze();
  }

  private async analyze(): Promise<void> {
    await sql`analyze (skip_locked) children`.execute(this.db);
    this.analyzed = this.created;
  }

  /** Writes the children created and the identifiers filled in since the last flush. */
  private async flush(): Promise<void> {
    const children = this.pendingChildren;
    this.pendingChildren = [];
    for (let i = 0; i < children.length; i += 1_000) {
      await this.db.insertInto('children').values(children.slice(i, i + 1_000) as never).execute();
    }
    this.created += children.length;
    if (this.created >= this.analyzeAt) {
      await this.analyze();
      this.analyzeAt = this.created * 2;
    }
    for (const [column, pending] of [['upn', this.pendingUpn], ['nhs_number', this.pendingNhs]] as const) {
      if (pending.length === 0) continue;
      await sql`
        update children c set ${sql.ref(column)} = v.value
        from unnest(${pending.map((p) => p[0])}::uuid[], ${pending.map((p) => p[1])}::text[]) as v(id, value)
        where c.id = v.id and c.${sql.ref(column)} is null`.execute(this.db);
      pending.length = 0;
    }
  }

  private remember(childId: string, upn: string | null, nhs: string | null): void {
    if (upn) this.byUpn.set(upn, childId);
    if (nhs) this.byNhs.set(nhs, childId);
  }
}
