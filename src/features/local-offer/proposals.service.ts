/**
 * Providers' proposed updates to their services, and the council's decisions. An approved
 * update applies to the service in the same transaction as its history row and audit entry,
 * and counts as a check (`last_checked_on`). Marking a service checked is kept in history too.
 */
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import type { Services } from '../../services.js';
import { EDITABLE, agesProblem, type Changes, type EditableField, type FieldValue } from './proposal.form.js';

export class ProposalStateError extends Error {}

const EDITABLE_COLUMNS = EDITABLE.map((f) => f.key);

export interface OwnedService {
  id: string;
  name: string;
  status: string;
  last_checked_on: string;
  /** The hub organisation whose providers look after it; null when none does. */
  platform_organisation_id: string | null;
  current: Record<EditableField, FieldValue>;
}

/** A service with the values a provider may change, and who owns it. */
export async function loadOwnedService(db: Db, serviceId: string): Promise<OwnedService | undefined> {
  const row = await db
    .selectFrom('services as s')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.status', 's.last_checked_on', 'o.platform_organisation_id'])
    .select(EDITABLE_COLUMNS.map((c) => `s.${c}` as const))
    .where('s.id', '=', serviceId)
    .executeTakeFirst();
  if (!row) return undefined;
  const current = Object.fromEntries(EDITABLE_COLUMNS.map((c) => [c, (row as Record<string, unknown>)[c] ?? null])) as Record<EditableField, FieldValue>;
  return { id: row.id, name: row.name, status: row.status, last_checked_on: row.last_checked_on, platform_organisation_id: row.platform_organisation_id, current };
}

/** The services a hub organisation looks after, by name. */
export async function servicesOfOrganisation(db: Db, organisationId: string) {
  return db
    .selectFrom('services as s')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.name', 's.status', 's.last_checked_on', 'o.name as organization_name'])
    .where('o.platform_organisation_id', '=', organisationId)
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}

export interface ProposalRow {
  id: string;
  service_id: string;
  service_name: string;
  organisation_id: string;
  proposed_by_name: string;
  proposed_at: Date;
  changes: Changes;
  before: Changes;
  note: string | null;
  status: 'pending' | 'approved' | 'rejected';
  decided_by_name: string | null;
  decided_at: Date | null;
  reason: string | null;
}

function proposalsQuery(db: Db) {
  return db
    .selectFrom('local_offer_proposals as p')
    .innerJoin('services as s', 's.id', 'p.service_id')
    .innerJoin('users as u', 'u.id', 'p.proposed_by')
    .leftJoin('users as d', 'd.id', 'p.decided_by')
    .select([
      'p.id', 'p.service_id', 's.name as service_name', 'p.organisation_id', 'u.name as proposed_by_name', 'p.proposed_at', 'p.changes', 'p.before',
      'p.note', 'p.status', 'd.name as decided_by_name', 'p.decided_at', 'p.reason',
    ]);
}

export async function loadProposal(db: Db, id: string): Promise<ProposalRow | undefined> {
  return (await proposalsQuery(db).where('p.id', '=', id).executeTakeFirst()) as ProposalRow | undefined;
}

export async function pendingProposals(db: Db): Promise<ProposalRow[]> {
  return (await proposalsQuery(db).where('p.status', '=', 'pending').orderBy('p.proposed_at').orderBy('p.id').execute()) as ProposalRow[];
}

export async function decidedProposals(db: Db, limit = 20): Promise<ProposalRow[]> {
  return (await proposalsQuery(db).where('p.status', '<>', 'pending').orderBy('p.decided_at', 'desc').limit(limit).execute()) as ProposalRow[];
}

/** A provider organisation's proposals, newest first: pending ones and the outcome of the rest. */
export async function proposalsOfOrganisation(db: Db, organisationId: string, limit = 50): Promise<ProposalRow[]> {
  return (await proposalsQuery(db).where('p.organisation_id', '=', organisationId).orderBy('p.proposed_at', 'desc').limit(limit).execute()) as ProposalRow[];
}

