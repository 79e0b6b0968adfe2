/**
 * The action plan's section of the Partnership Board report for a period: the status of every
 * action at the end of the period, what changed and the progress reported in it, and the
 * milestones late at its end. `strategyBoardSection` returns the figures; the HTML renderer is
 * the Nunjucks macro in views/report-section.njk, the PDF renderer `writeStrategySectionPdf`
 * (for any PDFKit document, so the dashboard's board report can include it) and
 * `renderStrategyReportPdf` (the section on its own).
 *
 * The report names lead organisations, never lead people: it is written to be shared.
 */
import PDFDocument from 'pdfkit';
import type { Db } from '../../db/database.js';
import type { ActionStatus } from '../../db/strategy.tables.js';
import { formatDate, formatDateTime } from '../../platform/web/format.js';
import { printable } from '../plans/plans.pdf.js';
import { loadActions, loadHistory, loadPriorities, loadAreas, loadUpdatesIn, byReference } from './strategy.queries.js';
import { STATUSES, STATUS_ORDER, countByStatus, daysBetween, endOfDay, isStatus, statusAsAt, wasLateOn, type Period } from './strategy.rules.js';
import { numberPages } from '../../platform/pdf/page-numbers.js';

export interface StrategyBoardSection {
  period: Period;
  /** The day the figures are "as at": the period's end, or today if that is earlier. */
  asAt: string;
  total: number;
  statusCounts: { status: ActionStatus; label: string; count: number }[];
  groups: { heading: string; counts: Record<ActionStatus, number> }[];
  needingAttention: { reference: string; title: string; status: ActionStatus; statusLabel: string; reason: string; leadOrganisation: string }[];
  statusChanges: { reference: string; title: string; at: Date; from: string; to: string; reason: string }[];
  otherChanges: { reference: string; title: string; at: Date; summary: string }[];
  updates: { reference: string; title: string; updateOn: string; body: string }[];
  lateMilestones: { reference: string; actionTitle: string; milestone: string; dueOn: string; daysLate: number }[];
}

function statusOf(value: unknown): ActionStatus | null {
  return typeof value === 'string' && isStatus(value) ? value : null;
}

export async function strategyBoardSection(db: Db, period: Period, today: string): Promise<StrategyBoardSection> {
  const asAt = period.to < today ? period.to : today;
  const end = new Date(endOfDay(asAt));
  const [actions, priorities, areas, history, updates] = await Promise.all([
    loadActions(db),
    loadPriorities(db),
    loadAreas(db),
    loadHistory(db, {}),
    loadUpdatesIn(db, period.from, period.to),
  ]);
  const created = await db.selectFrom('strategy_actions').select(['id', 'created_at']).execute();
  const createdAt = new Map(created.map((c) => [c.id, c.created_at]));
  const existing = actions.filter((a) => (createdAt.get(a.id) ?? end) < end);
  const byId = new Map(actions.map((a) => [a.id, a]));

  const statusHistory = history.filter((h) => h.kind === 'status');
  const withStatus = existing.map((a) => {
    const changes = statusHistory
      .filter((h) => h.actionId === a.id && statusOf(h.after?.status))
      .map((h) => ({ at: h.at, before: statusOf(h.before?.status), after: statusOf(h.after?.status)! }));
    const status = statusAsAt(a.status, changes, end);
    const mine = statusHistory.filter((h) => h.actionId === a.id).sort((x, y) => x.at.getTime() - y.at.getTime());
    const lastBefore = mine.filter((h) => h.at < end).at(-1);
    const firstAfter = mine.find((h) => h.at >= end);
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const reason = !firstAfter ? a.statusReason : lastBefore ? text(lastBefore.after?.reason) : text(firstAfter.before?.reason);
    return { ...a, status, reason };
  });

  const counts = countByStatus(withStatus);
  const groups = [
    ...priorities.map((p) => ({ heading: `Priority ${p.number}: ${p.title}`, counts: countByStatus(withStatus.filter((a) => a.priorityId === p.id)) })),
    ...areas.map((ar) => ({ heading: `Area for improvement ${ar.number}: ${ar.title}`, counts: countByStatus(withStatus.filter((a) => a.improvementAreaId === ar.id)) })),
  ];

  const from = new Date(`${period.from}T00:00:00Z`);
  const inPeriod = history.filter((h) => h.at >= from && h.at < new Date(endOfDay(period.to)) && byId.has(h.actionId)).sort((a, b) => a.at.getTime() - b.at.getTime());
  const label = (s: ActionStatus | null) => (s ? STATUSES[s].label : 'None');
  return {
    period,
    asAt,
    total: withStatus.length,
    statusCounts: STATUS_ORDER.map((s) => ({ status: s, label: STATUSES[s].label, count: counts[s] })),
    groups,
    needingAttention: withStatus
      .filter((a) => a.status === 'off-track' || a.status === 'at-risk')
      .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byReference(a, b))
      .map((a) => ({ reference: a.reference, title: a.title, status: a.status, statusLabel: STATUSES[a.status].label, reason: a.reason, leadOrganisation: a.leadOrganisation })),
    statusChanges: inPeriod
      .filter((h) => h.kind === 'status')
      .map((h) => ({
        reference: byId.get(h.actionId)!.reference,
        title: byId.get(h.actionId)!.title,
        at: h.at,
        from: label(statusOf(h.before?.status)),
        to: label(statusOf(h.after?.status)),
        reason: typeof h.after?.reason === 'string' ? h.after.reason : '',
      })),
    otherChanges: inPeriod
      .filter((h) => h.kind === 'details' || h.kind === 'milestone' || h.kind === 'evidence' || h.kind === 'measure' || h.kind === 'created')
      .map((h) => ({ reference: byId.get(h.actionId)!.reference, title: byId.get(h.actionId)!.title, at: h.at, summary: h.summary })),
    updates: updates
      .map((u) => ({ reference: u.reference, title: u.title, updateOn: u.update_on, body: u.body }))
      .sort((a, b) => byReference(a, b) || b.updateOn.localeCompare(a.updateOn)),
    lateMilestones: existing
      .flatMap((a) => a.milestones.filter((m) => wasLateOn(m, asAt)).map((m) => ({ reference: a.reference, actionTitle: a.title, milestone: m.title, dueOn: m.due_on, daysLate: daysBetween(m.due_on, asAt) })))
      .sort((a, b) => b.daysLate - a.daysLate || byReference(a, b)),
  };
}

