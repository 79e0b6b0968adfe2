/**
 * The planted name and date-of-birth collisions (STORIES.nameDobCollisions): pairs of pupils in
 * different households and localities given the same forename, surname and date of birth, with a
 * social care episode for the first that carries neither UPN nor NHS number. Linkage by name and
 * date of birth finds both children and must leave that row for a person to resolve.
 */
import { isoOf, PERIOD_END, PERIOD_START } from './calendar.js';
import { nhsFromStem, upnFromNumber } from './identity.js';
import { forenameOf, SURNAMES } from './names.js';
import type { People } from './people.js';
import { stream } from './random.js';
import type { Rolls } from './rolls.js';
import type { SocialCare } from './social.js';
import { collisionCount } from './stories.js';

export interface Collision {
  forename: string;
  surname: string;
  dateOfBirth: string;
  /** The two children's UPNs and NHS numbers: first the one in the ambiguous row. */
  upns: [string, string];
  nhsNumbers: [string, string];
  /** The social care episode that names the first child by name and date of birth only. */
  socialCareStart: string;
}

export function plantCollisions(people: People, rolls: Rolls, care: SocialCare, scale: number, seed: number): Collision[] {
  const r = stream(seed, 'collisions');
  const known = new Set(care.episodes.map((e) => e.person));
  const pupils: number[] = [];
  for (let p = 0; p < people.n; p++) {
    const age = people.ageRef[p]!;
    if (age >= 5 && age <= 14 && rolls.main[0]![p]! >= 0 && rolls.main[1]![p]! >= 0 && !known.has(p)) pupils.push(p);
  }
  r.shuffle(pupils);
  const used = new Set<number>();
  const out: Collision[] = [];
  const want = collisionCount(scale);
  for (const a of pupils) {
    if (out.length >= want) break;
    if (used.has(a)) continue;
    const b = pupils.find((q) => !used.has(q) && q !== a && people.sex[q] === people.sex[a] && people.ageRef[q] === people.ageRef[a] && people.locality[q] !== people.locality[a]);
    if (b === undefined) continue;
    used.add(a);
    used.add(b);
    people.fore[b] = people.fore[a]!;
    people.sur[b] = people.sur[a]!;
    people.birth[b] = people.birth[a]!;
    care.withUpn[a] = 0;
    care.withNhs[a] = 0;
    const start = PERIOD_START + r.int(20, 600);
    const end = start + r.int(60, 200);
    care.episodes.push({ person: a, status: 'CIN', start, end: end > PERIOD_END ? -1 : end });
    out.push({
      forename: forenameOf(people.sex[a]!, people.fore[a]!),
      surname: SURNAMES[people.sur[a]!]!,
      dateOfBirth: isoOf(people.birth[a]!),
      upns: [upnFromNumber(people.upnNumber[a]!), upnFromNumber(people.upnNumber[b]!)],
      nhsNumbers: [nhsFromStem(people.nhsStem[a]!), nhsFromStem(people.nhsStem[b]!)],
      socialCareStart: isoOf(start),
    });
  }
  care.episodes.sort((x, y) => x.start - y.start || x.person - y.person);
  return out;
}
