/**
 * The planted stories (stories.ts) are in the files, found the way the dashboard would find them:
 * from the CSVs alone, with the effect sizes docs/demo-area.md states.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ATTENDANCE_CODES } from './attendance.js';
import { dayOf } from './calendar.js';
import { generateArea } from './generate.js';
import { STORIES } from './stories.js';
import { eachRow, readRows, tempDir } from './test-support.js';

let small = '';
let large = '';
before(async () => {
  small = tempDir('stories-small');
  large = tempDir('stories-large');
  await generateArea({ scale: 0.1, seed: 3, outDir: small, datasets: ['schools', 'school-census', 'attendance'] });
  await generateArea({ scale: 0.5, seed: 3, outDir: large, datasets: ['schools', 'localities', 'school-census', 'suspensions-exclusions', 'camhs-referrals'] });
});
after(() => {
  fs.rmSync(small, { recursive: true, force: true });
  fs.rmSync(large, { recursive: true, force: true });
});

/** Each pupil's provision at each census: (upn, census date) -> E, K or N. */
function provisions(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  eachRow(path.join(dir, 'school-census.csv'), ([date, , upn, , , , , , , provision, need]) => out.set(`${upn}|${date}`, `${provision}${need ? `-${need}` : ''}`));
  return out;
}

const CENSUS = ['2024-10-03', '2025-01-16', '2025-05-15', '2025-10-02', '2026-01-15', '2026-05-21'];
const latestCensus = (date: string) => CENSUS.filter((c) => c <= date).pop() ?? CENSUS[0]!;

test(`${STORIES.senAttendanceFall.id}: SEN pupils' attendance at ${STORIES.senAttendanceFall.schoolName} falls from ${STORIES.senAttendanceFall.from}`, () => {
  const story = STORIES.senAttendanceFall;
  const prov = provisions(small);
  const secondary = new Set(readRows(path.join(small, 'schools.csv')).filter((s) => s.phase === 'secondary' && s.type === 'mainstream').map((s) => s.urn));
  assert.ok(secondary.has(story.schoolUrn));
  const attending = new Set<string>([...ATTENDANCE_CODES.present, ...ATTENDANCE_CODES.approved]);
  const notPossible = new Set<string>(ATTENDANCE_CODES.notPossible);
  // [story school?, SEN?, after?] -> [attending, possible], within 2024/25.
  const tally = new Map<string, [number, number]>();
  eachRow(path.join(small, 'attendance.csv'), ([upn, urn, date, , code]) => {
    if (!secondary.has(urn) || date! >= '2025-08-01' || notPossible.has(code!)) return;
    const sen = (prov.get(`${upn}|${latestCensus(date!)}`) ?? 'N')[0] !== 'N';
    const key = `${urn === story.schoolUrn}|${sen}|${date! >= story.from}`;
    const t = tally.get(key) ?? [0, 0];
    t[0] += attending.has(code!) ? 1 : 0;
    t[1]++;
    tally.set(key, t);
  });
  const rate = (school: boolean, sen: boolean, afterFrom: boolean) => {
    const t = tally.get(`${school}|${sen}|${afterFrom}`)!;
    return t[0] / t[1];
  };
  const fall = rate(true, true, false) - rate(true, true, true);
  assert.ok(fall > 0.06 && fall < 0.16, `SEN pupils at the school: down ${(fall * 100).toFixed(1)} points`);
  assert.ok(Math.abs(rate(true, false, false) - rate(true, false, true)) < 0.025, 'other pupils at the school unchanged');
  assert.ok(Math.abs(rate(false, true, false) - rate(false, true, true)) < 0.025, 'SEN pupils elsewhere unchanged');
});

