import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describeApp } from '../support/context.js';
import { demoEmail } from '../../src/demo/platform.seed.js';
import { seedEhcDemo } from '../../src/demo/ehc.seed.js';
import { seedAreaData } from '../../src/demo/area.seed.js';
import type { Role } from '../../src/platform/access/roles.js';
import { importDfeStatistics } from '../../src/features/indicators/dfe/dfe-import.js';
import { ALL_ROLES } from '../../src/platform/access/roles.js';
import { INDICATOR_ROLES } from '../../src/features/indicators/indicators.access.js';

const EXTERNAL = path.resolve('../shared/data/external');
const FILES = {
  timeliness: path.join(EXTERNAL, 'sen2-ehcp-2025/data/timeliness_20_week.csv'),
  caseload: path.join(EXTERNAL, 'sen2-ehcp-2025/data/caseload.csv'),
  requests: path.join(EXTERNAL, 'sen2-ehcp-2025/data/requests.csv'),
  attendance: path.join(EXTERNAL, 'attendance-2025-26/EES_ytd_data.csv'),
};
const TODAY = '2026-11-24';

/** A plain reading of a published file, independent of the importer: rows as objects with lower-case keys. */
function publishedRows(file: string): Record<string, string>[] {
  const split = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') out.push(cur), (cur = '');
      else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const [head, ...lines] = readFileSync(file, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter(Boolean);
  const keys = split(head!).map((k) => k.toLowerCase());
  return lines.map((l) => Object.fromEntries(split(l).map((v, i) => [keys[i]!, v])));
}

describeApp('indicators: the store, the API and the DfE benchmarks', (ctx) => {
  const tokens = new Map<Role, string>();
  async function api(role: Role | null, url: string) {
    const { s } = ctx();
    if (role && !tokens.has(role)) {
      const u = await s.users.findByEmail(s.db, demoEmail(role));
      tokens.set(role, (await s.apiTokens.create(s.db, u!.id, 'test')).token);
    }
    return ctx().client().request('GET', url, role ? { headers: { authorization: `Bearer ${tokens.get(role)}` } } : {});
  }
  const get = async (url: string, role: Role = 'analyst') => {
    const res = await api(role, url);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  before(async () => {
    const { s } = ctx();
    await seedEhcDemo(s);
    await seedAreaData(s.db, { scale: 0.01, seed: 3 });
    for (const f of Object.values(FILES)) {
      const summary = await importDfeStatistics(s.db, f);
      assert.deepEqual(summary.problems, [], f);
    }
    await s.indicators.recompute(s.db, TODAY);
  });

  test('the list names every indicator the issue asks for, with its definition', async () => {
    const { indicators } = await get('/api/v1/indicators');
    const ids = new Set(indicators.map((i: { id: string }) => i.id));
    for (const id of [
      'ehcp-issued-within-20-weeks', 'ehcp-issued-within-20-weeks-excluding-exceptions', 'ehc-decision-within-6-weeks', 'advice-on-time',
      'plans-with-health-contribution', 'plans-with-social-care-contribution', 'annual-reviews-on-time', 'attendance-rate', 'persistent-absence',
      'severe-absence', 'suspension-rate', 'permanent-exclusion-rate', 'one-or-more-suspensions', 'camhs-waiting', 'camhs-median-wait-first-contact',
      'camhs-p90-wait-first-contact', 'camhs-median-wait-treatment', 'camhs-p90-wait-treatment', 'health-check-coverage',
      'health-check-concern-confirmed-send', 'children-in-ap', 'ap-median-length', 'ap-reintegration', 'neet-rate',
      'post16-in-education-employment-training', 'sen-support-rate', 'ehcp-rate',
    ]) assert.ok(ids.has(id), `${id} is listed`);
    for (const i of indicators) assert.ok(i.name && i.definition.length > 40, `${i.id} has a definition`);
    const openapi = (await api(null, '/api/v1/openapi.json')).json();
    assert.ok(openapi.paths['/api/v1/indicators'] && openapi.paths['/api/v1/indicators/{id}'], 'both are in the OpenAPI document');
  });

  test('attendance for the year equals the sessions in the rollups, counted another way', async () => {
    const { s } = ctx();
    const direct = await sql<{ attending: number; possible: number }>`
      select sum(attending)::bigint as attending, sum(possible)::bigint as possible from attendance_weeks
      where week_start >= '2025-09-01' and week_start <= '2026-08-31'`.execute(s.db);
    const { attending, possible } = direct.rows[0]!;
    const body = await get('/api/v1/indicators/attendance-rate?period=202526');
    assert.equal(body.area, 'E06000063');
    assert.equal(body.values.length, 1);
    const v = body.values[0];
    assert.equal(v.numerator, Number(attending));
    assert.equal(v.denominator, Number(possible));
    assert.ok(Math.abs(v.rate - (100 * Number(attending)) / Number(possible)) < 1e-9);
    assert.equal(v.suppressed, false);
  });

  test('breakdowns give a row per group, and small groups are suppressed with no figures', async () => {
    const bySen = await get('/api/v1/indicators/persistent-absence?period=202526&breakdown=sen-provision');
    const groups = bySen.values.map((v: { breakdownValue: string }) => v.breakdownValue).sort();
    assert.deepEqual(groups, ['E', 'K', 'N']);
    const total = await get('/api/v1/indicators/persistent-absence?period=202526');
    const shown = bySen.values.filter((v: { suppressed: boolean }) => !v.suppressed);
    if (shown.length === 3) assert.equal(shown.reduce((a: number, v: { denominator: number }) => a + v.denominator, 0), total.values[0].denominator);
    const bySchool = await get('/api/v1/indicators/ehcp-rate?period=202526&breakdown=school');
    assert.ok(bySchool.values.length > 1);
    for (const v of bySchool.values) {
      if (v.suppressed) assert.deepEqual([v.numerator, v.denominator, v.rate], [null, null, null]);
      else assert.ok(v.numerator === 0 || v.numerator >= 5, `a shown count is 0 or at least 5, not ${v.numerator}`);
    }
  });

  test('the EHC measures come from casework: every plan issued in a year is counted once', async () => {
    const { s } = ctx();
    const body = await get('/api/v1/indicators/ehcp-issued-within-20-weeks');
    assert.ok(body.values.length > 0);
    for (const v of body.values) {
      const issued = await s.db
        .selectFrom('ehc_requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('final_issued_on', '>=', `${v.period}-01-01`)
        .where('final_issued_on', '<=', `${v.period}-12-31`)
        .executeTakeFirstOrThrow();
      if (!v.suppressed) assert.equal(v.denominator, Number(issued.n), v.period);
    }
  });

  test('post-16 NEET and CAMHS waiting equal the records counted another way', async () => {
    const { s } = ctx();
    const direct = await sql<{ month: string; neet: number; known: number }>`
      select month, count(*) filter (where activity = 'neet')::int as neet, count(*) filter (where activity <> 'unknown')::int as known
      from post16_activity group by month order by month desc limit 1`.execute(s.db);
    const { month, neet, known } = direct.rows[0]!;
    const body = await get(`/api/v1/indicators/neet-rate?period=${month}`);
    const v = body.values[0];
    if (v.suppressed) assert.ok(neet < 5 || known < 5);
    else assert.deepEqual([v.numerator, v.denominator], [neet, known]);

    const extract = await sql<{ waiting: number; at: string }>`
      select count(*) filter (where first_contact_date is null and discharge_date is null and coalesce(referral_outcome, '') not in ('signposted', 'declined'))::int as waiting,
        max(extract_date)::text as at from camhs_referrals`.execute(s.db);
    const at = extract.rows[0]!.at.slice(0, 7);
    const waiting = (await get(`/api/v1/indicators/camhs-waiting?period=${at}`)).values[0];
    if (!waiting.suppressed) assert.equal(waiting.rate, extract.rows[0]!.waiting, 'waiting at the extract: no first contact, not discharged, not signposted or declined');
  });

  test('published figures equal the files’ own: Cumberland, England, the North West and another area', async () => {
    const timeliness = publishedRows(FILES.timeliness).filter((r) => r.time_period === '2024' && r.breakdown_topic === 'All EHC plans issued');
    const row = (code: string) => timeliness.find((r) => (r.new_la_code || r.region_code || r.country_code) === code && (code.startsWith('E92') ? r.geographic_level === 'National' : code.startsWith('E12') ? r.geographic_level === 'Regional' : true))!;
    const body = await get('/api/v1/indicators/ehcp-issued-within-20-weeks?period=2024');
    const by = (role: string, code?: string) => body.benchmarks.find((b: { role: string; areaCode: string }) => b.role === role && (!code || b.areaCode === code));
    for (const [role, code] of [['area', 'E06000063'], ['england', 'E92000001'], ['region', 'E12000002'], ['comparator', 'E06000057']] as const) {
      const b = by(role, code);
      assert.ok(b, `${role} ${code} is there`);
      assert.equal(b.value, Number(row(code).pc_plans_issued_within_20_weeks), `${code} value`);
      assert.equal(b.numerator, Number(row(code).plans_issued_within_20_weeks), `${code} numerator`);
      assert.equal(b.denominator, Number(row(code).plans_issued_den), `${code} denominator`);
    }
    // The excluding-exceptions column is PC_… in upper case in the file.
    const ex = await get('/api/v1/indicators/ehcp-issued-within-20-weeks-excluding-exceptions?period=2024');
    assert.equal(ex.benchmarks.find((b: { role: string }) => b.role === 'area').value, Number(row('E06000063').pc_plans_issued_20_weeks_ex));

    const other = await get('/api/v1/indicators/ehc-decision-within-6-weeks?area=E08000030&period=2023');
    const walsall = publishedRows(FILES.requests).find((r) => r.time_period === '2023' && r.new_la_code === 'E08000030' && r.breakdown_topic === 'All requests for EHC needs assessments')!;
    const own = other.benchmarks.find((b: { role: string }) => b.role === 'area');
    assert.equal(own.areaName, 'Walsall');
    if (walsall.request_outcome_six_weeks_pc === 'x') assert.equal(own.marker, 'x');
    else assert.equal(own.value, Number(walsall.request_outcome_six_weeks_pc));

    const attendance = publishedRows(FILES.attendance).find((r) => r.new_la_code === 'E06000063' && r.education_phase === 'Total')!;
    const att = await get('/api/v1/indicators/attendance-rate?period=202526');
    const cumberland = att.benchmarks.find((b: { role: string }) => b.role === 'area');
    assert.equal(cumberland.value, Number(attendance.attendance_perc));
    assert.equal(cumberland.denominator, Number(attendance.possible_sessions));

    const caseload = publishedRows(FILES.caseload).find((r) => r.time_period === '202425' && r.new_la_code === 'E06000063' && r.breakdown_topic === 'All EHC plans')!;
    const plans = await get('/api/v1/indicators/ehc-plans-maintained?period=202425');
    assert.equal(plans.benchmarks.find((b: { role: string }) => b.role === 'area').value, Number(caseload.ehcplans));
  });

  test('a figure the DfE withheld keeps its marker and has no value', async () => {
    const { s } = ctx();
    const marked = await s.db.selectFrom('benchmark_values').selectAll().where('marker', 'is not', null).limit(5).execute();
    assert.ok(marked.length > 0);
    for (const m of marked) {
      assert.equal(m.value, null);
      assert.match(m.marker!, /^(x|c|z|low|u)$/);
    }
  });

  test('bad parameters are refused with a message naming the field; an unknown indicator is not found', async () => {
    const cases: [string, RegExp][] = [
      ['/api/v1/indicators/attendance-rate?period=2024-25', /period/],
      ['/api/v1/indicators/attendance-rate?period=2025', /academic year: give a period such as 202526/],
      ['/api/v1/indicators/ehcp-issued-within-20-weeks?period=202425', /calendar year/],
      ['/api/v1/indicators/attendance-rate?breakdown=star-sign', /breakdown/],
      ['/api/v1/indicators/neet-rate?breakdown=school', /no breakdown by school/],
      ['/api/v1/indicators/attendance-rate?area=Cumberland', /area/],
      ['/api/v1/indicators/attendance-rate?colour=red', /colour|additional/],
    ];
    for (const [url, message] of cases) {
      const res = await api('analyst', url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().error.code, 'validation_failed', url);
      assert.match(JSON.stringify(res.json().error), message, url);
    }
    const missing = await api('analyst', '/api/v1/indicators/no-such-thing');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'not_found');
  });

  test('only the roles that see aggregate figures may read them', async () => {
    for (const role of ALL_ROLES) {
      const res = await api(role, '/api/v1/indicators/attendance-rate');
      assert.equal(res.statusCode, INDICATOR_ROLES.includes(role) ? 200 : 403, role);
    }
    assert.equal((await api(null, '/api/v1/indicators')).statusCode, 401);
  });

  test('a recompute replaces the values: the same figures, none left over', async () => {
    const { s } = ctx();
    const count = async () => Number((await s.db.selectFrom('indicator_values').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const again = await s.indicators.recompute(s.db, TODAY);
    assert.equal(await count(), before);
    assert.equal(again.stored, before);
  });

  test('a DfE file with a value that is neither a number nor a marker loads nothing', async () => {
    const { s } = ctx();
    const dir = mkdtempSync(path.join(tmpdir(), 'dfe-'));
    try {
      const lines = readFileSync(FILES.timeliness, 'utf8').split('\n');
      const i = lines.findIndex((l) => l.includes('E06000063') && l.startsWith('2024') && l.includes('All EHC plans issued,All EHC plans issued'));
      lines[i] = lines[i]!.replace(/All EHC plans issued,All EHC plans issued,(\d+)/, 'All EHC plans issued,All EHC plans issued,lots');
      const bad = path.join(dir, 'timeliness.csv');
      writeFileSync(bad, lines.join('\n'));
      const before = await s.db.selectFrom('benchmark_values').select(['value', 'imported_at']).where('area_code', '=', 'E06000063').where('period', '=', '2024').where('indicator_id', '=', 'ehcp-issued-within-20-weeks').executeTakeFirstOrThrow();
      const summary = await importDfeStatistics(s.db, bad);
      assert.equal(summary.stored, 0);
      assert.equal(summary.problems.length, 1);
      assert.equal(summary.problems[0]!.line, i + 1);
      assert.equal(summary.problems[0]!.column, 'plans_issued_den');
      const after = await s.db.selectFrom('benchmark_values').select(['value', 'imported_at']).where('area_code', '=', 'E06000063').where('period', '=', '2024').where('indicator_id', '=', 'ehcp-issued-within-20-weeks').executeTakeFirstOrThrow();
      assert.deepEqual(after, before);
      const unknown = path.join(dir, 'other.csv');
      writeFileSync(unknown, 'time_period,geographic_level,something\n2024,National,1\n');
      await assert.rejects(importDfeStatistics(s.db, unknown), /not a DfE file this importer knows/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
