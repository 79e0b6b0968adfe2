/**
 * Reading the Local Offer directory: search (the public pages and the ORUK API's /services and
 * /service_at_locations) and one service with everything about it. Typed Kysely queries that run
 * the same on PGlite and PostgreSQL; full-text search uses the `services.search_vector` column
 * (English stemming) with websearch syntax, so "speech -adult" and "short breaks" work.
 *
 * Distance is great-circle (haversine) in SQL, pre-filtered by a bounding box on the indexed
 * latitude/longitude when a radius is given.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ServiceStatus } from '../../db/local-offer.tables.js';
import { NEED_TAXONOMY, NEED_TERMS, SERVICE_TYPE_TAXONOMY, needTermId } from './taxonomy.js';

const NEED_BY_TERM_ID = new Map(NEED_TERMS.map((t) => [needTermId(t.code), t.code]));

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

const EARTH_RADIUS_KM = 6371;

export interface Near {
  lat: number;
  lon: number;
  /** Only services with a location within this many kilometres; without it, all, nearest first. */
  radiusKm?: number;
}

export interface SearchOptions {
  /** Words to look for, websearch syntax ("speech therapy", "autism -adult", "short OR break"). */
  text?: string;
  /** A SEND primary need code (SenNeed: 'SLCN', 'ASD', …): services for that need. */
  need?: string;
  /** A child's age in years: services whose age range includes it. */
  age?: number;
  /** Services with a location in this locality ('Carlisle', 'Millom border area', …). */
  locality?: string;
  near?: Near;
  /**
   * A taxonomy term, by id or by code in the service-type taxonomy ('speech-language'). A
   * category's code matches its types too ('health' finds speech and language therapy).
   */
  taxonomyTerm?: string;
  /** Services tagged with any term of this taxonomy (ORUK `taxonomy_id`). */
  taxonomyId?: string;
  /** ORUK `minimum_age`: services whose minimum age is at least this. */
  minimumAgeAtLeast?: number;
  /** ORUK `maximum_age`: services whose maximum age is at most this. */
  maximumAgeAtMost?: number;
  /** ORUK `day`: services with a schedule on this RFC 5545 day ('MO' … 'SU'). */
  day?: string;
  /** ORUK `start_time`: services with a schedule opening at or after this ('HH:MM'). */
  startTime?: string;
  /** ORUK `end_time`: services with a schedule closing at or before this ('HH:MM'). */
  endTime?: string;
  /** Which statuses to include; only active services unless said. */
  statuses?: readonly ServiceStatus[];
  /** Services of one HSDS organization. */
  organizationId?: string;
  /** ORUK `modified_after`: services changed at or after this time. */
  modifiedAfter?: Date;
  /** 1-based. */
  page: number;
  perPage: number;
}

export interface SummaryLocation {
  id: string;
  name: string | null;
  locality: string | null;
  address: string | null;
  city: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Kilometres from `near`, when searching near a place. */
  distanceKm: number | null;
}

export interface TermRef {
  id: string;
  code: string | null;
  name: string;
}

export interface ServiceSummary {
  id: string;
  name: string;
  description: string;
  status: ServiceStatus;
  organizationId: string;
  organizationName: string;
  minimumAge: number | null;
  maximumAge: number | null;
  fees: string | null;
  feesDescription: string | null;
  /** The cost options in short: "Free", "£5.00 per session". */
  costs: string[];
  lastCheckedOn: string;
  lastModified: Date;
  /** Nearest first when searching near a place; otherwise by name. */
  locations: SummaryLocation[];
  /** The distance to the nearest location, when searching near a place. */
  distanceKm: number | null;
  serviceTypes: TermRef[];
  needs: string[];
  /** Where the service has no physical location (online or by phone), its locations are empty. */
  url: string | null;
  email: string | null;
}

export interface SearchResult {
  items: ServiceSummary[];
  total: number;
}

type Eb = ExpressionBuilder<DB, 'services'>;

function haversineKm(lat: number, lon: number) {
  return sql<number>`(2 * ${EARTH_RADIUS_KM} * asin(sqrt(
    power(sin(radians(l.latitude - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${lon}) / 2), 2)
  )))`;
}

