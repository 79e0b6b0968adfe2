/**
 * Reading the ORUK API's query parameters: the profile's (search, page, per_page,
 * taxonomy_term_id, taxonomy_id, organization_id, minimum_age, maximum_age, start_time, end_time,
 * day, postcode, proximity, modified_after) and ours (text as another name for search, need,
 * age, locality). Every problem is reported with the parameter's name and what is wrong, so a
 * caller gets a 400 that says what to fix, never a 500. Unknown parameters are ignored.
 */
import { SEN_NEEDS } from '../data-hub/formats/codes.js';
import { isUuid, type SearchOptions } from './directory.queries.js';
import { locatePostcode } from './postcode-districts.js';

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 1000;
/** Long enough for any real search; longer text is a mistake or an attack. */
const MAX_TEXT = 200;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NAMES: Record<string, (typeof DAYS)[number]> = {
  monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU',
};

export interface ParamProblem {
  field: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: ParamProblem[] };

type Query = Record<string, unknown>;

/** One value of a parameter; a repeated parameter is a problem (which one did you mean?). */
function one(q: Query, name: string, problems: ParamProblem[]): string | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) {
    problems.push({ field: name, message: `${name} was given more than once; give it once` });
    return undefined;
  }
  return String(v);
}

function wholeNumber(q: Query, name: string, min: number, max: number, problems: ParamProblem[]): number | undefined {
  const raw = one(q, name, problems);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    problems.push({ field: name, message: `${name} must be a whole number from ${min} to ${max}` });
    return undefined;
  }
  return Number(raw);
}

function age(q: Query, name: string, problems: ParamProblem[]): number | undefined {
  const raw = one(q, name, problems);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(raw.trim()) || Number(raw) > 150) {
    problems.push({ field: name, message: `${name} must be an age in years from 0 to 150` });
    return undefined;
  }
  return Number(raw);
}

function uuid(q: Query, name: string, problems: ParamProblem[]): string | undefined {
  const raw = one(q, name, problems);
  if (raw === undefined || raw === '') return undefined;
  if (!isUuid(raw.trim())) {
    problems.push({ field: name, message: `${name} must be a uuid, like 3f2504e0-4f89-41d3-9a0c-0305e82c3301` });
    return undefined;
  }
  return raw.trim().toLowerCase();
}

