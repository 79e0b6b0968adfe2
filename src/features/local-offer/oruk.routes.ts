/**
 * The Local Offer's read API under /api/oruk/, implementing the Open Referral UK 3.0 profile's
 * endpoints (docs/local-offer.md): `/`, `/services`, `/services/{id}`, `/service_at_locations`,
 * `/service_at_locations/{id}`, `/organizations`, `/organizations/{id}`, `/taxonomies`,
 * `/taxonomies/{id}`, `/taxonomy_terms`, `/taxonomy_terms/{id}`. Public: it is the published
 * directory. Bad parameters get a 400 in the API's error format naming each one.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { apiError } from '../../platform/web/errors.js';
import { getService, isUuid, searchServiceAtLocationIds, searchServiceIds, serviceDetails, type ServiceRow } from './directory.queries.js';
import {
  organizationJson,
  pageJson,
  serviceAtLocationFullJson,
  serviceFullJson,
  serviceListJson,
  locationListJson,
  taxonomyJson,
  termJson,
} from './oruk.present.js';
import { parsePaging, parseServiceQuery, type ParamProblem } from './oruk.params.js';

export const ORUK_BASE = '/api/oruk';
export const ORUK_VERSION = 'HSDS-UK-3.0';
export const ORUK_PROFILE_URL = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';
export const ORUK_OPENAPI_URL = 'https://docs.openreferraluk.org/en/latest/openapi30.json';

const SERVICE_COLUMNS = [
  'id', 'organization_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services',
  'application_process', 'fees_description', 'wait_time', 'fees', 'accreditations', 'eligibility_description',
  'minimum_age', 'maximum_age', 'assured_date', 'assurer_email', 'alert', 'last_modified', 'last_checked_on',
] as const;

function invalid(reply: FastifyReply, problems: ParamProblem[]) {
  return reply.code(400).send(apiError(
    'validation_failed',
    `The request is not valid: ${problems.map((p) => p.message).join('; ')}`,
    problems,
  ));
}

function badId(reply: FastifyReply, what: string) {
  return reply.code(400).send(apiError('validation_failed', `The ${what} id must be a uuid, like 3f2504e0-4f89-41d3-9a0c-0305e82c3301`, [{ field: 'id', message: 'id must be a uuid' }]));
}

function missing(reply: FastifyReply, what: string, id: string) {
  return reply.code(404).send(apiError('not_found', `There is no ${what} with id ${id}`));
}

export async function orukApiFeature(app: FastifyInstance, s: Services) {
  const db = s.db;
  const pub = { config: { access: access.public() } };

  app.get(`${ORUK_BASE}/`, pub, async () => ({
    version: ORUK_VERSION,
    profile: ORUK_PROFILE_URL,
    openapi_url: ORUK_OPENAPI_URL,
  }));

  app.get(`${ORUK_BASE}/services`, pub, async (request, reply) => {
    const parsed = parseServiceQuery(request.query as Record<string, unknown>);
    if (!parsed.ok) return invalid(reply, parsed.problems);
    const o = parsed.value;
    const { rows, total } = await searchServiceIds(db, o);
    const services = rows.length ? await db.selectFrom('services').select(SERVICE_COLUMNS).where('id', 'in', rows.map((r) => r.id)).execute() : [];
    const orgIds = [...new Set(services.map((x) => x.organization_id))];
    const orgs = orgIds.length ? await db.selectFrom('organizations').selectAll().where('id', 'in', orgIds).execute() : [];
    const byId = new Map(services.map((x) => [x.id, x]));
    const orgById = new Map(orgs.map((x) => [x.id, x]));
    const contents = rows.map((r) => byId.get(r.id)).filter((x) => x !== undefined)
      .map((x) => serviceListJson(x, orgById.get(x.organization_id)));
    return pageJson(contents, total, o.page, o.perPage);
  });

  app.get(`${ORUK_BASE}/services/:id`, pub, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!isUuid(id)) return badId(reply, 'service');
    const service = await getService(db, id);
    if (!service) return missing(reply, 'service', id);
    return serviceFullJson(service);
  });

  app.get(`${ORUK_BASE}/service_at_locations`, pub, async (request, reply) => {
    const parsed = parseServiceQuery(request.query as Record<string, unknown>);
    if (!parsed.ok) return invalid(reply, parsed.problems);
    const o = parsed.value;
    const { page, perPage } = o;
    const { rows: slice, total } = await searchServiceAtLocationIds(db, o);
    if (slice.length === 0) return pageJson([], total, page, perPage);
    const sals = await db.selectFrom('service_at_locations').select(['id', 'description']).where('id', 'in', slice.map((x) => x.id)).execute();
    const descriptionOf = new Map(sals.map((x) => [x.id, x.description]));
    const serviceIds = [...new Set(slice.map((x) => x.serviceId))];
    const locationIds = [...new Set(slice.map((x) => x.locationId))];
    const [services, locations] = await Promise.all([
      serviceIds.length ? db.selectFrom('services').select(SERVICE_COLUMNS).where('id', 'in', serviceIds).execute() : [],
      locationIds.length ? db.selectFrom('locations').selectAll().where('id', 'in', locationIds).execute() : [],
    ]);
    const orgIds = [...new Set(services.map((x) => x.organization_id))];
    const orgs = orgIds.length ? await db.selectFrom('organizations').selectAll().where('id', 'in', orgIds).execute() : [];
    const serviceById = new Map(services.map((x) => [x.id, x]));
    const locationById = new Map(locations.map((x) => [x.id, x]));
    const orgById = new Map(orgs.map((x) => [x.id, x]));
    const contents = slice.map((x) => {
      const svc = serviceById.get(x.serviceId)!;
      const description = descriptionOf.get(x.id);
      return {
        id: x.id,
        service_id: x.serviceId,
        location_id: x.locationId,
        ...(description ? { description } : {}),
        location: locationListJson(locationById.get(x.locationId)!),
        service: serviceListJson(svc, orgById.get(svc.organization_id)),
      };
    });
    return pageJson(contents, total, page, perPage);
  });

  app.get(`${ORUK_BASE}/service_at_locations/:id`, pub, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!isUuid(id)) return badId(reply, 'service at location');
    const sal = await db.selectFrom('service_at_locations').select('service_id').where('id', '=', id).executeTakeFirst();
    const service = sal ? await getService(db, sal.service_id) : undefined;
    const json = service ? serviceAtLocationFullJson(service, id) : undefined;
    if (!json) return missing(reply, 'service at location', id);
    return json;
  });

  app.get(`${ORUK_BASE}/organizations`, pub, async (request, reply) => {
    const parsed = parsePaging(request.query as Record<string, unknown>);
    if (!parsed.ok) return invalid(reply, parsed.problems);
    const { page, perPage } = parsed.value;
    const [rows, count] = await Promise.all([
      db.selectFrom('organizations').selectAll().orderBy('name').orderBy('id').limit(perPage).offset((page - 1) * perPage).execute(),
      db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return pageJson(rows.map(organizationJson), Number(count.n), page, perPage);
  });

  app.get(`${ORUK_BASE}/organizations/:id`, pub, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!isUuid(id)) return badId(reply, 'organization');
    const org = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!org) return missing(reply, 'organization', id);
    const services = await db.selectFrom('services').select(SERVICE_COLUMNS).where('organization_id', '=', id)
      .orderBy('name').orderBy('id').execute();
    const details = await serviceDetails(db, services as ServiceRow[]);
    return { ...organizationJson(org), services: details.map(serviceFullJson) };
  });

  app.get(`${ORUK_BASE}/taxonomies`, pub, async (request, reply) => {
    const parsed = parsePaging(request.query as Record<string, unknown>);
    if (!parsed.ok) return invalid(reply, parsed.problems);
    const { page, perPage } = parsed.value;
    const [rows, count] = await Promise.all([
      db.selectFrom('taxonomies').selectAll().orderBy('name').orderBy('id').limit(perPage).offset((page - 1) * perPage).execute(),
      db.selectFrom('taxonomies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return pageJson(rows.map(taxonomyJson), Number(count.n), page, perPage);
  });

  app.get(`${ORUK_BASE}/taxonomies/:id`, pub, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!isUuid(id)) return badId(reply, 'taxonomy');
    const row = await db.selectFrom('taxonomies').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return missing(reply, 'taxonomy', id);
    return taxonomyJson(row);
  });

  app.get(`${ORUK_BASE}/taxonomy_terms`, pub, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const parsed = parsePaging(q);
    const problems = parsed.ok ? [] : [...parsed.problems];
    const filter: { taxonomy_id?: string; parent_id?: string } = {};
    for (const name of ['taxonomy_id', 'parent_id'] as const) {
      const v = q[name];
      if (v === undefined || v === '') continue;
      if (typeof v !== 'string' || !isUuid(v)) problems.push({ field: name, message: `${name} must be a uuid` });
      else filter[name] = v;
    }
    if (!parsed.ok || problems.length) return invalid(reply, problems);
    const { page, perPage } = parsed.value;
    const base = db.selectFrom('taxonomy_terms')
      .$if(filter.taxonomy_id !== undefined, (w) => w.where('taxonomy_id', '=', filter.taxonomy_id!))
      .$if(filter.parent_id !== undefined, (w) => w.where('parent_id', '=', filter.parent_id!));
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('taxonomy').orderBy('name').orderBy('id').limit(perPage).offset((page - 1) * perPage).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return pageJson(rows.map(termJson), Number(count.n), page, perPage);
  });

  app.get(`${ORUK_BASE}/taxonomy_terms/:id`, pub, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!isUuid(id)) return badId(reply, 'taxonomy term');
    const row = await db.selectFrom('taxonomy_terms').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return missing(reply, 'taxonomy term', id);
    return termJson(row);
  });
}
