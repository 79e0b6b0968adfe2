/** post-16-activity: monthly, one row per young person per month. */
import { POST16_ACTIVITIES, type Post16Activity } from './codes.js';
import { columns, REQUIRED, type DatasetFormat, type ImportRecord, type RowChecker } from './dataset.js';
import { isMonthProblem, parseMonth } from './values.js';

export interface Post16Record extends ImportRecord {
  readonly uln: string | null;
  readonly upn: string | null;
  /** `2026-03`. */
  readonly month: string;
  readonly activity: Post16Activity;
}

export const post16Activity: DatasetFormat<Post16Record> = {
  name: 'post-16-activity',
  title: 'Post-16 activity, monthly',
  columns: columns('month activity', 'uln upn'),
  oneOf: [['uln', 'upn']],
  naturalKey: ['uln', 'upn', 'month'],
  sameKey: 'the same young person and month',
  keyOf: (r) => `${r.uln ?? ''}|${r.upn ?? ''}|${r.month}`,
  validateRow(row: RowChecker): Post16Record | undefined {
    const uln = row.uln('uln');
    const upn = row.upn('upn');
    if (uln === null && upn === null && !row.rejected('uln') && !row.rejected('upn')) {
      row.reject(row.hasColumn('uln') ? 'uln' : 'upn', 'the row has neither a ULN nor a UPN, so it cannot be linked to a young person', '');
    }
    const monthValue = row.value('month');
    let month: string | null = null;
    if (monthValue === '') row.reject('month', 'month is missing, and every row needs one');
    else {
      const parsed = parseMonth(monthValue);
      if (isMonthProblem(parsed)) row.reject('month', `month ${monthValue} ${parsed}`);
      else month = parsed;
    }
    const activity = row.code('activity', POST16_ACTIVITIES, REQUIRED);
    if (row.failed) return undefined;
    return { line: row.line, uln, upn, month: month!, activity: activity! };
  },
};