export async function propose(s: Services, actor: Actor, service: OwnedService, proposal: { changes: Changes; before: Changes; note: string | null }, requestId: string): Promise<string> {
  return inTransaction(s.db, async (tx) => {
    const row = await tx
      .insertInto('local_offer_proposals')
      .values({
        service_id: service.id,
        organisation_id: actor.organisationId,
        proposed_by: actor.userId,
        changes: JSON.stringify(proposal.changes),
        before: JSON.stringify(proposal.before),
        note: proposal.note,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await s.audit.record(tx, {
      actor, action: 'local-offer.update.proposed', outcome: 'succeeded', subjectType: 'local-offer-service', subjectId: service.id, requestId,
      details: { proposalId: row.id, fields: Object.keys(proposal.changes) },
    });
    return row.id;
  });
}

/**
 * Approves or rejects a pending proposal. On approval the changes apply to the service as it is
 * now (its values at this moment are the history's "before"), and the service counts as checked.
 */
export async function decide(
  s: Services,
  actor: Actor,
  proposalId: string,
  decision: { approve: boolean; reason: string | null },
  today: string,
  requestId: string,
): Promise<void> {
  await inTransaction(s.db, async (tx) => {
    const p = await tx.selectFrom('local_offer_proposals').selectAll().where('id', '=', proposalId).forUpdate().executeTakeFirstOrThrow();
    if (p.status !== 'pending') throw new ProposalStateError(`This update was already ${p.status}. It cannot be decided again.`);
    const changes = p.changes as Changes;
    if (decision.approve) {
      const service = await loadOwnedService(tx, p.service_id);
      if (!service) throw new ProposalStateError('The service this update is for no longer exists.');
      const problem = agesProblem(service.current, changes);
      if (problem) throw new ProposalStateError(problem);
      const before: Changes = {};
      for (const k of Object.keys(changes) as EditableField[]) before[k] = service.current[k];
      await tx
        .updateTable('services')
        .set({ ...(changes as Record<string, FieldValue>), last_checked_on: today, last_modified: new Date() })
        .where('id', '=', p.service_id)
        .execute();
      await tx
        .insertInto('local_offer_service_history')
        .values({ service_id: p.service_id, changed_by: actor.userId, kind: 'update-approved', proposal_id: p.id, before: JSON.stringify(before), after: JSON.stringify(changes) })
        .execute();
    }
    await tx
      .updateTable('local_offer_proposals')
      .set({ status: decision.approve ? 'approved' : 'rejected', decided_by: actor.userId, decided_at: new Date(), reason: decision.reason })
      .where('id', '=', p.id)
      .execute();
    await s.audit.record(tx, {
      actor, action: decision.approve ? 'local-offer.update.approved' : 'local-offer.update.rejected', outcome: 'succeeded',
      subjectType: 'local-offer-service', subjectId: p.service_id, requestId, details: { proposalId: p.id, fields: Object.keys(changes) },
    });
  });
}

/** The officer confirms a service's details are still right. */
export async function markChecked(s: Services, actor: Actor, serviceId: string, today: string, requestId: string): Promise<void> {
  await inTransaction(s.db, async (tx) => {
    const row = await tx.selectFrom('services').select('last_checked_on').where('id', '=', serviceId).forUpdate().executeTakeFirstOrThrow();
    await tx.updateTable('services').set({ last_checked_on: today }).where('id', '=', serviceId).execute();
    await tx
      .insertInto('local_offer_service_history')
      .values({ service_id: serviceId, changed_by: actor.userId, kind: 'checked', before: JSON.stringify({ last_checked_on: row.last_checked_on }), after: JSON.stringify({ last_checked_on: today }) })
      .execute();
    await s.audit.record(tx, {
      actor, action: 'local-offer.service.checked', outcome: 'succeeded', subjectType: 'local-offer-service', subjectId: serviceId, requestId,
      details: { previous: row.last_checked_on },
    });
  });
}

/** Active services not checked for 12 months, the longest ago first. */
export async function servicesDueReview(db: Db, cutoff: string, options: { page: number; perPage: number }) {
  const base = db.selectFrom('services').where('status', '=', 'active').where('last_checked_on', '<', cutoff);
  const { n } = await base.select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await base
    .innerJoin('organizations as o', 'o.id', 'services.organization_id')
    .select(['services.id', 'services.name', 'services.last_checked_on', 'o.name as organization_name'])
    .orderBy('services.last_checked_on')
    .orderBy('services.id')
    .limit(options.perPage)
    .offset((options.page - 1) * options.perPage)
    .execute();
  return { items, total: Number(n) };
}

/** A service's history of approved changes and checks, newest first. */
export async function serviceHistory(db: Db, serviceId: string, limit = 20) {
  return db
    .selectFrom('local_offer_service_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.id', 'h.kind', 'h.changed_at', 'h.before', 'h.after', 'u.name as changed_by_name'])
    .where('h.service_id', '=', serviceId)
    .orderBy('h.changed_at', 'desc')
    .limit(limit)
    .execute();
}
