/** suspensions-exclusions: one row per suspension or permanent exclusion. */
import {
  EXCLUSION_CATEGORIES,
  EXCLUSION_REASONS,
  type ExclusionCategory,
  type ExclusionReason,
} from './codes.js';
import { columns, REQUIRED, type DatasetFormat, type ImportRecord, type RowChecker } from './dataset.js';

export interface SuspensionRecord extends ImportRecord {
  readonly upn: string;
  readonly urn: string;
  readonly startDate: string;
  readonly category: ExclusionCategory;
  /** Length in sessions (half days); null for a permanent exclusion. */
  readonly sessions: number | null;
  readonly reason: ExclusionReason;
}

/** A pupil may be suspended for at most 45 school days in a school year. */
export const MAX_SUSPENSION_SESSIONS = 90;

export const suspensionsExclusions: DatasetFormat<SuspensionRecord> = {
  name: 'suspensions-exclusions',
  title: 'Suspensions and permanent exclusions',
  columns: columns('upn urn start_date category sessions reason'),
  naturalKey: ['upn', 'urn', 'start_date', 'category'],
  sameKey: 'the same pupil, school, start date and category',
  keyOf: (r) => `${r.upn}|${r.urn}|${r.startDate}|${r.category}`,
  validateRow(row: RowChecker): SuspensionRecord | undefined {
    const upn = row.upn('upn', REQUIRED);
    const urn = row.urn('urn', REQUIRED);
    const startDate = row.date('start_date', REQUIRED);
    const category = row.code('category', EXCLUSION_CATEGORIES, REQUIRED);
    let sessions: number | null = null;
    if (category === 'permanent') {
      if (row.value('sessions') !== '') {
        row.reject('sessions', `sessions ${row.value('sessions')} is given, but a permanent exclusion has no length: leave it blank`);
      }
    } else if (category === 'suspension') {
      const value = row.value('sessions');
      if (value === '') row.reject('sessions', 'sessions is missing: a suspension needs its length in sessions (half days)');
      else sessions = row.wholeNumber('sessions', 1, MAX_SUSPENSION_SESSIONS);
    }
    const reason = row.code('reason', EXCLUSION_REASONS, REQUIRED);
    if (row.failed) return undefined;
    return { line: row.line, upn: upn!, urn: urn!, startDate: startDate!.iso, category: category!, sessions, reason: reason! };
  },
};
