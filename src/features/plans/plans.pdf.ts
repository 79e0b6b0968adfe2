/**
 * A plan version as a PDF, made on the server in JavaScript (PDFKit: no browser needed).
 * The PDF is tagged: a document title shown in the viewer's title bar, its language, headings
 * and paragraphs in the structure tree, page numbers marked as artefacts, so screen readers
 * read it in order (docs/adr/0005-plan-documents.md).
 */
import PDFDocument from 'pdfkit';
import { numberPages } from '../../platform/pdf/page-numbers.js';

export interface PlanPdfInput {
  title: string;
  childName: string;
  dateOfBirth: string;
  /** "Version 2: Final plan, issued 3 April 2026". */
  versionLine: string;
  areaName: string;
  sections: { key: string; label: string; text: string }[];
  /** False only where a test needs to read the page text without inflating streams. */
  compress?: boolean;
}

const MARGIN = 56;
const BLACK = '#0b0c0c';

/**
 * The standard PDF fonts hold the Windows-1252 characters; anything else (a name written in
 * another alphabet) would print as nothing. Such a character loses its accent if that makes it
 * printable ("ő" to "o"), else becomes "?" rather than vanish. Known gap: embedding a Unicode
 * font would print them all (see the ADR).
 */
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const LATIN1 = /^[\t\n\r\u0020-\u007e\u00a0-\u00ff]+$/u;
export function printable(text: string): string {
  return text.normalize('NFC').replace(/[^\t\n\r\u0020-\u007e\u00a0-\u00ff]/gu, (c) => {
    if (CP1252_EXTRA.includes(c)) return c;
    const bare = c.normalize('NFD').replace(/\p{M}/gu, '');
    return LATIN1.test(bare) ? bare : '?';
  });
}

function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

export function renderPlanPdf(input: PlanPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    compress: input.compress ?? true,
    info: { Title: printable(input.title), Author: printable(input.areaName), Subject: 'Education, health and care plan' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const block = (type: string, font: string, size: number, text: string, gap: number) => {
    root.add(doc.struct(type, {}, () => {
      doc.font(font).fontSize(size).fillColor(BLACK).text(printable(text), { paragraphGap: gap, lineGap: 2 });
    }));
  };

  block('H1', 'Helvetica-Bold', 22, input.title, 6);
  block('P', 'Helvetica', 12, `${input.childName}, born ${input.dateOfBirth}`, 2);
  block('P', 'Helvetica', 12, input.versionLine, 2);
  block('P', 'Helvetica', 10, input.areaName, 14);
  for (const s of input.sections) {
    doc.moveDown(0.5);
    block('H2', 'Helvetica-Bold', 15, `Section ${s.key}: ${s.label}`, 6);
    const body = paragraphs(s.text);
    if (body.length === 0) block('P', 'Helvetica-Oblique', 12, 'Nothing is written in this section.', 8);
    for (const p of body) block('P', 'Helvetica', 12, p, 8);
  }
  root.end();

  // Page numbers, outside the reading order.
  numberPages(doc, MARGIN, BLACK);
  doc.end();
  return done;
}
