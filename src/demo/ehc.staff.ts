/**
 * The demo area's partner teams and the invented staff who fill their queues. Synthetic staff
 * have no password (they cannot sign in); their emails are on a reserved .example domain.
 */
import type { Db } from '../db/database.js';
import type { Role } from '../platform/access/roles.js';
import type { Services } from '../services.js';
import type { Agency } from '../features/ehc/ehc.codes.js';
import { demoEmail } from './platform.seed.js';
import { NEW_SETTINGS, SETTINGS, type Locality } from './ehc.places.js';

const staff = (local: string) => `${local}@staff.send-hub.example`;

/** Organisations: 'council', 'ncic' (platform demo), 'uhmb' (added), or a setting's key. */
export const STAFF: readonly { email: string; name: string; role: Role; org: string }[] = [
  { email: staff('rachel.irving'), name: 'Rachel Irving', role: 'casework-officer', org: 'council' },
  { email: staff('daniel.graham'), name: 'Daniel Graham', role: 'casework-officer', org: 'council' },
  { email: staff('emma.nicholson'), name: 'Emma Nicholson', role: 'casework-officer', org: 'council' },
  { email: staff('gareth.pattinson'), name: 'Gareth Pattinson', role: 'casework-officer', org: 'council' },
  { email: staff('susan.tyson'), name: 'Susan Tyson', role: 'casework-manager', org: 'council' },
  { email: staff('james.holliday'), name: 'Dr James Holliday', role: 'health-professional', org: 'ncic' },
  { email: staff('fiona.steel'), name: 'Dr Fiona Steel', role: 'health-professional', org: 'ncic' },
  { email: staff('kate.hodgson'), name: 'Kate Hodgson', role: 'health-professional', org: 'ncic' },
  { email: staff('mark.ritson'), name: 'Mark Ritson', role: 'health-professional', org: 'ncic' },
  { email: staff('ian.postlethwaite'), name: 'Dr Ian Postlethwaite', role: 'health-professional', org: 'uhmb' },
  { email: staff('beth.airey'), name: 'Beth Airey', role: 'health-professional', org: 'uhmb' },
  { email: staff('lisa.bell'), name: 'Lisa Bell', role: 'social-worker', org: 'council' },
  { email: staff('hannah.dixon'), name: 'Hannah Dixon', role: 'social-worker', org: 'council' },
  { email: staff('craig.atkinson'), name: 'Craig Atkinson', role: 'social-worker', org: 'council' },
  { email: staff('paula.jardine'), name: 'Paula Jardine', role: 'social-worker', org: 'council' },
  { email: staff('joanne.sewell'), name: 'Joanne Sewell', role: 'social-worker', org: 'council' },
  { email: staff('peter.routledge'), name: 'Peter Routledge', role: 'social-worker', org: 'council' },
  { email: staff('michael.wilson'), name: 'Dr Michael Wilson', role: 'educational-psychologist', org: 'council' },
  { email: staff('sophie.lowther'), name: 'Dr Sophie Lowther', role: 'educational-psychologist', org: 'council' },
  // Each added setting's SENCO, who gives its education advice.
  ...SETTINGS.filter((s) => s.sencoEmail.endsWith('@staff.send-hub.example')).map((s) => ({
    email: s.sencoEmail,
    name: s.sencoEmail.split('@')[0]!.split('.').map((p) => p[0]!.toUpperCase() + p.slice(1)).join(' '),
    role: 'senco' as Role,
    org: s.key,
  })),
];

export interface DemoTeam {
  key: string;
  org: 'council' | 'ncic' | 'uhmb';
  name: string;
  agency: Agency | 'casework';
  locality: Locality | null;
  manager: string;
  members: readonly string[];
}

const demo = (role: Role) => demoEmail(role);

export const TEAMS: readonly DemoTeam[] = [
  { key: 'cw-north', org: 'council', name: 'SEND Casework Team – North', agency: 'casework', locality: 'Carlisle', manager: demo('casework-manager'), members: [demo('casework-officer'), staff('rachel.irving'), staff('daniel.graham')] },
  { key: 'cw-west', org: 'council', name: 'SEND Casework Team – West', agency: 'casework', locality: null, manager: staff('susan.tyson'), members: [staff('emma.nicholson'), staff('gareth.pattinson')] },
  { key: 'health-carlisle', org: 'ncic', name: 'Community Paediatrics and Therapies – Carlisle', agency: 'health', locality: 'Carlisle', manager: staff('james.holliday'), members: [demo('health-professional'), staff('kate.hodgson')] },
  { key: 'health-allerdale', org: 'ncic', name: 'Community Paediatrics and Therapies – Allerdale', agency: 'health', locality: 'Allerdale', manager: staff('fiona.steel'), members: [staff('kate.hodgson')] },
  { key: 'health-copeland', org: 'ncic', name: 'Community Paediatrics and Therapies – Copeland', agency: 'health', locality: 'Copeland', manager: staff('mark.ritson'), members: [staff('fiona.steel')] },
  { key: 'health-millom', org: 'uhmb', name: 'Children’s Community Health – Millom', agency: 'health', locality: 'Millom', manager: staff('ian.postlethwaite'), members: [staff('beth.airey')] },
  { key: 'cwd-carlisle', org: 'council', name: 'Children with Disabilities Team – Carlisle', agency: 'social-care', locality: 'Carlisle', manager: staff('lisa.bell'), members: [demo('social-worker'), staff('hannah.dixon')] },
  { key: 'cwd-west', org: 'council', name: 'Children with Disabilities Team – West Cumbria', agency: 'social-care', locality: null, manager: staff('craig.atkinson'), members: [staff('paula.jardine')] },
  { key: 'eps', org: 'council', name: 'Educational Psychology Service', agency: 'psychology', locality: null, manager: staff('michael.wilson'), members: [demo('educational-psychologist'), staff('sophie.lowther')] },
  { key: 'pfa', org: 'council', name: 'Preparing for Adulthood Team', agency: 'preparing-for-adulthood', locality: null, manager: staff('joanne.sewell'), members: [staff('peter.routledge')] },
];