/** The filters every search shares, as one condition on `services`. */
function filters(eb: Eb, o: SearchOptions, orgIds?: readonly string[]): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = [];
  const statuses = o.statuses ?? ['active'];
  and.push(eb('services.status', 'in', statuses.length ? statuses : ['active']));
  const text = o.text?.trim();
  if (text) {
    // The service's own words, or its organisation's name ("Riverside"): the organisations are
    // looked up first (orgIds), so the planner can use both indexes (a bitmap OR).
    const words = sql<boolean>`services.search_vector @@ websearch_to_tsquery('english', ${text})`;
    and.push(orgIds?.length ? eb.or([words, eb('services.organization_id', 'in', orgIds)]) : words);
  }
  if (o.need) {
    and.push(eb.exists(eb.selectFrom('service_needs as n').select(sql`1`.as('one'))
      .whereRef('n.service_id', '=', 'services.id').where('n.need', '=', o.need.toUpperCase())));
  }
  if (o.age !== undefined) {
    and.push(eb.or([eb('services.minimum_age', 'is', null), eb('services.minimum_age', '<=', o.age)]));
    and.push(eb.or([eb('services.maximum_age', 'is', null), eb('services.maximum_age', '>=', o.age)]));
  }
  if (o.minimumAgeAtLeast !== undefined) and.push(eb('services.minimum_age', '>=', o.minimumAgeAtLeast));
  if (o.maximumAgeAtMost !== undefined) and.push(eb('services.maximum_age', '<=', o.maximumAgeAtMost));
  if (o.locality) {
    and.push(eb.exists(eb.selectFrom('service_at_locations as sal')
      .innerJoin('locations as loc', 'loc.id', 'sal.location_id')
      .select(sql`1`.as('one'))
      .whereRef('sal.service_id', '=', 'services.id')
      .where(sql<boolean>`lower(loc.locality) = lower(${o.locality})`)));
  }
  // A SEND need's term (as the API publishes needs) filters by need.
  const needOfTerm = o.taxonomyTerm ? NEED_BY_TERM_ID.get(o.taxonomyTerm.toLowerCase()) : undefined;
  if (needOfTerm) {
    and.push(eb.exists(eb.selectFrom('service_needs as n').select(sql`1`.as('one'))
      .whereRef('n.service_id', '=', 'services.id').where('n.need', '=', needOfTerm)));
  } else if (o.taxonomyTerm) {
    const term = o.taxonomyTerm;
    const termIds = isUuid(term)
      ? eb.selectFrom('taxonomy_terms as t').select('t.id').where((w) => w.or([w('t.id', '=', term), w('t.parent_id', '=', term)]))
      : eb.selectFrom('taxonomy_terms as t')
        .leftJoin('taxonomy_terms as p', 'p.id', 't.parent_id')
        .select('t.id')
        .where('t.taxonomy_id', '=', SERVICE_TYPE_TAXONOMY.id)
        .where((w) => w.or([w('t.code', '=', term), w('p.code', '=', term)]));
    and.push(eb.exists(eb.selectFrom('service_attributes as sa').select(sql`1`.as('one'))
      .whereRef('sa.service_id', '=', 'services.id').where('sa.taxonomy_term_id', 'in', termIds)));
  }
  if (o.taxonomyId === NEED_TAXONOMY.id) {
    and.push(eb.exists(eb.selectFrom('service_needs as n').select(sql`1`.as('one')).whereRef('n.service_id', '=', 'services.id')));
  } else if (o.taxonomyId) {
    const taxonomyId = o.taxonomyId;
    and.push(eb.exists(eb.selectFrom('service_attributes as sa')
      .innerJoin('taxonomy_terms as t', 't.id', 'sa.taxonomy_term_id')
      .select(sql`1`.as('one'))
      .whereRef('sa.service_id', '=', 'services.id').where('t.taxonomy_id', '=', taxonomyId)));
  }
  if (o.day || o.startTime || o.endTime) {
    let q = eb.selectFrom('schedules as sc').select(sql`1`.as('one'))
      .where((w) => w.or([
        w('sc.service_id', '=', w.ref('services.id')),
        w('sc.service_at_location_id', 'in', w.selectFrom('service_at_locations as sal2').select('sal2.id').whereRef('sal2.service_id', '=', 'services.id')),
      ]));
    if (o.day) q = q.where(sql<boolean>`(',' || coalesce(sc.byday, '') || ',') like ${`%${o.day.toUpperCase()}%`}`);
    if (o.startTime) q = q.where('sc.opens_at', '>=', o.startTime);
    if (o.endTime) q = q.where('sc.closes_at', '<=', o.endTime);
    and.push(eb.exists(q));
  }
  if (o.organizationId) and.push(eb('services.organization_id', '=', o.organizationId));
  if (o.modifiedAfter) and.push(eb('services.last_modified', '>=', o.modifiedAfter));
  return eb.and(and);
}

