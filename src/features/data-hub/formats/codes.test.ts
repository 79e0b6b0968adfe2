import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCsvFile } from '../csv/csv-reader.js';
import { REGISTER_CODES, registerCode, SEN_NEEDS, type AttendanceCategory } from './codes.js';

// The DfE's EES data dictionary (dfe-analytical-services/dfe-published-data-qa), read as published.
const PROJECT = fileURLToPath(new URL('../../../../', import.meta.url));
const DICTIONARY = path.join(PROJECT, '../shared/data/external/dfe-code-lists/data-dictionary.csv');

interface DictionaryRow {
  colName: string;
  item: string;
  parentColumn: string;
  parentItem: string;
  cbdsCode: string;
}

async function dictionary(): Promise<DictionaryRow[]> {
  const csv = await openCsvFile(DICTIONARY);
  const at = (name: string) => {
    const i = csv.header.indexOf(name);
    assert.ok(i >= 0, `the dictionary has a ${name} column`);
    return i;
  };
  const [colName, item, parentColumn, parentItem, cbds] = [
    at('col_name'),
    at('filter_item'),
    at('col_name_parent'),
    at('filter_item_parent'),
    at('cbds_code'),
  ];
  const rows: DictionaryRow[] = [];
  for await (const batch of csv.batches) {
    for (const r of batch.rows) {
      rows.push({ colName: r[colName]!, item: r[item]!, parentColumn: r[parentColumn]!, parentItem: r[parentItem]!, cbdsCode: r[cbds]! });
    }
  }
  return rows;
}

const DFE_TYPES: Record<string, AttendanceCategory> = {
  Present: 'present',
  'Approved educational activity': 'approved-activity',
  Authorised: 'authorised',
  Unauthorised: 'unauthorised',
  // Neither attendance nor absence in the DfE's statistics: not a possible session.
  'Management and legacy codes': 'not-possible',
};

test(
  'register codes agree with the DfE list: every code it names is ours, in the same category',
  { skip: !fs.existsSync(DICTIONARY) && 'the DfE data dictionary is not in ../shared/data/external' },
  async () => {
    const reasons = (await dictionary()).filter((r) => r.colName === 'attendance_reason' && r.parentColumn === 'attendance_type');
    // Items such as "Illness (i)" carry the code; totals such as "All authorised" do not.
    const dfe = new Map<string, AttendanceCategory>();
    for (const r of reasons) {
      const code = /\(([a-z0-9]{1,2})\)$/.exec(r.item)?.[1]?.toUpperCase();
      if (!code) continue;
      const category = DFE_TYPES[r.parentItem];
      assert.ok(category, `a known attendance type: ${r.parentItem}`);
      dfe.set(code, category);
    }
    assert.ok(dfe.size >= 30, `the dictionary names ${dfe.size} codes`);
    for (const [code, category] of dfe) {
      assert.equal(registerCode(code)?.category, category, `code ${code}`);
    }
    // Ours beyond the DfE's coded items: the present marks (the DfE has "Present am" and
    // "Present pm"), the planned closure # ("Not attending planned closed", no code given) and
    // X, which its published statistics leave out.
    const extra = REGISTER_CODES.map((e) => e.code).filter((c) => !dfe.has(c));
    assert.deepEqual(extra.sort(), ['#', '/', 'X', '\\']);
    const uncoded = new Map(reasons.map((r) => [r.item, DFE_TYPES[r.parentItem]]));
    assert.equal(uncoded.get('Present am'), registerCode('/')!.category);
    assert.equal(uncoded.get('Present pm'), registerCode('\\')!.category);
    assert.equal(uncoded.get('Not attending planned closed'), registerCode('#')!.category);
  },
);

test('the codes withdrawn on 19 August 2024 are H, F, J and Y', () => {
  assert.deepEqual(
    REGISTER_CODES.filter((e) => e.withdrawn).map((e) => e.code),
    ['H', 'F', 'J', 'Y'],
  );
  assert.equal(REGISTER_CODES.filter((e) => !e.withdrawn).length, 34);
});

test('register codes are found in any case; unknown ones are not', () => {
  assert.equal(registerCode('c1')?.code, 'C1');
  assert.equal(registerCode('l')?.code, 'L');
  assert.equal(registerCode('A'), undefined);
  assert.equal(registerCode('Y8'), undefined);
  assert.equal(registerCode(''), undefined);
});

test(
  'SEN types of need agree with the CBDS codes in the DfE list (NSA has no code there)',
  { skip: !fs.existsSync(DICTIONARY) && 'the DfE data dictionary is not in ../shared/data/external' },
  async () => {
    const dfe = new Set(
      (await dictionary()).filter((r) => r.colName === 'sen_primary_need' && r.cbdsCode !== '').map((r) => r.cbdsCode),
    );
    const ours = new Set(SEN_NEEDS.entries.map((e) => e.code));
    for (const code of dfe) assert.ok(ours.has(code as never), `CBDS need ${code}`);
    assert.deepEqual([...ours].filter((c) => !dfe.has(c)), ['NSA']);
  },
);
