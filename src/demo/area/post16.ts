/**
 * Post-16 activity, monthly (the council's tracking of 16 and 17 year olds, and of young people
 * with a plan up to 25): one row per young person per month, September 2024 to August 2026.
 * Sixth-formers are in education; others' activity is drawn and then drifts month to month
 * (drop-outs into NEET, NEET back into work or learning, a few not known each autumn).
 */
import { monthsBetween, PERIOD_END, PERIOD_START } from './calendar.js';
import { POST16 } from './calibration.js';
import type { FileSink } from './csv.js';
import { ulnFromStem } from './identity.js';
import { cumulative, stream } from './random.js';
import { E, placementOf, senAt } from './sen.js';
import type { Area } from './area.js';

export const ACTIVITIES = ['education', 'apprenticeship', 'employment', 'training', 'neet', 'unknown'] as const;
const EDUCATION = 0;
const NEET = 4;
const UNKNOWN = 5;
const GENERAL = cumulative(ACTIVITIES.map((a) => POST16.notInSchool[a]));
const WITH_PLAN = cumulative([75, 2, 3, 5, 12, 3]);

export function writePost16(area: Area, sink: FileSink): void {
  const { people, sen, schools, rolls } = area;
  const r = stream(area.seed, 'post-16');
  const months = monthsBetween(PERIOD_START, PERIOD_END);
  const tracked: { person: number; activity: Uint8Array; upn: boolean }[] = [];
  for (let p = 0; p < people.n; p++) {
    if (people.ulnStem[p]! < 0) continue;
    const activity = new Uint8Array(months.length).fill(255);
    let any = false;
    for (let year = 0; year < 2; year++) {
      const age = people.ageRef[p]! + year;
      const plan = senAt(sen, p, year * 3) === E;
      if (!(age === 16 || age === 17 || (plan && age >= 18 && age <= 24))) continue;
      const school = rolls.main[year]![p]!;
      const inSchool = school >= 0 && (schools[school]!.kind === 'secondary' || schools[school]!.kind === 'special');
      const placement = placementOf(sen, p);
      let state = inSchool || placement === 'fe' ? EDUCATION : placement === 'elsewhere' && age >= 16 ? NEET : r.index(plan ? WITH_PLAN : GENERAL);
      for (let m = year * 12; m < year * 12 + 12; m++) {
        if (!inSchool) {
          const u = r.next();
          if (state === EDUCATION && u < 0.01) state = NEET;
          else if ((state === NEET || state === UNKNOWN) && u < 0.08) state = r.index(GENERAL);
        }
        const autumn = m % 12 < 2;
        activity[m] = !inSchool && r.chance(autumn ? 0.06 : 0.01) ? UNKNOWN : state;
      }
      any = true;
    }
    if (any) tracked.push({ person: p, activity, upn: people.upnNumber[p]! >= 0 && r.chance(0.92) });
  }
  for (let m = 0; m < months.length; m++) {
    for (const t of tracked) {
      const a = t.activity[m]!;
      if (a === 255) continue;
      sink.row([ulnFromStem(people.ulnStem[t.person]!), t.upn ? area.upnOf(t.person) : '', months[m]!.label, ACTIVITIES[a]!]);
    }
  }
}