/** The team that marks the EHC demo as added: if it exists, the seeder does nothing. */
export const MARKER_TEAM = TEAMS[0]!.name;

/** The health and social care teams serving a locality. */
export function healthTeamFor(locality: Locality): string {
  return ({ Carlisle: 'health-carlisle', Allerdale: 'health-allerdale', Copeland: 'health-copeland', Millom: 'health-millom' } as const)[locality];
}
export function socialCareTeamFor(locality: Locality): string {
  return locality === 'Carlisle' ? 'cwd-carlisle' : 'cwd-west';
}

/** Who answers for a team: its manager. */
export function answererFor(teamKey: string): string {
  return TEAMS.find((t) => t.key === teamKey)!.manager;
}

export interface StaffIds {
  orgs: Map<string, string>;
  /** Every user by email: demo users and synthetic staff, with what an Actor needs. */
  users: Map<string, { id: string; organisationId: string; role: string }>;
  teams: Map<string, string>;
}

/** Adds the organisations, synthetic staff and teams. Call inside the seeding transaction. */
export async function seedStaff(db: Db, s: Services): Promise<StaffIds> {
  const officer = await db.selectFrom('users').select('organisation_id').where('email', '=', demo('casework-officer')).executeTakeFirstOrThrow();
  const orgs = new Map<string, string>([['council', officer.organisation_id]]);
  const ncic = await db.selectFrom('organisations').select('id').where('kind', '=', 'nhs-trust').where('code', '=', 'RNN').executeTakeFirstOrThrow();
  orgs.set('ncic', ncic.id);
  const uhmb = await db
    .insertInto('organisations')
    .values({ kind: 'nhs-trust', name: 'University Hospitals of Morecambe Bay NHS Foundation Trust', code: 'RTX' })
    .returning('id')
    .executeTakeFirstOrThrow();
  orgs.set('uhmb', uhmb.id);
  for (const setting of SETTINGS) {
    const existing = await db.selectFrom('organisations').select('id').where('kind', '=', setting.kind).where('code', '=', setting.urn).executeTakeFirst();
    if (existing) orgs.set(setting.key, existing.id);
  }
  const added = await db
    .insertInto('organisations')
    .values(NEW_SETTINGS.filter((x) => !orgs.has(x.key)).map((x) => ({ kind: x.kind, name: x.name, code: x.urn })))
    .returning(['id', 'code'])
    .execute();
  for (const row of added) orgs.set(NEW_SETTINGS.find((x) => x.urn === row.code)!.key, row.id);

  const users = new Map<string, { id: string; organisationId: string; role: string }>();
  for (const u of await db.selectFrom('users').select(['id', 'email', 'organisation_id', 'role']).where('email', 'like', '%@demo.send-hub.example').execute()) {
    users.set(u.email, { id: u.id, organisationId: u.organisation_id, role: u.role });
  }
  for (const p of STAFF) {
    const u = await s.users.create(db, { email: p.email, name: p.name, role: p.role, organisationId: orgs.get(p.org)! });
    users.set(u.email, { id: u.id, organisationId: u.organisation_id, role: u.role });
  }

  const teams = new Map<string, string>();
  for (const t of TEAMS) {
    const row = await db
      .insertInto('teams')
      .values({ organisation_id: orgs.get(t.org)!, name: t.name, agency: t.agency, locality: t.locality, manager_user_id: users.get(t.manager)!.id, email: staff(`team.${t.key}`) })
      .returning('id')
      .executeTakeFirstOrThrow();
    teams.set(t.key, row.id);
    const members = [...new Set([t.manager, ...t.members])];
    await db.insertInto('team_members').values(members.map((m) => ({ team_id: row.id, user_id: users.get(m)!.id }))).execute();
  }
  return { orgs, users, teams };
}
