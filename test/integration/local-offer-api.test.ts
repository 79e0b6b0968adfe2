import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describeApp } from '../support/context.js';
import { seedLocalOfferDemo } from '../../src/demo/local-offer.seed.js';
import { DISTRICTS, distanceKm } from '../../src/features/local-offer/postcode-districts.js';
import { NEED_TAXONOMY, SERVICE_TYPE_TAXONOMY, serviceTypeTermId } from '../../src/features/local-offer/taxonomy.js';

/**
 * The ORUK API against the official schemas of the Open Referral UK profile 3.0 (copied unchanged
 * in ../shared/data/external/oruk-profile-3.0): every endpoint's response, every page's items.
 */
const PROFILE = path.resolve(process.cwd(), '../shared/data/external/oruk-profile-3.0');
const readJson = (p: string) => JSON.parse(readFileSync(path.join(PROFILE, p), 'utf8')) as Record<string, unknown>;

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
(addFormats as unknown as typeof addFormats.default)(ajv);
const openapi = readJson('docs/extras/openapi30.json') as {
  paths: Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: object } } } } } }>;
  components: { schemas: { Page: { properties: object } } };
};

// The profile's plain schemas refer to each other by file name ("taxonomy_term.json").
for (const file of readdirSync(path.join(PROFILE, 'schema')).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
  ajv.addSchema(readJson(`schema/${file}`), file);
}
const compile = (file: string) => (file.startsWith('schema/compiled/') ? ajv.compile(readJson(file)) : ajv.getSchema(path.basename(file))!);
const schemas = {
  api: ajv.compile(openapi.paths['/']!.get.responses[200].content['application/json'].schema),
  // The profile's Page, with every field required (the profile lists them all in its examples).
  page: ajv.compile({
    type: 'object',
    properties: { ...openapi.components.schemas.Page.properties, contents: { type: 'array' } },
    required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  }),
  service: compile('schema/compiled/service.json'),
  serviceList: compile('schema/compiled/service_list.json'),
  serviceAtLocation: compile('schema/compiled/service_at_location.json'),
  serviceAtLocationList: compile('schema/compiled/service_at_location_list.json'),
  organization: compile('schema/compiled/organization.json'),
  organizationList: compile('schema/compiled/organization_list.json'),
  taxonomy: compile('schema/taxonomy.json'),
  taxonomyTerm: compile('schema/taxonomy_term.json'),
};

