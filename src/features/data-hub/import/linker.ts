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

export class Linker {
  private readonly byUpn = new Map<string, string>();
  private readonly byNhs = new Map<string, string>();
  /** Identifiers prefetch found no child for (until a child is created with one). */
  private readonly absent = new Set<string>();
  readonly counts: LinkCounts = { upn: 0, 'nhs-number': 0, 'name-dob': 0, created: 0, queued: 0, unlinked: 0 };
  /** Child ids linked in this import, with the first method used: child_links rows. */
  readonly links = new Map<string, LinkMethod>();
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
      const rows = await this.db.selectFrom('children').select(['id', 'upn']).where('upn', 'in', upns.slice(i, i + 1000)).execute();
      for (const r of rows) this.byUpn.set(r.upn!, r.id);
    }
    for (const u of upns) if (!this.byUpn.has(u)) this.absent.add(`upn:${u}`);
    for (let i = 0; i < nhs.length; i += 1000) {
      const rows = await this.db.selectFrom('children').select(['id', 'nhs_number']).where('nhs_number', 'in', nhs.slice(i, i + 1000)).execute();
      for (const r of rows) this.byNhs.set(r.nhs_number!, r.id);
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

  async link(identity: RecordIdentity): Promise<LinkResult> {
    const result = await this.find(identity);
    if (result.kind === 'linked') {
      this.counts[result.method]++;
      this.addLink(result.childId, result.method);
    } else if (result.kind === 'created') this.counts.created++;
    else if (result.kind === 'ambiguous') this.counts.queued++;
    else this.counts.unlinked++;
    return result;
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
      const candidates = await this.db
        .selectFrom('children')
        .select(['id', 'upn', 'nhs_number'])
        .where(sql<string>`lower(family_name)`, '=', surname.trim().toLowerCase())
        .where(sql<string>`lower(trim(given_name))`, '=', forename.trim().toLowerCase())
        .where('date_of_birth', '=', dob)
        .execute();
      const fitting = candidates.filter((c: ChildIds) => (!upn || !c.upn || c.upn === upn) && (!nhs || !c.nhs_number || c.nhs_number === nhs));
      if (fitting.length === 1) return this.found(fitting[0]!.id, 'name-dob', identity);
      if (fitting.length > 1) return { kind: 'ambiguous', candidates: fitting.map((c) => c.id).sort() };
      const created = await this.db
        .insertInto('children')
        .values({
          given_name: forename,
          family_name: surname,
          date_of_birth: dob,
          upn,
          nhs_number: nhs,
          gender: identity.gender ?? null,
          postcode: identity.postcode ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      this.remember(created.id, upn, nhs);
      return { kind: 'created', childId: created.id };
    }
    return { kind: 'unlinked' };
  }

  private async lookup(column: 'upn' | 'nhs_number', value: string): Promise<string | undefined> {
    if (this.absent.has(`${column}:${value}`)) return undefined;
    const row = await this.db.selectFrom('children').select('id').where(column, '=', value).orderBy('created_at').executeTakeFirst();
    if (row) (column === 'upn' ? this.byUpn : this.byNhs).set(value, row.id);
    return row?.id;
  }

  /** Links to a child, filling in a UPN or NHS number it did not have. */
  private async found(childId: string, method: LinkMethod, identity: RecordIdentity): Promise<LinkResult> {
    if (identity.upn && !this.byUpn.has(identity.upn)) {
      const r = await this.db.updateTable('children').set({ upn: identity.upn }).where('id', '=', childId).where('upn', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) this.byUpn.set(identity.upn, childId);
    }
    if (identity.nhsNumber && !this.byNhs.has(identity.nhsNumber)) {
      const r = await this.db.updateTable('children').set({ nhs_number: identity.nhsNumber }).where('id', '=', childId).where('nhs_number', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) this.byNhs.set(identity.nhsNumber, childId);
    }
    return { kind: 'linked', childId, method };
  }

  private remember(childId: string, upn: string | null, nhs: string | null): void {
    if (upn) this.byUpn.set(upn, childId);
    if (nhs) this.byNhs.set(nhs, childId);
  }
}
