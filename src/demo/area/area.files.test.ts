/**
 * The generated files are in exactly data-formats.md's formats, every identifier and code is
 * valid, and the patterns the dashboard will show are there (attendance, persistent absence,
 * health checks, the planted name and date-of-birth collisions). One scale 0.05 area, written once.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { nhsNumberProblem, normalisePostcode, upnProblem } from '../../platform/identifiers/identifiers.js';
import { ATTENDANCE_CODES, CODE_LIST } from './attendance.js';
import { academicAge, CENSUS_DAYS, dayOf, isoOf, isPupilDay, ncyOf, schoolYearOf } from './calendar.js';
import { NEEDS } from './calibration.js';
import { COLUMNS, DATASETS } from './csv.js';
import { generateArea, type GenerateResult } from './generate.js';
import { ACTIVITIES } from './post16.js';
import { documentedColumns, eachRow, readRows, tempDir } from './test-support.js';

let dir = '';
let result: GenerateResult;
const file = (dataset: string) => path.join(dir, `${dataset}.csv`);
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: string) => ISO.test(v) && isoOf(dayOf(v)) === v;

before(async () => {
  dir = tempDir('area-files');
  result = await generateArea({ scale: 0.05, seed: 11, outDir: dir });
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test("every file's header is data-formats.md's column list, and every row has that many fields", (t) => {
  const documented = documentedColumns();
  if (!documented) t.diagnostic('../shared/docs/data-formats.md not found: checked against COLUMNS only');
  for (const dataset of DATASETS) {
    const expected = [...COLUMNS[dataset]];
    if (documented) assert.deepEqual(documented.get(dataset), expected, `${dataset}: data-formats.md`);
    // (The attendance test counts attendance's fields as it reads them.)
    const header = dataset === 'attendance' ? eachRow(file(dataset), () => {}, 1) : eachRow(file(dataset), (fields, line) => {
      if (fields.length !== expected.length) assert.fail(`${dataset} line ${line} has ${fields.length} fields`);
    });
    assert.deepEqual(header, expected, dataset);
  }
});

test('schools and localities: invented URNs, known types, every postcode in a locality', () => {
  const localities = readRows(file('localities'));
  const prefixes = new Map(localities.map((l) => [l.postcode_prefix!, l]));
  assert.equal(prefixes.get('LA18')?.locality, 'Millom');
  assert.equal(prefixes.get('LA18')?.icb_code, 'QE1');
  assert.equal(prefixes.get('CA28')?.locality, 'Copeland');
  assert.equal(prefixes.get('CA2')?.locality, 'Carlisle');
  for (const l of localities) if (l.locality !== 'Millom') assert.equal(l.icb_code, 'QHM');
  for (const s of readRows(file('schools'))) {
    assert.match(s.urn!, /^9\d{5}$/);
    assert.ok(['mainstream', 'special', 'ap', 'independent-special', 'early-years', 'post-16'].includes(s.type!));
    assert.ok(['nursery', 'primary', 'secondary', 'all-through', 'post-16'].includes(s.phase!));
    assert.equal(prefixes.get(s.postcode!.split(' ')[0]!)?.locality, s.locality);
  }
});

test('census rows: valid UPNs and postcodes, year group from date of birth, needs by the rules', () => {
  const urns = new Set(readRows(file('schools')).map((s) => s.urn));
  const censusDates = new Set(CENSUS_DAYS.map(isoOf));
  const needs = new Set<string>(NEEDS);
  let rows = 0;
  eachRow(file('school-census'), ([date, urn, upn, fore, sur, dob, gender, postcode, ncy, provision, primary, secondary, fsm], line) => {
    rows++;
    const at = `census line ${line}`;
    if (!censusDates.has(date!) || !urns.has(urn) || upnProblem(upn!) || !fore || !sur || !isDate(dob!)) assert.fail(`${at}: ${[date, urn, upn, dob]}`);
    if (gender !== 'M' && gender !== 'F') assert.fail(`${at}: gender ${gender}`);
    if (normalisePostcode(postcode!) !== postcode) assert.fail(`${at}: postcode ${postcode}`);
    if (ncy !== ncyOf(academicAge(dayOf(dob!), schoolYearOf(dayOf(date!))!.startYear))) assert.fail(`${at}: ncy ${ncy} for ${dob}`);
    if (provision === 'N' ? primary || secondary : !needs.has(primary!)) assert.fail(`${at}: ${provision} ${primary}`);
    if (primary === 'NSA' && provision !== 'K') assert.fail(`${at}: NSA with ${provision}`);
    if (secondary && (!needs.has(secondary) || secondary === primary || secondary === 'NSA')) assert.fail(`${at}: secondary ${secondary}`);
    if (fsm !== 'true' && fsm !== 'false') assert.fail(`${at}: fsm ${fsm}`);
  });
  assert.ok(rows > 10_000);
});

test('attendance: valid UPN, URN and code, weekdays in term only, one row per pupil per session', () => {
  const urns = new Set(readRows(file('schools')).map((s) => s.urn));
  const codes = new Set(CODE_LIST);
  const pupilDay = new Map<string, boolean>();
  const upnOk = new Map<string, boolean>();
  const blocks = new Map<string, [number, number][]>();
  let last = '';
  let lastKey = '';
  let block: [number, number] | undefined;
  eachRow(file('attendance'), (fields, line) => {
    const [upn, urn, date, session, code] = fields;
    if (fields.length !== 5) assert.fail(`attendance line ${line} has ${fields.length} fields`);
    let ok = upnOk.get(upn!);
    if (ok === undefined) upnOk.set(upn!, (ok = !upnProblem(upn!)));
    let day = pupilDay.get(date!);
    if (day === undefined) pupilDay.set(date!, (day = isDate(date!) && isPupilDay(dayOf(date!))));
    if (!ok || !day || !urns.has(urn!) || (session !== 'AM' && session !== 'PM') || !codes.has(code!)) assert.fail(`attendance line ${line}: ${[upn, urn, date, session, code]}`);
    // Within a pupil's block at a school, sessions strictly increase: no duplicates.
    const key = `${date}${session}`;
    if (`${upn},${urn}` === last) {
      if (key <= lastKey) assert.fail(`attendance line ${line}: ${key} after ${lastKey}`);
      block![1] = dayOf(date!);
    } else {
      block = [dayOf(date!), dayOf(date!)];
      const list = blocks.get(upn!) ?? [];
      list.push(block);
      blocks.set(upn!, list);
    }
    last = `${upn},${urn}`;
    lastKey = key;
  });
  // A pupil on two rolls in turn (excluded, moved) is never on both at once.
  for (const [upn, list] of blocks) {
    const sorted = list.slice().sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]![0] > sorted[i - 1]![1], `${upn} overlaps`);
  }
});

test('other files: identifiers, codes, dates and their order', () => {
  const urns = new Set(readRows(file('schools')).map((s) => s.urn));
  for (const s of readRows(file('suspensions-exclusions'))) {
    assert.equal(upnProblem(s.upn!), undefined);
    assert.ok(urns.has(s.urn) && isPupilDay(dayOf(s.start_date!)));
    if (s.category === 'permanent') assert.equal(s.sessions, '');
    else assert.ok(s.category === 'suspension' && Number(s.sessions) >= 1);
    assert.ok(['PP', 'PA', 'VP', 'VA', 'BU', 'RA', 'DA', 'DM', 'TH', 'PD', 'MT', 'SM', 'AB', 'AD', 'OT'].includes(s.reason!));
  }
  for (const c of readRows(file('camhs-referrals'))) {
    assert.equal(c.extract_date, result.period.extract);
    if (c.nhs_number) assert.equal(nhsNumberProblem(c.nhs_number), undefined);
    assert.ok(['accepted', 'signposted', 'declined'].includes(c.referral_outcome!));
    assert.ok({ QHM: 'RX4', QE1: 'RW5' }[c.icb_code!] === c.provider_code);
    const dates = [c.referral_date, c.first_contact_date, c.treatment_start_date].filter((d) => d);
    assert.deepEqual(dates, dates.slice().sort(), `CAMHS dates in order: ${dates}`);
    if (c.discharge_date) assert.ok(c.discharge_date >= c.referral_date!);
    if (c.referral_outcome !== 'accepted') assert.equal(c.treatment_start_date, '');
  }
  const domains = new Set(['communication', 'gross-motor', 'fine-motor', 'problem-solving', 'personal-social', 'emotional-health', 'hearing', 'vision', 'weight']);
  for (const h of readRows(file('health-checks'))) {
    assert.equal(nhsNumberProblem(h.nhs_number!), undefined);
    assert.ok(['antenatal', 'new-birth', '6-8-week', '1-year', '2-2.5-year', 'school-entry', 'year-6', 'year-9', '16-19'].includes(h.check!));
    assert.equal(h.completed_date === '', h.outcome === 'declined' || h.outcome === 'not-seen');
    assert.equal(h.domains !== '', h.outcome === 'concern' || h.outcome === 'referred');
    for (const d of h.domains ? h.domains.split(';') : []) assert.ok(domains.has(d), d);
  }
  for (const e of readRows(file('social-care'))) {
    assert.match(e.la_child_id!, /^CUM\d{7}$/);
    if (e.upn) assert.equal(upnProblem(e.upn), undefined);
    if (e.nhs_number) assert.equal(nhsNumberProblem(e.nhs_number), undefined);
    assert.ok(['CIN', 'CP', 'CLA', 'CME', 'EHE'].includes(e.status!));
    assert.ok(isDate(e.start_date!) && (!e.end_date || e.end_date >= e.start_date!));
  }
  for (const a of readRows(file('ap-placements'))) {
    assert.ok(urns.has(a.ap_urn));
    assert.equal(a.commissioner_urn === '', a.commissioner === 'la');
    assert.ok(['suspension', 'medical', 'behaviour-support', 'awaiting-place', 'sen', 'other'].includes(a.reason!));
    assert.equal(a.outcome === '', a.end_date === '');
    if (a.outcome) assert.ok(['reintegrated', 'new-school', 'special-school', 'ehe', 'post-16', 'other'].includes(a.outcome));
  }
  for (const p of readRows(file('post-16-activity'))) {
    assert.match(p.uln!, /^[1-9]\d{9}$/);
    assert.match(p.month!, /^20(24-(09|1[0-2])|25-\d{2}|26-0[1-8])$/);
    assert.ok((ACTIVITIES as readonly string[]).includes(p.activity!));
    if (p.upn) assert.equal(upnProblem(p.upn), undefined);
  }
});

test("each row's natural key (what makes a re-import idempotent) is unique", () => {
  const keys: Record<string, string[]> = {
    'school-census': ['census_date', 'urn', 'upn'],
    'suspensions-exclusions': ['upn', 'urn', 'start_date', 'category'],
    'camhs-referrals': ['provider_code', 'referral_id'],
    'health-checks': ['nhs_number', 'check', 'due_date'],
    'social-care': ['la_child_id', 'status', 'start_date'],
    'ap-placements': ['upn', 'ap_urn', 'start_date'],
    'post-16-activity': ['uln', 'upn', 'month'],
    schools: ['urn'],
    localities: ['postcode_prefix'],
  };
  for (const [dataset, columns] of Object.entries(keys)) {
    const rows = readRows(file(dataset));
    const seen = new Set(rows.map((r) => columns.map((c) => r[c]).join('|')));
    assert.equal(seen.size, rows.length, dataset);
  }
});

test('attendance looks like England: about 93% overall, special schools far lower, 19% persistently absent, more with SEN', () => {
  const type = new Map(readRows(file('schools')).map((s) => [s.urn!, s.type === 'mainstream' ? s.phase! : s.type!]));
  const provision = new Map<string, string>();
  eachRow(file('school-census'), ([date, , upn, , , , , , , sen]) => {
    if (date === '2024-10-03') provision.set(upn!, sen!);
  });
  const attending = new Set<string>([...ATTENDANCE_CODES.present, ...ATTENDANCE_CODES.approved]);
  const notPossible = new Set<string>(ATTENDANCE_CODES.notPossible);
  const byKind = new Map<string, [number, number]>();
  const byPupil = new Map<string, [number, number]>();
  eachRow(file('attendance'), ([upn, urn, date, , code]) => {
    if (notPossible.has(code!) || date! >= '2025-09-01') return;
    const a = attending.has(code!) ? 1 : 0;
    const k = byKind.get(type.get(urn!)!) ?? [0, 0];
    k[0] += a;
    k[1]++;
    byKind.set(type.get(urn!)!, k);
    const p = byPupil.get(upn!) ?? [0, 0];
    p[0] += a;
    p[1]++;
    byPupil.set(upn!, p);
  });
  const rate = (k: string) => byKind.get(k)![0] / byKind.get(k)![1];
  const all = [...byKind.values()].reduce((s, v) => [s[0] + v[0], s[1] + v[1]], [0, 0]);
  const overall = all[0] / all[1];
  assert.ok(overall > 0.915 && overall < 0.945, `overall attendance ${overall}`);
  assert.ok(rate('special') < rate('primary') - 0.05, `special ${rate('special')} vs primary ${rate('primary')}`);
  assert.ok(rate('ap') < 0.75, `AP ${rate('ap')}`);
  const pa = new Map<string, [number, number]>();
  for (const [upn, [a, p]] of byPupil) {
    if (p < 40) continue;
    for (const g of ['all', provision.get(upn) ?? 'N']) {
      const x = pa.get(g) ?? [0, 0];
      x[0] += 1 - a / p >= 0.1 ? 1 : 0;
      x[1]++;
      pa.set(g, x);
    }
  }
  const paRate = (g: string) => pa.get(g)![0] / pa.get(g)![1];
  assert.ok(paRate('all') > 0.15 && paRate('all') < 0.23, `persistent absence ${paRate('all')}`);
  assert.ok(paRate('K') > paRate('N') * 1.5 && paRate('E') > paRate('N') * 1.5, `PA K ${paRate('K')}, E ${paRate('E')}, N ${paRate('N')}`);
});

test('a developmental check concern is often later confirmed as SEN', () => {
  const sen = new Set<string>();
  eachRow(file('school-census'), ([, , , fore, sur, dob, , , , provision]) => {
    if (provision !== 'N') sen.add(`${fore}|${sur}|${dob}`);
  });
  for (const check of ['2-2.5-year', 'school-entry']) {
    const rows = readRows(file('health-checks')).filter((h) => h.check === check && h.completed_date);
    const share = (list: typeof rows) => list.filter((h) => sen.has(`${h.forename}|${h.surname}|${h.date_of_birth}`)).length / list.length;
    const concern = rows.filter((h) => h.outcome !== 'no-concern');
    const none = rows.filter((h) => h.outcome === 'no-concern');
    assert.ok(concern.length > 15, check);
    assert.ok(share(concern) > 2 * share(none), `${check}: ${share(concern)} of concerns vs ${share(none)} of others`);
  }
});

test('planted name and date-of-birth collisions: two pupils, and a social care row naming neither by number', () => {
  assert.ok(result.collisions.length >= 2);
  const census = readRows(file('school-census'));
  const care = readRows(file('social-care'));
  for (const c of result.collisions) {
    const pupils = new Set(census.filter((r) => r.forename === c.forename && r.surname === c.surname && r.date_of_birth === c.dateOfBirth).map((r) => r.upn));
    assert.deepEqual([...pupils].sort(), [...c.upns].sort());
    const rows = care.filter((r) => r.forename === c.forename && r.surname === c.surname && r.date_of_birth === c.dateOfBirth);
    assert.ok(rows.some((r) => !r.upn && !r.nhs_number && r.start_date === c.socialCareStart));
  }
  // Otherwise name and date of birth identify one person.
  const people = new Map<string, Set<string>>();
  for (const r of census) {
    const key = `${r.forename}|${r.surname}|${r.date_of_birth}`;
    people.set(key, (people.get(key) ?? new Set()).add(r.upn!));
  }
  assert.equal([...people.values()].filter((s) => s.size > 1).length, result.collisions.length);
});

test('clean by default; faults: true appends the listed bad rows', async () => {
  assert.deepEqual(result.faultRows, []);
  const faultDir = tempDir('area-faults');
  try {
    const withFaults = await generateArea({ scale: 0.01, seed: 11, outDir: faultDir, faults: true });
    assert.ok(withFaults.faultRows.length >= DATASETS.length);
    for (const f of withFaults.faultRows) {
      const lines = fs.readFileSync(path.join(faultDir, `${f.dataset}.csv`), 'utf8').split('\n');
      const header = lines[0]!.split(',');
      const fields = lines[f.line - 1]!.split(',');
      assert.equal(fields[header.indexOf(f.column)], f.value, `${f.dataset} line ${f.line}`);
    }
    const census = withFaults.faultRows.find((f) => f.dataset === 'school-census' && f.column === 'upn')!;
    assert.ok(upnProblem(census.value));
    const camhs = withFaults.faultRows.find((f) => f.dataset === 'camhs-referrals' && f.column === 'nhs_number')!;
    assert.ok(nhsNumberProblem(camhs.value));
  } finally {
    fs.rmSync(faultDir, { recursive: true, force: true });
  }
});