/**
 * Services matching the options, a page at a time, with the total. Nearest first when `near` is
 * given; otherwise the best text match first when `text` is given; otherwise by name.
 */
export async function searchServices(db: Db, o: SearchOptions): Promise<SearchResult> {
  const { rows, total } = await searchServiceIds(db, o);
  return { items: await summaries(db, rows, o.near), total };
}

/** The ids (and distances) of a page of matching services, in order, with the total. */
export async function searchServiceIds(db: Db, o: SearchOptions): Promise<{ rows: { id: string; distanceKm: number | null }[]; total: number }> {
  const page = Math.max(1, Math.floor(o.page));
  const perPage = Math.max(1, Math.floor(o.perPage));
  const text = o.text?.trim();
  const near = o.near;

  // Organisations whose name matches the words: few, so looked up on their own.
  const orgIds = text
    ? (await db.selectFrom('organizations').select('id')
      .where(sql<boolean>`to_tsvector('english', name) @@ websearch_to_tsquery('english', ${text})`).execute()).map((r) => r.id)
    : undefined;

  if (near) {
    // Each matching service's nearest location, within the radius if there is one: the
    // distance is worked out only for the services that match the other filters.
    const distance = haversineKm(near.lat, near.lon);
    const r = near.radiusKm;
    const nearQuery = db.selectFrom('services')
      .leftJoin('service_at_locations as sal', 'sal.service_id', 'services.id')
      .leftJoin('locations as l', 'l.id', 'sal.location_id')
      .where((eb) => filters(eb as unknown as Eb, o, orgIds))
      .$if(r !== undefined, (q) => {
        const dLat = r! / 111.2;
        const dLon = r! / (111.2 * Math.max(0.01, Math.cos((near.lat * Math.PI) / 180)));
        return q.where('l.latitude', '>=', near.lat - dLat).where('l.latitude', '<=', near.lat + dLat)
          .where('l.longitude', '>=', near.lon - dLon).where('l.longitude', '<=', near.lon + dLon)
          .where(sql<boolean>`${distance} <= ${r}`);
      });
    const rows = await nearQuery
      .select(['services.id', sql<number>`count(*) over ()`.as('total'), sql<number | null>`min(${distance})`.as('distance_km')])
      .groupBy('services.id')
      .orderBy(sql`min(${distance})`, (ob) => ob.asc().nullsLast()).orderBy(sql`lower(services.name)`).orderBy('services.id')
      .limit(perPage).offset((page - 1) * perPage)
      .execute();
    const total = rows.length > 0 || page === 1
      ? Number(rows[0]?.total ?? 0)
      : Number((await nearQuery.select(sql<number>`count(distinct services.id)`.as('n')).executeTakeFirst())?.n ?? 0);
    return { rows: rows.map((x) => ({ id: x.id, distanceKm: x.distance_km === null ? null : Number(x.distance_km) })), total };
  }

  // The total comes with the page (a window count): one pass over the matches, not two.
  const base = db.selectFrom('services');
  const rows = await base
    .select([
      'services.id',
      sql<number>`count(*) over ()`.as('total'),
      sql<number | null>`null::double precision`.as('distance_km'),
    ])
    .where((eb) => filters(eb, o, orgIds))
    .$call((q) => {
      if (text) return q.orderBy(sql`ts_rank(services.search_vector, websearch_to_tsquery('english', ${text}))`, 'desc').orderBy(sql`lower(services.name)`).orderBy('services.id');
      return q.orderBy(sql`lower(services.name)`).orderBy('services.id');
    })
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();

  // Past the last page there is no row to carry the count, so count on its own.
  const total = rows.length > 0 || page === 1
    ? Number(rows[0]?.total ?? 0)
    : Number((await base.select(sql<number>`count(*)`.as('n')).where((eb) => filters(eb, o, orgIds)).executeTakeFirst())?.n ?? 0);
  return {
    rows: rows.map((r) => ({ id: r.id, distanceKm: r.distance_km === null ? null : Number(r.distance_km) })),
    total,
  };
}

