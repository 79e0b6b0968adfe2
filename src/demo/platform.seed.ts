import type { Db } from '../db/database.js';
import type { Role, OrganisationKind } from '../platform/access/roles.js';
import { hashPassword } from '../platform/auth/secrets.js';

/**
 * The demo area's organisations and one person in each role. Every name is invented; codes for
 * NHS bodies are the real public ODS codes of those bodies, school URNs are made up (9xxxxx).
 */
export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_EMAIL_DOMAIN = 'demo.send-hub.example';

interface DemoOrg {
  key: string;
  kind: OrganisationKind;
  name: string;
  code: string | null;
}

const ORGS: DemoOrg[] = [
  { key: 'nenc-icb', kind: 'icb', name: 'NHS North East and North Cumbria ICB', code: 'QHM' },
  { key: 'lsc-icb', kind: 'icb', name: 'NHS Lancashire and South Cumbria ICB', code: 'QE1' },
  { key: 'ncic', kind: 'nhs-trust', name: 'North Cumbria Integrated Care NHS Foundation Trust', code: 'RNN' },
  { key: 'cntw', kind: 'nhs-trust', name: 'Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust', code: 'RX4' },
  { key: 'school-a', kind: 'school', name: 'Fellside Primary School', code: '900001' },
  { key: 'school-b', kind: 'school', name: 'Eden Valley Academy', code: '900002' },
  { key: 'ap', kind: 'ap-provider', name: 'Solway Learning Centre', code: '900101' },
  { key: 'forum', kind: 'parent-carer-forum', name: 'SEND Alliance Cumbria (SENDAC)', code: null },
  { key: 'sendiass', kind: 'sendiass', name: 'Cumberland SENDIASS', code: null },
  { key: 'provider', kind: 'service-provider', name: 'Riverside Speech and Language CIC', code: null },
];

const PEOPLE: { role: Role; name: string; org: string }[] = [
  { role: 'family', name: 'Sam Parker', org: 'council' },
  { role: 'casework-officer', name: 'Priya Shah', org: 'council' },
  { role: 'casework-manager', name: 'Owen Hughes', org: 'council' },
  { role: 'health-professional', name: 'Dr Aisha Begum', org: 'ncic' },
  { role: 'designated-clinical-officer', name: 'Helen Mercer', org: 'nenc-icb' },
  { role: 'social-worker', name: 'Tom Fletcher', org: 'council' },
  { role: 'educational-psychologist', name: 'Dr Ruth Allen', org: 'council' },
  { role: 'senco', name: 'Jo Kirkby', org: 'school-a' },
  { role: 'ap-provider', name: 'Lee Armstrong', org: 'ap' },
  { role: 'partnership-leader', name: 'Catherine Dale', org: 'council' },
  { role: 'analyst', name: 'Mark Ellis', org: 'council' },
  { role: 'forum-member', name: 'Nadia Rowe', org: 'forum' },
  { role: 'service-provider', name: 'Grace Lowther', org: 'provider' },
  { role: 'local-offer-officer', name: 'Daniel Irving', org: 'council' },
  { role: 'administrator', name: 'Alex Morgan', org: 'council' },
];

export function demoEmail(role: Role): string {
  return `${role}@${DEMO_EMAIL_DOMAIN}`;
}

/** The council is the one organisation every area has, demo or not. */
export async function ensureCouncil(db: Db, area: { code: string; name: string }): Promise<string> {
  const existing = await db.selectFrom('organisations').select('id').where('kind', '=', 'council').where('code', '=', area.code).executeTakeFirst();
  if (existing) return existing.id;
  const row = await db
    .insertInto('organisations')
    .values({ kind: 'council', name: `${area.name} Council`, code: area.code })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds the demo organisations, people and two children, once. Returns false if already there. */
export async function seedPlatformDemo(db: Db, area: { code: string; name: string }): Promise<boolean> {
  const already = await db.selectFrom('users').select('id').where('email', '=', demoEmail('administrator')).executeTakeFirst();
  if (already) return false;
  await db.transaction().execute(async (tx) => {
    const orgIds: Record<string, string> = { council: await ensureCouncil(tx, area) };
    for (const o of ORGS) {
      const row = await tx.insertInto('organisations').values({ kind: o.kind, name: o.name, code: o.code }).returning('id').executeTakeFirstOrThrow();
      orgIds[o.key] = row.id;
    }
    const hash = await hashPassword(DEMO_PASSWORD);
    const userIds: Partial<Record<Role, string>> = {};
    for (const p of PEOPLE) {
      const row = await tx
        .insertInto('users')
        .values({ email: demoEmail(p.role), name: p.name, role: p.role, organisation_id: orgIds[p.org]!, password_hash: hash })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds[p.role] = row.id;
    }
    // Two invented children: the demo parent's child, known to the school and asked of health;
    // and a child nobody outside the council is linked to.
    // Leo stays unlinked: the child no case role may reach, which the access tests rely on.
    const [mia] = await tx
      .insertInto('children')
      .values([
        { given_name: 'Mia', family_name: 'Parker', date_of_birth: '2017-05-14', upn: null, nhs_number: null },
        { given_name: 'Leo', family_name: 'Whitfield', date_of_birth: '2012-11-02', upn: null, nhs_number: null },
      ])
      .returning('id')
      .execute();
    await tx
      .insertInto('case_links')
      .values([
        { child_id: mia!.id, kind: 'family', user_id: userIds.family! },
        { child_id: mia!.id, kind: 'school', organisation_id: orgIds['school-a']! },
        { child_id: mia!.id, kind: 'advice', user_id: userIds['health-professional']! },
      ])
      .execute();
  });
  return true;
}

export const DEMO_ROLES = PEOPLE.map((p) => p.role);
