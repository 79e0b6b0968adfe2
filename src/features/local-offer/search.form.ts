/**
 * The public search's query string, read into a search and the GOV.UK error pattern. Pure: the
 * route hands over `request.query`; bad input becomes a message naming the box to fix.
 */
import type { FieldError } from '../../platform/web/forms.js';
import { KM_PER_MILE, locatePostcode, type Place } from './postcode-districts.js';
import { NEEDS, LOCALITIES } from './local-offer.words.js';
import { SERVICE_TYPES } from './taxonomy.js';

export const PER_PAGE = 20;
/** Miles a family may choose, and the distance when they give a postcode but no distance. */
export const DISTANCES = [2, 5, 10, 20, 40] as const;
export const DEFAULT_MILES = 10;
const MAX_TEXT = 200;
const MAX_PAGE = 500;

export const SEARCH_FIELDS = ['q', 'need', 'type', 'age', 'locality', 'postcode', 'distance', 'page'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export interface Search {
  text?: string;
  need?: string;
  /** A service type's code (taxonomy.ts). */
  type?: string;
  age?: number;
  locality?: string;
  near?: { lat: number; lon: number; radiusKm: number; miles: number; postcode: string; town: string };
  page: number;
}

export interface SearchForm {
  values: Record<SearchField, string>;
  errors: FieldError[];
  search?: Search;
}

/** One value of a query parameter: a repeated one (?age=1&age=2) is a mistake, not a list. */
function one(query: Record<string, unknown>, key: string): string | null {
  const v = query[key];
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : null;
}

export function readSearch(query: unknown): SearchForm {
  const source = query && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const values = {} as Record<SearchField, string>;
  const errors: FieldError[] = [];
  for (const f of SEARCH_FIELDS) {
    const v = one(source, f);
    values[f] = (v ?? '').trim();
    if (v === null) errors.push({ field: f === 'page' ? 'q' : f, text: 'Search again using the form: one value for each box' });
  }
  if (errors.length) return { values, errors: errors.slice(0, 1) };

  const search: Search = { page: 1 };
  if (values.q) {
    if (values.q.length > MAX_TEXT) errors.push({ field: 'q', text: `What you are looking for must be ${MAX_TEXT} characters or fewer` });
    else search.text = values.q;
  }
  if (values.need) {
    if (!NEEDS.some((n) => n.code === values.need)) errors.push({ field: 'need', text: 'Choose a need from the list' });
    else search.need = values.need;
  }
  if (values.type) {
    if (!SERVICE_TYPES.some((t) => t.code === values.type)) errors.push({ field: 'type', text: 'Choose a type of service from the list' });
    else search.type = values.type;
  }
  if (values.age) {
    if (!/^\d{1,3}$/.test(values.age)) errors.push({ field: 'age', text: 'Age must be a number of years, like 6' });
    else if (Number(values.age) > 25) errors.push({ field: 'age', text: 'Age must be 25 or under: the Local Offer is for children and young people up to 25' });
    else search.age = Number(values.age);
  }
  if (values.locality) {
    if (!LOCALITIES.some((l) => l.value === values.locality)) errors.push({ field: 'locality', text: 'Choose an area from the list' });
    else search.locality = values.locality;
  }
  let miles: number = DEFAULT_MILES;
  if (values.distance) {
    const d = Number(values.distance);
    if (!(DISTANCES as readonly number[]).includes(d)) errors.push({ field: 'distance', text: 'Choose a distance from the list' });
    else miles = d;
  }
  if (values.postcode) {
    const where = locatePostcode(values.postcode);
    if (!where.ok) errors.push({ field: 'postcode', text: where.message });
    else search.near = near(where.place, where.postcode, miles);
  }
  if (values.page) {
    // A page number only ever comes from our own links: a wrong one goes back to page 1.
    const p = /^\d{1,4}$/.test(values.page) ? Number(values.page) : 1;
    search.page = Math.min(Math.max(p, 1), MAX_PAGE);
  }
  return errors.length ? { values, errors } : { values, errors, search };
}

function near(place: Place, postcode: string, miles: number) {
  return { lat: place.lat, lon: place.lon, radiusKm: miles * KM_PER_MILE, miles, postcode, town: place.town };
}

/** The query string for the same search on another page (filters stay in the URL). */
export function searchQuery(values: Partial<Record<SearchField, string>>, page?: number): string {
  const p = new URLSearchParams();
  for (const f of SEARCH_FIELDS) {
    if (f === 'page') continue;
    const v = values[f];
    if (v) p.set(f, v);
  }
  if (page && page > 1) p.set('page', String(page));
  return p.toString();
}

/** Whether the family searched for anything at all (else the page shows the form only). */
export function isEmptySearch(values: Record<SearchField, string>): boolean {
  // The distance alone is no search: the form always sends one, for the postcode.
  return SEARCH_FIELDS.every((f) => f === 'page' || f === 'distance' || values[f] === '');
}
