/** attendance: one row per pupil per session (data-formats.md). The large file: keep this lean. */
import { registerCode, REGISTER_CODES_CHANGED, type AttendanceCategory } from './codes.js';
import { columns, REQUIRED, type DatasetFormat, type ImportRecord, type RowChecker } from './dataset.js';
import { formatIsoDate, parseDate, WEEKDAYS, weekdayOf, type DateValue } from './values.js';

export type Session = 'AM' | 'PM';

export interface AttendanceRecord extends ImportRecord {
  readonly upn: string;
  readonly urn: string;
  /** ISO date. */
  readonly date: string;
  /** Days since 1970-01-01: the rollup's week and weekday. */
  readonly day: number;
  readonly session: Session;
  /** The register code, in capitals. */
  readonly code: string;
  readonly category: AttendanceCategory;
}

const changedOn = (parseDate(REGISTER_CODES_CHANGED) as DateValue).day;
const changedOnText = formatIsoDate(REGISTER_CODES_CHANGED);

export const attendance: DatasetFormat<AttendanceRecord> = {
  name: 'attendance',
  title: 'Attendance: one row per pupil per session',
  columns: columns('upn urn date session code'),
  naturalKey: ['upn', 'urn', 'date', 'session'],
  sameKey: 'the same pupil, school, date and session',
  keyOf: (r) => `${r.upn}|${r.urn}|${r.date}|${r.session}`,
  validateRow(row: RowChecker): AttendanceRecord | undefined {
    const upn = row.upn('upn', REQUIRED);
    const urn = row.urn('urn', REQUIRED);
    const date = row.date('date', REQUIRED);
    if (date) {
      const weekday = weekdayOf(date.day);
      if (weekday >= 5) {
        row.reject('date', `date ${row.value('date')} is a ${WEEKDAYS[weekday]}: attendance is recorded only on weekdays`);
      }
    }
    const sessionValue = row.value('session');
    const session = sessionValue === 'AM' || sessionValue === 'PM' ? sessionValue : upperSession(sessionValue);
    if (!session) {
      row.reject(
        'session',
        sessionValue === '' ? 'session is missing, and every row needs one' : `session ${sessionValue} is not AM or PM`,
      );
    }
    const codeValue = row.value('code');
    const entry = registerCode(codeValue);
    if (codeValue === '') row.reject('code', 'code is missing, and every row needs one');
    else if (!entry) row.reject('code', `code ${codeValue} is not a register code`);
    else if (entry.withdrawn && date && date.day >= changedOn) {
      row.reject('code', `code ${codeValue} is not a register code in force from ${changedOnText}: it was withdrawn then`);
    }
    if (row.failed) return undefined;
    return {
      line: row.line,
      upn: upn!,
      urn: urn!,
      date: date!.iso,
      day: date!.day,
      session: session!,
      code: entry!.code,
      category: entry!.category,
    };
  },
};

function upperSession(value: string): Session | undefined {
  const upper = value.toUpperCase();
  return upper === 'AM' || upper === 'PM' ? upper : undefined;
}
