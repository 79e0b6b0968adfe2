/**
 * The link queue: records whose name and date of birth fit more than one child. A person with
 * area-wide access to children compares the candidates and decides: this child, or none of them.
 * Deciding links the waiting record (and fills in an identifier the child lacked), records the
 * link as 'manual', and is audited against the child.
 */
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../../db/database.js';
import { auditService, type Actor } from '../../../platform/audit/audit.service.js';
import { relinkUnlinked } from './relink.js';

const audit = auditService();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class LinkQueueError extends Error {
  override readonly name = 'LinkQueueError';
}

export interface QueuedRecord {
  id: string;
  importId: string;
  dataset: string;
  line: number;
  forename: string;
  surname: string;
  dateOfBirth: string;
  createdAt: Date;
  candidates: string[];
  outcome: 'linked' | 'no-match' | null;
  resolvedChildId: string | null;
  resolvedAt: Date | null;
  note: string | null;
}

export interface Candidate {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  upn: string | null;
  nhsNumber: string | null;
  postcode: string | null;
  school: string | null;
  /** Records from partners already linked to this child, by dataset. */
  linkedRecords: { dataset: string; n: number }[];
}

export type Decision = { kind: 'child'; childId: string; note?: string } | { kind: 'no-match'; note?: string };

const untyped = (db: Db) => db as unknown as Kysely<Record<string, Record<string, unknown>>>;

const toRecord = (r: {
  id: string; import_id: string; dataset: string; line: number; forename: string; surname: string; date_of_birth: string;
  created_at: Date; candidate_child_ids: unknown; outcome: 'linked' | 'no-match' | null; resolved_child_id: string | null; resolved_at: Date | null; note: string | null;
}): QueuedRecord => ({
  id: r.id,
  importId: r.import_id,
  dataset: r.dataset,
  line: r.line,
  forename: r.forename,
  surname: r.surname,
  dateOfBirth: String(r.date_of_birth).slice(0, 10),
  createdAt: r.created_at,
  candidates: (typeof r.candidate_child_ids === 'string' ? JSON.parse(r.candidate_child_ids) : r.candidate_child_ids) as string[],
  outcome: r.outcome,
  resolvedChildId: r.resolved_child_id,
  resolvedAt: r.resolved_at,
  note: r.note,
});

const COLUMNS = ['id', 'import_id', 'dataset', 'line', 'forename', 'surname', 'date_of_birth', 'created_at', 'candidate_child_ids', 'outcome', 'resolved_child_id', 'resolved_at', 'note'] as const;

/** Open records, oldest first, and how many there are. */
export async function openQueue(db: Db, page = 1, perPage = 50): Promise<{ items: QueuedRecord[]; total: number }> {
  const total = await db.selectFrom('link_queue').select(db.fn.countAll<number>().as('n')).where('resolved_at', 'is', null).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('link_queue')
    .select(COLUMNS)
    .where('resolved_at', 'is', null)
    .orderBy('created_at')
    .orderBy('line')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return { items: rows.map(toRecord), total: Number(total.n) };
}

export async function queuedRecord(db: Db, id: string): Promise<QueuedRecord | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await db.selectFrom('link_queue').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** The children a queued record could be, with what tells them apart. */
export async function candidatesOf(db: Db, record: QueuedRecord): Promise<Candidate[]> {
  if (record.candidates.length === 0) return [];
  const children = await db
    .selectFrom('children')
    .leftJoin('organisations as school', 'school.id', 'children.school_id')
    .select(['children.id', 'children.given_name', 'children.family_name', 'children.date_of_birth', 'children.upn', 'children.nhs_number', 'children.postcode', 'school.name as school'])
    .where('children.id', 'in', record.candidates)
    .orderBy('children.created_at')
    .execute();
  const links = await db
    .selectFrom('child_links')
    .select(['child_id', 'dataset', db.fn.countAll<number>().as('n')])
    .where('child_id', 'in', record.candidates)
    .groupBy(['child_id', 'dataset'])
    .execute();
  return children.map((c) => ({
    id: c.id,
    givenName: c.given_name,
    familyName: c.family_name,
    dateOfBirth: String(c.date_of_birth).slice(0, 10),
    upn: c.upn,
    nhsNumber: c.nhs_number,
    postcode: c.postcode,
    school: c.school,
    linkedRecords: links.filter((l) => l.child_id === c.id).map((l) => ({ dataset: l.dataset, n: Number(l.n) })),
  }));
}

