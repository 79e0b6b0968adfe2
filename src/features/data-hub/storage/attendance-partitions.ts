/**
 * attendance_weeks is partitioned by the month of week_start (migration 1500): before pupil-weeks
 * of a month are written, its partition must exist. Partitions are made in the writer's
 * transaction, so an import rolled back takes its new partitions with it.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';

/** The first day of the month a week starts in, ISO. */
export function monthOf(weekStart: string): string {
  return `${weekStart.slice(0, 7)}-01`;
}

export function partitionName(month: string): string {
  return `attendance_weeks_${month.slice(0, 4)}_${month.slice(5, 7)}`;
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The months that have a partition now. */
export async function existingMonths(db: Db): Promise<Set<string>> {
  const rows = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = 'attendance_weeks'`.execute(db);
  const months = new Set<string>();
  for (const r of rows.rows) {
    const m = /^attendance_weeks_(\d{4})_(\d{2})$/.exec(r.name);
    if (m) months.add(`${m[1]}-${m[2]}-01`);
  }
  return months;
}

/**
 * Makes the partitions these weeks need that `known` lacks, and adds them to `known`. Dates
 * are ISO and validated upstream; the names and bounds are built from them, never from input text.
 */
export async function ensurePartitions(db: Db, weekStarts: Iterable<string>, known: Set<string>): Promise<void> {
  for (const week of weekStarts) {
    const month = monthOf(week);
    if (known.has(month)) continue;
    if (!/^\d{4}-\d{2}-01$/.test(month)) throw new Error(`Not a month: ${month}`);
    await sql`create table if not exists ${sql.table(partitionName(month))} partition of attendance_weeks
              for values from (${sql.lit(month)}) to (${sql.lit(nextMonth(month))})`.execute(db);
    known.add(month);
  }
}
