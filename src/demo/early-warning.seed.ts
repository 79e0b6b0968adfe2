import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { makeNhsNumber, makeUpn } from '../platform/identifiers/identifiers.js';
import { addDays } from '../features/early-warning/rules/dates.js';
import { runEarlyWarning, type EarlyWarningRun } from '../features/early-warning/run.js';
import { ensurePartitions, existingMonths } from '../features/data-hub/storage/attendance-partitions.js';
import { markWeeksChanged } from '../features/data-hub/storage/attendance-changes.js';

/**
 * A few invented children whose partner records each trip one early-warning rule, dated back
 * from `today`, so that the demo (and its browser tests) have flags to review without importing
 * the synthetic area: two at Fellside Primary (the demo SENCO's school), one at Eden Valley
 * Academy (another school's), one for health, one missing education, one in alternative
 * provision at Solway Learning Centre. Then the real run raises the flags. No real person.
 */
export const EARLY_WARNING_DEMO = {
  fellsideFall: { given: 'Ruby', family: 'Thornthwaite', dob: '2016-03-09' },
  fellsideAbsent: { given: 'Archie', family: 'Dobson', dob: '2017-10-21' },
  edenSuspended: { given: 'Kai', family: 'Brennan', dob: '2011-06-02' },
  camhsWait: { given: 'Isla', family: 'Graves', dob: '2013-01-17' },
  missing: { given: 'Freya', family: 'Mossop', dob: '2012-08-30' },
  apOverdue: { given: 'Tyler', family: 'Hodgson', dob: '2010-11-12' },
} as const;

const FELLSIDE = '900001';
const EDEN_VALLEY = '900002';
const SOLWAY = '900101';

/** The Monday on or before a date. */
function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

