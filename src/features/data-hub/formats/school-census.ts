/** school-census: termly, one row per pupil on roll (CBDS codes). */
import {
  GENDERS,
  NATIONAL_CURRICULUM_YEARS,
  SEN_NEEDS,
  SEN_PROVISION,
  type Gender,
  type NationalCurriculumYear,
  type SenNeed,
  type SenProvision,
} from './codes.js';
import { columns, REQUIRED, type DatasetFormat, type ImportRecord, type RowChecker } from './dataset.js';

export interface CensusRecord extends ImportRecord {
  readonly censusDate: string;
  readonly urn: string;
  readonly upn: string;
  readonly forename: string | null;
  readonly surname: string | null;
  readonly dateOfBirth: string | null;
  readonly gender: Gender | null;
  readonly postcode: string | null;
  readonly ncy: NationalCurriculumYear;
  readonly senProvision: SenProvision;
  readonly primaryNeed: SenNeed | null;
  readonly secondaryNeed: SenNeed | null;
  readonly fsmEligible: boolean | null;
}

export const schoolCensus: DatasetFormat<CensusRecord> = {
  name: 'school-census',
  title: 'School census: one row per pupil on roll',
  columns: columns(
    'census_date urn upn ncy sen_provision primary_need',
    'forename surname date_of_birth gender postcode secondary_need fsm_eligible',
  ),
  naturalKey: ['census_date', 'urn', 'upn'],
  sameKey: 'the same census date, school and pupil',
  keyOf: (r) => `${r.censusDate}|${r.urn}|${r.upn}`,
  validateRow(row: RowChecker): CensusRecord | undefined {
    const censusDate = row.date('census_date', REQUIRED);
    const dateOfBirth = row.date('date_of_birth');
    if (censusDate && dateOfBirth && dateOfBirth.day > censusDate.day) {
      row.reject('date_of_birth', `date of birth ${dateOfBirth.iso} is after the census date ${censusDate.iso}`);
    }
    const senProvision = row.code('sen_provision', SEN_PROVISION, REQUIRED);
    const primaryNeed = row.code('primary_need', SEN_NEEDS);
    const secondaryNeed = row.code('secondary_need', SEN_NEEDS);
    if (senProvision === 'E' || senProvision === 'K') {
      if (primaryNeed === null && !row.rejected('primary_need')) {
        row.reject('primary_need', `primary need is missing: it is required when SEN provision is ${senProvision}`);
      }
      if (primaryNeed === 'NSA' && senProvision === 'E') {
        row.reject(
          'primary_need',
          'primary need NSA (no specialist assessment) is only for pupils on SEN support (K), not with an EHC plan (E)',
        );
      }
    } else if (senProvision === 'N') {
      if (primaryNeed !== null) {
        row.reject('primary_need', `primary need ${primaryNeed} is given, but SEN provision is N (no special educational need)`);
      }
      if (secondaryNeed !== null) {
        row.reject('secondary_need', `secondary need ${secondaryNeed} is given, but SEN provision is N (no special educational need)`);
      }
    }
    if (secondaryNeed !== null) {
      if (secondaryNeed === 'NSA') {
        row.reject('secondary_need', 'secondary need NSA (no specialist assessment) can only be a primary need');
      } else if (secondaryNeed === primaryNeed) {
        row.reject('secondary_need', `secondary need ${secondaryNeed} is the same as the primary need`);
      } else if (primaryNeed === null && !row.rejected('primary_need') && senProvision !== 'N') {
        row.reject('secondary_need', 'a secondary need is given without a primary need');
      }
    }
    const record = {
      line: row.line,
      censusDate: censusDate?.iso ?? '',
      urn: row.urn('urn', REQUIRED)!,
      upn: row.upn('upn', REQUIRED)!,
      forename: row.text('forename'),
      surname: row.text('surname'),
      dateOfBirth: dateOfBirth?.iso ?? null,
      gender: row.code('gender', GENDERS),
      postcode: row.postcode('postcode'),
      ncy: row.code('ncy', NATIONAL_CURRICULUM_YEARS, REQUIRED)!,
      senProvision: senProvision!,
      primaryNeed,
      secondaryNeed,
      fsmEligible: row.boolean('fsm_eligible'),
    };
    return row.failed ? undefined : record;
  },
};
