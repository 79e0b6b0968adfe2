/**
 * Health data: specialist CAMHS referrals (current state on the extract day) and the Healthy
 * Child Programme and 5-19 checks. Both name children by NHS number (a few CAMHS referrals lack
 * it, leaving name and date of birth), never by UPN.
 */
import { addWeeks, ageOn, dayOf, EXTRACT_DAY, isoOf, PERIOD_START, weekdayOf } from './calendar.js';
import { CAMHS, CHECK_COVERAGE, NEED_INDEX, NEEDS, SEMH } from './calibration.js';
import type { FileSink } from './csv.js';
import { LOCALITIES } from './geography.js';
import { nhsFromStem } from './identity.js';
import { stream, type Random } from './random.js';
import { E, everSen, K, senAt, type Sen } from './sen.js';
import { camhsWaitMultiplier, STORIES } from './stories.js';
import { identity } from './records.js';
import type { Area } from './area.js';

function poisson(r: Random, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = r.next();
  while (p > limit) {
    k++;
    p *= r.next();
  }
  return k;
}

function weekday(day: number): number {
  const w = weekdayOf(day);
  return w === 0 ? day + 1 : w === 6 ? day + 2 : day;
}

/** Relative chance of a CAMHS referral: much higher with SEMH or autism, and if known to social care. */
function camhsFactor(area: Area, p: number): number {
  const { sen, people, social } = area;
  const provision = senAt(sen, p, 1);
  const need = sen.need[p];
  let f = 1;
  if (provision === E) f = need === SEMH ? 4 : need === NEED_INDEX.ASD ? 3 : 1.5;
  else if (provision === K) f = need === SEMH ? 3 : need === NEED_INDEX.ASD ? 2.5 : 1.4;
  if (social.knownAtReference[p]) f *= 2;
  if (people.sex[p] === 2 && people.ageRef[p]! >= 12) f *= 1.5;
  return f;
}

interface Referral {
  person: number;
  referral: number;
  firstContact: number;
  treatment: number;
  discharge: number;
  outcome: string;
  withNhs: boolean;
}

export function writeCamhs(area: Area, sink: FileSink): void {
  const { people } = area;
  const r = stream(area.seed, 'camhs');
  const storyFrom = dayOf(STORIES.camhsWaitGrowth.from);
  const storyTo = dayOf(STORIES.camhsWaitGrowth.to);
  const referrals: Referral[] = [];
  const span = EXTRACT_DAY - PERIOD_START;
  for (let p = 0; p < people.n; p++) {
    const ageRef = people.ageRef[p]!;
    if (ageRef < 2 || ageRef > 17) continue;
    const age = ageRef + 1;
    const band = age < 5 ? 0 : age <= 10 ? 1 : age <= 15 ? 2 : 3;
    const count = poisson(r, CAMHS.referralRate[band]! * camhsFactor(area, p) * 2);
    for (let k = 0; k < count; k++) {
      const referral = weekday(PERIOD_START + r.int(0, span - 3));
      if (ageOn(people.birth[p]!, referral) >= 18) continue;
      const u = r.next();
      const outcome = u < CAMHS.outcome.accepted ? 'accepted' : u < CAMHS.outcome.accepted + CAMHS.outcome.signposted ? 'signposted' : 'declined';
      const ref: Referral = { person: p, referral, firstContact: -1, treatment: -1, discharge: -1, outcome, withNhs: r.chance(0.96) };
      if (outcome === 'accepted') {
        const locality = LOCALITIES[people.locality[p]!]!;
        const median = (locality.name === 'Millom' ? CAMHS.treatmentMedianWeeksMillom : CAMHS.treatmentMedianWeeks) * camhsWaitMultiplier(locality.name, referral, storyFrom, storyTo);
        const firstContact = weekday(addWeeks(referral, r.logNormal(CAMHS.firstContactMedianWeeks, CAMHS.firstContactSigma)));
        const treatment = weekday(Math.max(firstContact, addWeeks(referral, r.logNormal(median, CAMHS.treatmentSigma))));
        if (firstContact <= EXTRACT_DAY) ref.firstContact = firstContact;
        if (r.chance(CAMHS.dischargedUntreated)) {
          const discharge = weekday(firstContact + r.int(10, 60));
          if (ref.firstContact >= 0 && discharge <= EXTRACT_DAY) ref.discharge = discharge;
        } else if (treatment <= EXTRACT_DAY) {
          ref.treatment = treatment;
          const discharge = weekday(addWeeks(treatment, r.logNormal(CAMHS.treatmentMedianWeeksLength, 0.6)));
          if (discharge <= EXTRACT_DAY) ref.discharge = discharge;
        }
      } else {
        const discharge = weekday(referral + r.int(3, 21));
        if (discharge <= EXTRACT_DAY) ref.discharge = discharge;
      }
      referrals.push(ref);
    }
  }
  referrals.sort((a, b) => a.referral - b.referral || a.person - b.person);
  const extract = isoOf(EXTRACT_DAY);
  const date = (d: number) => (d >= 0 ? isoOf(d) : '');
  referrals.forEach((ref, k) => {
    const p = ref.person;
    const locality = LOCALITIES[people.locality[p]!]!;
    const id = identity(area, p);
    sink.row([
      extract, `${locality.camhsProvider}-${String(k + 1).padStart(7, '0')}`, ref.withNhs ? nhsFromStem(people.nhsStem[p]!) : '',
      id.forename, id.surname, id.dateOfBirth, id.postcode, locality.camhsProvider, locality.icbCode,
      date(ref.referral), date(ref.firstContact), date(ref.treatment), date(ref.discharge), ref.outcome,
    ]);
  });
}