/**
 * A page of service-at-location rows (ORUK /service_at_locations): the services' filters apply,
 * and each row is one service at one of its locations. Nearest location first when `near` is
 * given (the radius applies to each location); otherwise in the services' order, then by venue.
 */
export async function searchServiceAtLocationIds(db: Db, o: SearchOptions): Promise<{ rows: { id: string; serviceId: string; locationId: string }[]; total: number }> {
  const page = Math.max(1, Math.floor(o.page));
  const perPage = Math.max(1, Math.floor(o.perPage));
  const text = o.text?.trim();
  const near = o.near;
  const orgIds = text
    ? (await db.selectFrom('organizations').select('id')
      .where(sql<boolean>`to_tsvector('english', name) @@ websearch_to_tsquery('english', ${text})`).execute()).map((r) => r.id)
    : undefined;
  const base = db.selectFrom('service_at_locations as sal')
    .innerJoin('services', 'services.id', 'sal.service_id')
    .innerJoin('locations as l', 'l.id', 'sal.location_id')
    .where((eb) => filters(eb as unknown as Eb, o, orgIds))
    .$if(near?.radiusKm !== undefined, (q) => {
      const r = near!.radiusKm!;
      const dLat = r / 111.2;
      const dLon = r / (111.2 * Math.max(0.01, Math.cos((near!.lat * Math.PI) / 180)));
      return q.where('l.latitude', '>=', near!.lat - dLat).where('l.latitude', '<=', near!.lat + dLat)
        .where('l.longitude', '>=', near!.lon - dLon).where('l.longitude', '<=', near!.lon + dLon)
        .where(sql<boolean>`${haversineKm(near!.lat, near!.lon)} <= ${r}`);
    });
  const [rows, count] = await Promise.all([
    base.select(['sal.id', 'sal.service_id', 'sal.location_id'])
      .$call((q) => {
        if (near) return q.orderBy(sql`case when l.latitude is null or l.longitude is null then null else ${haversineKm(near.lat, near.lon)} end`, (ob) => ob.asc().nullsLast()).orderBy(sql`lower(services.name)`).orderBy('sal.id');
        if (text) return q.orderBy(sql`ts_rank(services.search_vector, websearch_to_tsquery('english', ${text}))`, 'desc').orderBy(sql`lower(services.name)`).orderBy('services.id').orderBy('l.name').orderBy('sal.id');
        return q.orderBy(sql`lower(services.name)`).orderBy('services.id').orderBy('l.name').orderBy('sal.id');
      })
      .limit(perPage).offset((page - 1) * perPage).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { rows: rows.map((r) => ({ id: r.id, serviceId: r.service_id, locationId: r.location_id })), total: Number(count?.n ?? 0) };
}

/** The summaries of services in the given order (for a page of search results). */
export async function summaries(db: Db, ids: readonly { id: string; distanceKm: number | null }[], near?: Near): Promise<ServiceSummary[]> {
  if (ids.length === 0) return [];
  const idList = ids.map((i) => i.id);
  const [services, locations, terms, needs, costs] = await Promise.all([
    db.selectFrom('services').innerJoin('organizations as org', 'org.id', 'services.organization_id')
      .select([
        'services.id', 'services.name', 'services.description', 'services.status', 'services.organization_id',
        'org.name as organization_name', 'services.minimum_age', 'services.maximum_age', 'services.fees',
        'services.fees_description', 'services.last_checked_on', 'services.last_modified', 'services.url', 'services.email',
      ])
      .where('services.id', 'in', idList).execute(),
    db.selectFrom('service_at_locations as sal').innerJoin('locations as l', 'l.id', 'sal.location_id')
      .leftJoin('addresses as a', (j) => j.onRef('a.location_id', '=', 'l.id').on('a.address_type', '=', 'physical'))
      .select(['sal.service_id', 'l.id', 'l.name', 'l.locality', 'l.latitude', 'l.longitude', 'a.address_1', 'a.city', 'a.postal_code'])
      .where('sal.service_id', 'in', idList)
      .orderBy('l.name').orderBy('l.id').execute(),
    db.selectFrom('service_attributes as sa').innerJoin('taxonomy_terms as t', 't.id', 'sa.taxonomy_term_id')
      .select(['sa.service_id', 't.id', 't.code', 't.name'])
      .where('sa.service_id', 'in', idList).where('t.taxonomy_id', '=', SERVICE_TYPE_TAXONOMY.id)
      .orderBy('t.name').execute(),
    db.selectFrom('service_needs').select(['service_id', 'need']).where('service_id', 'in', idList).orderBy('need').execute(),
    db.selectFrom('cost_options').select(['service_id', 'option', 'amount', 'amount_description', 'currency'])
      .where('service_id', 'in', idList).orderBy('amount').execute(),
  ]);
  const byId = new Map(services.map((s) => [s.id, s]));
  const out: ServiceSummary[] = [];
  for (const { id, distanceKm } of ids) {
    const s = byId.get(id);
    if (!s) continue;
    const seen = new Set<string>();
    const locs: SummaryLocation[] = [];
    for (const l of locations) {
      if (l.service_id !== id || seen.has(l.id)) continue;
      seen.add(l.id);
      locs.push({
        id: l.id, name: l.name, locality: l.locality, address: l.address_1, city: l.city, postcode: l.postal_code,
        latitude: l.latitude, longitude: l.longitude,
        distanceKm: near && l.latitude !== null && l.longitude !== null ? distanceKmBetween(near, { lat: l.latitude, lon: l.longitude }) : null,
      });
    }
    if (near) locs.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity));
    out.push({
      id: s.id,
      name: s.name,
      description: s.description,
      status: s.status,
      organizationId: s.organization_id,
      organizationName: s.organization_name,
      minimumAge: s.minimum_age,
      maximumAge: s.maximum_age,
      fees: s.fees,
      feesDescription: s.fees_description,
      costs: costs.filter((c) => c.service_id === id).map(describeCost),
      lastCheckedOn: s.last_checked_on,
      lastModified: s.last_modified,
      locations: locs,
      distanceKm,
      serviceTypes: terms.filter((t) => t.service_id === id).map((t) => ({ id: t.id, code: t.code, name: t.name })),
      needs: needs.filter((n) => n.service_id === id).map((n) => n.need),
      url: s.url,
      email: s.email,
    });
  }
  return out;
}

