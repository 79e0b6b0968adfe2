/**
 * Importing HSDS into the Local Offer: JSON in the Open Referral UK profile's shapes (a service,
 * organization, service at location, taxonomy or taxonomy term; an array of them; or a page of
 * them with `contents`), or HSDS tabular CSV (one file a table, as the HSDS datapackage names
 * them). Files or a folder of them. Every record is checked (hsds.fields.ts) and every reference
 * resolved against the import and the database; problems name the record, the field and the
 * reason. Errors stop the import and nothing is written; warnings are reported and the import
 * goes ahead. Everything is written in one transaction: a re-import of a service replaces it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor, auditService } from '../../platform/audit/audit.service.js';

type AuditService = ReturnType<typeof auditService>;
import type { LocalOfferTables } from '../../db/local-offer.tables.js';
import { SEN_NEEDS } from '../data-hub/formats/codes.js';
import { openCsv } from '../data-hub/csv/csv-reader.js';
import { CsvError } from '../data-hub/csv/csv-error.js';
import { checkValue, FIELDS } from './hsds.fields.js';
import { emptyBundle, INSERT_ORDER, type HsdsBundle } from './hsds.store.js';
import { NEED_TAXONOMY, NEED_TERMS, needTermId } from './taxonomy.js';

export interface ImportProblem {
  severity: 'error' | 'warning';
  /** Which record: "service ac148810-… (Community Counselling) in service_full.json". */
  record: string;
  field: string;
  reason: string;
}

export interface ImportReport {
  dryRun: boolean;
  written: boolean;
  files: string[];
  counts: Record<string, number>;
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

export class HsdsImportError extends Error {
  constructor(readonly report: ImportReport) {
    super(`The import was not made: ${report.errors.length} ${report.errors.length === 1 ? 'error' : 'errors'}. ${report.errors.slice(0, 5).map(formatProblem).join(' ')}`);
    this.name = 'HsdsImportError';
  }
}

export function formatProblem(p: ImportProblem): string {
  return `${p.record}${p.field ? `, ${p.field}` : ''}: ${p.reason}.`;
}

type Table = keyof LocalOfferTables;
type Row = Record<string, unknown>;
type Kind = 'service' | 'organization' | 'service_at_location' | 'taxonomy' | 'taxonomy_term';

const NEED_BY_TERM = new Map(NEED_TERMS.map((t) => [needTermId(t.code), t.code]));

/** Cumberland's postcode districts by locality (others are left without one). */
const LOCALITY_BY_DISTRICT: Record<string, string> = {
  ...Object.fromEntries(['CA1', 'CA2', 'CA3', 'CA4', 'CA5', 'CA6', 'CA8'].map((d) => [d, 'Carlisle'])),
  ...Object.fromEntries(['CA7', 'CA12', 'CA13', 'CA14', 'CA15'].map((d) => [d, 'Allerdale'])),
  ...Object.fromEntries(['CA18', 'CA19', 'CA20', 'CA21', 'CA22', 'CA23', 'CA24', 'CA25', 'CA26', 'CA27', 'CA28'].map((d) => [d, 'Copeland'])),
  ...Object.fromEntries(['LA18', 'LA19', 'LA20'].map((d) => [d, 'Millom border area'])),
};

export function localityOfPostcode(postcode: string | null | undefined): string | null {
  if (!postcode) return null;
  const district = postcode.trim().toUpperCase().split(/\s+/)[0]!.replace(/\d[A-Z]{2}$/, '');
  return LOCALITY_BY_DISTRICT[district] ?? null;
}

const NOUNS: Record<Table, string> = {
  organizations: 'organization', services: 'service', locations: 'location', addresses: 'address',
  service_at_locations: 'service at location', accessibility: 'accessibility', contacts: 'contact', phones: 'phone',
  schedules: 'schedule', cost_options: 'cost option', languages: 'language', service_areas: 'service area',
  taxonomies: 'taxonomy', taxonomy_terms: 'taxonomy term', service_attributes: 'attribute', service_needs: 'need',
};

/** Gathers records from files into one row per id and table, with where each came from. */
class Gathered {
  rows: { [T in Table]: Map<string, Row> } = Object.fromEntries(INSERT_ORDER.map((t) => [t, new Map()])) as never;
  readonly origin = new Map<string, string>();
  /** HSDS attributes, resolved to service tags or needs once everything is read. */
  readonly attributes: { row: Row; where: string }[] = [];
  readonly problems: ImportProblem[] = [];
  readonly notKept = new Map<string, number>();

