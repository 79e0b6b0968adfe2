/** schools: one row per school or setting, modelled on Get Information About Schools. */
import { SCHOOL_PHASES, SCHOOL_TYPES, type SchoolPhase, type SchoolType } from './codes.js';
import { columns, REQUIRED, type DatasetFormat, type ImportRecord, type RowChecker } from './dataset.js';

export interface SchoolRecord extends ImportRecord {
  readonly urn: string;
  readonly name: string;
  readonly type: SchoolType;
  readonly phase: SchoolPhase;
  readonly postcode: string | null;
  readonly locality: string | null;
}

export const schools: DatasetFormat<SchoolRecord> = {
  name: 'schools',
  title: 'Schools and settings',
  columns: columns('urn name type phase', 'postcode locality'),
  naturalKey: ['urn'],
  sameKey: 'the same URN',
  keyOf: (r) => r.urn,
  validateRow(row: RowChecker): SchoolRecord | undefined {
    const record = {
      line: row.line,
      urn: row.urn('urn', REQUIRED)!,
      name: row.text('name', REQUIRED, 200)!,
      type: row.code('type', SCHOOL_TYPES, REQUIRED)!,
      phase: row.code('phase', SCHOOL_PHASES, REQUIRED)!,
      postcode: row.postcode('postcode'),
      locality: row.text('locality'),
    };
    return row.failed ? undefined : record;
  },
};