/** "Free", "£5.00 per session", or the option's own words. */
export function describeCost(c: { option: string | null; amount: number | null; amount_description: string | null; currency?: string | null }): string {
  if (c.amount === null || c.amount === undefined) return c.option ?? c.amount_description ?? 'Ask about cost';
  if (Number(c.amount) === 0) return c.option && !/^free$/i.test(c.option) ? `Free (${c.option})` : 'Free';
  const currency = (c.currency ?? 'GBP').toUpperCase();
  const money = currency === 'GBP' ? `£${Number(c.amount).toFixed(2)}` : `${Number(c.amount).toFixed(2)} ${currency}`;
  const per = c.amount_description ? ` ${c.amount_description}` : '';
  return c.option ? `${money}${per} (${c.option})` : `${money}${per}`;
}

/** Great-circle distance in kilometres. */
export function distanceKmBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

// ---------------------------------------------------------------------------------------------
// One service with everything about it

type Row<T extends keyof DB> = { [K in keyof DB[T]]: DB[T][K] extends import('kysely').ColumnType<infer S, unknown, unknown> ? S : DB[T][K] };

export type OrganizationRow = Omit<Row<'organizations'>, never>;
export type ServiceRow = Omit<Row<'services'>, 'search_vector'>;
export type LocationRow = Row<'locations'>;
export type AddressRow = Row<'addresses'>;
export type AccessibilityRow = Row<'accessibility'>;
export type ContactRow = Row<'contacts'>;
export type PhoneRow = Row<'phones'>;
export type ScheduleRow = Row<'schedules'>;
export type CostOptionRow = Row<'cost_options'>;
export type LanguageRow = Row<'languages'>;
export type ServiceAreaRow = Row<'service_areas'>;
export type TaxonomyTermRow = Row<'taxonomy_terms'>;