  warn(record: string, field: string, reason: string) {
    this.problems.push({ severity: 'warning', record, field, reason });
  }

  error(record: string, field: string, reason: string) {
    this.problems.push({ severity: 'error', record, field, reason });
  }

  label(table: Table, row: Row, where: string): string {
    const noun = NOUNS[table];
    const id = typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id) : '(no id)';
    const name = typeof row.name === 'string' && row.name ? ` (${row.name.slice(0, 60)})` : '';
    return `${noun} ${id}${name} in ${where}`;
  }

  /** Adds one record: fields we keep, merged over an earlier record with the same id. */
  add(table: Table, raw: Row, where: string, links: Row = {}): string | undefined {
    const merged = { ...raw, ...Object.fromEntries(Object.entries(links).filter(([, v]) => v !== undefined && v !== null)) };
    const label = this.label(table, merged, where);
    const specs = FIELDS[table] as Record<string, { type: never; required?: true; default?: string; bad?: 'error' | 'warn' }> | undefined;
    if (!specs) return undefined;
    const row: Row = {};
    const defaulted: string[] = [];
    for (const [field, spec] of Object.entries(specs)) {
      const checked = checkValue(spec.type, merged[field]);
      if (!checked.ok) {
        if (spec.bad === 'error' || (spec.required && spec.default === undefined)) this.error(label, field, checked.reason);
        else this.warn(label, field, `${checked.reason}; left out`);
        continue;
      }
      if (checked.value === null) {
        if (spec.required && spec.default === undefined) this.error(label, field, 'is required');
        else if (spec.required || spec.default !== undefined) {
          if (spec.required) this.warn(label, field, `is missing; "${spec.default}" used`);
          row[field] = spec.default;
          defaulted.push(field);
        }
        continue;
      }
      row[field] = checked.value;
    }
    const id = row.id as string | undefined;
    if (!id) return undefined;
    const existing = this.rows[table].get(id);
    // The same record again (a list, then in full): later values win, but a default never
    // replaces a value an earlier copy gave.
    if (existing) for (const field of defaulted) if (existing[field] !== undefined) delete row[field];
    this.rows[table].set(id, existing ? { ...existing, ...row } : row);
    if (!existing) this.origin.set(`${table}:${id}`, label);
    return id;
  }

  skip(what: string, n = 1) {
    this.notKept.set(what, (this.notKept.get(what) ?? 0) + n);
  }
}

const arr = (v: unknown): Row[] => (Array.isArray(v) ? v.filter((x): x is Row => !!x && typeof x === 'object' && !Array.isArray(x)) : []);
const obj = (v: unknown): Row | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Row) : undefined);

function addLocation(g: Gathered, location: Row, where: string): string | undefined {
  const id = g.add('locations', location, where);
  if (!id) return undefined;
  for (const a of arr(location.addresses)) g.add('addresses', a, where, { location_id: id });
  for (const a of arr(location.accessibility)) g.add('accessibility', a, where, { location_id: id });
  for (const p of arr(location.phones)) g.add('phones', p, where, { location_id: id });
  for (const s of arr(location.schedules)) g.add('schedules', s, where, { location_id: id });
  for (const l of arr(location.languages)) g.add('languages', l, where, { location_id: id });
  if (arr(location.attributes).length) g.skip('attributes of locations', arr(location.attributes).length);
  if (arr(location.contacts).length) g.skip('contacts of locations', arr(location.contacts).length);
  return id;
}

function addTerm(g: Gathered, term: Row, where: string, links: Row = {}): string | undefined {
  return g.add('taxonomy_terms', term, where, links);
}

