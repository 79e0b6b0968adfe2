/**
 * The area's schools and settings, modelled on Get Information About Schools. At scale 1: 150
 * primaries and 19 secondaries (the attendance data's counts for Cumberland) and 3 special
 * schools, 172 in all, plus 3 AP settings, 2 colleges and an independent special school. Names and
 * URNs (9xxxxx) are invented; the list depends on the scale only, so a story's school keeps its
 * URN whatever the seed. Three settings reuse the platform demo's (src/demo/platform.seed.ts).
 */
import { LOCALITIES, inventPostcode, type LocalityName } from './geography.js';
import { EXCLUSIONS } from './calibration.js';
import { stream } from './random.js';

export type SchoolType = 'mainstream' | 'special' | 'ap' | 'independent-special' | 'early-years' | 'post-16';
export type SchoolPhase = 'nursery' | 'primary' | 'secondary' | 'all-through' | 'post-16';
/** How a school behaves in the model (attendance, exclusions): its kind. */
export type SchoolKind = 'primary' | 'secondary' | 'special' | 'ap' | 'college' | 'independent-special';

export interface School {
  index: number;
  urn: string;
  name: string;
  type: SchoolType;
  phase: SchoolPhase;
  kind: SchoolKind;
  locality: number;
  postcode: string;
  hasNursery: boolean;
  hasSixthForm: boolean;
  /** Relative size when pupils choose a school in their locality. */
  size: number;
  /** Multiplies pupils' absence (a school effect, about 1). */
  absenceFactor: number;
  /** Multiplies pupils' suspensions (heavy-tailed: a few schools account for most). */
  exclusionFactor: number;
}

/** Schools per locality at scale 1: [Allerdale, Carlisle, Copeland, Millom]. */
const PRIMARIES = [55, 55, 34, 6];
const SECONDARIES = [6, 7, 5, 1];

/** Fixed settings: the platform demo's three and the school of the attendance story. */
export const FIXED_SCHOOLS = {
  fellside: { urn: '900001', name: 'Fellside Primary School', locality: 'Carlisle' as LocalityName },
  edenValley: { urn: '900002', name: 'Eden Valley Academy', locality: 'Carlisle' as LocalityName },
  solway: { urn: '900101', name: 'Solway Learning Centre', locality: 'Allerdale' as LocalityName },
  harbourside: { urn: '900300', name: 'Harbourside Academy', locality: 'Copeland' as LocalityName },
};

const FIRST = ['Beck', 'Fell', 'Moor', 'Brook', 'Holme', 'Thorn', 'How', 'Gill', 'Crag', 'Dale', 'Ghyll', 'Tarn', 'Pike',
  'Rigg', 'Mire', 'Scar', 'Heugh', 'Syke', 'Wath', 'Ash', 'Birk', 'Rowan', 'Hazel', 'Oak', 'Elder', 'Lark', 'Wren',
  'Heron', 'Curlew', 'Plover', 'Linnet', 'Stone', 'Mill', 'Kirk', 'Sand', 'Salt', 'Brae', 'Low', 'High', 'Far'];
const SECOND = ['side', 'field', 'bank', 'brow', 'end', 'foot', 'head', 'top', 'gate', 'croft', 'garth', 'wood', 'lea',
  'view', 'stead', 'thwaite', 'by', 'ton', 'ridge', 'hurst'];
const PRIMARY_SUFFIX = ['Primary School', 'CofE Primary School', 'Community Primary School', 'Infant and Junior School'];
const SECONDARY_SUFFIX = ['Academy', 'School', 'High School', 'Community College'];

