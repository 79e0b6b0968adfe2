/**
 * Bad rows for import demonstrations (the `faults` option; off by default, so the files are clean
 * unless asked). Each is a copy of a valid row with one field broken in one way the importer must
 * reject, appended at the end of its file; the manifest lists line, column, value and problem.
 */
import { COLUMNS, type Dataset } from './csv.js';

export interface FaultRow {
  dataset: Dataset;
  /** 1-based physical line in the file (the header is line 1). */
  line: number;
  column: string;
  value: string;
  problem: string;
}

type Fault = [column: string, value: string, problem: string];

const FAULTS: Record<Dataset, Fault[]> = {
  localities: [['icb_code', '', 'the ICB code is missing']],
  schools: [
    ['urn', '12345', 'a URN has 6 digits'],
    ['type', 'academy', 'not a school type'],
  ],
  'school-census': [
    ['upn', '*upn', 'the UPN has the wrong check letter'],
    ['ncy', '15', 'not a national curriculum year'],
    ['primary_need', '', 'a primary need is required with SEN provision K or E'],
    ['date_of_birth', '2015-02-30', 'not a real date'],
  ],
  attendance: [
    ['date', '2025-03-08', 'a Saturday: sessions are on weekdays'],
    ['code', 'H', 'H was withdrawn on 19 August 2024'],
    ['code', 'ZZ', 'not a register code'],
    ['session', 'EV', 'the session is AM or PM'],
    ['*duplicate', '', 'the same pupil, date and session twice'],
  ],
  'suspensions-exclusions': [
    ['category', 'fixed', 'the category is suspension or permanent'],
    ['reason', 'XX', 'not a DfE reason code'],
  ],
  'camhs-referrals': [
    ['nhs_number', '*nhs', 'the NHS number fails the modulus 11 check'],
    ['referral_outcome', 'pending', 'the outcome is accepted, signposted or declined'],
    ['referral_date', '2025-13-01', 'not a real date'],
  ],
  'health-checks': [
    ['check', 'year-12', 'not a check'],
    ['domains', 'smell', 'not a domain'],
  ],
  'social-care': [
    ['status', 'CHN', 'not a status'],
    ['start_date', '31/02/2025', 'not a real date'],
  ],
  'ap-placements': [
    ['commissioner', 'parent', 'the commissioner is school or la'],
    ['sessions_per_week', 'five', 'sessions per week is a number'],
  ],
  'post-16-activity': [
    ['activity', 'gap-year', 'not an activity'],
    ['uln', '123456789', 'a ULN has 10 digits'],
  ],
};

/** A UPN with its check letter moved on by one letter. */
function breakUpn(upn: string): string {
  const letters = 'ABCDEFGHJKLMNPQRTUVWXYZ';
  return letters[(letters.indexOf(upn[0]!) + 1) % letters.length] + upn.slice(1);
}

/** An NHS number with its check digit changed. */
function breakNhs(nhs: string): string {
  return nhs.slice(0, 9) + String((Number(nhs[9]) + 1) % 10);
}

/** The bad rows for a dataset, made from a valid row of it. */
export function faultRows(dataset: Dataset, valid: readonly string[], firstLine: number): { fields: string[]; fault: FaultRow }[] {
  const columns: readonly string[] = COLUMNS[dataset];
  return FAULTS[dataset].map(([column, value, problem], k) => {
    const fields = valid.slice();
    const line = firstLine + k;
    if (column === '*duplicate') return { fields, fault: { dataset, line, column: 'upn', value: fields[0]!, problem } };
    const at = columns.indexOf(column);
    const broken = value === '*upn' ? breakUpn(fields[at]!) : value === '*nhs' ? breakNhs(fields[at] || '9990000000') : value;
    fields[at] = broken;
    if (column === 'primary_need') fields[columns.indexOf('sen_provision')] = 'K';
    return { fields, fault: { dataset, line, column, value: broken, problem } };
  });
}