function addService(g: Gathered, service: Row, where: string, organizationId?: string): string | undefined {
  const org = obj(service.organization);
  const orgId = org ? addOrganization(g, org, where, false) : undefined;
  const id = g.add('services', service, where, { organization_id: organizationId ?? orgId });
  if (!id) return undefined;
  for (const s of arr(service.schedules)) g.add('schedules', s, where, { service_id: id });
  for (const a of arr(service.service_areas)) g.add('service_areas', a, where, { service_id: id });
  for (const sal of arr(service.service_at_locations)) addServiceAtLocation(g, sal, where, id);
  for (const l of arr(service.languages)) g.add('languages', l, where, { service_id: id });
  for (const c of arr(service.cost_options)) g.add('cost_options', c, where, { service_id: id });
  for (const c of arr(service.contacts)) {
    const contactId = g.add('contacts', c, where, { service_id: id });
    for (const p of arr(c.phones)) g.add('phones', p, where, { contact_id: contactId });
  }
  for (const p of arr(service.phones)) g.add('phones', p, where, { service_id: id });
  for (const a of arr(service.attributes)) {
    const term = obj(a.taxonomy_term);
    const termId = term ? addTerm(g, term, where) : undefined;
    g.attributes.push({ row: { ...a, link_id: id, link_entity: 'service', ...(termId ? { taxonomy_term_id: termId } : {}) }, where });
  }
  if (arr(service.funding).length) g.skip('funding', arr(service.funding).length);
  if (arr(service.required_documents).length) g.skip('required documents', arr(service.required_documents).length);
  if (obj(service.program)) g.skip('programs');
  return id;
}

function addServiceAtLocation(g: Gathered, sal: Row, where: string, serviceId?: string): string | undefined {
  const location = obj(sal.location);
  const locationId = location ? addLocation(g, location, where) : undefined;
  const id = g.add('service_at_locations', sal, where, { service_id: serviceId, location_id: locationId });
  if (!id) return undefined;
  for (const s of arr(sal.schedules)) g.add('schedules', s, where, { service_at_location_id: id });
  for (const p of arr(sal.phones)) g.add('phones', p, where, { service_at_location_id: id });
  for (const c of arr(sal.contacts)) g.add('contacts', c, where, { service_at_location_id: id });
  return id;
}

function addOrganization(g: Gathered, org: Row, where: string, withServices = true): string | undefined {
  const id = g.add('organizations', org, where);
  if (!id) return undefined;
  if (withServices) for (const s of arr(org.services)) addService(g, s, where, id);
  for (const l of arr(org.locations)) addLocation(g, l, where);
  if (arr(org.organization_identifiers).length) g.skip('organization identifiers', arr(org.organization_identifiers).length);
  if (arr(org.funding).length) g.skip('funding', arr(org.funding).length);
  return id;
}

function addTaxonomy(g: Gathered, taxonomy: Row, where: string) {
  const id = g.add('taxonomies', taxonomy, where);
  for (const t of arr(taxonomy.taxonomy_terms)) addTerm(g, t, where, t.taxonomy_id ? {} : { taxonomy_id: id });
}

function kindOf(fileName: string, sample: Row | undefined): Kind | 'api' | undefined {
  const base = path.basename(fileName).toLowerCase();
  if (base.startsWith('api_details') || (sample && 'openapi_url' in sample)) return 'api';
  if (base.startsWith('service_at_location')) return 'service_at_location';
  if (base.startsWith('service')) return 'service';
  if (base.startsWith('organization') || base.startsWith('organisation')) return 'organization';
  if (base.startsWith('taxonomy_term')) return 'taxonomy_term';
  if (base.startsWith('taxonom')) return 'taxonomy';
  if (!sample) return undefined;
  if ('location' in sample && !('name' in sample)) return 'service_at_location';
  if ('status' in sample || 'service_at_locations' in sample) return 'service';
  if ('services' in sample || 'website' in sample || 'organization_identifiers' in sample) return 'organization';
  if ('taxonomy_terms' in sample || 'version' in sample) return 'taxonomy';
  if ('term_uri' in sample || 'parent_id' in sample || 'taxonomy_id' in sample || 'code' in sample) return 'taxonomy_term';
  return undefined;
}