export interface ServiceLocation extends LocationRow {
  /** The service_at_locations row linking the service here. */
  service_at_location_id: string;
  service_at_location_description: string | null;
  addresses: AddressRow[];
  accessibility: AccessibilityRow[];
  /** Opening times at this location (schedules of the service_at_location or of the location). */
  schedules: ScheduleRow[];
  phones: PhoneRow[];
}

export interface ServiceContact extends ContactRow {
  phones: PhoneRow[];
}

export interface ServiceTerm extends TaxonomyTermRow {
  /** The service_attributes row (an HSDS attribute) that links the term. */
  attribute_id: string;
  taxonomy_name: string | null;
}

export interface ServiceDetail extends ServiceRow {
  organization: OrganizationRow;
  locations: ServiceLocation[];
  contacts: ServiceContact[];
  /** Phones of the service itself (not of a contact or location). */
  phones: PhoneRow[];
  /** Schedules of the service as a whole. */
  schedules: ScheduleRow[];
  cost_options: CostOptionRow[];
  languages: LanguageRow[];
  service_areas: ServiceAreaRow[];
  /** Every taxonomy term the service is tagged with (service types and any imported ones). */
  taxonomy_terms: ServiceTerm[];
  /** SEND primary need codes (SenNeed). */
  needs: string[];
}

const SERVICE_COLUMNS = [
  'id', 'organization_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services',
  'application_process', 'fees_description', 'wait_time', 'fees', 'accreditations', 'eligibility_description',
  'minimum_age', 'maximum_age', 'assured_date', 'assurer_email', 'alert', 'last_modified', 'last_checked_on',
] as const;

/** One service with everything about it, or undefined (also for an id that is not a uuid). */
export async function getService(db: Db, id: string): Promise<ServiceDetail | undefined> {
  if (!isUuid(id)) return undefined;
  const service = await db.selectFrom('services').select(SERVICE_COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!service) return undefined;
  const details = await serviceDetails(db, [service as ServiceRow]);
  return details[0];
}

