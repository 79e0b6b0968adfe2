/**
 * Social care episodes: children in need (CIN), on a child protection plan (CP), looked after
 * (CLA), missing education (CME) and electively home educated (EHE). On the reference day exactly
 * 336 children with a plan and 253 on SEN Support (times the scale) have an open CIN, CP or CLA
 * episode, as the strategy says. The council does not always hold a child's UPN or NHS number:
 * some children can be linked only by name and date of birth.
 */
import { PERIOD_END, PERIOD_START, REFERENCE_DAY, SCHOOL_YEARS } from './calendar.js';
import { NEED_INDEX, SEMH, SOCIAL_CARE, TARGETS } from './calibration.js';
import type { Events } from './events.js';
import type { People } from './people.js';
import { cumulative, stream, weightedSample, type Random } from './random.js';
import type { Rolls } from './rolls.js';
import { E, K, N, type Sen } from './sen.js';

export type Status = 'CIN' | 'CP' | 'CLA' | 'CME' | 'EHE';

export interface Episode {
  person: number;
  status: Status;
  start: number;
  /** -1 while open at the end of the window. */
  end: number;
}

export interface SocialCare {
  episodes: Episode[];
  /** Whether the council's record holds the child's UPN, NHS number. */
  withUpn: Uint8Array;
  withNhs: Uint8Array;
  /** Open CIN, CP or CLA episode on the reference day. */
  knownAtReference: Uint8Array;
}

const MEAN_DAYS: Record<Status, number> = { CIN: 300, CP: 250, CLA: 900, CME: 40, EHE: 600 };
const ELAPSED_MAX: Record<Status, number> = { CIN: 700, CP: 400, CLA: 2500, CME: 60, EHE: 1500 };

function duration(r: Random, status: Status): number {
  const min = status === 'CP' ? 60 : 14;
  return min + Math.round(-Math.log(1 - r.next()) * (MEAN_DAYS[status] - min));
}

function statusOf(r: Random, mix: Record<'CIN' | 'CLA' | 'CP', number>): Status {
  const keys = Object.keys(mix) as ('CIN' | 'CLA' | 'CP')[];
  return keys[r.index(cumulative(keys.map((k) => mix[k])))]!;
}

export function buildSocialCare(people: People, sen: Sen, rolls: Rolls, events: Events, scale: number, seed: number): SocialCare {
  const r = stream(seed, 'social-care');
  const n = people.n;
  const care: SocialCare = { episodes: [], withUpn: new Uint8Array(n), withNhs: new Uint8Array(n), knownAtReference: new Uint8Array(n) };
  const add = (person: number, status: Status, start: number, end: number) => {
    care.episodes.push({ person, status, start, end: end > PERIOD_END ? -1 : end });
  };
  /** An episode and what follows it: step-down from CP to CIN, escalation from CIN. */
  const chain = (person: number, status: Status, start: number, firstEnd?: number) => {
    let s = status;
    let from = start;
    for (let k = 0; k < 3; k++) {
      const end = k === 0 && firstEnd !== undefined ? firstEnd : from + duration(r, s);
      add(person, s, from, end);
      if (end > PERIOD_END) return;
      const next: Status | undefined = s === 'CP' ? (r.chance(0.5) ? 'CIN' : r.chance(0.2) ? 'CLA' : undefined) : s === 'CIN' && r.chance(0.1) ? 'CP' : undefined;
      if (!next) return;
      s = next;
      from = end + 1;
    }
  };

  // Known on the reference day: quotas by provision, weighted as the national data suggest.
  const pools: Record<number, number[]> = { [E]: [], [K]: [], [N]: [] };
  for (let p = 0; p < n; p++) if (people.ageRef[p]! >= 0 && people.ageRef[p]! <= 17) pools[sen.sen0[p]!]!.push(p);
  const disabled = new Set([NEED_INDEX.PMLD, NEED_INDEX.SLD, NEED_INDEX.PD, NEED_INDEX.MSI]);
  const quotas: [number, number, Record<'CIN' | 'CLA' | 'CP', number>][] = [
    [E, TARGETS.ehcpKnownToSocialCare, SOCIAL_CARE.statusMix.E],
    [K, TARGETS.senSupportKnownToSocialCare, SOCIAL_CARE.statusMix.K],
    [N, SOCIAL_CARE.knownWithoutSen, SOCIAL_CARE.statusMix.N],
  ];
  for (const [provision, target, mix] of quotas) {
    const pool = pools[provision]!;
    const chosen = weightedSample(r, pool.length, Math.round(target * scale), (i) => {
      const p = pool[i]!;
      const need = sen.need[p]!;
      return (people.fsm[p] ? 2.5 : 1) * (disabled.has(need) ? 2 : 1) * (need === SEMH ? 1.8 : 1);
    });
    for (const i of chosen) {
      const p = pool[i]!;
      care.knownAtReference[p] = 1;
      const status = statusOf(r, mix);
      const start = Math.max(people.birth[p]!, REFERENCE_DAY - r.int(14, ELAPSED_MAX[status]));
      chain(p, status, start, REFERENCE_DAY + duration(r, status));
    }
  }
  // New episodes during the two years.
  const knownTotal = care.episodes.length;
  const young: number[] = [];
  for (let p = 0; p < n; p++) if (people.ageRef[p]! <= 16) young.push(p);
  const fresh = weightedSample(r, young.length, Math.round(SOCIAL_CARE.newEpisodesPerYear * knownTotal * 2), (i) => {
    const p = young[i]!;
    return (people.fsm[p] ? 3 : 1) * (sen.sen0[p] === E ? 2.5 : sen.sen0[p] === K ? 2 : 1) * (care.knownAtReference[p] ? 0.5 : 1);
  });
  for (const i of fresh) {
    const p = young[i]!;
    const start = Math.max(people.birth[p]! + 1, r.int(PERIOD_START, PERIOD_END - 30));
    chain(p, statusOf(r, { CIN: 55, CP: 30, CLA: 15 }), start);
  }
  // Elective home education on the reference day, and children taken off roll or missing since.
  for (let p = 0; p < n; p++) {
    if (!rolls.ehe[p]) continue;
    const start = Math.max(people.birth[p]! + 5 * 365, REFERENCE_DAY - r.int(30, ELAPSED_MAX.EHE));
    const back = rolls.main[1]![p]! >= 0 ? SCHOOL_YEARS[1]!.days[0]! - 1 : -1;
    care.episodes.push({ person: p, status: 'EHE', start, end: back });
  }
  for (const d of events.deregistrations) {
    const back = d.kind === 'ehe' && d.year === 0 && rolls.main[1]![d.person]! >= 0 ? SCHOOL_YEARS[1]!.days[0]! - 1 : -1;
    care.episodes.push({ person: d.person, status: d.kind === 'ehe' ? 'EHE' : 'CME', start: d.day, end: d.kind === 'cme' ? d.found : back });
  }
  // Which identifiers the council holds for each child it knows.
  const seen = new Set<number>();
  for (const e of care.episodes) {
    if (seen.has(e.person)) continue;
    seen.add(e.person);
    const schooled = people.ageRef[e.person]! >= 5 || rolls.main[0]![e.person]! >= 0;
    care.withUpn[e.person] = schooled && r.chance(e.status === 'EHE' || e.status === 'CME' ? 0.9 : 0.72) ? 1 : 0;
    care.withNhs[e.person] = r.chance(0.62) ? 1 : 0;
  }
  care.episodes.sort((a, b) => a.start - b.start || a.person - b.person);
  return care;
}
