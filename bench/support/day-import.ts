/**
 * A day's attendance import, as the scenarios that measure "after a daily import" make it: the
 * school day after the last one with any session, AM and PM for every pupil on roll in the last
 * week with sessions, imported through the real importer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';
import { importFile } from '../../src/features/data-hub/import/index.js';

const DAY = 86_400_000;

/**
 * The school day after the last one with any session recorded (Monday after a Friday), and the
 * pupils on roll in the last week with sessions.
 */
async function nextSchoolDay(db: Db): Promise<{ day: string; pupils: { upn: string; urn: string }[] }> {
  const last = await sql<{ week: string; idx: number }>`
    with w as (select max(week_start) as week from attendance_weeks)
    select w.week::text as week, max(u.i)::int as idx
    from w join attendance_weeks a on a.week_start = w.week
    cross join lateral unnest(string_to_array(a.sessions, ',')) with ordinality as u(code, i)
    where u.code <> '' group by w.week`.execute(db);
  const { week, idx } = last.rows[0]!;
  const lastDay = Date.parse(`${week}T00:00:00Z`) + Math.floor((idx - 1) / 2) * DAY;
  const weekday = new Date(lastDay).getUTCDay();
  const day = new Date(lastDay + (weekday === 5 ? 3 : 1) * DAY).toISOString().slice(0, 10);
  const pupils = await db.selectFrom('attendance_weeks').select(['upn', 'urn']).distinct().where('week_start', '=', week).execute();
  return { day, pupils };
}

/** One school day's register for these pupils: AM and PM, mostly present, some absent. */
function dayFile(day: string, pupils: readonly { upn: string; urn: string }[]): string {
  const codes = ['/', '\\', '/', '\\', '/', '\\', '/', '\\', '/', '\\', '/', '\\', '/', '\\', '/', '\\', '/', 'I', 'N', 'C'];
  const lines = ['upn,urn,date,session,code'];
  let i = 0;
  for (const p of pupils) {
    lines.push(`${p.upn},${p.urn},${day},AM,${codes[i++ % codes.length]}`, `${p.upn},${p.urn},${day},PM,${codes[(i * 7) % codes.length]}`);
  }
  return lines.join('\n') + '\n';
}

/** Imports the next school day; the file is written in `dir`. */
export async function importNextSchoolDay(db: Db, dir: string): Promise<{ day: string; sessions: number; seconds: number }> {
  const { day, pupils } = await nextSchoolDay(db);
  const file = path.join(dir, `attendance-${day}.csv`);
  await fs.promises.writeFile(file, dayFile(day, pupils));
  const t = performance.now();
  const summary = await importFile(db, null, 'attendance', file);
  if (summary.outcome !== 'loaded') throw new Error(`The day's import of ${day} was not loaded: ${summary.errors.join('; ')}`);
  return { day, sessions: pupils.length * 2, seconds: (performance.now() - t) / 1000 };
}
