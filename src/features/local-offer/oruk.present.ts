/**
 * Our HSDS rows as Open Referral UK 3.0 JSON: the profile's objects with their fields, plus the
 * HSDS 3.0 fields the profile leaves out but HSDS defines (application_process, a contact's
 * email and phones, a language's name and code…), which the profile's schemas allow. Only HSDS
 * fields leave: a service's SEND needs go out as attributes of the "SEND primary need" taxonomy,
 * and our own columns (locality, last_checked_on, the owning hub organisation) stay in.
 * Null fields are left out (the schemas type them as strings, numbers or objects, never null).
 */
import type {
  AccessibilityRow,
  AddressRow,
  ContactRow,
  CostOptionRow,
  LanguageRow,
  LocationRow,
  OrganizationRow,
  PhoneRow,
  ScheduleRow,
  ServiceAreaRow,
  ServiceDetail,
  ServiceLocation,
  ServiceRow,
  TaxonomyTermRow,
} from './directory.queries.js';
import type { Selectable } from 'kysely';
import type { HsdsTaxonomyTable } from '../../db/local-offer.tables.js';
import { NEED_TAXONOMY, NEED_TERMS, needTermId, stableUuid } from './taxonomy.js';

type Json = Record<string, unknown>;

/** Drops null and undefined fields (one level: nested objects are built by these functions). */
export function compact<T extends Json>(o: T): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function organizationJson(o: OrganizationRow): Json {
  return compact({
    id: o.id, name: o.name, alternate_name: o.alternate_name, description: o.description, email: o.email,
    website: o.website, logo: o.logo, uri: o.uri, parent_organization_id: o.parent_organization_id,
  });
}

/** The one-to-one fields of a service (the list endpoints' shape), with its organization. */
export function serviceListJson(s: ServiceRow, org: OrganizationRow | undefined): Json {
  return compact({
    id: s.id, organization_id: s.organization_id, name: s.name, alternate_name: s.alternate_name,
    description: s.description, url: s.url, email: s.email, status: s.status,
    interpretation_services: s.interpretation_services, application_process: s.application_process,
    fees_description: s.fees_description, wait_time: s.wait_time, fees: s.fees, accreditations: s.accreditations,
    eligibility_description: s.eligibility_description, minimum_age: s.minimum_age, maximum_age: s.maximum_age,
    assured_date: s.assured_date, assurer_email: s.assurer_email, alert: s.alert, last_modified: iso(s.last_modified),
    organization: org ? organizationJson(org) : undefined,
  });
}

export function termJson(t: TaxonomyTermRow): Json {
  return compact({
    id: t.id, code: t.code, name: t.name, description: t.description, parent_id: t.parent_id,
    taxonomy: t.taxonomy, taxonomy_id: t.taxonomy_id, language: t.language, term_uri: t.term_uri,
  });
}

export function taxonomyJson(t: Selectable<HsdsTaxonomyTable>): Json {
  return compact({ id: t.id, name: t.name, description: t.description, uri: t.uri, version: t.version });
}

function attributeJson(id: string, linkId: string, term: TaxonomyTermRow, value: string | null = null): Json {
  return compact({ id, link_id: linkId, link_type: 'service', link_entity: 'service', taxonomy_term_id: term.id, value, taxonomy_term: termJson(term) });
}

/** The attribute a SEND need becomes: stable id, the need taxonomy's term. */
export function needAttributeId(serviceId: string, need: string): string {
  return stableUuid(`attribute:${serviceId}:need:${need}`);
}

function needTerm(code: string): TaxonomyTermRow {
  const t = NEED_TERMS.find((n) => n.code === code);
  return {
    id: needTermId(code), code, name: t?.name ?? code, description: t?.description ?? code, parent_id: null,
    taxonomy: NEED_TAXONOMY.name, taxonomy_id: NEED_TAXONOMY.id, language: 'en', term_uri: null,
  };
}

const phoneJson = (p: PhoneRow): Json => compact({
  id: p.id, location_id: p.location_id, service_id: p.service_id, organization_id: p.organization_id, contact_id: p.contact_id,
  service_at_location_id: p.service_at_location_id, number: p.number, extension: p.extension, type: p.type, description: p.description,
});

const contactJson = (c: ContactRow & { phones: PhoneRow[] }): Json => compact({
  id: c.id, organization_id: c.organization_id, service_id: c.service_id, service_at_location_id: c.service_at_location_id,
  location_id: c.location_id, name: c.name, title: c.title, department: c.department, email: c.email, phones: c.phones.map(phoneJson),
});