/** Full details of many services at once (the API's pages and the export), in the given order. */
export async function serviceDetails(db: Db, services: readonly ServiceRow[]): Promise<ServiceDetail[]> {
  if (services.length === 0) return [];
  const ids = services.map((s) => s.id);
  const orgIds = [...new Set(services.map((s) => s.organization_id))];
  const [orgs, sals, contacts, phones, schedules, costs, languages, areas, terms, needs] = await Promise.all([
    db.selectFrom('organizations').selectAll().where('id', 'in', orgIds).execute(),
    db.selectFrom('service_at_locations as sal').innerJoin('locations as l', 'l.id', 'sal.location_id')
      .selectAll('l').select(['sal.id as service_at_location_id', 'sal.service_id', 'sal.description as service_at_location_description'])
      .where('sal.service_id', 'in', ids).orderBy('l.name').orderBy('l.id').execute(),
    db.selectFrom('contacts').selectAll().where('service_id', 'in', ids).orderBy('name').orderBy('id').execute(),
    db.selectFrom('phones').selectAll()
      .where((eb) => eb.or([
        eb('service_id', 'in', ids),
        eb('contact_id', 'in', eb.selectFrom('contacts').select('id').where('service_id', 'in', ids)),
        eb('service_at_location_id', 'in', eb.selectFrom('service_at_locations').select('id').where('service_id', 'in', ids)),
      ]))
      .orderBy('id').execute(),
    db.selectFrom('schedules').selectAll()
      .where((eb) => eb.or([
        eb('service_id', 'in', ids),
        eb('service_at_location_id', 'in', eb.selectFrom('service_at_locations').select('id').where('service_id', 'in', ids)),
      ]))
      .orderBy('byday').orderBy('opens_at').orderBy('id').execute(),
    db.selectFrom('cost_options').selectAll().where('service_id', 'in', ids).orderBy('amount').orderBy('id').execute(),
    db.selectFrom('languages').selectAll().where('service_id', 'in', ids).orderBy('name').orderBy('id').execute(),
    db.selectFrom('service_areas').selectAll().where('service_id', 'in', ids).orderBy('name').orderBy('id').execute(),
    db.selectFrom('service_attributes as sa').innerJoin('taxonomy_terms as t', 't.id', 'sa.taxonomy_term_id')
      .leftJoin('taxonomies as tx', 'tx.id', 't.taxonomy_id')
      .selectAll('t').select(['sa.id as attribute_id', 'sa.service_id', 'tx.name as taxonomy_name'])
      .where('sa.service_id', 'in', ids).orderBy('t.name').execute(),
    db.selectFrom('service_needs').select(['service_id', 'need']).where('service_id', 'in', ids).orderBy('need').execute(),
  ]);
  const locationIds = [...new Set(sals.map((l) => l.id))];
  const [addresses, access, locationSchedules] = locationIds.length
    ? await Promise.all([
      db.selectFrom('addresses').selectAll().where('location_id', 'in', locationIds).orderBy('id').execute(),
      db.selectFrom('accessibility').selectAll().where('location_id', 'in', locationIds).orderBy('id').execute(),
      db.selectFrom('schedules').selectAll().where('location_id', 'in', locationIds).where('service_id', 'is', null)
        .where('service_at_location_id', 'is', null).orderBy('byday').orderBy('opens_at').execute(),
    ])
    : [[], [], []];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return services.map((s) => {
    const mySals = sals.filter((l) => l.service_id === s.id);
    const salIds = new Set(mySals.map((l) => l.service_at_location_id));
    const myContacts = contacts.filter((c) => c.service_id === s.id);
    const contactIds = new Set(myContacts.map((c) => c.id));
    return {
      ...s,
      organization: orgById.get(s.organization_id)!,
      locations: mySals.map(({ service_id: _sid, ...l }) => ({
        ...l,
        addresses: addresses.filter((a) => a.location_id === l.id),
        accessibility: access.filter((a) => a.location_id === l.id),
        schedules: [
          ...schedules.filter((x) => x.service_at_location_id === l.service_at_location_id),
          ...locationSchedules.filter((x) => x.location_id === l.id),
        ],
        phones: phones.filter((p) => p.service_at_location_id === l.service_at_location_id),
      })),
      contacts: myContacts.map((c) => ({ ...c, phones: phones.filter((p) => p.contact_id === c.id) })),
      phones: phones.filter((p) => p.service_id === s.id && !p.contact_id && !(p.service_at_location_id && salIds.has(p.service_at_location_id)) && !contactIds.has(p.contact_id ?? '')),
      schedules: schedules.filter((x) => x.service_id === s.id && !x.service_at_location_id),
      cost_options: costs.filter((c) => c.service_id === s.id),
      languages: languages.filter((l) => l.service_id === s.id),
      service_areas: areas.filter((a) => a.service_id === s.id),
      taxonomy_terms: terms.filter((t) => t.service_id === s.id).map(({ service_id: _sid, ...t }) => t),
      needs: needs.filter((n) => n.service_id === s.id).map((n) => n.need),
    };
  });
}

/** Services whose details were last checked before this date ('YYYY-MM-DD'): the review list. */
export async function servicesNotCheckedSince(db: Db, before: string, limit = 500): Promise<ServiceSummary[]> {
  const rows = await db.selectFrom('services').select('id')
    .where('last_checked_on', '<', before).where('status', '=', 'active')
    .orderBy('last_checked_on').orderBy('id').limit(limit).execute();
  return summaries(db, rows.map((r) => ({ id: r.id, distanceKm: null })));
}

/** The service-type taxonomy's terms, categories first then their types, for a filter list. */
export async function serviceTypeTerms(db: Db): Promise<(TermRef & { parentId: string | null })[]> {
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'code', 'name', 'parent_id'])
    .where('taxonomy_id', '=', SERVICE_TYPE_TAXONOMY.id).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id }));
}

/** The localities that have at least one location, for a filter list. */
export async function localities(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('locations').select('locality').distinct()
    .where('locality', 'is not', null).orderBy('locality').execute();
  return rows.map((r) => r.locality!).filter(Boolean);
}
