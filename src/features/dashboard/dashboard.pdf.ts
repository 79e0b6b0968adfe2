/**
 * The board report as a tagged PDF (PDFKit, as plans are: ADR 0005): headings, paragraphs and
 * lists in the structure tree, page numbers as artefacts, the strategy's section written by
 * its own feature into the same document.
 */
import PDFDocument from 'pdfkit';
import { printable } from '../plans/plans.pdf.js';
import { writeStrategySectionPdf } from '../strategy/strategy.report.js';
import { CURRENT_POSITION, CURRENT_POSITION_SOURCE, positionText } from './current-position.js';
import type { BoardReport } from './dashboard.report.js';
import { formatValue } from './format.js';
import { formatLongDate } from '../ehc/clock/index.js';
import { numberPages } from '../../platform/pdf/page-numbers.js';

const MARGIN = 56;
const BLACK = '#0b0c0c';

export function renderBoardReportPdf(report: BoardReport, area: { code: string; name: string }, options: { compress?: boolean } = {}): Promise<Buffer> {
  const title = `${area.name} SEND and AP Partnership Board report: ${report.period.label}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    compress: options.compress ?? true,
    info: { Title: printable(title), Author: printable(`${area.name} SEND and AP Partnership`), Subject: 'Partnership Board report: the joint outcomes framework' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const block = (type: string, font: string, size: number, text: string, gap = 6) => {
    root.add(doc.struct(type, {}, () => {
      doc.font(font).fontSize(size).fillColor(BLACK).text(printable(text), { paragraphGap: gap, lineGap: 2 });
    }));
  };
  const list = (items: string[]) => {
    const l = doc.struct('L');
    root.add(l);
    for (const item of items) {
      l.add(doc.struct('LI', {}, () => {
        doc.font('Helvetica').fontSize(10.5).fillColor(BLACK).text(printable(`• ${item}`), { paragraphGap: 4, lineGap: 1.5 });
      }));
    }
    l.end();
  };

  block('H1', 'Helvetica-Bold', 20, title, 8);
  block('P', 'Helvetica', 11, `Figures as at ${formatLongDate(report.period.asAt)}: for each measure, the latest figure for a period that had begun by then. Figures about fewer than 5 children are not shown.`, 10);

  for (const section of report.sections) {
    doc.moveDown(0.4);
    block('H2', 'Helvetica-Bold', 15, section.title, 6);
    list(
      section.lines.map((l) => {
        const now = l.latest ? `${l.latest.text} in ${l.latest.periodLabel}${l.latest.detail ? ` (${l.latest.detail})` : ''}` : 'no figure yet';
        const parts = [`${l.def.name}: ${now}`];
        if (l.change) parts.push(l.change);
        if (l.england) parts.push(`England ${l.england.text}`);
        if (l.target) parts.push(l.target);
        return parts.join('; ') + '.';
      }),
    );
  }

  if (area.code === CURRENT_POSITION_SOURCE.areaCode) {
    doc.moveDown(0.4);
    block('H2', 'Helvetica-Bold', 15, 'Where we started: the strategy’s current position', 6);
    block('P', 'Helvetica', 10.5, `From the ${CURRENT_POSITION_SOURCE.title}, ${CURRENT_POSITION_SOURCE.section}, published ${CURRENT_POSITION_SOURCE.published}.`, 6);
    list(CURRENT_POSITION.map((f) => `${f.label}: ${positionText(f)} (${f.asOf})${f.national ? `; nationally ${formatValue(f.national.value, 'percent')}` : ''}.`));
  }

  if (report.strategy) {
    doc.moveDown(0.4);
    writeStrategySectionPdf(doc, root, report.strategy, 2);
  }
  root.end();

  // Page numbers, outside the reading order.
  numberPages(doc, MARGIN, BLACK);
  doc.end();
  return done;
}
