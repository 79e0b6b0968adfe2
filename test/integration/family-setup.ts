/**
 * Cases for the family tests, set up through the EHC services as a caseworker would record
 * them. Dates are counted back from the service's today, so the clock's states are known.
 */
import type { Services } from '../../src/services.js';
import type { Actor } from '../../src/platform/audit/audit.service.js';
import { addDays } from '../../src/features/ehc/clock/index.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import type { EhcEvent } from '../../src/features/ehc/ehc.events.js';
import type { Role } from '../../src/platform/access/roles.js';

export function daysAgo(s: Services, n: number): string {
  return addDays(s.today(), -n);
}

export async function actor(s: Services, role: Role): Promise<Actor> {
  const u = await s.users.findByEmail(s.db, demoEmail(role));
  return { userId: u!.id, organisationId: u!.organisation_id, role };
}

export async function childNamed(s: Services, givenName: string): Promise<string> {
  return (await s.db.selectFrom('children').select('id').where('given_name', '=', givenName).executeTakeFirstOrThrow()).id;
}

/** A request received `receivedDaysAgo` days ago, then each event in turn, recorded by the officer. */
export async function aCase(s: Services, childId: string, receivedDaysAgo: number, events: EhcEvent[] = []): Promise<string> {
  const officer = await actor(s, 'casework-officer');
  const id = await s.ehc.createRequest(s.db, officer, { childId, receivedOn: daysAgo(s, receivedDaysAgo), requestedBy: 'parent', officerUserId: officer.userId }, s.today());
  for (const e of events) await s.ehc.recordEvent(s.db, officer, id, e, s.today());
  return id;
}

/** Advice asked of the demo health professional. */
export function healthAsked(s: Services, askedDaysAgo: number): EhcEvent {
  return { type: 'advice-requested', agency: 'health', askedOn: daysAgo(s, askedDaysAgo), assigneeEmail: demoEmail('health-professional') };
}

/** The text of a page without its markup, for matching sentences. */
export function text(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ');
}
