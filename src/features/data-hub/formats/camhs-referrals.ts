/** camhs-referrals: one row per referral, its state as of extract_date. */
import { REFERRAL_OUTCOMES, type ReferralOutcome } from './codes.js';
import { columns, REQUIRED, type DatasetFormat, type ImportRecord, type RowChecker } from './dataset.js';
import { readIdentity } from './identity.js';
import type { DateValue } from './values.js';

export interface CamhsReferralRecord extends ImportRecord {
  readonly extractDate: string;
  readonly referralId: string;
  readonly nhsNumber: string | null;
  readonly forename: string | null;
  readonly surname: string | null;
  readonly dateOfBirth: string | null;
  readonly postcode: string | null;
  readonly providerCode: string;
  readonly icbCode: string | null;
  readonly referralDate: string;
  readonly firstContactDate: string | null;
  readonly treatmentStartDate: string | null;
  readonly dischargeDate: string | null;
  /** null while undecided. */
  readonly referralOutcome: ReferralOutcome | null;
}

/** ODS organisation and site codes: letters and digits. */
const ORGANISATION_CODE = /^[A-Z0-9]{3,9}$/;

export const camhsReferrals: DatasetFormat<CamhsReferralRecord> = {
  name: 'camhs-referrals',
  title: 'CAMHS referrals',
  columns: columns(
    'extract_date referral_id nhs_number provider_code referral_date first_contact_date treatment_start_date discharge_date referral_outcome',
    'forename surname date_of_birth postcode icb_code',
  ),
  naturalKey: ['provider_code', 'referral_id'],
  sameKey: 'the same provider and referral id',
  keyOf: (r) => `${r.providerCode}|${r.referralId}`,
  validateRow(row: RowChecker): CamhsReferralRecord | undefined {
    const extract = row.date('extract_date', REQUIRED);
    const referral = row.date('referral_date', REQUIRED);
    const firstContact = row.date('first_contact_date');
    const treatmentStart = row.date('treatment_start_date');
    const discharge = row.date('discharge_date');
    const { birth, ...identity } = readIdentity(row, 'the referral');
    const outcome = row.code('referral_outcome', REFERRAL_OUTCOMES);
    for (const [column, date] of [
      ['first_contact_date', firstContact],
      ['treatment_start_date', treatmentStart],
      ['discharge_date', discharge],
    ] as const) {
      row.notBefore(column, date, 'referral_date', referral);
    }
    row.notBefore('treatment_start_date', treatmentStart, 'first_contact_date', firstContact);
    row.notBefore('discharge_date', discharge, 'treatment_start_date', treatmentStart);
    row.notBefore('referral_date', referral, 'date_of_birth', birth);
    for (const [column, date] of [
      ['referral_date', referral],
      ['first_contact_date', firstContact],
      ['treatment_start_date', treatmentStart],
      ['discharge_date', discharge],
    ] as const) {
      afterExtract(row, column, date, extract);
    }
    if (treatmentStart && (outcome === 'signposted' || outcome === 'declined')) {
      row.reject('treatment_start_date', `treatment start date ${treatmentStart.iso} is given, but the referral was ${outcome}`);
    }
    const referralId = row.text('referral_id', REQUIRED, 50);
    const provider = row.text('provider_code', REQUIRED, 20)?.toUpperCase() ?? null;
    if (provider !== null && !ORGANISATION_CODE.test(provider)) {
      row.reject('provider_code', `provider code ${provider} is not an ODS organisation code (letters and digits, like RNN)`);
    }
    const icb = row.text('icb_code', false, 20)?.toUpperCase() ?? null;
    if (icb !== null && !ORGANISATION_CODE.test(icb)) {
      row.reject('icb_code', `ICB code ${icb} is not an ICB code (like QE1 or E54000050)`);
    }
    const postcode = row.postcode('postcode');
    if (row.failed) return undefined;
    return {
      line: row.line,
      extractDate: extract!.iso,
      referralId: referralId!,
      ...identity,
      postcode,
      providerCode: provider!,
      icbCode: icb,
      referralDate: referral!.iso,
      firstContactDate: firstContact?.iso ?? null,
      treatmentStartDate: treatmentStart?.iso ?? null,
      dischargeDate: discharge?.iso ?? null,
      referralOutcome: outcome,
    };
  },
};

function afterExtract(row: RowChecker, column: string, date: DateValue | null, extract: DateValue | null): void {
  if (date && extract && date.day > extract.day) {
    row.reject(column, `${column.replace(/_/g, ' ')} ${date.iso} is after the extract date ${extract.iso}`);
  }
}