/** Reads one JSON file of HSDS records into the gathering. */
function gatherJson(g: Gathered, file: string, text: string) {
  const where = path.basename(file);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    g.error(where, '', `is not valid JSON (${(e as Error).message})`);
    return;
  }
  let items: Row[];
  const page = obj(data);
  if (Array.isArray(data)) items = arr(data);
  else if (page && Array.isArray(page.contents)) {
    items = arr(page.contents);
    checkPage(g, page, items.length, where);
  } else if (page) items = [page];
  else {
    g.error(where, '', 'holds no HSDS records (expected an object, an array or a page with contents)');
    return;
  }
  const kind = kindOf(file, items[0]);
  if (kind === 'api') {
    g.warn(where, '', 'describes an API, not directory records; skipped');
    return;
  }
  if (!kind) {
    g.warn(where, '', 'is not a file of HSDS records we recognise (services, organizations, service_at_locations, taxonomies, taxonomy_terms); skipped');
    return;
  }
  items.forEach((item, i) => {
    const at = items.length > 1 || page?.contents ? `${where} item ${i + 1}` : where;
    if (kind === 'service') addService(g, item, at);
    else if (kind === 'organization') addOrganization(g, item, at);
    else if (kind === 'service_at_location') {
      const service = obj(item.service);
      const serviceId = service ? addService(g, { ...service, service_at_locations: [] }, at) : undefined;
      addServiceAtLocation(g, item, at, serviceId);
    } else if (kind === 'taxonomy') addTaxonomy(g, item, at);
    else addTerm(g, item, at);
  });
}

/** The page numbers of an ORUK page must agree with each other and with what it holds. */
function checkPage(g: Gathered, page: Row, items: number, where: string) {
  const n = (k: string) => (typeof page[k] === 'number' ? (page[k] as number) : undefined);
  const total = n('total_items');
  const pages = n('total_pages');
  const size = n('size');
  const number = n('page_number');
  const say = (field: string, reason: string) => g.warn(`the page in ${where}`, field, reason);
  if (size !== undefined && size !== items) say('size', `says ${size} but the page holds ${items}`);
  if (total !== undefined && pages !== undefined && size !== undefined && size > 0 && pages !== Math.ceil(total / Math.max(size, 1)) && number === pages) {
    say('total_pages', `${pages} does not follow from total_items ${total}`);
  }
  if (total !== undefined && pages === 1 && total !== items) say('total_items', `says ${total} on the only page, which holds ${items}`);
  if (typeof page.last_page === 'boolean' && number !== undefined && pages !== undefined && page.last_page !== (number >= pages)) {
    say('last_page', `is ${page.last_page} on page ${number} of ${pages}`);
  }
  if (total !== undefined && pages !== undefined && total > 0 && items > 0 && pages > 1 && total <= items) {
    say('total_pages', `${pages} pages for ${total} items, all on this page`);
  }
  if (typeof page.empty === 'boolean' && page.empty !== (items === 0)) say('empty', `is ${page.empty} but the page holds ${items}`);
}

/** HSDS tabular file names (and the ORUK profile's older singular names) → our tables. */
const CSV_TABLES: Record<string, Table | 'attributes'> = {
  'organizations.csv': 'organizations', 'services.csv': 'services', 'locations.csv': 'locations', 'addresses.csv': 'addresses',
  'address.csv': 'addresses', 'service_at_location.csv': 'service_at_locations', 'service_at_locations.csv': 'service_at_locations',
  'accessibility.csv': 'accessibility', 'contacts.csv': 'contacts', 'phones.csv': 'phones', 'schedules.csv': 'schedules',
  'schedule.csv': 'schedules', 'cost_options.csv': 'cost_options', 'languages.csv': 'languages', 'service_areas.csv': 'service_areas',
  'taxonomies.csv': 'taxonomies', 'taxonomy.csv': 'taxonomies', 'taxonomy_terms.csv': 'taxonomy_terms',
  'attributes.csv': 'attributes', 'attribute.csv': 'attributes',
};

