import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_EVIDENCE_BYTES, checkEvidenceFile, contentDisposition, safeFileName } from './strategy.evidence.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

test('files are accepted by name and first bytes together', () => {
  const pdf = Buffer.from('%PDF-1.7\n');
  assert.equal(checkEvidenceFile('a.pdf', pdf, pdf.length).ok, true);
  assert.equal(checkEvidenceFile('A.PDF', pdf, pdf.length).ok, true);
  assert.equal(checkEvidenceFile('photo.png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 8).ok, true);
  assert.equal(checkEvidenceFile('photo.jpg', bytes(0xff, 0xd8, 0xff, 0xe0), 4).ok, true);
  assert.equal(checkEvidenceFile('minutes.docx', Buffer.from('PK\x03\x04rest', 'latin1'), 8).ok, true);
  assert.equal(checkEvidenceFile('old.xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 8).ok, true);
  assert.equal(checkEvidenceFile('figures.csv', Buffer.from('a,b\n1,2\nCafé,3\n'), 16).ok, true);
});

test('a disguised, unknown, empty or too large file is refused with a message saying why', () => {
  const html = Buffer.from('<html><script>alert(1)</script>');
  const r = checkEvidenceFile('report.pdf', html, html.length);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.message : '', /is called “report\.pdf” but is not a PDF/);
  assert.equal(checkEvidenceFile('page.html', html, html.length).ok, false);
  assert.equal(checkEvidenceFile('noextension', html, html.length).ok, false);
  assert.equal(checkEvidenceFile('binary.csv', bytes(0x61, 0x00, 0x62), 3).ok, false);
  assert.equal(checkEvidenceFile('latin1.csv', bytes(0x61, 0xe9, 0x62, 0x0a), 4).ok, false);
  const empty = checkEvidenceFile('a.pdf', bytes(), 0);
  assert.equal(!empty.ok && empty.message, 'The selected file is empty');
  const big = checkEvidenceFile('a.pdf', Buffer.from('%PDF-'), MAX_EVIDENCE_BYTES + 1);
  assert.equal(!big.ok && big.message, 'The selected file must be smaller than 10 MB');
});

test('a CSV sample cut inside a multi-byte character is still text', () => {
  const text = Buffer.from('name\nZoë\n');
  const cut = text.subarray(0, text.indexOf(0xab));
  assert.equal(checkEvidenceFile('a.csv', cut, 100).ok, true);
});

test('file names are made safe to store and to send back', () => {
  assert.equal(safeFileName('C:\\Users\\me\\board "paper".pdf'), 'board paper.pdf');
  assert.equal(safeFileName('../../etc/passwd'), 'passwd');
  assert.equal(safeFileName('a\u0000b.pdf'), 'ab.pdf');
  assert.equal(safeFileName(''), 'evidence');
  const long = safeFileName(`${'x'.repeat(300)}.docx`);
  assert.ok(long.length <= 150);
  assert.ok(long.endsWith('.docx'));
  assert.equal(contentDisposition('Zoë’s report.pdf'), `attachment; filename="Zo__s report.pdf"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20report.pdf`);
});
