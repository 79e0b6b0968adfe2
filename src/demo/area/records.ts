/**
 * Writers for the smaller files: localities, schools, the termly census, suspensions and
 * exclusions, AP placements and social care. Each takes the area and a sink and writes rows in a
 * fixed order, so the same area always gives the same bytes.
 */
import { academicAge, CENSUS_DAYS, dayIndexOnOrAfter, isoOf, ncyOf, SCHOOL_YEARS } from './calendar.js';
import { NEEDS } from './calibration.js';
import type { FileSink } from './csv.js';
import { localityRows } from './geography.js';
import { laChildId, nhsFromStem } from './identity.js';
import { forenameOf, SURNAMES } from './names.js';
import { hashSeed } from './random.js';
import { schoolRows } from './schools.js';
import { NONE, PROVISION_CODES, senAt } from './sen.js';
import { sortedSegments, type Area } from './area.js';

export function writeLocalities(_area: Area, sink: FileSink): void {
  for (const row of localityRows()) sink.row(row);
}

export function writeSchools(area: Area, sink: FileSink): void {
  for (const row of schoolRows(area.schools)) sink.row(row);
}

export function identity(area: Area, p: number) {
  const { people } = area;
  return {
    forename: forenameOf(people.sex[p]!, people.fore[p]!),
    surname: SURNAMES[people.sur[p]!]!,
    dateOfBirth: isoOf(people.birth[p]!),
    postcode: people.postcodes[people.postcode[p]!]!,
  };
}

/** One row per pupil on roll on each of the six census days. */
export function writeCensus(area: Area, sink: FileSink): void {
  const { people, sen, schools } = area;
  const byYear = SCHOOL_YEARS.map((_, year) => sortedSegments(area, year));
  for (let c = 0; c < CENSUS_DAYS.length; c++) {
    const year = Math.floor(c / 3);
    const day = CENSUS_DAYS[c]!;
    const index = dayIndexOnOrAfter(SCHOOL_YEARS[year]!, day);
    const date = isoOf(day);
    for (const seg of byYear[year]!) {
      if (index < seg.first || index >= seg.end) continue;
      const school = schools[seg.school]!;
      if (school.kind === 'college' || school.kind === 'independent-special') continue;
      const p = seg.person;
      const id = identity(area, p);
      const provision = senAt(sen, p, c);
      const withNeed = provision !== 0;
      sink.row([
        date, school.urn, area.upnOf(p), id.forename, id.surname, id.dateOfBirth, people.sex[p] === 1 ? 'M' : 'F', id.postcode,
        ncyOf(academicAge(people.birth[p]!, SCHOOL_YEARS[year]!.startYear))!, PROVISION_CODES[provision]!,
        withNeed ? NEEDS[sen.need[p]!]! : '', withNeed && sen.need2[p] !== NONE ? NEEDS[sen.need2[p]!]! : '', people.fsm[p] ? 'true' : 'false',
      ]);
    }
  }
}

export function writeSuspensions(area: Area, sink: FileSink): void {
  const rows = area.events.suspensions
    .map((s) => ({ s, day: SCHOOL_YEARS[s.year]!.days[s.index]! }))
    .sort((a, b) => a.day - b.day || a.s.school - b.s.school || a.s.person - b.s.person);
  for (const { s, day } of rows) {
    sink.row([area.upnOf(s.person), area.schools[s.school]!.urn, isoOf(day), s.permanent ? 'permanent' : 'suspension', s.permanent ? '' : String(s.sessions), s.reason]);
  }
}

export function writePlacements(area: Area, sink: FileSink): void {
  const rows = area.events.placements.slice().sort((a, b) => a.start - b.start || a.person - b.person);
  for (const pl of rows) {
    sink.row([
      area.upnOf(pl.person), area.schools[pl.apSchool]!.urn, pl.commissioner, pl.commissionerSchool >= 0 ? area.schools[pl.commissionerSchool]!.urn : '',
      isoOf(pl.start), isoOf(pl.plannedEnd), pl.end >= 0 ? isoOf(pl.end) : '', String(pl.sessionsPerWeek), pl.reason, pl.end >= 0 ? pl.outcome : '',
    ]);
  }
}

export function writeSocialCare(area: Area, sink: FileSink): void {
  const { people, social } = area;
  const offset = hashSeed(area.seed, 'la-child-id') % 10_000_000;
  for (const e of social.episodes) {
    const p = e.person;
    const id = identity(area, p);
    sink.row([
      laChildId(p, offset), social.withUpn[p] && people.upnNumber[p]! >= 0 ? area.upnOf(p) : '', social.withNhs[p] ? nhsFromStem(people.nhsStem[p]!) : '',
      id.forename, id.surname, id.dateOfBirth, e.status, isoOf(e.start), e.end >= 0 ? isoOf(e.end) : '',
    ]);
  }
}