export async function seedEarlyWarningDemo(db: Db, today: string): Promise<EarlyWarningRun> {
  const imports: Record<string, string> = {};
  for (const dataset of ['attendance', 'school-census', 'suspensions-exclusions', 'camhs-referrals', 'social-care', 'ap-placements']) {
    const row = await db
      .insertInto('imports')
      .values({
        dataset, file_name: `demo-early-warning-${dataset}.csv`, file_sha256: createHash('sha256').update(`demo-early-warning-${dataset}-${today}`).digest('hex'),
        status: 'loaded', report: JSON.stringify({ demo: 'Invented records for the early-warning demo' }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    imports[dataset] = row.id;
  }
  const people = Object.entries(EARLY_WARNING_DEMO);
  const ids: Record<string, { id: string; upn: string }> = {};
  let n = 0;
  for (const [key, p] of people) {
    n++;
    const upn = makeUpn(`94290000${String(1000 + n).slice(-4)}`);
    const nhs = makeNhsNumber(`9990000${String(10 + n).padStart(2, '0')}`) ?? makeNhsNumber(`9990001${String(10 + n).padStart(2, '0')}`) ?? null;
    const row = await db.insertInto('children').values({ given_name: p.given, family_name: p.family, date_of_birth: p.dob, upn, nhs_number: nhs }).returning('id').executeTakeFirstOrThrow();
    ids[key] = { id: row.id, upn };
  }

  // Sixteen school weeks back from last week: 12 at their usual attendance, then the last 4.
  const lastWeek = addDays(mondayOf(today), -7);
  const weeks = Array.from({ length: 16 }, (_, i) => addDays(lastWeek, -7 * (15 - i)));
  const week = (key: string, urn: string, w: string, attending: number) => {
    const sessions = Array.from({ length: 10 }, (_, i) => (i < attending ? (i % 2 ? '\\' : '/') : 'O'));
    return {
      upn: ids[key]!.upn, urn, week_start: w, import_id: imports.attendance!, child_id: ids[key]!.id, possible: 10, attending, present: attending,
      approved_activity: 0, authorised: 0, unauthorised: 10 - attending, not_possible: 0, sessions: sessions.join(','),
    };
  };
  await ensurePartitions(db, weeks, await existingMonths(db));
  await markWeeksChanged(db, weeks);
  await db
    .insertInto('attendance_coverage')
    .values([...new Set(weeks)].map((w) => ({ urn: FELLSIDE, week_start: w, import_id: imports.attendance! })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('attendance_weeks')
    .values([
      // Ruby: 98% for twelve weeks, then about 70%.
      ...weeks.map((w, i) => week('fellsideFall', FELLSIDE, w, i < 12 ? (i % 6 === 0 ? 9 : 10) : 7)),
      // Archie: 94% this school year until the last four weeks at 60%.
      ...weeks.map((w, i) => week('fellsideAbsent', FELLSIDE, w, i < 12 ? (i % 2 ? 9 : 10) : 6)),
    ])
    .execute();

  await db
    .insertInto('school_census')
    .values(
      (['fellsideFall', 'fellsideAbsent', 'camhsWait'] as const).map((key, i) => ({
        natural_key: `demo-ew-census-${key}`, import_id: imports['school-census']!, child_id: ids[key]!.id, census_date: addDays(today, -60), urn: FELLSIDE,
        upn: ids[key]!.upn, forename: EARLY_WARNING_DEMO[key].given, surname: EARLY_WARNING_DEMO[key].family, date_of_birth: EARLY_WARNING_DEMO[key].dob,
        gender: null, postcode: null, ncy: i === 2 ? '8' : '4', sen_provision: key === 'fellsideAbsent' ? 'N' : 'K', primary_need: key === 'fellsideAbsent' ? null : 'SEMH',
        secondary_need: null, fsm_eligible: null,
      })),
    )
    .execute();

  await db
    .insertInto('suspensions')
    .values([50, 20].map((daysAgo) => ({
      natural_key: `demo-ew-suspension-${daysAgo}`, import_id: imports['suspensions-exclusions']!, child_id: ids.edenSuspended!.id, upn: ids.edenSuspended!.upn,
      urn: EDEN_VALLEY, start_date: addDays(today, -daysAgo), category: 'suspension', sessions: daysAgo === 50 ? 2 : 4, reason: 'persistent-disruptive-behaviour',
    })))
    .execute();

  await db
    .insertInto('camhs_referrals')
    .values({
      natural_key: 'demo-ew-camhs-1', import_id: imports['camhs-referrals']!, child_id: ids.camhsWait!.id, extract_date: addDays(today, -3), referral_id: 'DEMO-EW-1',
      nhs_number: null, forename: EARLY_WARNING_DEMO.camhsWait.given, surname: EARLY_WARNING_DEMO.camhsWait.family, date_of_birth: EARLY_WARNING_DEMO.camhsWait.dob,
      postcode: 'CA14 3XJ', provider_code: 'RX4', icb_code: 'QHM', referral_date: addDays(today, -7 * 26), first_contact_date: addDays(today, -7 * 20),
      treatment_start_date: null, discharge_date: null, referral_outcome: 'accepted',
    })
    .execute();

  await db
    .insertInto('social_care_episodes')
    .values({
      natural_key: 'demo-ew-cme-1', import_id: imports['social-care']!, child_id: ids.missing!.id, la_child_id: 'CUM9000001', upn: ids.missing!.upn, nhs_number: null,
      forename: EARLY_WARNING_DEMO.missing.given, surname: EARLY_WARNING_DEMO.missing.family, date_of_birth: EARLY_WARNING_DEMO.missing.dob, status: 'CME',
      start_date: addDays(today, -40), end_date: null,
    })
    .execute();

  await db
    .insertInto('ap_placements')
    .values({
      natural_key: 'demo-ew-ap-1', import_id: imports['ap-placements']!, child_id: ids.apOverdue!.id, upn: ids.apOverdue!.upn, ap_urn: SOLWAY, commissioner: 'school',
      commissioner_urn: EDEN_VALLEY, start_date: addDays(today, -150), planned_end_date: addDays(today, -30), end_date: null, sessions_per_week: 6,
      reason: 'behaviour-support', outcome: null,
    })
    .execute();

  return runEarlyWarning(db, { today });
}
