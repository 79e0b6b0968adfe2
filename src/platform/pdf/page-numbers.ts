/**
 * "Page 3 of 7" at the foot of every page of a buffered pdfkit document, marked as a pagination
 * artifact so that screen readers leave it out of the reading order. Call after the content,
 * before doc.end(); the document must be made with bufferPages: true.
 */
export function numberPages(doc: PDFKit.PDFDocument, margin: number, colour = '#0b0c0c'): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('Helvetica').fontSize(9).fillColor(colour)
      .text(`Page ${i + 1} of ${range.count}`, margin, doc.page.height - margin / 2 - 9, { align: 'center', width: doc.page.width - 2 * margin, lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
