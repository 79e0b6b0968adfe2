/**
 * Adds the demo area's EHC casework: partner teams and staff, about 120 invented children with
 * requests at every stage, advice from every partner (some late, some nil returns), plans with
 * sections A to K, and their annual reviews. Every case goes through the real services, so
 * every rule, letter and audit entry applies. Runs once: if the demo teams exist, it does nothing.
 * The plan of the data is pure (ehc.plan.ts); docs/demo-data.md describes it.
 */
import type { Db } from '../db/database.js';
import type { Actor } from '../platform/audit/audit.service.js';
import type { Services } from '../services.js';
import type { EhcEvent } from '../features/ehc/ehc.events.js';
import { makeNhsNumber, makeUpn } from '../platform/identifiers/identifiers.js';
import { demoEmail } from './platform.seed.js';
import { MARKER_TEAM, seedStaff, type StaffIds } from './ehc.staff.js';
import { DEMO_SEED, planDemo, type PlannedCase } from './ehc.plan.js';
import type { PlannedEvent } from './ehc.lifecycle.js';
import { SETTINGS } from './ehc.places.js';
import { recordReviews, reviewHistory } from './ehc.reviews.js';
import { rng } from './prng.js';

export interface EhcDemoResult {
  added: boolean;
  children: number;
  requests: number;
  events: number;
  milliseconds: number;
}

/** Whether the EHC demo is already there. */
export async function ehcDemoSeeded(db: Db): Promise<boolean> {
  return (await db.selectFrom('teams').select('id').where('name', '=', MARKER_TEAM).executeTakeFirst()) !== undefined;
}

/**
 * Seeds the EHC demo once, in one transaction, after the platform demo (it needs the demo users).
 * Deterministic for a given today and seed; today defaults to s.today().
 */
export async function seedEhcDemo(s: Services, options: { today?: string; seed?: number } = {}): Promise<EhcDemoResult> {
  const started = performance.now();
  const db = s.db;
  const today = options.today ?? s.today();
  const none = { added: false, children: 0, requests: 0, events: 0, milliseconds: 0 };
  const officer = await db.selectFrom('users').select('id').where('email', '=', demoEmail('casework-officer')).executeTakeFirst();
  if (!officer || (await ehcDemoSeeded(db))) return none;
  const cases = planDemo(today, options.seed ?? DEMO_SEED);
  let events = 0;
  await db.transaction().execute(async (tx) => {
    const ids = await seedStaff(tx, s);
    const reviewRng = rng((options.seed ?? DEMO_SEED) ^ 0x7e71e3);
    for (const c of cases) {
      const child = await addChild(tx, s, ids, c, today);
      const requestId = await s.ehc.createRequest(tx, actor(ids, demoEmail('casework-officer')), {
        childId: child.id,
        receivedOn: c.request.receivedOn,
        requestedBy: c.request.requestedBy,
        requesterName: c.request.requesterName,
        reason: c.request.reason,
        officerUserId: c.officer ? ids.users.get(c.officer)!.id : null,
      }, today);
      for (const e of c.events) {
        const by = e.type === 'advice-received' ? e.by : demoEmail('casework-officer');
        await s.ehc.recordEvent(tx, actor(ids, by), requestId, toEvent(e, ids), today);
        events += 1;
      }
      const plan = await tx
        .selectFrom('plans')
        .innerJoin('annual_reviews', 'annual_reviews.plan_id', 'plans.id')
        .select(['plans.id as plan_id', 'annual_reviews.id as review_id', 'annual_reviews.due_by'])
        .where('plans.request_id', '=', requestId)
        .executeTakeFirst();
      if (plan) {
        const rows = c.reviews === 'history' ? reviewHistory(reviewRng, plan.due_by, child.dateOfBirth, today) : [];
        await recordReviews(tx, plan.review_id, plan.plan_id, child.id, rows);
      }
    }
  });
  return { added: true, children: cases.filter((c) => c.child !== 'mia').length, requests: cases.length, events, milliseconds: Math.round(performance.now() - started) };
}

function actor(ids: StaffIds, email: string): Actor {
  const u = ids.users.get(email);
  if (!u) throw new Error(`The demo has no user ${email}`);
  return { userId: u.id, organisationId: u.organisationId, role: u.role };
}

function toEvent(e: PlannedEvent, ids: StaffIds): EhcEvent {
  if (e.type === 'advice-requested') {
    return 'team' in e.to
      ? { type: 'advice-requested', agency: e.agency, askedOn: e.askedOn, teamId: ids.teams.get(e.to.team)! }
      : { type: 'advice-requested', agency: e.agency, askedOn: e.askedOn, assigneeEmail: e.to.user };
  }
  if (e.type === 'advice-received') {
    return { type: 'advice-received', agency: e.agency, receivedOn: e.receivedOn, nilReturn: e.nilReturn, ...(e.advice ? { advice: e.advice } : {}) };
  }
  return e;
}

/** Adds the planned child and their family; for Mia, fills in the platform demo's child. */
async function addChild(tx: Db, s: Services, ids: StaffIds, c: PlannedCase, today: string): Promise<{ id: string; dateOfBirth: string }> {
  if (c.child === 'mia') {
    const mia = await tx.selectFrom('children').select(['id', 'date_of_birth']).where('given_name', '=', 'Mia').where('family_name', '=', 'Parker').executeTakeFirstOrThrow();
    const fellside = SETTINGS.find((x) => x.key === 'fellside')!;
    await tx
      .updateTable('children')
      .set({ address: '14 Fell View, Carlisle', postcode: 'CA2 4QX', locality: 'Carlisle', school_id: ids.orgs.get(fellside.key)!, gender: 'female', upn: makeUpn('942001210000'), nhs_number: makeNhsNumber('999000001')! })
      .where('id', '=', mia.id)
      .execute();
    // Sam Parker is the demo family user, already linked to Mia's case by the platform demo:
    // the family record points at the user without adding a second case link.
    const memberId = await s.children.addFamilyMember(tx, mia.id, { name: 'Sam Parker', relationship: 'mother', email: demoEmail('family'), phone: '07700 900001', contactPreference: 'email', mainContact: true });
    await tx.updateTable('family_members').set({ user_id: ids.users.get(demoEmail('family'))!.id }).where('id', '=', memberId).execute();
    return { id: mia.id, dateOfBirth: mia.date_of_birth };
  }
  const p = c.child;
  const id = await s.children.create(tx, {
    givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth, upn: p.upn, nhsNumber: p.nhsNumber,
    address: p.address, postcode: p.postcode, schoolId: ids.orgs.get(p.setting.key)!, gender: p.gender,
  }, today);
  await tx.updateTable('children').set({ locality: p.locality }).where('id', '=', id).execute();
  for (const m of p.family) await s.children.addFamilyMember(tx, id, m);
  return { id, dateOfBirth: p.dateOfBirth };
}
