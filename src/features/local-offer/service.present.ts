/**
 * What a parent sees of a service: a search result (what it is, who it is for, where, cost,
 * how far) and the service page's sections, built from the directory's records.
 */
import type { ServiceDetail, ServiceSummary } from './directory.queries.js';
import { agesText, checkedAgoText, milesText, needText, needsReview } from './local-offer.words.js';
import { scheduleText } from './schedule.words.js';

const SUMMARY_LENGTH = 220;

/** The first sentences of a description, up to about 220 characters, ending at a word. */
export function shortText(text: string, max = SUMMARY_LENGTH): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  if (sentence > max * 0.5) return cut.slice(0, sentence + 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function whoFor(minimumAge: number | null, maximumAge: number | null, needs: string[]): string {
  const ages = agesText(minimumAge, maximumAge);
  if (needs.length === 0) return ages;
  const words = needs.map((n) => needText(n).toLowerCase());
  return `${ages}. Needs: ${words.join('; ')}`;
}

function costText(costs: string[], feesDescription: string | null, fees: string | null): string {
  if (costs.length) return costs.join('; ');
  return feesDescription?.trim() || fees?.trim() || 'Ask the service';
}

export interface ResultCard {
  id: string;
  name: string;
  organisation: string;
  summary: string;
  whoFor: string;
  where: string;
  cost: string;
  distance?: string;
  types: string[];
  checked: string;
  needsReview: boolean;
}

export function resultCard(s: ServiceSummary, today: string): ResultCard {
  const first = s.locations[0];
  const places = [...new Set(s.locations.map((l) => l.city ?? l.locality ?? l.name).filter((x): x is string => !!x))];
  const where = first
    ? `${[first.name, first.city].filter(Boolean).join(', ')}${places.length > 1 ? ` and ${places.length - 1} other place${places.length > 2 ? 's' : ''}` : ''}`
    : 'Online, by phone or at your home';
  const distance = milesText(s.distanceKm);
  return {
    id: s.id,
    name: s.name,
    organisation: s.organizationName,
    summary: shortText(s.description),
    whoFor: whoFor(s.minimumAge, s.maximumAge, s.needs),
    where,
    cost: costText(s.costs, s.feesDescription, s.fees),
    ...(distance ? { distance } : {}),
    types: s.serviceTypes.map((t) => t.name),
    checked: checkedAgoText(s.lastCheckedOn, today),
    needsReview: needsReview(s.lastCheckedOn, today),
  };
}

export interface Row {
  key: { text: string };
  value: { text?: string; html?: string };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function phoneHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** The service page's sections, in the order a parent asks: what, who for, how, cost, when, where. */
export function servicePage(d: ServiceDetail, today: string) {
  const contacts: { name: string; lines: { text?: string; html?: string }[] }[] = [];
  const serviceLines: { text?: string; html?: string }[] = [];
  for (const p of d.phones) serviceLines.push({ html: `Phone: <a class="govuk-link" href="${escapeHtml(phoneHref(p.number))}">${escapeHtml(p.number)}</a>${p.extension ? ` extension ${escapeHtml(p.extension)}` : ''}${p.description ? ` (${escapeHtml(p.description)})` : ''}` });
  if (d.email) serviceLines.push({ html: `Email: <a class="govuk-link app-lo-print-url" href="mailto:${escapeHtml(d.email)}">${escapeHtml(d.email)}</a>` });
  // Only web addresses become links: an imported "javascript:" address stays text.
  if (d.url) serviceLines.push(/^https?:\/\//i.test(d.url) ? { html: `Website: <a class="govuk-link app-lo-print-url" href="${escapeHtml(d.url)}" rel="noopener">${escapeHtml(d.url)}</a>` } : { text: `Website: ${d.url}` });
  for (const c of d.contacts) {
    const lines: { text?: string; html?: string }[] = [];
    if (c.title) lines.push({ text: c.title });
    for (const p of c.phones) lines.push({ html: `Phone: <a class="govuk-link" href="${escapeHtml(phoneHref(p.number))}">${escapeHtml(p.number)}</a>` });
    if (c.email) lines.push({ html: `Email: <a class="govuk-link app-lo-print-url" href="mailto:${escapeHtml(c.email)}">${escapeHtml(c.email)}</a>` });
    contacts.push({ name: c.name ?? c.department ?? 'Contact', lines });
  }

  const opening = [
    ...d.schedules.map((s) => scheduleText(s)).filter((t): t is string => !!t).map((text) => ({ where: null as string | null, text })),
    ...d.locations.flatMap((l) => l.schedules.map((s) => scheduleText(s)).filter((t): t is string => !!t).map((text) => ({ where: l.name, text }))),
  ];

  const locations = d.locations
    .filter((l) => l.location_type !== 'virtual' || l.url)
    .map((l) => {
      const a = l.addresses.find((x) => x.address_type === 'physical') ?? l.addresses[0];
      const address = a ? [a.address_1, a.address_2, a.city, a.postal_code].filter(Boolean).join(', ') : null;
      return {
        name: l.name ?? (l.location_type === 'virtual' ? 'Online' : 'Location'),
        address,
        virtual: l.location_type === 'virtual',
        url: l.url && /^https?:\/\//i.test(l.url) ? l.url : null,
        transport: l.transportation,
        description: l.description,
        accessibility: l.accessibility.map((x) => [x.description, x.details].filter(Boolean).join(': ')).filter(Boolean),
      };
    });

  const languages = d.languages.map((l) => l.name ?? l.code).filter((x): x is string => !!x);
  const costs = d.cost_options.map((c) => {
    if (c.amount === null) return c.option ?? c.amount_description ?? '';
    if (Number(c.amount) === 0) return c.option && !/^free$/i.test(c.option) ? `Free: ${c.option}` : 'Free';
    return `£${Number(c.amount).toFixed(2)}${c.amount_description ? ` ${c.amount_description}` : ''}${c.option ? ` (${c.option})` : ''}`;
  }).filter(Boolean);

  return {
    id: d.id,
    name: d.name,
    organisation: d.organization.name,
    active: d.status === 'active',
    statusText: d.status === 'temporarily closed' ? 'This service is closed for now.' : d.status === 'active' ? '' : 'This service has stopped. It is kept here so that links to it still work.',
    alert: d.alert,
    description: d.description,
    types: d.taxonomy_terms.filter((t) => t.taxonomy_name === 'Local Offer service types').map((t) => t.name),
    ages: agesText(d.minimum_age, d.maximum_age),
    needs: d.needs.map(needText),
    eligibility: d.eligibility_description,
    howToGet: d.application_process,
    waitTime: d.wait_time,
    serviceLines,
    contacts,
    cost: costs.length ? costs : [d.fees_description?.trim() || d.fees?.trim() || 'Ask the service about cost'],
    costNote: costs.length && d.fees_description && !costs.some((c) => c.toLowerCase() === d.fees_description!.trim().toLowerCase()) ? d.fees_description : null,
    opening,
    locations,
    languages,
    interpretation: d.interpretation_services,
    lastCheckedOn: d.last_checked_on,
    checkedAgo: checkedAgoText(d.last_checked_on, today),
    needsReview: needsReview(d.last_checked_on, today),
  };
}

export type ServicePage = ReturnType<typeof servicePage>;