/** Words for the period: "1 September 2026 to 30 November 2026". */
export function periodWords(p: Period): string {
  return `${formatDate(p.from)} to ${formatDate(p.to)}`;
}

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

const BLACK = '#0b0c0c';

/**
 * Writes the section into a tagged PDFKit document under `root` (a 'Document' or 'Sect'
 * structure element), with headings starting at `level` (H2 inside a larger report).
 */
export function writeStrategySectionPdf(doc: Doc, root: Struct, section: StrategyBoardSection, level: 1 | 2 = 2): void {
  const h = (n: number) => `H${Math.min(6, level + n)}`;
  const block = (type: string, font: string, size: number, text: string, gap = 6) => {
    root.add(doc.struct(type, {}, () => {
      doc.font(font).fontSize(size).fillColor(BLACK).text(printable(text), { paragraphGap: gap, lineGap: 2 });
    }));
  };
  const list = (items: string[], empty: string) => {
    if (!items.length) return block('P', 'Helvetica-Oblique', 11, empty);
    const l = doc.struct('L');
    root.add(l);
    for (const item of items) {
      l.add(doc.struct('LI', {}, () => {
        doc.font('Helvetica').fontSize(11).fillColor(BLACK).text(printable(`• ${item}`), { paragraphGap: 4, lineGap: 2, indent: 0 });
      }));
    }
    l.end();
  };

  block(h(0), 'Helvetica-Bold', level === 1 ? 22 : 17, 'The action plan', 6);
  block('P', 'Helvetica', 11, `${periodWords(section.period)}. Statuses as at ${formatDate(section.asAt)}.`, 8);

  block(h(1), 'Helvetica-Bold', 14, 'Status of the actions');
  list(section.statusCounts.map((c) => `${c.label}: ${c.count} of ${section.total}`), 'There are no actions in the plan.');
  list(
    section.groups.map((g) => `${g.heading}: ${STATUS_ORDER.map((s) => `${g.counts[s]} ${STATUSES[s].label.toLowerCase()}`).join(', ')}`),
    '',
  );

  block(h(1), 'Helvetica-Bold', 14, 'Off track or at risk');
  list(section.needingAttention.map((a) => `${a.reference} ${a.title} (${a.leadOrganisation}): ${a.statusLabel}. ${a.reason}`), 'No action is off track or at risk.');

  block(h(1), 'Helvetica-Bold', 14, 'Late milestones');
  list(section.lateMilestones.map((m) => `${m.reference} ${m.actionTitle}: ${m.milestone}, due ${formatDate(m.dueOn)} (${m.daysLate} days late)`), 'No milestone is late.');

  block(h(1), 'Helvetica-Bold', 14, 'Changes of status in the period');
  list(section.statusChanges.map((c) => `${formatDate(c.at)}: ${c.reference} ${c.title}, from ${c.from} to ${c.to}.${c.reason ? ` ${c.reason}` : ''}`), 'No status changed in the period.');

  block(h(1), 'Helvetica-Bold', 14, 'Progress reported in the period');
  list(section.updates.map((u) => `${u.reference} ${u.title}, ${formatDate(u.updateOn)}: ${u.body}`), 'No progress updates were given in the period.');

  block(h(1), 'Helvetica-Bold', 14, 'Other changes in the period');
  list(section.otherChanges.map((c) => `${formatDateTime(c.at)}: ${c.reference} ${c.title}. ${c.summary}`), 'No other changes in the period.');
}

/** The section as a PDF on its own: /strategy/report.pdf. */
export function renderStrategyReportPdf(section: StrategyBoardSection, areaName: string): Promise<Buffer> {
  const title = `Action plan progress: ${periodWords(section.period)}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: printable(title), Author: printable(`${areaName} SEND and AP Partnership`), Subject: 'Partnership Board report: the action plan' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  root.add(doc.struct('P', {}, () => {
    doc.font('Helvetica').fontSize(10).fillColor(BLACK).text(printable(`${areaName} SEND and AP Partnership Board`), { paragraphGap: 4 });
  }));
  writeStrategySectionPdf(doc, root, section, 1);
  root.end();
  // Page numbers, outside the reading order.
  numberPages(doc, 56, BLACK);
  doc.end();
  return done;
}
