/**
 * Exporting the Local Offer as HSDS: JSON (an array of the profile's fully nested service
 * objects, the shape /api/oruk/services/{id} returns) or the HSDS tabular CSV (one file a table,
 * named and with the columns of the HSDS 3.0 datapackage). Both read back with `importHsds`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/database.js';
import { csvRow } from '../data-hub/csv/csv-writer.js';
import { serviceDetails, type ServiceRow } from './directory.queries.js';
import { needAttributeId, serviceFullJson } from './oruk.present.js';
import { needTermId } from './taxonomy.js';

const BATCH = 500;

const SERVICE_COLUMNS = [
  'id', 'organization_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services',
  'application_process', 'fees_description', 'wait_time', 'fees', 'accreditations', 'eligibility_description',
  'minimum_age', 'maximum_age', 'assured_date', 'assurer_email', 'alert', 'last_modified', 'last_checked_on',
] as const;

/** Writes every service (all statuses) as a JSON array of nested ORUK service objects. Returns the count. */
export async function exportJson(db: Db, out: string): Promise<number> {
  const fd = fs.openSync(out, 'w');
  let count = 0;
  try {
    fs.writeSync(fd, '[\n');
    let after = '';
    for (;;) {
      const rows = await db.selectFrom('services').select(SERVICE_COLUMNS).$if(after !== '', (q) => q.where('id', '>', after)).orderBy('id').limit(BATCH).execute();
      if (rows.length === 0) break;
      for (const s of await serviceDetails(db, rows as ServiceRow[])) {
        fs.writeSync(fd, `${count ? ',\n' : ''}${JSON.stringify(serviceFullJson(s))}`);
        count++;
      }
      after = rows[rows.length - 1]!.id;
    }
    fs.writeSync(fd, '\n]\n');
  } finally {
    fs.closeSync(fd);
  }
  return count;
}

/** HSDS tabular files we write: file name, our table, HSDS columns (all ours have the same names). */
export const CSV_FILES = [
  ['organizations.csv', 'organizations', ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'logo', 'uri', 'parent_organization_id']],
  ['services.csv', 'services', ['id', 'organization_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services', 'application_process', 'fees_description', 'wait_time', 'fees', 'accreditations', 'eligibility_description', 'minimum_age', 'maximum_age', 'assured_date', 'assurer_email', 'alert', 'last_modified']],
  ['locations.csv', 'locations', ['id', 'location_type', 'url', 'organization_id', 'name', 'alternate_name', 'description', 'transportation', 'latitude', 'longitude', 'external_identifier', 'external_identifier_type']],
  ['addresses.csv', 'addresses', ['id', 'location_id', 'attention', 'address_1', 'address_2', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type']],
  ['accessibility.csv', 'accessibility', ['id', 'location_id', 'description', 'details', 'url']],
  ['service_at_location.csv', 'service_at_locations', ['id', 'service_id', 'location_id', 'description']],
  ['contacts.csv', 'contacts', ['id', 'organization_id', 'service_id', 'service_at_location_id', 'location_id', 'name', 'title', 'department', 'email']],
  ['phones.csv', 'phones', ['id', 'location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id', 'number', 'extension', 'type', 'description']],
  ['schedules.csv', 'schedules', ['id', 'service_id', 'location_id', 'service_at_location_id', 'valid_from', 'valid_to', 'dtstart', 'timezone', 'until', 'count', 'wkst', 'freq', 'interval', 'byday', 'byweekno', 'bymonthday', 'byyearday', 'description', 'opens_at', 'closes_at', 'schedule_link', 'attending_type', 'notes']],
  ['cost_options.csv', 'cost_options', ['id', 'service_id', 'valid_from', 'valid_to', 'option', 'currency', 'amount', 'amount_description']],
  ['languages.csv', 'languages', ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note']],
  ['service_areas.csv', 'service_areas', ['id', 'service_id', 'name', 'description', 'extent', 'extent_type', 'uri']],
  ['taxonomies.csv', 'taxonomies', ['id', 'name', 'description', 'uri', 'version']],
  ['taxonomy_terms.csv', 'taxonomy_terms', ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'taxonomy_id', 'term_uri']],
] as const;

const ATTRIBUTE_COLUMNS = ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'];

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Writes the HSDS tabular CSV files into a folder (made if need be). Returns rows written per file. */
export async function exportCsv(db: Db, dir: string): Promise<Record<string, number>> {
  fs.mkdirSync(dir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const [file, table, columns] of CSV_FILES) {
    const fd = fs.openSync(path.join(dir, file), 'w');
    let n = 0;
    try {
      fs.writeSync(fd, `${csvRow([...columns])}\r\n`);
      let after = '';
      for (;;) {
        const rows = await db.selectFrom(table as 'services').select(columns as never).$if(after !== '', (q) => q.where('id', '>', after)).orderBy('id').limit(5000).execute() as Record<string, unknown>[];
        if (rows.length === 0) break;
        fs.writeSync(fd, rows.map((r) => `${csvRow(columns.map((c) => cell(r[c])))}\r\n`).join(''));
        n += rows.length;
        after = rows[rows.length - 1]!.id as string;
      }
    } finally {
      fs.closeSync(fd);
    }
    counts[file] = n;
  }
  // Attributes: service types (and other terms) and SEND needs, as HSDS links a service to terms.
  const fd = fs.openSync(path.join(dir, 'attributes.csv'), 'w');
  let n = 0;
  try {
    fs.writeSync(fd, `${csvRow(ATTRIBUTE_COLUMNS)}\r\n`);
    const tags = await db.selectFrom('service_attributes').selectAll().orderBy('id').execute();
    const lines = tags.map((a) => csvRow([a.id, a.service_id, a.taxonomy_term_id, 'service_type', 'service', a.value ?? '']));
    const needs = await db.selectFrom('service_needs').selectAll().orderBy('service_id').orderBy('need').execute();
    lines.push(...needs.map((x) => csvRow([needAttributeId(x.service_id, x.need), x.service_id, needTermId(x.need), 'send_need', 'service', ''])));
    for (let i = 0; i < lines.length; i += 5000) fs.writeSync(fd, lines.slice(i, i + 5000).map((l) => `${l}\r\n`).join(''));
    n = lines.length;
  } finally {
    fs.closeSync(fd);
  }
  counts['attributes.csv'] = n;
  return counts;
}