test(`${STORIES.camhsWaitGrowth.id}: CAMHS waits grow in ${STORIES.camhsWaitGrowth.locality}, not elsewhere`, () => {
  const locality = new Map(readRows(path.join(large, 'localities.csv')).map((l) => [l.postcode_prefix!, l.locality!]));
  const extract = dayOf('2026-08-31');
  // Share of accepted referrals waiting over 18 weeks for treatment (treated late, or still waiting past 18 weeks).
  const tally = new Map<string, [number, number]>();
  for (const r of readRows(path.join(large, 'camhs-referrals.csv'))) {
    if (r.referral_outcome !== 'accepted') continue;
    if (!r.treatment_start_date && r.discharge_date) continue; // discharged untreated
    const period = r.referral_date! < '2025-01-01' ? 'before' : r.referral_date! >= '2025-10-01' && r.referral_date! < '2026-03-01' ? 'after' : undefined;
    if (!period) continue;
    const end = r.treatment_start_date ? dayOf(r.treatment_start_date) : extract;
    const weeks = (end - dayOf(r.referral_date!)) / 7;
    const key = `${locality.get(r.postcode!.split(' ')[0]!) === STORIES.camhsWaitGrowth.locality}|${period}`;
    const t = tally.get(key) ?? [0, 0];
    t[0] += weeks > 18 ? 1 : 0;
    t[1]++;
    tally.set(key, t);
  }
  const share = (inLocality: boolean, period: string) => tally.get(`${inLocality}|${period}`)![0] / tally.get(`${inLocality}|${period}`)![1];
  assert.ok(share(true, 'after') - share(true, 'before') > 0.25, `Allerdale: ${share(true, 'before').toFixed(2)} -> ${share(true, 'after').toFixed(2)}`);
  assert.ok(Math.abs(share(false, 'after') - share(false, 'before')) < 0.12, `elsewhere: ${share(false, 'before').toFixed(2)} -> ${share(false, 'after').toFixed(2)}`);
});

test(`${STORIES.suspensionRise.id}: suspensions of SEN Support pupils with SEMH in secondary schools rise in 2025/26`, () => {
  const prov = provisions(large);
  const secondary = new Set(readRows(path.join(large, 'schools.csv')).filter((s) => s.phase === 'secondary' && s.type === 'mainstream').map((s) => s.urn));
  const cohortOf = (upn: string, census: string) => {
    const p = prov.get(`${upn}|${census}`) ?? 'N';
    return p === 'K-SEMH' ? 'K-SEMH' : p[0]!;
  };
  const pupils = new Map<string, number>();
  eachRow(path.join(large, 'school-census.csv'), ([date, urn, upn]) => {
    if ((date === CENSUS[0] || date === CENSUS[3]) && secondary.has(urn)) pupils.set(`${cohortOf(upn!, date!)}|${date}`, (pupils.get(`${cohortOf(upn!, date!)}|${date}`) ?? 0) + 1);
  });
  const suspensions = new Map<string, number>();
  const bySchool = new Map<string, number>();
  for (const s of readRows(path.join(large, 'suspensions-exclusions.csv'))) {
    if (s.category !== 'suspension' || !secondary.has(s.urn)) continue;
    bySchool.set(s.urn!, (bySchool.get(s.urn!) ?? 0) + 1);
    const census = s.start_date! < STORIES.suspensionRise.from ? CENSUS[0]! : CENSUS[3]!;
    const key = `${cohortOf(s.upn!, census)}|${census}`;
    suspensions.set(key, (suspensions.get(key) ?? 0) + 1);
  }
  const rate = (cohort: string, census: string) => (suspensions.get(`${cohort}|${census}`) ?? 0) / pupils.get(`${cohort}|${census}`)!;
  const rise = rate('K-SEMH', CENSUS[3]!) / rate('K-SEMH', CENSUS[0]!);
  assert.ok(rise > 1.8, `SEN Support with SEMH: x${rise.toFixed(2)}`);
  for (const cohort of ['N', 'E']) {
    const ratio = rate(cohort, CENSUS[3]!) / rate(cohort, CENSUS[0]!);
    assert.ok(ratio > 0.75 && ratio < 1.33, `${cohort}: x${ratio.toFixed(2)}`);
  }
  // Suspensions are concentrated: the top fifth of secondary schools account for well over a fifth.
  const counts = [...secondary].map((u) => bySchool.get(u!) ?? 0).sort((a, b) => b - a);
  const top = counts.slice(0, Math.max(1, Math.round(counts.length / 5))).reduce((a, b) => a + b, 0);
  assert.ok(top / counts.reduce((a, b) => a + b, 0) > 0.33, `top fifth: ${(top / counts.reduce((a, b) => a + b, 0)).toFixed(2)}`);
});
