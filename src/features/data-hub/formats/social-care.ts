/** social-care: one row per episode of children's social care, or of missing or home education. */
import { SOCIAL_CARE_STATUSES, type SocialCareStatus } from './codes.js';
import { columns, REQUIRED, type DatasetFormat, type ImportRecord, type RowChecker } from './dataset.js';
import { readIdentity } from './identity.js';

export interface SocialCareRecord extends ImportRecord {
  readonly laChildId: string;
  readonly upn: string | null;
  readonly nhsNumber: string | null;
  readonly forename: string | null;
  readonly surname: string | null;
  readonly dateOfBirth: string | null;
  readonly status: SocialCareStatus;
  readonly startDate: string;
  /** null while the episode is open. */
  readonly endDate: string | null;
}

export const socialCare: DatasetFormat<SocialCareRecord> = {
  name: 'social-care',
  title: 'Social care episodes',
  columns: columns('la_child_id status start_date end_date', 'upn nhs_number forename surname date_of_birth'),
  naturalKey: ['la_child_id', 'status', 'start_date'],
  sameKey: 'the same child, status and start date',
  keyOf: (r) => `${r.laChildId}|${r.status}|${r.startDate}`,
  validateRow(row: RowChecker): SocialCareRecord | undefined {
    const laChildId = row.text('la_child_id', REQUIRED, 50);
    const upn = row.upn('upn');
    const { birth: _birth, ...identity } = readIdentity(row, 'the episode', upn);
    const status = row.code('status', SOCIAL_CARE_STATUSES, REQUIRED);
    const start = row.date('start_date', REQUIRED);
    const end = row.date('end_date');
    row.notBefore('end_date', end, 'start_date', start);
    if (row.failed) return undefined;
    return {
      line: row.line,
      laChildId: laChildId!,
      upn,
      ...identity,
      status: status!,
      startDate: start!.iso,
      endDate: end?.iso ?? null,
    };
  },
};
