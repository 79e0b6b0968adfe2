/**
 * An academic year's computed values kept between recomputes (derived_values, ADR 0017), reused
 * while what they were computed from holds: after a day's import in this school year, last
 * year's attendance and exclusion values are not worked out again from its 1.5 million
 * pupil-weeks (at Cumberland's size).
 *
 * - The pupil-weeks: writers mark the weeks they change (attendance-changes.ts); the recompute
 *   forgets the kept values of every year holding a changed week before it computes.
 * - Everything else a computation reads is in its fingerprint, checked on each use.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import { hashSum } from '../../../db/derived-state.js';
import { takeChangedWeeks } from '../../data-hub/storage/attendance-changes.js';
import type { ComputedValue } from '../indicator.types.js';
import { boundsOf } from '../periods.js';

const PREFIX = 'indicator-year:';
const nameOf = (computation: string, period: string) => `${PREFIX}${computation}:${period}`;

/**
 * Forgets the kept values of the years with pupil-weeks changed since the last recompute, and of
 * years no longer computed. Returns the years forgotten for changed weeks.
 */
export async function forgetChangedYears(db: Db, years: readonly string[]): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    const weeks = await takeChangedWeeks(tx, 'indicator-years');
    const touched = years.filter((y) => {
      const { from, to } = boundsOf(y);
      return weeks.some((w) => w >= from && w <= to);
    });
    const kept = await tx.selectFrom('derived_values').select('name').where('name', 'like', `${PREFIX}%`).execute();
    const forget = kept.map((k) => k.name).filter((name) => {
      const period = name.slice(name.lastIndexOf(':') + 1);
      return !years.includes(period) || touched.includes(period);
    });
    if (forget.length) await tx.deleteFrom('derived_values').where('name', 'in', forget).execute();
    return touched;
  });
}

/**
 * What a year's attendance and exclusion values depend on besides its pupil-weeks: the last day
 * counted, every pupil's cohort (all its groups), and the suspensions in the year. Counts and
 * order-free sums of 64-bit hashes: one pass each, no sort.
 */
export async function attendanceYearFingerprint(db: Db, period: string, to: string): Promise<string> {
  const { from } = boundsOf(period);
  const r = await sql<{ cohorts: string; suspensions: string }>`
    select
      (select ${hashSum(sql`concat_ws('|', upn, child_id, urn, sen_provision, primary_need, fsm, locality, social_care, phase)`)}
         from indicator_cohorts where period = ${period}) as cohorts,
      (select ${hashSum(sql`concat_ws('|', upn, category, start_date)`)}
         from suspensions where start_date >= ${from}::date and start_date <= ${to}::date) as suspensions`.execute(db);
  const row = r.rows[0]!;
  return `${to}|${row.cohorts}|${row.suspensions}`;
}

/** The values kept for this computation and year, if their fingerprint is this one. */
export async function keptYear(db: Db, computation: string, period: string, fingerprint: string): Promise<ComputedValue[] | null> {
  const row = await db.selectFrom('derived_values').select('payload').where('name', '=', nameOf(computation, period)).where('fingerprint', '=', fingerprint).executeTakeFirst();
  return row ? (JSON.parse(row.payload) as ComputedValue[]) : null;
}

export async function keepYear(db: Db, computation: string, period: string, fingerprint: string, values: readonly ComputedValue[]): Promise<void> {
  const name = nameOf(computation, period);
  const payload = JSON.stringify(values);
  await db
    .insertInto('derived_values')
    .values({ name, fingerprint, payload, updated_at: new Date() })
    .onConflict((oc) => oc.column('name').doUpdateSet({ fingerprint, payload, updated_at: new Date() }))
    .execute();
}