/** Reads one HSDS tabular CSV file into the gathering. */
async function gatherCsv(g: Gathered, file: string) {
  const where = path.basename(file);
  const table = CSV_TABLES[where.toLowerCase()];
  if (!table) {
    g.warn(where, '', 'is not an HSDS table this directory keeps; skipped');
    return;
  }
  try {
    // The ORUK profile's own example CSVs end lines with a carriage return alone (old Mac
    // style); HSDS tables are small, so read them whole and take a lone CR as a line break.
    let text = fs.readFileSync(file, 'utf8');
    if (/\r(?!\n)/.test(text)) {
      g.warn(where, '', 'ends its lines with carriage returns alone (an old Mac format); read as line breaks');
      text = text.replace(/\r(?!\n)/g, '\n');
    }
    const csv = await openCsv((async function* () { yield text; })());
    const header = csv.header.map((h) => h.trim().replace(/^\uFEFF/, '').toLowerCase());
    for await (const batch of csv.batches) {
      for (const bad of batch.malformed) g.error(`${where} line ${bad.line}`, '', bad.reason);
      batch.rows.forEach((fields, i) => {
        const row: Row = {};
        header.forEach((h, j) => { row[h] = fields[j] ?? ''; });
        const at = `${where} line ${batch.lines[i]}`;
        if (table === 'attributes') g.attributes.push({ row, where: at });
        else g.add(table, row, at);
      });
    }
  } catch (e) {
    if (e instanceof CsvError) g.error(where, '', e.message.replace(/\.$/, ''));
    else throw e;
  }
}

