import { csvRow } from '../data-hub/csv/csv-writer.js';
import type { RuleOutcomes } from './flags.queries.js';

/** The outcomes table as CSV: one row a rule, CRLF line endings. */
export function outcomesCsv(rows: readonly RuleOutcomes[]): string {
  const lines = [csvRow(['rule', 'name', 'raised', 'open', 'closed', 'useful', 'not_useful', 'already_known', 'useful_share'])];
  for (const r of rows) {
    lines.push(csvRow([r.rule, r.name, r.raised, r.open, r.closed, r.useful, r.notUseful, r.alreadyKnown, r.usefulShare === null ? '' : r.usefulShare.toFixed(4)].map(String), { neutraliseFormulas: true }));
  }
  return `${lines.join('\r\n')}\r\n`;
}