/** Checks due since this day are in the extract: old enough to see whether an early concern led to SEN. */
export const CHECK_HISTORY_START = dayOf('2021-09-01');

export const CHECKS = ['antenatal', 'new-birth', '6-8-week', '1-year', '2-2.5-year', 'school-entry', 'year-6', 'year-9', '16-19'] as const;
type Check = (typeof CHECKS)[number];
const EARLY_DOMAINS = ['communication', 'gross-motor', 'fine-motor', 'problem-solving', 'personal-social'];
const NEED_DOMAINS: Record<string, string[]> = {
  SLCN: ['communication'], ASD: ['communication', 'personal-social'], SLD: ['communication', 'gross-motor', 'fine-motor', 'problem-solving', 'personal-social'],
  PMLD: ['communication', 'gross-motor', 'fine-motor', 'problem-solving', 'personal-social'], PD: ['gross-motor', 'fine-motor'], HI: ['hearing'],
  VI: ['vision'], MSI: ['hearing', 'vision'], MLD: ['problem-solving', 'communication'], SEMH: ['personal-social'], SPLD: ['fine-motor'], OTH: ['personal-social'],
};
const BASE_CONCERN: Record<Check, number> = {
  antenatal: 0.05, 'new-birth': 0.04, '6-8-week': 0.03, '1-year': 0.06, '2-2.5-year': 0.11, 'school-entry': 0.09, 'year-6': 0.2, 'year-9': 0.12, '16-19': 0.1,
};
/** Needs that show in the early years' developmental checks. */
const EARLY_NEEDS = new Set(['SLCN', 'ASD', 'SLD', 'PMLD', 'PD', 'HI', 'VI', 'MSI', 'MLD']);

function dueDates(birth: number, ageRef: number, h: Random): [Check, number][] {
  const startYear = (academic: number) => 2024 + academic - ageRef;
  return [
    ['antenatal', birth - 84],
    ['new-birth', birth + 12],
    ['6-8-week', birth + 49],
    ['1-year', birth + 365],
    ['2-2.5-year', birth + 760],
    ['school-entry', dayOf(`${startYear(4)}-11-01`) + h.int(0, 60)],
    ['year-6', dayOf(`${startYear(10) + 1}-02-01`) + h.int(0, 40)],
    ['year-9', dayOf(`${startYear(13) + 1}-01-15`) + h.int(0, 40)],
    ['16-19', dayOf(`${startYear(16)}-11-01`) + h.int(0, 60)],
  ];
}

function concernChance(sen: Sen, p: number, check: Check, ageRef: number): number {
  const need = sen.need[p]! < NEEDS.length ? NEEDS[sen.need[p]!]! : '';
  const ever = everSen(sen, p);
  const early = check === '1-year' || check === '2-2.5-year' || check === 'school-entry';
  if (early && sen.emerging[p]) return check === '1-year' ? 0.35 : 0.7;
  if (early && ever && EARLY_NEEDS.has(need) && ageRef <= 9) return check === '1-year' ? 0.3 : 0.55;
  if ((check === 'year-9' || check === '16-19') && ever && (need === 'SEMH' || need === 'ASD')) return 0.4;
  return BASE_CONCERN[check];
}

function domainsFor(r: Random, check: Check, need: string, linked: boolean): string {
  if (linked && NEED_DOMAINS[need]) {
    if (check === 'year-9' || check === '16-19') return 'emotional-health';
    return NEED_DOMAINS[need]!.join(';');
  }
  switch (check) {
    case 'antenatal': return 'emotional-health';
    case 'new-birth':
    case '6-8-week': return r.chance(0.6) ? 'weight' : 'gross-motor';
    case 'school-entry': return r.pick(['hearing', 'vision', 'weight', 'communication']);
    case 'year-6': return 'weight';
    case 'year-9':
    case '16-19': return r.chance(0.7) ? 'emotional-health' : 'weight';
    default: return r.pick(EARLY_DOMAINS);
  }
}

export function writeHealthChecks(area: Area, sink: FileSink): void {
  const { people, sen } = area;
  const r = stream(area.seed, 'health-checks');
  const lastDue = EXTRACT_DAY - 60;
  for (let p = 0; p < people.n; p++) {
    const ageRef = people.ageRef[p]!;
    if (ageRef > 18) continue;
    const birth = people.birth[p]!;
    const locality = people.locality[p]!;
    const hv = locality === 2 ? 0.95 : locality === 3 ? 0.92 : 1;
    const id = identity(area, p);
    const nhs = nhsFromStem(people.nhsStem[p]!);
    for (const [check, due] of dueDates(birth, ageRef, r)) {
      if (due < CHECK_HISTORY_START || due > EXTRACT_DAY) continue;
      const school = check === 'school-entry' || check === 'year-6' || check === 'year-9' || check === '16-19';
      const completed = r.chance(CHECK_COVERAGE[check]! * (school ? 1 : hv)) ? due + r.int(0, school ? 30 : 21) : -1;
      if (completed > EXTRACT_DAY || (completed < 0 && due > lastDue)) continue;
      let outcome = r.chance(0.25) ? 'declined' : 'not-seen';
      let domains = '';
      if (completed >= 0) {
        const chance = concernChance(sen, p, check, ageRef);
        if (r.chance(chance)) {
          outcome = r.chance(0.4) ? 'referred' : 'concern';
          const need = sen.need[p]! < NEEDS.length ? NEEDS[sen.need[p]!]! : '';
          domains = domainsFor(r, check, need, chance > BASE_CONCERN[check]);
        } else outcome = 'no-concern';
      }
      sink.row([nhs, id.forename, id.surname, id.dateOfBirth, id.postcode, check, isoOf(due), completed >= 0 ? isoOf(completed) : '', outcome, domains]);
    }
  }
}

