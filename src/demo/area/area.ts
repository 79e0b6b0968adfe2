/**
 * The synthetic local area as a model in memory: schools, people, SEN, rolls, events, social
 * care and the planted collisions. Building it is pure and deterministic for (scale, seed) and
 * touches no file or database; the writers turn it into CSV files.
 */
import { buildPeople, type People } from './people.js';
import { SchoolPicker, assignFirstYear, assignSecondYear, type Rolls, type Segment } from './rolls.js';
import { buildSchools, type School } from './schools.js';
import { assignPlans, assignSupport, assignTransitions, type Sen } from './sen.js';
import {
  buildDeregistrations, buildExclusions, buildPlacements, buildReducedTimetables, emptyEvents, settlePlacements,
  type EventContext, type Events,
} from './events.js';
import { buildSocialCare, type SocialCare } from './social.js';
import { plantCollisions, type Collision } from './collisions.js';
import { upnCache } from './attendance.js';

export interface AreaOptions {
  /** 1 is Cumberland; 10 is ten times larger. Small scales (0.01) make small test areas. */
  scale: number;
  seed: number;
}

export interface Area {
  scale: number;
  seed: number;
  schools: School[];
  people: People;
  sen: Sen;
  rolls: Rolls;
  events: Events;
  social: SocialCare;
  collisions: Collision[];
  /** A person's UPN (made once, then cached). */
  upnOf: (p: number) => string;
}

export function checkOptions({ scale, seed }: AreaOptions): void {
  if (!(scale > 0 && scale <= 100)) throw new RangeError(`scale must be above 0 and at most 100 (got ${scale})`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be a whole number from 0 to 4294967295 (got ${seed})`);
}

export function buildArea(options: AreaOptions): Area {
  checkOptions(options);
  const { scale, seed } = options;
  const schools = buildSchools(scale);
  const people = buildPeople(scale, seed);
  const sen = assignPlans(people, scale, seed);
  const picker = new SchoolPicker(schools);
  const rolls = assignFirstYear(people, sen, schools, picker, scale, seed);
  assignSupport(people, sen, (p) => {
    const s = rolls.main[0]![p]!;
    if (s < 0) return undefined;
    const kind = schools[s]!.kind;
    return kind === 'ap' ? 'ap' : kind === 'special' ? 'special' : 'school';
  }, seed);
  assignTransitions(people, sen, (p) => rolls.main[0]![p]! >= 0 || (people.ageRef[p] === 3 && !rolls.ehe[p]), seed);

  const events = emptyEvents();
  const ctx: EventContext = { people, sen, schools, rolls, picker, scale, seed };
  for (let year = 0; year < 2; year++) {
    if (year === 1) assignSecondYear(people, sen, schools, picker, rolls, seed);
    buildExclusions(ctx, events, year);
    buildPlacements(ctx, events, year);
    buildReducedTimetables(ctx, events, year);
    buildDeregistrations(ctx, events, year);
  }
  settlePlacements(ctx, events);
  const social = buildSocialCare(people, sen, rolls, events, scale, seed);
  const collisions = plantCollisions(people, rolls, social, scale, seed);
  return { scale, seed, schools, people, sen, rolls, events, social, collisions, upnOf: upnCache(people) };
}

/** A year's segments in file order: by school (URN order), then UPN, then start. */
export function sortedSegments(area: Area, year: number): Segment[] {
  const upn = area.upnOf;
  return area.rolls.segments[year]!
    .filter((s) => s.end > s.first)
    .sort((a, b) => a.school - b.school || (upn(a.person) < upn(b.person) ? -1 : upn(a.person) > upn(b.person) ? 1 : a.first - b.first));
}