function time(q: Query, name: string, problems: ParamProblem[]): string | undefined {
  const raw = one(q, name, problems);
  if (raw === undefined || raw === '') return undefined;
  const m = /^([01]?\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/.exec(raw.trim());
  if (!m) {
    problems.push({ field: name, message: `${name} must be a time of day, like 09:30` });
    return undefined;
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

function text(q: Query, name: string, problems: ParamProblem[]): string | undefined {
  const raw = one(q, name, problems);
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (t.length > MAX_TEXT) {
    problems.push({ field: name, message: `${name} must be ${MAX_TEXT} characters or fewer` });
    return undefined;
  }
  // Control characters (a NUL breaks PostgreSQL text) are never part of a search.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(t)) {
    problems.push({ field: name, message: `${name} must not contain control characters` });
    return undefined;
  }
  return t || undefined;
}

export interface Paging {
  page: number;
  perPage: number;
}

export function parsePaging(q: Query): Parsed<Paging> {
  const problems: ParamProblem[] = [];
  const page = wholeNumber(q, 'page', 1, 1_000_000, problems) ?? 1;
  const perPage = wholeNumber(q, 'per_page', 1, MAX_PER_PAGE, problems) ?? DEFAULT_PER_PAGE;
  return problems.length ? { ok: false, problems } : { ok: true, value: { page, perPage } };
}

/**
 * The search options of /services and /service_at_locations. `postcode` (with `proximity` in
 * metres, default 10 km) searches near a postcode district's centre and sorts nearest first.
 */
export function parseServiceQuery(q: Query): Parsed<SearchOptions> {
  const problems: ParamProblem[] = [];
  const paging = parsePaging(q);
  if (!paging.ok) problems.push(...paging.problems);

  const search = text(q, 'search', problems);
  const alias = text(q, 'text', problems);
  const o: SearchOptions = {
    page: paging.ok ? paging.value.page : 1,
    perPage: paging.ok ? paging.value.perPage : DEFAULT_PER_PAGE,
    statuses: ['active', 'inactive', 'defunct', 'temporarily closed'],
  };
  const words = [search, alias].filter(Boolean).join(' ');
  if (words) o.text = words;

  const termId = uuid(q, 'taxonomy_term_id', problems);
  if (termId) o.taxonomyTerm = termId;
  const taxonomyId = uuid(q, 'taxonomy_id', problems);
  if (taxonomyId) o.taxonomyId = taxonomyId;
  const organizationId = uuid(q, 'organization_id', problems);
  if (organizationId) o.organizationId = organizationId;

  const minimumAge = age(q, 'minimum_age', problems);
  if (minimumAge !== undefined) o.minimumAgeAtLeast = minimumAge;
  const maximumAge = age(q, 'maximum_age', problems);
  if (maximumAge !== undefined) o.maximumAgeAtMost = maximumAge;
  const childAge = age(q, 'age', problems);
  if (childAge !== undefined) o.age = childAge;

  const startTime = time(q, 'start_time', problems);
  if (startTime) o.startTime = startTime;
  const endTime = time(q, 'end_time', problems);
  if (endTime) o.endTime = endTime;

  const day = one(q, 'day', problems);
  if (day !== undefined && day.trim() !== '') {
    const d = day.trim().toUpperCase();
    const code = (DAYS as readonly string[]).includes(d) ? d : DAY_NAMES[day.trim().toLowerCase()];
    if (code) o.day = code;
    else problems.push({ field: 'day', message: 'day must be a day of the week: MO, TU, WE, TH, FR, SA or SU (or its name, like Monday)' });
  }

  const need = one(q, 'need', problems);
  if (need !== undefined && need.trim() !== '') {
    const code = SEN_NEEDS.lookup(need.trim());
    if (code && code !== 'NSA') o.need = code;
    else problems.push({ field: 'need', message: `need must be a SEND primary need code: ${SEN_NEEDS.entries.filter((e) => e.code !== 'NSA').map((e) => e.code).join(', ')}` });
  }
  const locality = text(q, 'locality', problems);
  if (locality) o.locality = locality;

  const modifiedAfter = one(q, 'modified_after', problems);
  if (modifiedAfter !== undefined && modifiedAfter.trim() !== '') {
    const d = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(modifiedAfter.trim()) ? new Date(modifiedAfter.trim()) : undefined;
    if (d && !Number.isNaN(d.getTime())) o.modifiedAfter = d;
    else problems.push({ field: 'modified_after', message: 'modified_after must be a date or date-time, like 2026-01-31 or 2026-01-31T09:00:00Z' });
  }

  const postcode = one(q, 'postcode', problems);
  const proximity = one(q, 'proximity', problems);
  let radiusKm: number | undefined;
  if (proximity !== undefined && proximity.trim() !== '') {
    if (!/^\d{1,7}(\.\d+)?$/.test(proximity.trim()) || Number(proximity) <= 0 || Number(proximity) > 1_000_000) {
      problems.push({ field: 'proximity', message: 'proximity must be a distance in metres, more than 0 and at most 1000000' });
    } else {
      radiusKm = Number(proximity) / 1000;
    }
    if (postcode === undefined || postcode.trim() === '') problems.push({ field: 'proximity', message: 'proximity needs a postcode to measure from' });
  }
  if (postcode !== undefined && postcode.trim() !== '') {
    const located = locatePostcode(postcode);
    if (located.ok) o.near = { lat: located.place.lat, lon: located.place.lon, ...(radiusKm !== undefined ? { radiusKm } : {}) };
    else problems.push({ field: 'postcode', message: located.message });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: o };
}
