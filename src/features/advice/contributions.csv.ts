/** The contributions measure as CSV: one row a group, then the total, counts and percentages. */
import { percent as pct, type Contributions, type GroupBy, type GroupMeasure } from './contributions.js';

/** Quotes a cell; one starting like a formula is prefixed so a spreadsheet shows it as text. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function contributionsCsv(result: Contributions, by: GroupBy, period: { from: string; to: string }): string {
  const header = [
    by === 'team' ? 'Team' : 'Locality', 'Period from', 'Period to', 'Plans issued',
    'Health advice asked', 'Health advice received', 'Health advice received (%)', 'Health advice received on time', 'Health advice received on time (%)', 'Health nil returns',
    'Social care advice asked', 'Social care advice received', 'Social care advice received (%)', 'Social care advice received on time', 'Social care advice received on time (%)', 'Social care nil returns',
  ];
  const percent = (n: number, plans: number) => (plans ? pct(n, plans) : '');
  const row = (g: GroupMeasure) => [
    g.group, period.from, period.to, g.plans,
    g.health.asked, g.health.received, percent(g.health.received, g.plans), g.health.receivedOnTime, percent(g.health.receivedOnTime, g.plans), g.health.nilReturns,
    g.socialCare.asked, g.socialCare.received, percent(g.socialCare.received, g.plans), g.socialCare.receivedOnTime, percent(g.socialCare.receivedOnTime, g.plans), g.socialCare.nilReturns,
  ];
  return [header, ...result.groups.map(row), row(result.total)].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
