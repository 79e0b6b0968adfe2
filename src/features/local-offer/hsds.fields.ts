/**
 * The HSDS fields we keep, table by table, with how each is checked on import. A value that is
 * wrong where families would act on it (a service's web address or email, a phone number, a
 * name) is an error and stops the import; a wrong value in metadata (a term's URI, a schedule's
 * link, coordinates off the globe) is a warning and the value is left out.
 */
import type { LocalOfferTables } from '../../db/local-offer.tables.js';
import { isUuid } from './directory.queries.js';

export type FieldType = 'uuid' | 'text' | 'uri' | 'email' | 'number' | 'int' | 'date' | 'datetime' | 'time' | readonly string[];

export interface FieldSpec {
  type: FieldType;
  /** Missing is an error… */
  required?: true;
  /** …or, with a default, a warning and the default is used. */
  default?: string;
  /** A bad value: 'error' stops the import; 'warn' (the default) drops the value with a warning. */
  bad?: 'error' | 'warn';
}

type Specs<T> = { [K in keyof T]?: FieldSpec };

const id: FieldSpec = { type: 'uuid', required: true, bad: 'error' };
const ref: FieldSpec = { type: 'uuid', bad: 'error' };
const text: FieldSpec = { type: 'text' };
const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;

export const FIELDS: { [T in keyof LocalOfferTables]?: Specs<LocalOfferTables[T]> } = {
  organizations: {
    id, name: { type: 'text', required: true }, alternate_name: text, description: { type: 'text', default: '' },
    email: { type: 'email', bad: 'error' }, website: { type: 'uri', bad: 'error' }, logo: { type: 'uri' }, uri: { type: 'uri' },
    parent_organization_id: { type: 'uuid' },
  },
  services: {
    id, organization_id: { type: 'uuid', required: true, bad: 'error' }, name: { type: 'text', required: true }, alternate_name: text,
    description: { type: 'text', default: '' }, url: { type: 'uri', bad: 'error' }, email: { type: 'email', bad: 'error' },
    status: { type: ['active', 'inactive', 'defunct', 'temporarily closed'], required: true, bad: 'error' },
    interpretation_services: text, application_process: text, fees_description: text, wait_time: text, fees: text,
    accreditations: text, eligibility_description: text,
    minimum_age: { type: 'number', bad: 'error' }, maximum_age: { type: 'number', bad: 'error' },
    assured_date: { type: 'date' }, assurer_email: { type: 'email' }, alert: text, last_modified: { type: 'datetime' },
  },
  locations: {
    id, location_type: { type: LOCATION_TYPES, default: 'physical' }, url: { type: 'uri' }, organization_id: { type: 'uuid' },
    name: text, alternate_name: text, description: text, transportation: text,
    latitude: { type: 'number' }, longitude: { type: 'number' }, external_identifier: text, external_identifier_type: text,
  },
  addresses: {
    id, location_id: { type: 'uuid', required: true, bad: 'error' }, attention: text,
    address_1: { type: 'text', required: true }, address_2: text, city: { type: 'text', required: true }, region: text,
    state_province: { type: 'text', default: '' }, postal_code: { type: 'text', required: true },
    country: { type: 'text', default: 'GB' }, address_type: { type: LOCATION_TYPES, default: 'physical' },
  },
  accessibility: { id, location_id: { type: 'uuid', required: true, bad: 'error' }, description: text, details: text, url: { type: 'uri' } },
  service_at_locations: {
    id, service_id: { type: 'uuid', required: true, bad: 'error' }, location_id: { type: 'uuid', required: true, bad: 'error' }, description: text,
  },
  contacts: {
    id, organization_id: ref, service_id: ref, service_at_location_id: ref, location_id: ref,
    name: text, title: text, department: text, email: { type: 'email', bad: 'error' },
  },
  phones: {
    id, location_id: ref, service_id: ref, organization_id: ref, contact_id: ref, service_at_location_id: ref,
    number: { type: 'text', required: true }, extension: text, type: text, description: text,
  },
  schedules: {
    id, service_id: ref, location_id: ref, service_at_location_id: ref,
    valid_from: { type: 'date' }, valid_to: { type: 'date' }, dtstart: { type: 'date' }, timezone: text, until: { type: 'date' },
    count: { type: 'int' }, wkst: text, freq: { type: ['WEEKLY', 'MONTHLY'] }, interval: { type: 'int' },
    byday: text, byweekno: text, bymonthday: text, byyearday: text, description: text,
    opens_at: { type: 'time' }, closes_at: { type: 'time' }, schedule_link: { type: 'uri' }, attending_type: text, notes: text,
  },
  cost_options: {
    id, service_id: { type: 'uuid', required: true, bad: 'error' }, valid_from: { type: 'date' }, valid_to: { type: 'date' },
    option: text, currency: text, amount: { type: 'number' }, amount_description: text,
  },
  languages: { id, service_id: ref, location_id: ref, phone_id: ref, name: text, code: text, note: text },
  service_areas: {
    id, service_id: { type: 'uuid', required: true, bad: 'error' }, name: text, description: text, extent: text, extent_type: text, uri: text,
  },
  taxonomies: { id, name: { type: 'text', required: true }, description: { type: 'text', default: '' }, uri: { type: 'uri' }, version: text },
  taxonomy_terms: {
    id, code: text, name: { type: 'text', required: true }, description: { type: 'text', default: '' }, parent_id: { type: 'uuid' },
    taxonomy: text, taxonomy_id: { type: 'uuid' }, language: text, term_uri: { type: 'uri' },
  },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function validDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** An absolute http(s) or mailto/tel URI. */
function validUri(v: string): boolean {
  try {
    const u = new URL(v);
    return ['http:', 'https:', 'mailto:', 'tel:', 'ftp:'].includes(u.protocol) && (u.protocol !== 'http:' && u.protocol !== 'https:' || u.hostname.includes('.'));
  } catch {
    return false;
  }
}

export type Checked = { ok: true; value: string | number | null } | { ok: false; reason: string };

function describe(type: FieldType): string {
  if (Array.isArray(type)) return `one of ${type.map((t) => `"${t}"`).join(', ')}`;
  switch (type) {
    case 'uuid': return 'a uuid';
    case 'uri': return 'an absolute web address (https://…)';
    case 'email': return 'an email address';
    case 'number': return 'a number';
    case 'int': return 'a whole number';
    case 'date': return 'a date (YYYY-MM-DD)';
    case 'datetime': return 'a date and time (ISO 8601)';
    case 'time': return 'a time of day (HH:MM or HH:MM:SS)';
    default: return 'text';
  }
}

/** Checks one value against its type; empty strings are missing. */
export function checkValue(type: FieldType, raw: unknown): Checked {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  const bad = (): Checked => ({ ok: false, reason: `must be ${describe(type)}, not ${JSON.stringify(raw).slice(0, 80)}` });
  if (typeof raw === 'object') return bad();
  const s = String(raw).trim();
  if (Array.isArray(type)) {
    const match = (type as readonly string[]).find((t) => t.toLowerCase() === s.toLowerCase());
    return match ? { ok: true, value: match } : bad();
  }
  switch (type) {
    case 'text': return { ok: true, value: String(raw) };
    case 'uuid': return isUuid(s) ? { ok: true, value: s.toLowerCase() } : bad();
    case 'uri': return validUri(s) ? { ok: true, value: s } : bad();
    case 'email': return EMAIL.test(s) && s.length <= 320 ? { ok: true, value: s } : bad();
    case 'number': {
      const n = typeof raw === 'number' ? raw : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : bad();
    }
    case 'int': {
      const n = typeof raw === 'number' ? raw : /^-?\d+$/.test(s) ? Number(s) : NaN;
      return Number.isInteger(n) && Math.abs(n) < 2 ** 31 ? { ok: true, value: n } : bad();
    }
    case 'date': {
      const d = s.length > 10 && /^\d{4}-\d{2}-\d{2}T/.test(s) ? s.slice(0, 10) : s;
      return validDate(d) ? { ok: true, value: d } : bad();
    }
    case 'datetime': {
      if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return bad();
      const d = new Date(s);
      return Number.isNaN(d.getTime()) ? bad() : { ok: true, value: d.toISOString() };
    }
    case 'time': {
      const m = /^([01]?\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
      return m ? { ok: true, value: `${m[1]!.padStart(2, '0')}:${m[2]}` } : bad();
    }
  }
  return bad();
}
