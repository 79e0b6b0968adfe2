/**
 * Re-linking: records that arrived before the child they are about.
 *
 * Attendance, suspensions, AP placements and post-16 records carry only a UPN; CAMHS and health
 * checks an NHS number. When such a record arrives before any census or care record names the
 * child, it stays unlinked (linker.ts). After every import, `relinkUnlinked` links the unlinked
 * records whose UPN or NHS number now belongs to a child, and records how (child_links).
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';

/** Fact tables and the identifier columns they can be linked by. */
const BY_UPN = ['school_census', 'suspensions', 'social_care_episodes', 'ap_placements', 'post16_activity', 'attendance_weeks'] as const;
const BY_NHS = ['camhs_referrals', 'health_checks', 'social_care_episodes'] as const;

export interface Relinked {
  readonly table: string;
  readonly method: 'upn' | 'nhs-number';
  readonly rows: number;
}

/** Links every unlinked record whose UPN or NHS number matches a child. Run inside the import's transaction. */
export async function relinkUnlinked(tx: Db): Promise<Relinked[]> {
  const done: Relinked[] = [];
  const pass = async (table: string, column: 'upn' | 'nhs_number', method: 'upn' | 'nhs-number') => {
    const result = await sql<{ n: number }>`
      with linked as (
        update ${sql.table(table)} f set child_id = c.id
        from children c
        where f.child_id is null and f.${sql.ref(column)} is not null and c.${sql.ref(column)} = f.${sql.ref(column)}
        returning f.child_id, f.import_id
      ), recorded as (
        insert into child_links (child_id, import_id, dataset, method)
        select distinct l.child_id, l.import_id, i.dataset, ${method} from linked l join imports i on i.id = l.import_id
        on conflict do nothing
      )
      select count(*)::int as n from linked`.execute(tx);
    const rows = Number(result.rows[0]?.n ?? 0);
    if (rows > 0) done.push({ table, method, rows });
  };
  for (const table of BY_UPN) await pass(table, 'upn', 'upn');
  for (const table of BY_NHS) await pass(table, 'nhs_number', 'nhs-number');
  return done;
}

/**
 * Whether children may have gained a UPN or NHS number since the last loaded import, other than
 * through `importId`'s own linker: a child added by casework since. (Imports that add identifiers
 * re-link themselves; their children have their import's start time.) Without either, re-linking
 * after an import would find nothing, and on a large area it reads every unlinked record.
 */
export async function childrenAddedSinceLastImport(tx: Db, importId: string): Promise<boolean> {
  const r = await sql<{ added: boolean }>`
    select exists (
      select 1 from children
      where created_at > coalesce((select max(imported_at) from imports where status = 'loaded' and id <> ${importId}::uuid), '-infinity')
    ) as added`.execute(tx);
  return r.rows[0]?.added === true;
}
