import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentVersion, pdfFileName, sectionList, versionLine, versionNumber } from './plans.present.js';
import { printable } from './plans.pdf.js';

describe('plan presentation', () => {
  test('the version that stands is the latest final or amended final, not a proposal', () => {
    const v = (version: number, kind: string) => ({ version, kind, issuedOn: '2026-01-01' });
    assert.equal(currentVersion([v(1, 'draft')])!.version, 1);
    assert.equal(currentVersion([v(1, 'draft'), v(2, 'final'), v(3, 'amendment-proposal')])!.version, 2);
    assert.equal(currentVersion([v(1, 'final'), v(2, 'amendment-proposal'), v(3, 'amended-final')])!.version, 3);
    assert.equal(currentVersion([]), undefined);
  });

  test('words and numbers', () => {
    assert.equal(versionLine({ version: 2, kind: 'final', issuedOn: '2026-04-03' }), 'Version 2: Final plan, issued 3 April 2026');
    assert.deepEqual(sectionList({ B: ' Autism ' }).slice(0, 2), [{ key: 'A', label: 'Views, interests and aspirations', text: '' }, { key: 'B', label: 'Special educational needs', text: 'Autism' }]);
    assert.deepEqual(['1', '12', '0', '-1', '1.5', 'x', '01', undefined].map(versionNumber), [1, 12, undefined, undefined, undefined, undefined, undefined, undefined]);
    assert.equal(pdfFileName('Zoë', "O'Neil-Smith", 3), 'ehc-plan-zoe-o-neil-smith-version-3.pdf');
  });

  test('text for the PDF’s standard fonts keeps Windows-1252 and strips accents it cannot print', () => {
    assert.equal(printable('Zoë’s plan — “fine” €5'), 'Zoë’s plan — “fine” €5');
    assert.equal(printable('Dvořák, Łukasz, 李'), 'Dvorák, ?ukasz, ?');
  });
});
