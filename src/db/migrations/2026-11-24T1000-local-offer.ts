import { sql, type Kysely } from 'kysely';
import {
  NEED_TAXONOMY,
  NEED_TERMS,
  SERVICE_TYPE_TAXONOMY,
  SERVICE_TYPES,
  needTermId,
  serviceTypeTermId,
} from '../../features/local-offer/taxonomy.js';

/**
 * The Local Offer's service directory, in the shape of HSDS 3.0 and the Open Referral UK
 * profile (docs/local-offer.md, ADR on HSDS storage): one table an HSDS object, named as HSDS
 * names its tabular files, HSDS ids (uuids) as primary keys, HSDS field names as columns.
 *
 * Our additions: `organizations.platform_organisation_id` (the hub organisation that owns the
 * record, so its service-provider users can propose updates), `services.last_checked_on`,
 * `locations.locality`, `service_needs` (SEND primary needs, also published as attributes of the
 * SEND primary need taxonomy), and `services.search_vector` (English full-text search).
 *
 * HSDS links a service to taxonomy terms through generic `attributes` rows; we keep those links
 * in `service_attributes` (a service's attributes only) so they can have foreign keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organizations (
      id uuid primary key,
      name text not null check (length(name) between 1 and 300),
      alternate_name text,
      description text not null default '',
      email text,
      website text,
      logo text,
      uri text,
      parent_organization_id uuid references organizations(id) on delete set null,
      platform_organisation_id uuid references organisations(id) on delete set null,
      last_modified timestamptz not null default now()
    );
    create index organizations_platform on organizations (platform_organisation_id);
    create index organizations_name on organizations (lower(name));

    create table services (
      id uuid primary key,
      organization_id uuid not null references organizations(id) on delete cascade,
      name text not null check (length(name) between 1 and 300),
      alternate_name text,
      description text not null default '',
      url text,
      email text,
      status text not null default 'active'
        check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
      interpretation_services text,
      application_process text,
      fees_description text,
      wait_time text,
      fees text,
      accreditations text,
      eligibility_description text,
      minimum_age double precision check (minimum_age >= 0),
      maximum_age double precision check (maximum_age >= 0),
      assured_date date,
      assurer_email text,
      alert text,
      last_modified timestamptz not null default now(),
      last_checked_on date not null default current_date,
      search_vector tsvector generated always as (
        setweight(to_tsvector('english', name), 'A') ||
        setweight(to_tsvector('english', coalesce(alternate_name, '')), 'A') ||
        setweight(to_tsvector('english', description), 'B') ||
        setweight(to_tsvector('english', coalesce(eligibility_description, '')), 'C')
      ) stored,
      check (minimum_age is null or maximum_age is null or minimum_age <= maximum_age)
    );
    create index services_organization on services (organization_id);
    create index services_search on services using gin (search_vector);
    create index services_name on services (lower(name), id);
    create index services_last_checked on services (last_checked_on);

    create table locations (
      id uuid primary key,
      location_type text not null default 'physical' check (location_type in ('physical', 'postal', 'virtual')),
      url text,
      organization_id uuid references organizations(id) on delete set null,
      name text,
      alternate_name text,
      description text,
      transportation text,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      external_identifier text,
      external_identifier_type text,
      locality text
    );
    create index locations_lat_lon on locations (latitude, longitude);
    create index locations_locality on locations (locality);

    create table addresses (
      id uuid primary key,
      location_id uuid not null references locations(id) on delete cascade,
      attention text,
      address_1 text not null,
      address_2 text,
      city text not null,
      region text,
      state_province text not null default '',
      postal_code text not null,
      country text not null default 'GB',
      address_type text not null default 'physical' check (address_type in ('physical', 'postal', 'virtual'))
    );
    create index addresses_location on addresses (location_id);

    create table service_at_locations (
      id uuid primary key,
      service_id uuid not null references services(id) on delete cascade,
      location_id uuid not null references locations(id) on delete cascade,
      description text,
      unique (service_id, location_id)
    );
    create index service_at_locations_location on service_at_locations (location_id);

    create table accessibility (
      id uuid primary key,
      location_id uuid not null references locations(id) on delete cascade,
      description text,
      details text,
      url text
    );
    create index accessibility_location on accessibility (location_id);

    create table contacts (
      id uuid primary key,
      organization_id uuid references organizations(id) on delete cascade,
      service_id uuid references services(id) on delete cascade,
      service_at_location_id uuid references service_at_locations(id) on delete cascade,
      location_id uuid references locations(id) on delete cascade,
      name text,
      title text,
      department text,
      email text
    );
    create index contacts_service on contacts (service_id);

    create table phones (
      id uuid primary key,
      location_id uuid references locations(id) on delete cascade,
      service_id uuid references services(id) on delete cascade,
      organization_id uuid references organizations(id) on delete cascade,
      contact_id uuid references contacts(id) on delete cascade,
      service_at_location_id uuid references service_at_locations(id) on delete cascade,
      number text not null,
      extension text,
      type text,
      description text
    );
    create index phones_service on phones (service_id);
    create index phones_contact on phones (contact_id);

    create table schedules (
      id uuid primary key,
      service_id uuid references services(id) on delete cascade,
      location_id uuid references locations(id) on delete cascade,
      service_at_location_id uuid references service_at_locations(id) on delete cascade,
      valid_from date,
      valid_to date,
      dtstart date,
      timezone text,
      until date,
      count integer,
      wkst text,
      freq text check (freq in ('WEEKLY', 'MONTHLY')),
      "interval" integer check ("interval" > 0),
      byday text,
      byweekno text,
      bymonthday text,
      byyearday text,
      description text,
      opens_at text check (opens_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      closes_at text check (closes_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      schedule_link text,
      attending_type text,
      notes text
    );
    create index schedules_service on schedules (service_id);
    create index schedules_service_at_location on schedules (service_at_location_id);

    create table cost_options (
      id uuid primary key,
      service_id uuid not null references services(id) on delete cascade,
      valid_from date,
      valid_to date,
      option text,
      currency text,
      amount double precision check (amount >= 0),
      amount_description text
    );
    create index cost_options_service on cost_options (service_id);

    create table languages (
      id uuid primary key,
      service_id uuid references services(id) on delete cascade,
      location_id uuid references locations(id) on delete cascade,
      phone_id uuid references phones(id) on delete cascade,
      name text,
      code text,
      note text
    );
    create index languages_service on languages (service_id);

    create table service_areas (
      id uuid primary key,
      service_id uuid not null references services(id) on delete cascade,
      name text,
      description text,
      extent text,
      extent_type text,
      uri text
    );
    create index service_areas_service on service_areas (service_id);

    create table taxonomies (
      id uuid primary key,
      name text not null,
      description text not null default '',
      uri text,
      version text
    );

    create table taxonomy_terms (
      id uuid primary key,
      code text,
      name text not null,
      description text not null default '',
      parent_id uuid references taxonomy_terms(id) on delete set null,
      taxonomy text,
      taxonomy_id uuid references taxonomies(id) on delete cascade,
      language text,
      term_uri text
    );
    create index taxonomy_terms_taxonomy on taxonomy_terms (taxonomy_id, code);
    create index taxonomy_terms_parent on taxonomy_terms (parent_id);

    create table service_attributes (
      id uuid primary key,
      service_id uuid not null references services(id) on delete cascade,
      taxonomy_term_id uuid not null references taxonomy_terms(id) on delete cascade,
      value text,
      unique (service_id, taxonomy_term_id)
    );
    create index service_attributes_term on service_attributes (taxonomy_term_id, service_id);

    create table service_needs (
      service_id uuid not null references services(id) on delete cascade,
      need text not null check (need in ('SPLD','MLD','SLD','PMLD','SEMH','SLCN','HI','VI','MSI','PD','ASD','OTH')),
      primary key (service_id, need)
    );
    create index service_needs_need on service_needs (need, service_id);
  `.execute(db);

  // The maintained taxonomies: reference data every install has.
  for (const t of [SERVICE_TYPE_TAXONOMY, NEED_TAXONOMY]) {
    await sql`insert into taxonomies (id, name, description, version) values (${t.id}, ${t.name}, ${t.description}, ${t.version})`.execute(db);
  }
  for (const term of SERVICE_TYPES) {
    const parent = term.parent ? serviceTypeTermId(term.parent) : null;
    await sql`
      insert into taxonomy_terms (id, code, name, description, parent_id, taxonomy, taxonomy_id, language)
      values (${serviceTypeTermId(term.code)}, ${term.code}, ${term.name}, ${term.description}, ${parent},
              ${SERVICE_TYPE_TAXONOMY.name}, ${SERVICE_TYPE_TAXONOMY.id}, 'en')
    `.execute(db);
  }
  for (const term of NEED_TERMS) {
    await sql`
      insert into taxonomy_terms (id, code, name, description, taxonomy, taxonomy_id, language)
      values (${needTermId(term.code)}, ${term.code}, ${term.name}, ${term.description},
              ${NEED_TAXONOMY.name}, ${NEED_TAXONOMY.id}, 'en')
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists service_needs, service_attributes, taxonomy_terms, taxonomies, service_areas,
      languages, cost_options, schedules, phones, contacts, accessibility, service_at_locations,
      addresses, locations, services, organizations cascade;
  `.execute(db);
}
