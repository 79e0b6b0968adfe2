/** Builders for the advice tests: cases, teams and advice requests made through the services. */
import type { Services } from '../../src/services.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/platform.seed.js';
import { hashPassword } from '../../src/platform/auth/secrets.js';
import type { Role } from '../../src/platform/access/roles.js';
import type { Actor } from '../../src/platform/audit/audit.service.js';
import type { Agency, SectionKey } from '../../src/features/ehc/ehc.codes.js';

export async function userOf(s: Services, role: Role) {
  const u = await s.users.findByEmail(s.db, demoEmail(role));
  if (!u) throw new Error(`no demo ${role}`);
  return u;
}

export async function actorOf(s: Services, role: Role): Promise<Actor> {
  const u = await userOf(s, role);
  return { userId: u.id, organisationId: u.organisation_id, role };
}

/** A team of the council, with its members and manager (by demo role or by user id). */
export async function aTeam(s: Services, t: { name: string; agency: Agency; members?: string[]; managerId?: string | null; email?: string | null; locality?: string }) {
  const council = await s.db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirstOrThrow();
  const team = await s.db
    .insertInto('teams')
    .values({ organisation_id: council.id, name: t.name, agency: t.agency, locality: t.locality ?? null, manager_user_id: t.managerId ?? null, email: t.email ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of t.members ?? []) await s.db.insertInto('team_members').values({ team_id: team.id, user_id: userId }).execute();
  return team.id;
}

/** Another user, for managers and colleagues; they sign in with the demo password. */
export async function aUser(s: Services, name: string, role: Role) {
  const council = await s.db.selectFrom('organisations').select('id').where('kind', '=', 'council').executeTakeFirstOrThrow();
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@test.send-hub.example`;
  return s.db.insertInto('users').values({ email, name, role, organisation_id: council.id, password_hash: await hashPassword(DEMO_PASSWORD) }).returning(['id', 'email', 'name']).executeTakeFirstOrThrow();
}

let counter = 0;

/** A child and a request for assessment, decided "assess" on decisionOn. */
export async function aCase(s: Services, c: { receivedOn: string; decisionOn?: string; locality?: string | null; givenName?: string; familyName?: string }) {
  const officer = await actorOf(s, 'casework-officer');
  const today = s.today();
  counter++;
  const childId = await s.children.create(s.db, { givenName: c.givenName ?? `Child${counter}`, familyName: c.familyName ?? 'Test', dateOfBirth: '2016-05-05' }, today);
  if (c.locality !== undefined) await s.db.updateTable('children').set({ locality: c.locality }).where('id', '=', childId).execute();
  const requestId = await s.ehc.createRequest(s.db, officer, { childId, receivedOn: c.receivedOn, requestedBy: 'parent', officerUserId: officer.userId }, today);
  await s.ehc.recordEvent(s.db, officer, requestId, { type: 'decision', on: c.decisionOn ?? c.receivedOn, outcome: 'assess' }, today);
  return { childId, requestId };
}

/** Asks for advice (of a team, or of a person by email); returns the advice request's id. */
export async function askAdvice(s: Services, requestId: string, a: { agency: Agency; askedOn: string; teamId?: string; assigneeEmail?: string; question?: string }) {
  const officer = await actorOf(s, 'casework-officer');
  await s.ehc.recordEvent(s.db, officer, requestId, { type: 'advice-requested', ...a }, s.today());
  const row = await s.db
    .selectFrom('advice_requests')
    .select('id')
    .where('request_id', '=', requestId)
    .where('agency', '=', a.agency)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function answerAdvice(s: Services, requestId: string, adviceRequestId: string, receivedOn: string, answer: { nilReturn: boolean; advice?: Partial<Record<SectionKey, string>> }) {
  const officer = await actorOf(s, 'casework-officer');
  await s.ehc.recordEvent(s.db, officer, requestId, { type: 'advice-received', adviceRequestId, receivedOn, ...answer }, s.today());
}

export async function issueFinal(s: Services, requestId: string, on: string) {
  const officer = await actorOf(s, 'casework-officer');
  await s.ehc.recordEvent(s.db, officer, requestId, { type: 'final-issued', on, sections: { A: 'Views.' } }, s.today());
}