export function buildSchools(scale: number): School[] {
  const r = stream(0x5c0015, 'schools', scale);
  const names = new Set<string>(Object.values(FIXED_SCHOOLS).map((s) => s.name));
  const urns = new Set<string>();
  let nextUrn = 910_000;
  const schools: School[] = [];
  const invent = (suffixes: readonly string[]): string => {
    for (;;) {
      const first = r.pick(FIRST);
      const second = r.pick(SECOND);
      if (first.endsWith(second[0]!)) continue; // no "Ghylllea"
      const stem = first + second;
      const suffix = r.pick(suffixes);
      const name = `${stem} ${suffix}`;
      if (!names.has(name)) {
        names.add(name);
        return name;
      }
    }
  };
  const add = (s: Omit<School, 'index' | 'urn' | 'postcode' | 'absenceFactor' | 'exclusionFactor'> & { urn?: string }) => {
    let urn = s.urn;
    while (!urn || urns.has(urn)) urn = String(nextUrn++);
    urns.add(urn);
    const spread = s.kind === 'college' || s.kind === 'independent-special' ? 0 : EXCLUSIONS.schoolSpread[s.kind];
    schools.push({
      ...s,
      urn,
      index: schools.length,
      postcode: inventPostcode(r, s.locality),
      absenceFactor: Math.exp(0.15 * r.normal()),
      exclusionFactor: Math.exp(spread * r.normal() - (spread * spread) / 2),
    });
  };
  const localityIndex = (name: LocalityName) => LOCALITIES.findIndex((l) => l.name === name);

  for (const l of LOCALITIES) {
    const primaries = Math.max(1, Math.round(PRIMARIES[l.index]! * scale));
    for (let k = 0; k < primaries; k++) {
      const fixed = l.name === 'Carlisle' && k === 0 ? FIXED_SCHOOLS.fellside : undefined;
      add({
        urn: fixed?.urn, name: fixed?.name ?? invent(PRIMARY_SUFFIX), type: 'mainstream', phase: 'primary', kind: 'primary',
        locality: l.index, hasNursery: k === 0 || r.chance(0.45), hasSixthForm: false,
        size: Math.exp(0.6 * r.normal()) * (l.name === 'Carlisle' ? 1.6 : 1),
      });
    }
    const secondaries = Math.max(1, Math.round(SECONDARIES[l.index]! * scale));
    for (let k = 0; k < secondaries; k++) {
      const fixed = k === 0 && l.name === 'Carlisle' ? FIXED_SCHOOLS.edenValley : k === 0 && l.name === 'Copeland' ? FIXED_SCHOOLS.harbourside : undefined;
      add({
        urn: fixed?.urn, name: fixed?.name ?? invent(SECONDARY_SUFFIX), type: 'mainstream', phase: 'secondary', kind: 'secondary',
        locality: l.index, hasNursery: false, hasSixthForm: k === 0 || r.chance(0.6), size: Math.exp(0.3 * r.normal()),
      });
    }
  }
  const rotate = ['Carlisle', 'Copeland', 'Allerdale'] as const;
  const special = Math.max(1, Math.round(3 * scale));
  for (let k = 0; k < special; k++) {
    add({
      name: invent(['School', 'Special School', 'Academy']), type: 'special', phase: 'all-through', kind: 'special',
      locality: localityIndex(rotate[k % 3]!), hasNursery: true, hasSixthForm: true, size: 1,
    });
  }
  const ap = Math.max(1, Math.round(3 * scale));
  for (let k = 0; k < ap; k++) {
    const fixed = k === 0 ? FIXED_SCHOOLS.solway : undefined;
    add({
      urn: fixed?.urn, name: fixed?.name ?? invent(['Learning Centre', 'Pupil Referral Unit', 'Academy']), type: 'ap', phase: 'secondary',
      kind: 'ap', locality: localityIndex(fixed ? 'Allerdale' : rotate[k % 3]!), hasNursery: false, hasSixthForm: false, size: 1,
    });
  }
  const colleges = Math.max(1, Math.round(2 * scale));
  for (let k = 0; k < colleges; k++) {
    add({
      name: invent(['College']), type: 'post-16', phase: 'post-16', kind: 'college',
      locality: localityIndex(k % 2 === 0 ? 'Carlisle' : 'Allerdale'), hasNursery: false, hasSixthForm: true, size: 1,
    });
  }
  const independent = Math.max(1, Math.round(scale));
  for (let k = 0; k < independent; k++) {
    add({
      name: invent(['House School']), type: 'independent-special', phase: 'all-through', kind: 'independent-special',
      locality: localityIndex(rotate[k % 3]!), hasNursery: false, hasSixthForm: true, size: 1,
    });
  }
  // URN order is the order schools appear in every file.
  return schools.sort((a, b) => a.urn.localeCompare(b.urn)).map((s, index) => ({ ...s, index }));
}

export function schoolRows(schools: readonly School[]): string[][] {
  return schools.map((s) => [s.urn, s.name, s.type, s.phase, s.postcode, LOCALITIES[s.locality]!.name]);
}
