/** ap-placements: one row per alternative provision placement. */
import {
  AP_COMMISSIONERS,
  AP_OUTCOMES,
  AP_REASONS,
  type ApCommissioner,
  type ApOutcome,
  type ApReason,
} from './codes.js';
import { columns, REQUIRED, type DatasetFormat, type ImportRecord, type RowChecker } from './dataset.js';

export interface ApPlacementRecord extends ImportRecord {
  readonly upn: string;
  readonly apUrn: string;
  readonly commissioner: ApCommissioner;
  readonly commissionerUrn: string | null;
  readonly startDate: string;
  readonly plannedEndDate: string | null;
  /** null while the placement continues. */
  readonly endDate: string | null;
  readonly sessionsPerWeek: number | null;
  readonly reason: ApReason;
  /** Given when the placement has ended. */
  readonly outcome: ApOutcome | null;
}

export const apPlacements: DatasetFormat<ApPlacementRecord> = {
  name: 'ap-placements',
  title: 'Alternative provision placements',
  columns: columns(
    'upn ap_urn commissioner start_date end_date reason outcome',
    'commissioner_urn planned_end_date sessions_per_week',
  ),
  naturalKey: ['upn', 'ap_urn', 'start_date'],
  sameKey: 'the same pupil, AP setting and start date',
  keyOf: (r) => `${r.upn}|${r.apUrn}|${r.startDate}`,
  validateRow(row: RowChecker): ApPlacementRecord | undefined {
    const upn = row.upn('upn', REQUIRED);
    const apUrn = row.urn('ap_urn', REQUIRED);
    const commissioner = row.code('commissioner', AP_COMMISSIONERS, REQUIRED);
    const commissionerUrn = row.urn('commissioner_urn');
    if (commissioner === 'school' && commissionerUrn === null && !row.rejected('commissioner_urn')) {
      row.reject('commissioner_urn', 'commissioner URN is missing: it is required when a school commissions the placement');
    }
    const start = row.date('start_date', REQUIRED);
    const plannedEnd = row.date('planned_end_date');
    const end = row.date('end_date');
    row.notBefore('planned_end_date', plannedEnd, 'start_date', start);
    row.notBefore('end_date', end, 'start_date', start);
    const sessionsPerWeek = row.wholeNumber('sessions_per_week', 1, 10);
    const reason = row.code('reason', AP_REASONS, REQUIRED);
    const outcome = row.code('outcome', AP_OUTCOMES);
    if (outcome && !end && !row.rejected('end_date')) {
      row.reject('outcome', `outcome ${outcome} is given, but the placement has no end date`);
    }
    if (row.failed) return undefined;
    return {
      line: row.line,
      upn: upn!,
      apUrn: apUrn!,
      commissioner: commissioner!,
      commissionerUrn,
      startDate: start!.iso,
      plannedEndDate: plannedEnd?.iso ?? null,
      endDate: end?.iso ?? null,
      sessionsPerWeek,
      reason: reason!,
      outcome,
    };
  },
};
