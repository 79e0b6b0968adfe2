import { createHash } from 'node:crypto';

/** The fields of an audit entry that the hash covers, in a fixed order. */
export interface AuditFields {
  id: number;
  at: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  subjectType: string | null;
  subjectId: string | null;
  childId: string | null;
  requestId: string | null;
  details: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so that the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Each entry's hash covers its own fields and the previous entry's hash. */
export function entryHash(prevHash: string, fields: AuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export interface ChainProblem {
  id: number;
  problem: string;
}

/**
 * Walks entries in id order and names every break: an edited entry (its hash no longer
 * matches), a deleted one (a gap in the ids, or a prev_hash that points elsewhere).
 */
export function verifyChain(
  entries: Iterable<AuditFields & { prevHash: string; hash: string }>,
  start: { prevHash: string; lastId: number } = { prevHash: GENESIS_HASH, lastId: 0 },
): { checked: number; problems: ChainProblem[]; last: { prevHash: string; lastId: number } } {
  const problems: ChainProblem[] = [];
  let prevHash = start.prevHash;
  let lastId = start.lastId;
  let checked = 0;
  for (const e of entries) {
    checked++;
    if (e.id !== lastId + 1) {
      problems.push({ id: e.id, problem: `entries ${lastId + 1} to ${e.id - 1} are missing (deleted)` });
    }
    if (e.prevHash !== prevHash) {
      problems.push({ id: e.id, problem: 'does not follow the entry before it (an entry was deleted or replaced)' });
    }
    const { prevHash: _p, hash, ...fields } = e;
    if (entryHash(e.prevHash, fields) !== hash) {
      problems.push({ id: e.id, problem: 'was changed after it was written (its hash does not match)' });
    }
    prevHash = hash;
    lastId = e.id;
  }
  return { checked, problems, last: { prevHash, lastId } };
}