export const scheduleJson = (x: ScheduleRow): Json => compact({
  id: x.id, service_id: x.service_id, location_id: x.location_id, service_at_location_id: x.service_at_location_id,
  valid_from: x.valid_from, valid_to: x.valid_to, dtstart: x.dtstart, timezone: x.timezone, until: x.until, count: x.count,
  wkst: x.wkst, freq: x.freq, interval: x.interval, byday: x.byday, byweekno: x.byweekno, bymonthday: x.bymonthday,
  byyearday: x.byyearday, description: x.description, opens_at: x.opens_at, closes_at: x.closes_at,
  schedule_link: x.schedule_link, attending_type: x.attending_type, notes: x.notes,
});

const costJson = (c: CostOptionRow): Json => compact({
  id: c.id, service_id: c.service_id, valid_from: c.valid_from, valid_to: c.valid_to, option: c.option, currency: c.currency,
  amount: c.amount, amount_description: c.amount_description,
});

const languageJson = (l: LanguageRow): Json => compact({
  id: l.id, service_id: l.service_id, location_id: l.location_id, phone_id: l.phone_id, name: l.name, code: l.code, note: l.note,
});

const areaJson = (a: ServiceAreaRow): Json => compact({
  id: a.id, service_id: a.service_id, name: a.name, description: a.description, extent: a.extent, extent_type: a.extent_type, uri: a.uri,
});

const addressJson = (a: AddressRow): Json => compact({
  id: a.id, location_id: a.location_id, attention: a.attention, address_1: a.address_1, address_2: a.address_2, city: a.city,
  region: a.region, state_province: a.state_province, postal_code: a.postal_code, country: a.country, address_type: a.address_type,
});

const accessibilityJson = (a: AccessibilityRow): Json => compact({
  id: a.id, location_id: a.location_id, description: a.description, details: a.details, url: a.url,
});

/** A location's one-to-one fields (the list endpoints' shape). */
export function locationListJson(l: LocationRow): Json {
  return compact({
    id: l.id, location_type: l.location_type, url: l.url, organization_id: l.organization_id, name: l.name,
    alternate_name: l.alternate_name, description: l.description, transportation: l.transportation,
    latitude: l.latitude, longitude: l.longitude, external_identifier: l.external_identifier,
    external_identifier_type: l.external_identifier_type,
  });
}

function locationJson(l: ServiceLocation): Json {
  return {
    ...locationListJson(l),
    addresses: l.addresses.map(addressJson),
    accessibility: l.accessibility.map(accessibilityJson),
  };
}

function serviceAtLocationJson(serviceId: string, l: ServiceLocation): Json {
  return compact({
    id: l.service_at_location_id, service_id: serviceId, location_id: l.id, description: l.service_at_location_description,
    location: locationJson(l),
    schedules: l.schedules.map(scheduleJson),
    phones: l.phones.map(phoneJson),
  });
}

/** A service's taxonomy terms and needs as HSDS attributes. */
function serviceAttributes(s: ServiceDetail): Json[] {
  return [
    ...s.taxonomy_terms.map((t) => attributeJson(t.attribute_id, s.id, t)),
    ...s.needs.map((n) => attributeJson(needAttributeId(s.id, n), s.id, needTerm(n))),
  ];
}

/** A fully nested service (GET /services/{id}). */
export function serviceFullJson(s: ServiceDetail): Json {
  return {
    ...serviceListJson(s, s.organization),
    schedules: s.schedules.map(scheduleJson),
    service_areas: s.service_areas.map(areaJson),
    service_at_locations: s.locations.map((l) => serviceAtLocationJson(s.id, l)),
    languages: s.languages.map(languageJson),
    funding: [],
    cost_options: s.cost_options.map(costJson),
    contacts: s.contacts.map(contactJson),
    phones: s.phones.map(phoneJson),
    attributes: serviceAttributes(s),
  };
}

/** A fully nested service at location (GET /service_at_locations/{id}). */
export function serviceAtLocationFullJson(s: ServiceDetail, salId: string): Json | undefined {
  const l = s.locations.find((x) => x.service_at_location_id === salId);
  if (!l) return undefined;
  const { service_at_locations: _sals, ...service } = serviceFullJson(s);
  return { ...serviceAtLocationJson(s.id, l), service };
}

/** The ORUK page wrapper. */
export function pageJson(contents: Json[], total: number, page: number, perPage: number): Json {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