/** Decides a queued record; see the module comment. Returns the records linked. */
export async function resolveQueued(db: Db, actor: Actor, id: string, decision: Decision): Promise<{ linked: number }> {
  if (!UUID.test(id)) throw new LinkQueueError('There is no such record waiting to be linked.');
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('link_queue').select(COLUMNS).select('fact_table').select('natural_key').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new LinkQueueError('There is no such record waiting to be linked.');
    const record = toRecord(row);
    if (record.resolvedAt) throw new LinkQueueError('Someone has already decided this record. Nothing was changed.');
    const note = decision.note?.trim() ? decision.note.trim() : null;
    if (decision.kind === 'no-match') {
      await tx.updateTable('link_queue').set({ outcome: 'no-match', resolved_by: actor.userId, resolved_at: new Date(), note }).where('id', '=', id).execute();
      await audit.record(tx, { actor, action: 'data-hub.link-decided', outcome: 'succeeded', subjectType: 'link-queue', subjectId: id, details: { outcome: 'no-match' } });
      return { linked: 0 };
    }
    if (!record.candidates.includes(decision.childId)) throw new LinkQueueError('Choose one of the children listed.');
    // The waiting record, if no later import has replaced it.
    const fact = await sql<{ upn: string | null; nhs_number: string | null }>`
      update ${sql.table(row.fact_table)} set child_id = ${decision.childId}
      where natural_key = ${row.natural_key} and child_id is null
      returning ${sql.raw(hasColumn(row.fact_table, 'upn') ? 'upn' : 'null::text as upn')}, ${sql.raw(hasColumn(row.fact_table, 'nhs_number') ? 'nhs_number' : 'null::text as nhs_number')}`.execute(tx);
    const ids = fact.rows[0];
    if (ids?.upn) await tx.updateTable('children').set({ upn: ids.upn }).where('id', '=', decision.childId).where('upn', 'is', null).execute();
    if (ids?.nhs_number) await tx.updateTable('children').set({ nhs_number: ids.nhs_number }).where('id', '=', decision.childId).where('nhs_number', 'is', null).execute();
    await untyped(tx)
      .insertInto('child_links')
      .values({ child_id: decision.childId, import_id: record.importId, dataset: record.dataset, method: 'manual' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx.updateTable('link_queue').set({ outcome: 'linked', resolved_child_id: decision.childId, resolved_by: actor.userId, resolved_at: new Date(), note }).where('id', '=', id).execute();
    // A new identifier on the child may link records that were waiting for it.
    const relinked = ids?.upn || ids?.nhs_number ? await relinkUnlinked(tx) : [];
    await audit.record(tx, {
      actor,
      action: 'data-hub.link-decided',
      outcome: 'succeeded',
      subjectType: 'link-queue',
      subjectId: id,
      childId: decision.childId,
      details: { outcome: 'linked', dataset: record.dataset, relinked: relinked.reduce((n, r) => n + r.rows, 0) },
    });
    return { linked: fact.rows.length + relinked.reduce((n, r) => n + r.rows, 0) };
  });
}

const COLUMNS_OF: Record<string, readonly string[]> = {
  school_census: ['upn'],
  social_care_episodes: ['upn', 'nhs_number'],
  camhs_referrals: ['nhs_number'],
  health_checks: ['nhs_number'],
};
function hasColumn(table: string, column: string): boolean {
  return COLUMNS_OF[table]?.includes(column) ?? false;
}
