import type { TestContext } from '../support/context.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { addDays } from '../../src/features/ehc/clock/index.js';
import type { EhcEvent } from '../../src/features/ehc/ehc.events.js';
import type { Role } from '../../src/platform/access/roles.js';

/** Test builders for the casework pages: cases set up through the services, with past dates. */

export const daysAgo = (ctx: TestContext, n: number) => addDays(ctx.s.today(), -n);

export async function userId(ctx: TestContext, role: Role): Promise<string> {
  return (await ctx.s.users.findByEmail(ctx.s.db, demoEmail(role)))!.id;
}

export interface CaseSpec {
  givenName: string;
  familyName?: string;
  receivedDaysAgo: number;
  officer?: Role | null;
  /** Events to record, in order; dates are theirs. */
  events?: EhcEvent[];
  dateOfBirth?: string;
}

/** A child and a request for assessment received `receivedDaysAgo` days ago. */
export async function aCase(ctx: TestContext, spec: CaseSpec): Promise<{ childId: string; requestId: string; receivedOn: string }> {
  const { s } = ctx;
  const today = s.today();
  const childId = await s.children.create(s.db, { givenName: spec.givenName, familyName: spec.familyName ?? 'Testcase', dateOfBirth: spec.dateOfBirth ?? '2016-04-01' }, today);
  const receivedOn = daysAgo(ctx, spec.receivedDaysAgo);
  const officer = spec.officer === undefined ? 'casework-officer' : spec.officer;
  const requestId = await s.ehc.createRequest(
    s.db,
    null,
    { childId, receivedOn, requestedBy: 'parent', officerUserId: officer ? await userId(ctx, officer) : null },
    today,
  );
  for (const e of spec.events ?? []) await s.ehc.recordEvent(s.db, null, requestId, e, today);
  return { childId, requestId, receivedOn };
}

/** The part of the queue page under one section's heading. */
export function section(html: string, id: 'overdue' | 'due-this-week' | 'on-time'): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  const rest = html.slice(start + 1);
  const next = rest.search(/<h2 class="govuk-heading-m" id="/);
  return next < 0 ? rest : rest.slice(0, next);
}

/** The error summary's links: [text, href]. */
export function errorSummary(html: string): [string, string][] {
  const list = /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<a href="([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => [decode(m[2]!.trim()), m[1]!]);
}

export function decode(text: string): string {
  return text.replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** A date input's three fields from an ISO date. */
export function dateForm(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}