function valid(name: keyof typeof schemas, value: unknown, where: string) {
  const validate = schemas[name];
  assert.ok(validate(value), `${where} does not match ${name}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

/** A page: the Page shape, consistent numbers, every item valid. */
function validPage(body: Record<string, unknown>, item: keyof typeof schemas, where: string) {
  valid('page', body, where);
  const contents = body.contents as unknown[];
  assert.equal(body.size, contents.length, `${where}: size`);
  assert.equal(body.empty, contents.length === 0, `${where}: empty`);
  assert.equal(body.total_pages, Math.ceil((body.total_items as number) / Math.max(1, perPageOf(where))), `${where}: total_pages`);
  assert.equal(body.first_page, body.page_number === 1, `${where}: first_page`);
  assert.equal(body.last_page, (body.page_number as number) >= (body.total_pages as number), `${where}: last_page`);
  contents.forEach((c, i) => valid(item, c, `${where} contents[${i}]`));
}
const perPageOf = (url: string) => Number(new URL(url, 'http://x').searchParams.get('per_page') ?? 50);

describeApp('Local Offer ORUK API', (ctx) => {
  before(async () => {
    await seedLocalOfferDemo(ctx().s.db, '2026-11-24');
  });

  const get = async (url: string) => {
    const res = await ctx().client().get(url);
    return { status: res.statusCode, body: res.json() as Record<string, unknown>, headers: res.headers };
  };

  test('/ describes the API: version, profile and an absolute OpenAPI url', async () => {
    const { status, body } = await get('/api/oruk/');
    assert.equal(status, 200);
    valid('api', body, '/');
    assert.match(String(body.openapi_url), /^https:\/\//);
    assert.equal((await get('/api/oruk')).status, 200);
  });

  test('/services pages through every service; each item matches service_list', async () => {
    const first = await get('/api/oruk/services?per_page=100');
    assert.equal(first.status, 200);
    validPage(first.body, 'serviceList', '/api/oruk/services?per_page=100');
    const total = first.body.total_items as number;
    assert.ok(total >= 300, `a few hundred demo services, got ${total}`);
    const seen = new Set<string>();
    for (let page = 1; page <= (first.body.total_pages as number); page++) {
      const url = `/api/oruk/services?per_page=100&page=${page}`;
      const { body } = await get(url);
      validPage(body, 'serviceList', url);
      for (const s of body.contents as { id: string }[]) seen.add(s.id);
    }
    assert.equal(seen.size, total, 'every service once, across pages');
    const past = await get(`/api/oruk/services?per_page=100&page=${(first.body.total_pages as number) + 1}`);
    assert.equal(past.status, 200);
    assert.equal(past.body.empty, true);
    assert.equal(past.body.total_items, total);
  });

  test('/services filters: search, taxonomy term, taxonomy, ages, day and times, organisation, postcode', async () => {
    const speech = await get('/api/oruk/services?search=speech%20language&per_page=200');
    validPage(speech.body, 'serviceList', '/api/oruk/services?search=speech%20language&per_page=200');
    const names = (speech.body.contents as { name: string }[]).map((s) => s.name);
    assert.ok(names.length > 0 && names.every((n) => /speech|talk/i.test(n)), names.join(', '));
    // `text` is another name for `search`.
    assert.equal((await get('/api/oruk/services?text=speech%20language&per_page=200')).body.total_items, speech.body.total_items);

    const term = serviceTypeTermId('speech-language');
    const byTerm = await get(`/api/oruk/services?taxonomy_term_id=${term}&per_page=200`);
    assert.ok((byTerm.body.total_items as number) > 0);
    for (const s of byTerm.body.contents as { id: string }[]) {
      const full = await get(`/api/oruk/services/${s.id}`);
      assert.ok((full.body.attributes as { taxonomy_term_id: string }[]).some((a) => a.taxonomy_term_id === term));
    }
    const byTaxonomy = await get(`/api/oruk/services?taxonomy_id=${NEED_TAXONOMY.id}&per_page=1`);
    assert.equal(byTaxonomy.body.total_items, (await get('/api/oruk/services?per_page=1')).body.total_items, 'every demo service has needs');

    const ages = await get('/api/oruk/services?minimum_age=16&maximum_age=25&per_page=200');
    assert.ok((ages.body.total_items as number) > 0);
    for (const s of ages.body.contents as { minimum_age: number; maximum_age: number }[]) {
      assert.ok(s.minimum_age >= 16 && s.maximum_age <= 25);
    }

    const saturday = await get('/api/oruk/services?day=SA&start_time=09:00&end_time=16:00&per_page=200');
    assert.ok((saturday.body.total_items as number) > 0);
    for (const s of (saturday.body.contents as { id: string }[]).slice(0, 5)) {
      const full = await get(`/api/oruk/services/${s.id}`);
      const schedules = (full.body.service_at_locations as { schedules: { byday: string; opens_at: string; closes_at: string }[] }[]).flatMap((l) => l.schedules);
      assert.ok(schedules.some((x) => x.byday.includes('SA') && x.opens_at >= '09:00' && x.closes_at <= '16:00'));
    }
    assert.equal((await get('/api/oruk/services?day=saturday&per_page=1')).body.total_items, (await get('/api/oruk/services?day=SA&per_page=1')).body.total_items);

    const orgs = await get('/api/oruk/organizations?per_page=100');
    const riverside = (orgs.body.contents as { id: string; name: string }[]).find((o) => o.name === 'Riverside Speech and Language CIC')!;
    const theirs = await get(`/api/oruk/services?organization_id=${riverside.id}`);
    assert.ok((theirs.body.total_items as number) > 0);
    assert.ok((theirs.body.contents as { organization: { id: string } }[]).every((s) => s.organization.id === riverside.id));

    const near = await get('/api/oruk/services?postcode=CA2%205AB&proximity=5000&search=speech&per_page=50');
    assert.equal(near.status, 200);
    assert.ok((near.body.total_items as number) > 0);
    for (const s of near.body.contents as { id: string }[]) {
      const full = await get(`/api/oruk/services/${s.id}`);
      const nearest = Math.min(...(full.body.service_at_locations as { location: { latitude: number; longitude: number } }[])
        .map((x) => distanceKm(DISTRICTS.CA2!, { lat: x.location.latitude, lon: x.location.longitude })));
      assert.ok(nearest <= 5, `within 5 km of CA2: ${nearest}`);
    }
  });

  test('/services/{id} is the fully nested service and matches the profile\'s service schema', async () => {
    const list = await get('/api/oruk/services?per_page=20&search=Riverside');
    const ids = (list.body.contents as { id: string }[]).map((s) => s.id);
    const all = await get('/api/oruk/services?per_page=15&page=3');
    for (const id of [...ids, ...(all.body.contents as { id: string }[]).map((s) => s.id)]) {
      const { status, body } = await get(`/api/oruk/services/${id}`);
      assert.equal(status, 200);
      valid('service', body, `/api/oruk/services/${id}`);
      assert.ok((body.service_at_locations as unknown[]).length > 0);
      assert.ok((body.cost_options as unknown[]).length > 0);
      const attributes = body.attributes as { taxonomy_term: { taxonomy_id: string } }[];
      assert.ok(attributes.some((a) => a.taxonomy_term.taxonomy_id === SERVICE_TYPE_TAXONOMY.id), 'a service type');
      assert.ok(attributes.some((a) => a.taxonomy_term.taxonomy_id === NEED_TAXONOMY.id), 'its needs');
    }
  });

  test('/service_at_locations lists and nests, matching their schemas; postcode sorts nearest first', async () => {
    const url = '/api/oruk/service_at_locations?per_page=25&page=2';
    const { status, body } = await get(url);
    assert.equal(status, 200);
    validPage(body, 'serviceAtLocationList', url);
    for (const sal of (body.contents as { id: string }[]).slice(0, 10)) {
      const one = await get(`/api/oruk/service_at_locations/${sal.id}`);
      assert.equal(one.status, 200);
      valid('serviceAtLocation', one.body, `/api/oruk/service_at_locations/${sal.id}`);
    }
    const near = await get('/api/oruk/service_at_locations?postcode=LA18&proximity=3000&per_page=100');
    validPage(near.body, 'serviceAtLocationList', '/api/oruk/service_at_locations?per_page=100');
    const places = near.body.contents as { location: { name: string; latitude: number; longitude: number } }[];
    assert.ok(places.length > 0 && places.every((x) => /Millom|Haverigg/.test(x.location.name)), places.map((x) => x.location.name).join(', '));
    const km = places.map((x) => distanceKm(DISTRICTS.LA18!, { lat: x.location.latitude, lon: x.location.longitude }));
    assert.ok(km.every((d, i) => d <= 3 && (i === 0 || d >= km[i - 1]! - 1e-9)), `nearest first, within 3 km: ${km.join(', ')}`);
    // Every service at location of the directory, once, across pages.
    const all = await get('/api/oruk/service_at_locations?per_page=1000');
    const total = all.body.total_items as number;
    assert.equal(new Set((all.body.contents as { id: string }[]).map((x) => x.id)).size, total);
    const count = await ctx().s.db.selectFrom('service_at_locations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(total, Number(count.n));
  });

  test('/organizations and /organizations/{id} match their schemas', async () => {
    const url = '/api/oruk/organizations?per_page=100';
    const { body } = await get(url);
    validPage(body, 'organizationList', url);
    for (const o of (body.contents as { id: string }[]).slice(0, 4)) {
      const one = await get(`/api/oruk/organizations/${o.id}`);
      assert.equal(one.status, 200);
      valid('organization', one.body, `/api/oruk/organizations/${o.id}`);
    }
  });

  test('/taxonomies and /taxonomy_terms (and their {id}) match their schemas', async () => {
    const t = await get('/api/oruk/taxonomies');
    validPage(t.body, 'taxonomy', '/api/oruk/taxonomies');
    assert.deepEqual((t.body.contents as { name: string }[]).map((x) => x.name).sort(), [SERVICE_TYPE_TAXONOMY.name, NEED_TAXONOMY.name].sort());
    const one = await get(`/api/oruk/taxonomies/${SERVICE_TYPE_TAXONOMY.id}`);
    valid('taxonomy', one.body, 'taxonomy');

    const terms = await get('/api/oruk/taxonomy_terms?per_page=10&page=2');
    validPage(terms.body, 'taxonomyTerm', '/api/oruk/taxonomy_terms?per_page=10');
    const types = await get(`/api/oruk/taxonomy_terms?taxonomy_id=${SERVICE_TYPE_TAXONOMY.id}&per_page=100`);
    assert.ok((types.body.contents as { taxonomy_id: string }[]).every((x) => x.taxonomy_id === SERVICE_TYPE_TAXONOMY.id));
    const term = await get(`/api/oruk/taxonomy_terms/${serviceTypeTermId('speech-language')}`);
    valid('taxonomyTerm', term.body, 'taxonomy term');
    assert.equal(term.body.name, 'Speech and language therapy');
  });

  test('junk parameters get 400 in the API error format, naming the parameter; never a 500', async () => {
    const cases: [string, string][] = [
      ['/api/oruk/services?page=-1', 'page'],
      ['/api/oruk/services?page=0', 'page'],
      ['/api/oruk/services?page=abc', 'page'],
      ['/api/oruk/services?per_page=1e9', 'per_page'],
      ['/api/oruk/services?per_page=1000000000', 'per_page'],
      ['/api/oruk/services?per_page=2.5', 'per_page'],
      ['/api/oruk/services?page=1&page=2', 'page'],
      ['/api/oruk/services?taxonomy_term_id=not-a-uuid', 'taxonomy_term_id'],
      ["/api/oruk/services?taxonomy_id=1'%20OR%20'1'='1", 'taxonomy_id'],
      ['/api/oruk/services?organization_id=%F0%9F%98%80', 'organization_id'],
      ['/api/oruk/services?minimum_age=-3', 'minimum_age'],
      ['/api/oruk/services?maximum_age=NaN', 'maximum_age'],
      ['/api/oruk/services?start_time=25:00', 'start_time'],
      ['/api/oruk/services?end_time=noon', 'end_time'],
      ['/api/oruk/services?day=Funday', 'day'],
      ['/api/oruk/services?postcode=ZZ', 'postcode'],
      ['/api/oruk/services?postcode=SW1A%201AA', 'postcode'],
      ['/api/oruk/services?proximity=5000', 'proximity'],
      ['/api/oruk/services?postcode=CA2&proximity=-1', 'proximity'],
      ['/api/oruk/services?modified_after=yesterday', 'modified_after'],
      ['/api/oruk/services?need=XYZ', 'need'],
      [`/api/oruk/services?search=${'a'.repeat(300)}`, 'search'],
      ['/api/oruk/services?search=%00', 'search'],
      ['/api/oruk/service_at_locations?per_page=0', 'per_page'],
      ['/api/oruk/organizations?page=%27', 'page'],
      ['/api/oruk/taxonomies?per_page=-5', 'per_page'],
      ['/api/oruk/taxonomy_terms?taxonomy_id=x', 'taxonomy_id'],
      ['/api/oruk/services/not-a-uuid', 'id'],
      ["/api/oruk/services/'%3B%20drop%20table%20services", 'id'],
      ['/api/oruk/service_at_locations/%E2%98%83', 'id'],
      ['/api/oruk/organizations/1', 'id'],
      ['/api/oruk/taxonomies/abc', 'id'],
      ['/api/oruk/taxonomy_terms/abc', 'id'],
    ];
    for (const [url, field] of cases) {
      const { status, body } = await get(url);
      assert.equal(status, 400, url);
      const error = body.error as { code: string; message: string; details: { field: string }[] };
      assert.equal(error.code, 'validation_failed', url);
      assert.ok(error.details.some((d) => d.field === field), `${url}: names ${field}: ${JSON.stringify(error)}`);
      assert.ok(error.message.includes(field), `${url}: message names ${field}: ${error.message}`);
    }
  });

  test('odd but harmless searches answer 200: SQL-ish text, unicode, websearch operators', async () => {
    for (const search of ["'; drop table services; --", 'speech & | ! ( ) :*', 'café ñandú 日本語', '"unclosed', '-', 'OR', '\\']) {
      const url = `/api/oruk/services?search=${encodeURIComponent(search)}`;
      const { status, body } = await get(url);
      assert.equal(status, 200, search);
      validPage(body, 'serviceList', url);
    }
    assert.equal((await get('/api/oruk/services?search=%27%3B%20drop%20table%20services%3B%20--')).status, 200);
    assert.ok(((await get('/api/oruk/services?per_page=1')).body.total_items as number) > 0, 'services still there');
  });

  test('an unknown id is a 404 in the error format', async () => {
    const missing = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    for (const what of ['services', 'service_at_locations', 'organizations', 'taxonomies', 'taxonomy_terms']) {
      const { status, body } = await get(`/api/oruk/${what}/${missing}`);
      assert.equal(status, 404, what);
      assert.equal((body.error as { code: string }).code, 'not_found');
    }
  });
});