/** Ids of a table that exist in the database, of those asked about. */
async function existing(db: Db, table: Table, ids: Iterable<string>): Promise<Set<string>> {
  const list = [...new Set(ids)];
  const found = new Set<string>();
  for (let i = 0; i < list.length; i += 5000) {
    const rows = await db.selectFrom(table as 'services').select('id').where('id', 'in', list.slice(i, i + 5000)).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** Resolves references (against the import and the database), needs and attributes; the rows to write. */
async function resolve(db: Db, g: Gathered): Promise<HsdsBundle> {
  const b = emptyBundle();
  const has = async (table: Table, ids: (string | null | undefined)[]) => {
    const wanted = ids.filter((x): x is string => !!x && !g.rows[table].has(x));
    const inDb = wanted.length ? await existing(db, table, wanted) : new Set<string>();
    return (id: string | null | undefined) => !id || g.rows[table].has(id) || inDb.has(id);
  };
  const label = (table: Table, id: string) => g.origin.get(`${table}:${id}`) ?? `${table} ${id}`;
  const refs = <T extends Table>(table: T) => [...g.rows[table].values()];

  // Attributes: a tag of a service with a term, or (for the SEND primary need taxonomy) a need.
  for (const { row, where } of g.attributes) {
    const termCheck = checkValue('uuid', row.taxonomy_term_id);
    const linkCheck = checkValue('uuid', row.link_id);
    const idCheck = checkValue('uuid', row.id);
    const rec = `attribute ${String(row.id ?? '(no id)')} in ${where}`;
    if (!idCheck.ok || !idCheck.value) { g.error(rec, 'id', idCheck.ok ? 'is required' : idCheck.reason); continue; }
    if (!termCheck.ok || !termCheck.value) { g.warn(rec, 'taxonomy_term_id', `${termCheck.ok ? 'is missing' : termCheck.reason}; attribute left out`); continue; }
    if (!linkCheck.ok || !linkCheck.value) { g.warn(rec, 'link_id', `${linkCheck.ok ? 'is missing' : linkCheck.reason}; attribute left out`); continue; }
    const entity = typeof row.link_entity === 'string' ? row.link_entity.toLowerCase() : '';
    if (entity && entity !== 'service' && !g.rows.services.has(linkCheck.value as string)) {
      g.skip(`attributes linked to a ${entity}`);
      continue;
    }
    const need = NEED_BY_TERM.get(termCheck.value as string);
    if (need) b.service_needs.push({ service_id: linkCheck.value as string, need });
    else b.service_attributes.push({ id: idCheck.value as string, service_id: linkCheck.value as string, taxonomy_term_id: termCheck.value as string, value: typeof row.value === 'string' && row.value ? row.value : null });
  }
  // A term of the SEND primary need taxonomy named by code (an import from elsewhere) is a need too.
  for (const t of refs('taxonomy_terms')) {
    if (t.taxonomy_id === NEED_TAXONOMY.id && typeof t.code === 'string' && !SEN_NEEDS.lookup(t.code)) {
      g.warn(label('taxonomy_terms', t.id as string), 'code', `${t.code} is not a SEND primary need code`);
    }
  }

  const orgOk = await has('organizations', [...refs('services').map((s) => s.organization_id as string), ...refs('organizations').map((o) => o.parent_organization_id as string), ...refs('locations').map((l) => l.organization_id as string), ...refs('contacts').map((c) => c.organization_id as string), ...refs('phones').map((p) => p.organization_id as string)]);
  const taxonomyOk = await has('taxonomies', refs('taxonomy_terms').map((t) => t.taxonomy_id as string));
  const termOk = await has('taxonomy_terms', [...refs('taxonomy_terms').map((t) => t.parent_id as string), ...b.service_attributes.map((a) => a.taxonomy_term_id)]);
  const serviceOk = await has('services', [...refs('service_at_locations'), ...refs('contacts'), ...refs('phones'), ...refs('schedules'), ...refs('cost_options'), ...refs('languages'), ...refs('service_areas')].map((r) => r.service_id as string).concat(b.service_attributes.map((a) => a.service_id), b.service_needs.map((n) => n.service_id)));
  const locationOk = await has('locations', [...refs('addresses'), ...refs('accessibility'), ...refs('service_at_locations'), ...refs('contacts'), ...refs('phones'), ...refs('schedules'), ...refs('languages')].map((r) => r.location_id as string));
  const salOk = await has('service_at_locations', [...refs('contacts'), ...refs('phones'), ...refs('schedules')].map((r) => r.service_at_location_id as string));
  const contactOk = await has('contacts', refs('phones').map((p) => p.contact_id as string));
  const phoneOk = await has('phones', refs('languages').map((l) => l.phone_id as string));

  /** A reference that must resolve (an error) or may be dropped (a warning). */
  const check = (table: Table, row: Row, field: string, ok: (id: string | null | undefined) => boolean, target: string, must: boolean) => {
    const v = row[field] as string | null | undefined;
    if (ok(v)) return true;
    if (must) g.error(label(table, row.id as string), field, `names ${target} ${v}, which is not in the import or the directory`);
    else {
      g.warn(label(table, row.id as string), field, `names ${target} ${v}, which is not in the import or the directory; left out`);
      row[field] = null;
    }
    return must ? false : true;
  };

  for (const r of refs('taxonomies')) b.taxonomies.push(r as never);
  // Parents before children, so a term's or organisation's parent exists when it is written.
  const parentsFirst = (rows: Row[], parent: string) => {
    for (const r of rows) if (r[parent] === r.id) r[parent] = null;
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    const depth = (r: Row, seen = new Set<string>()): number => {
      const p = r[parent] as string | null | undefined;
      if (!p || !byId.has(p) || seen.has(p)) return 0;
      seen.add(p);
      return 1 + depth(byId.get(p)!, seen);
    };
    return rows.map((r) => [depth(r), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  };
  g.rows.taxonomy_terms = new Map(parentsFirst(refs('taxonomy_terms'), 'parent_id').map((r) => [r.id as string, r]));
  g.rows.organizations = new Map(parentsFirst(refs('organizations'), 'parent_organization_id').map((r) => [r.id as string, r]));
  for (const r of refs('taxonomy_terms')) {
    check('taxonomy_terms', r, 'taxonomy_id', taxonomyOk, 'taxonomy', false);
    check('taxonomy_terms', r, 'parent_id', termOk, 'taxonomy term', false);
    if (r.parent_id === r.id) r.parent_id = null;
    b.taxonomy_terms.push(r as never);
  }
  for (const r of refs('organizations')) {
    check('organizations', r, 'parent_organization_id', orgOk, 'organization', false);
    if (r.parent_organization_id === r.id) r.parent_organization_id = null;
    b.organizations.push(r as never);
  }
  for (const r of refs('services')) {
    check('services', r, 'organization_id', orgOk, 'organization', true);
    const min = r.minimum_age as number | undefined;
    const max = r.maximum_age as number | undefined;
    if (typeof min === 'number' && min < 0) g.error(label('services', r.id as string), 'minimum_age', 'must not be negative');
    if (typeof max === 'number' && max < 0) g.error(label('services', r.id as string), 'maximum_age', 'must not be negative');
    if (typeof min === 'number' && typeof max === 'number' && min > max) g.error(label('services', r.id as string), 'maximum_age', `${max} is below the minimum age ${min}`);
    b.services.push(r as never);
  }
  for (const r of refs('locations')) {
    check('locations', r, 'organization_id', orgOk, 'organization', false);
    const lat = r.latitude as number | undefined;
    const lon = r.longitude as number | undefined;
    if ((typeof lat === 'number' && Math.abs(lat) > 90) || (typeof lon === 'number' && Math.abs(lon) > 180)) {
      g.warn(label('locations', r.id as string), 'latitude', `${lat}, ${lon} is not a place on Earth (latitude -90 to 90, longitude -180 to 180); coordinates left out, so distance searches will not find it`);
      r.latitude = null;
      r.longitude = null;
    }
    b.locations.push(r as never);
  }
  for (const r of refs('addresses')) if (check('addresses', r, 'location_id', locationOk, 'location', true)) b.addresses.push(r as never);
  for (const r of refs('accessibility')) if (check('accessibility', r, 'location_id', locationOk, 'location', true)) b.accessibility.push(r as never);
  // Locality from the postcode of a location's first address, in the local area's districts.
  for (const l of b.locations) {
    const address = b.addresses.find((a) => a.location_id === l.id);
    if (!l.locality && address) l.locality = localityOfPostcode(address.postal_code);
  }
  const seenPairs = new Set<string>();
  for (const r of refs('service_at_locations')) {
    if (!check('service_at_locations', r, 'service_id', serviceOk, 'service', true)) continue;
    if (!check('service_at_locations', r, 'location_id', locationOk, 'location', true)) continue;
    const pair = `${r.service_id}:${r.location_id}`;
    if (seenPairs.has(pair)) { g.warn(label('service_at_locations', r.id as string), 'location_id', 'links a service to a location it is already linked to; left out'); continue; }
    seenPairs.add(pair);
    b.service_at_locations.push(r as never);
  }
  for (const r of refs('contacts')) {
    check('contacts', r, 'service_id', serviceOk, 'service', true);
    check('contacts', r, 'organization_id', orgOk, 'organization', false);
    check('contacts', r, 'location_id', locationOk, 'location', false);
    check('contacts', r, 'service_at_location_id', salOk, 'service at location', false);
    b.contacts.push(r as never);
  }
  for (const r of refs('phones')) {
    check('phones', r, 'service_id', serviceOk, 'service', true);
    check('phones', r, 'contact_id', contactOk, 'contact', true);
    check('phones', r, 'organization_id', orgOk, 'organization', false);
    check('phones', r, 'location_id', locationOk, 'location', false);
    check('phones', r, 'service_at_location_id', salOk, 'service at location', false);
    b.phones.push(r as never);
  }
  for (const r of refs('schedules')) {
    check('schedules', r, 'service_id', serviceOk, 'service', true);
    check('schedules', r, 'location_id', locationOk, 'location', false);
    check('schedules', r, 'service_at_location_id', salOk, 'service at location', true);
    if (typeof r.interval === 'number' && r.interval < 1) { g.warn(label('schedules', r.id as string), 'interval', 'must be 1 or more; left out'); r.interval = null; }
    b.schedules.push(r as never);
  }
  for (const r of refs('cost_options')) {
    if (!check('cost_options', r, 'service_id', serviceOk, 'service', true)) continue;
    if (typeof r.amount === 'number' && r.amount < 0) g.error(label('cost_options', r.id as string), 'amount', 'must not be negative');
    b.cost_options.push(r as never);
  }
  for (const r of refs('languages')) {
    check('languages', r, 'service_id', serviceOk, 'service', true);
    check('languages', r, 'location_id', locationOk, 'location', false);
    check('languages', r, 'phone_id', phoneOk, 'phone', false);
    b.languages.push(r as never);
  }
  for (const r of refs('service_areas')) if (check('service_areas', r, 'service_id', serviceOk, 'service', true)) b.service_areas.push(r as never);

  const attrs = b.service_attributes.splice(0);
  const seenTags = new Set<string>();
  for (const a of attrs) {
    const rec = `attribute ${a.id}`;
    if (!serviceOk(a.service_id)) { g.warn(rec, 'link_id', `names service ${a.service_id}, which is not in the import or the directory; left out`); continue; }
    if (!termOk(a.taxonomy_term_id)) { g.warn(rec, 'taxonomy_term_id', `names taxonomy term ${a.taxonomy_term_id}, which is not in the import or the directory; left out`); continue; }
    const key = `${a.service_id}:${a.taxonomy_term_id}`;
    if (seenTags.has(key)) continue;
    seenTags.add(key);
    b.service_attributes.push(a);
  }
  const needs = b.service_needs.splice(0);
  const seenNeeds = new Set<string>();
  for (const n of needs) {
    const key = `${n.service_id}:${n.need}`;
    if (!serviceOk(n.service_id) || seenNeeds.has(key)) continue;
    seenNeeds.add(key);
    b.service_needs.push(n);
  }
  return b;
}

/** Writes the rows: a service in the import is replaced whole (its old parts are removed first). */
async function write(db: Db, b: HsdsBundle): Promise<void> {
  const serviceIds = b.services.map((s) => s.id);
  for (let i = 0; i < serviceIds.length; i += 5000) {
    const ids = serviceIds.slice(i, i + 5000);
    for (const table of ['service_needs', 'service_attributes', 'service_areas', 'languages', 'cost_options', 'schedules', 'phones', 'contacts', 'service_at_locations'] as const) {
      await db.deleteFrom(table).where('service_id', 'in', ids).execute();
    }
  }
  for (const table of INSERT_ORDER) {
    const rows = b[table] as Row[];
    const byShape = new Map<string, Row[]>();
    for (const row of rows) {
      const shape = Object.keys(row).sort().join(',');
      byShape.set(shape, [...(byShape.get(shape) ?? []), row]);
    }
    for (const group of byShape.values()) {
      const columns = Object.keys(group[0]!);
      const size = Math.max(1, Math.floor(30000 / Math.max(1, columns.length)));
      for (let i = 0; i < group.length; i += size) {
        const chunk = group.slice(i, i + size);
        if (table === 'service_needs') {
          await db.insertInto('service_needs').values(chunk as never[]).onConflict((oc) => oc.doNothing()).execute();
          continue;
        }
        const update = columns.filter((c) => c !== 'id');
        await db.insertInto(table as 'services').values(chunk as never[])
          .onConflict((oc) => (update.length
            ? oc.column('id').doUpdateSet(Object.fromEntries(update.map((c) => [c, sql.ref(`excluded.${c}`)])) as never)
            : oc.column('id').doNothing()))
          .execute();
      }
    }
  }
}

/** The files to read: a file, or every .json and .csv file in a folder (not its subfolders). */
export function importFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  const names = fs.readdirSync(target).filter((f) => /\.(json|csv)$/i.test(f)).sort();
  // A folder of HSDS tables comes with its datapackage.json, which describes them.
  const tabular = names.some((f) => /\.csv$/i.test(f));
  return names.filter((f) => !(tabular && f.toLowerCase() === 'datapackage.json')).map((f) => path.join(target, f));
}

/**
 * Imports HSDS from files. Throws HsdsImportError (with the report) when there are errors;
 * nothing is written then. With dryRun, checks everything and writes nothing.
 */
export async function importHsds(
  db: Db,
  files: readonly string[],
  options: { dryRun?: boolean; audit?: { service: AuditService; actor: Actor | null } } = {},
): Promise<ImportReport> {
  const g = new Gathered();
  for (const file of files) {
    if (/\.csv$/i.test(file)) await gatherCsv(g, file);
    else if (/\.json$/i.test(file)) gatherJson(g, file, fs.readFileSync(file, 'utf8'));
    else g.warn(path.basename(file), '', 'is neither .json nor .csv; skipped');
  }
  const bundle = await resolve(db, g);
  for (const [what, n] of g.notKept) g.warn(`${n} ${what}`, '', 'not kept: the Local Offer does not store these');
  const report: ImportReport = {
    dryRun: !!options.dryRun,
    written: false,
    files: files.map((f) => path.basename(f)),
    counts: Object.fromEntries(INSERT_ORDER.map((t) => [t, bundle[t].length])),
    errors: g.problems.filter((p) => p.severity === 'error'),
    warnings: g.problems.filter((p) => p.severity === 'warning'),
  };
  if (report.errors.length) throw new HsdsImportError(report);
  if (options.dryRun) return report;
  await inTransaction(db, async (tx) => {
    await write(tx, bundle);
    await options.audit?.service.record(tx, {
      actor: options.audit.actor,
      action: 'local-offer.imported',
      outcome: 'succeeded',
      subjectType: 'local-offer',
      details: { files: report.files, counts: report.counts, warnings: report.warnings.length },
    });
  });
  return { ...report, written: true };
}
