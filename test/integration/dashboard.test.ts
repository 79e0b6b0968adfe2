import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp, type TestClient } from '../support/context.js';
import type { Role } from '../../src/platform/access/roles.js';
import { pdfText } from './plans-support.js';

/**
 * The dashboard's pages on figures put straight into the indicator store (the indicator
 * library's own tests cover computing them): a trend with a suppressed year, a breakdown by
 * locality with a suppressed group, CAMHS waits by locality and provider, and the DfE's
 * published benchmarks for England, the North West, Cumberland and a comparator.
 */
const AREA = 'E06000063';
type Row = { id: string; period: string; breakdown?: string; group?: string; n?: number | null; d?: number | null; value: number | null; suppressed?: boolean };

const VALUES: Row[] = [
  { id: 'ehcp-issued-within-20-weeks', period: '2023', n: 40, d: 100, value: 40 },
  { id: 'ehcp-issued-within-20-weeks', period: '2024', value: null, suppressed: true },
  { id: 'ehcp-issued-within-20-weeks', period: '2025', n: 55, d: 110, value: 50 },
  { id: 'ehcp-issued-within-20-weeks', period: '2025', breakdown: 'locality', group: 'Allerdale', n: 20, d: 40, value: 50 },
  { id: 'ehcp-issued-within-20-weeks', period: '2025', breakdown: 'locality', group: 'Carlisle', n: 33, d: 60, value: 55 },
  { id: 'ehcp-issued-within-20-weeks', period: '2025', breakdown: 'locality', group: 'Millom', value: null, suppressed: true },
  { id: 'ehcp-issued-within-20-weeks', period: '2025', breakdown: 'locality', group: '=HYPERLINK("x")', n: 2 * 5, d: 20, value: 50 },
  { id: 'ehcp-issued-within-20-weeks', period: '2023', breakdown: 'locality', group: 'Carlisle', n: 12, d: 40, value: 30 },
  { id: 'camhs-waiting', period: '2026-04', value: 110, n: 110 },
  { id: 'camhs-waiting', period: '2026-05', value: 120, n: 120 },
  { id: 'camhs-waiting', period: '2026-05', breakdown: 'locality', group: 'Millom', value: 14, n: 14 },
  { id: 'camhs-waiting', period: '2026-05', breakdown: 'locality', group: 'Carlisle', value: 61, n: 61 },
  { id: 'camhs-waiting', period: '2026-05', breakdown: 'provider', group: 'Lancashire and South Cumbria NHS Foundation Trust', value: 14, n: 14 },
  { id: 'camhs-median-wait-first-contact', period: '2026-05', d: 80, value: 35 },
  { id: 'camhs-median-wait-first-contact', period: '2026-05', breakdown: 'locality', group: 'Millom', d: 12, value: 49 },
  { id: 'camhs-median-wait-first-contact', period: '2026-05', breakdown: 'locality', group: 'Carlisle', value: null, suppressed: true },
  { id: 'sen-support-rate', period: '202526', n: 5301, d: 38400, value: 13.8 },
];

const BENCHMARKS = [
  { code: 'E92000001', name: 'England', level: 'national', period: '2023', value: 50.3 },
  { code: 'E92000001', name: 'England', level: 'national', period: '2024', value: 46.4 },
  { code: 'E12000002', name: 'North West', level: 'regional', period: '2024', value: 48.1 },
  { code: AREA, name: 'Cumberland', level: 'la', period: '2024', value: 38.5 },
  { code: 'E06000057', name: 'Northumberland', level: 'la', period: '2024', value: null, marker: 'x' },
] as const;

describeApp('dashboard: pages, filters, CSV and the board report', (ctx) => {
  const clients = new Map<Role, TestClient>();
  const as = async (role: Role) => {
    if (!clients.has(role)) clients.set(role, await ctx().signedIn(role));
    return clients.get(role)!;
  };
  const page = async (url: string, role: Role = 'partnership-leader') => (await as(role)).get(url);

  test('set-up: figures in the store, and the DfE’s published figures', async () => {
    const { s } = ctx();
    await s.db
      .insertInto('indicator_values')
      .values(
        VALUES.map((v) => ({
          indicator_id: v.id,
          area_code: AREA,
          period: v.period,
          breakdown: v.breakdown ?? '',
          breakdown_value: v.group ?? '',
          numerator: v.n ?? null,
          denominator: v.d ?? null,
          value: v.value,
          suppressed: v.suppressed ?? false,
        })),
      )
      .execute();
    await s.db
      .insertInto('benchmark_values')
      .values(
        BENCHMARKS.map((b) => ({
          indicator_id: 'ehcp-issued-within-20-weeks',
          source: 'sen2-timeliness',
          measure: 'pc_plans_issued_within_20_weeks',
          geographic_level: b.level,
          area_code: b.code,
          area_name: b.name,
          period: b.period,
          value: b.value,
          numerator: null,
          denominator: null,
          marker: 'marker' in b ? b.marker : null,
          file_name: 'timeliness_20_week.csv',
        })),
      )
      .execute();
  });

  test('the headline page sets the strategy’s current position beside the live measures', async () => {
    const res = await page('/dashboard');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Where we started, and where we are now/);
    // The strategy's figure, England's then, and the live measure now.
    assert.match(res.body, /Children and young people receiving SEN Support<\/th>\s*<td[^>]*>5,223 \(13\.6%\)/);
    assert.match(res.body, /13\.8%<span class="app-cell-detail">5,301 of 38,400<\/span><span class="app-cell-detail">2025\/26<\/span>/);
    assert.match(res.body, /href="\/dashboard\/indicators\/sen-support-rate">Pupils on SEN support<\/a>/);
    // New plans: the strategy's 428 in 2023 beside the count of plans issued in the latest year.
    assert.match(res.body, /New EHC plans issued in the year<\/th>\s*<td[^>]*>428<span class="app-cell-detail">2023, an increase of 14\.4% from 2022/);
    assert.match(res.body, />110<span class="app-cell-detail">2025<\/span>/);
    // Priorities, with each measure's latest figure and change.
    assert.match(res.body, /Priority 3: Improving outcomes/);
    assert.match(res.body, /Area for improvement 2: Understanding the impact of our work/);
    assert.match(res.body, /EHC plans issued within 20 weeks \(including exceptions\)<\/a><\/th>\s*<td[^>]*>50\.0%/);
    assert.match(res.body, /Target 60\.0% by 2026: not met yet/);
    assert.match(res.body, /href="\/dashboard\/themes\/camhs">CAMHS waits<\/a>/);
    assert.match(res.body, /<a class="govuk-service-navigation__link" href="\/dashboard" aria-current="true">/);
  });

  test('an indicator page: the trend chart with its table, a gap for the suppressed year, the breakdown and the benchmarks', async () => {
    const res = await page('/dashboard/indicators/ehcp-issued-within-20-weeks');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.body;
    assert.match(body, /<svg [^>]*role="img" aria-labelledby="trend-ehcp-issued-within-20-weeks-title trend-ehcp-issued-within-20-weeks-desc"/);
    assert.match(body, /<desc [^>]*>[^<]*Cumberland: 40\.0% in 2023, 50\.0% in 2025\.[^<]*Not shown, because fewer than 5 children were counted: 2024\./);
    assert.match(body, /Cumberland: <strong class="app-key-figure">50\.0%<\/strong> \(55 of 110\) in 2025\./);
    // The trend table: newest first; 2024 suppressed in words; England and the North West beside it.
    const trend = /<caption[^>]*id="trend-table-caption">[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
    assert.match(trend, /<th scope="col"[^>]*>Cumberland<\/th>\s*<th scope="col"[^>]*>England<\/th>\s*<th scope="col"[^>]*>North West<\/th>/);
    assert.match(trend, />2025<\/th>\s*<td[^>]*>50\.0%<span class="app-cell-detail">55 of 110<\/span><\/td>\s*<td[^>]*>no figure<\/td>/);
    assert.match(trend, />2024<\/th>\s*<td[^>]*><span class="app-suppressed">fewer than 5 children: not shown<\/span><\/td>\s*<td[^>]*>46\.4%<\/td>\s*<td[^>]*>48\.1%<\/td>/);
    assert.match(trend, />2023<\/th>\s*<td[^>]*>40\.0%<span class="app-cell-detail">40 of 100<\/span><\/td>\s*<td[^>]*>50\.3%<\/td>/);
    // The breakdown by locality for 2025, with Millom in words, and its bar chart.
    assert.match(body, /By locality, 2025/);
    assert.match(body, />Millom<\/th><td[^>]*><span class="app-suppressed">fewer than 5 children: not shown<\/span>/);
    assert.match(body, />Carlisle<\/th><td[^>]*>55\.0%<span class="app-cell-detail">33 of 60<\/span>/);
    assert.match(body, /<svg [^>]*aria-labelledby="breakdown-ehcp-issued-within-20-weeks-title/);
    // No benchmarks are published for 2025 yet: a sentence, not a list of empty rows.
    assert.match(body, /Beside England, the region and similar areas, 2025/);
    assert.match(body, /has published no figures for 2025 for this measure yet/);
    assert.ok(!body.includes('>Northumberland</th>'));
    assert.match(body, /How it is counted/);
    assert.match(body, /New EHC plans issued in the calendar year within 20 weeks/);
    assert.match(body, /Says nothing about the quality of the plan/);
    assert.match(body, /Download these figures as a spreadsheet \(CSV\)/);
  });

  test('filters in the URL: a period, a locality to follow, and the benchmarks for that period', async () => {
    const y2024 = await page('/dashboard/indicators/ehcp-issued-within-20-weeks?period=2024');
    assert.equal(y2024.statusCode, 200);
    assert.match(y2024.body, /<option value="2024" selected>2024<\/option>/);
    assert.match(y2024.body, /Cumberland \(published by the DfE\)<\/th><td[^>]*>38\.5%/);
    assert.match(y2024.body, />England<\/th><td[^>]*>46\.4%/);
    assert.match(y2024.body, />Northumberland<\/th><td[^>]*>not available/);
    assert.match(y2024.body, /There are no figures by locality for 2024\./);

    const carlisle = await page('/dashboard/indicators/ehcp-issued-within-20-weeks?locality=Carlisle');
    assert.equal(carlisle.statusCode, 200);
    assert.match(carlisle.body, /<h2 class="govuk-heading-m" id="trend">Carlisle over time<\/h2>/);
    assert.match(carlisle.body, /<option value="Carlisle" selected>Carlisle<\/option>/);
    const trend = /<caption[^>]*id="trend-table-caption">[\s\S]*?<\/table>/.exec(carlisle.body)?.[0] ?? '';
    assert.match(trend, />Carlisle<\/th>\s*<th scope="col"[^>]*>Cumberland, everyone<\/th>/);
    assert.match(trend, />2023<\/th>\s*<td[^>]*>30\.0%<span class="app-cell-detail">12 of 40<\/span><\/td>\s*<td[^>]*>40\.0%/);
    // A school year written as people write it.
    const sen = await page('/dashboard/indicators/sen-support-rate?period=2025%2F26');
    assert.equal(sen.statusCode, 200);
    assert.match(sen.body, /<option value="202526" selected>2025\/26<\/option>/);
  });

  test('bad filters: 400 with the GOV.UK error summary naming the field, the value kept and escaped, never a 500', async () => {
    const cases: [string, string, RegExp][] = [
      ['period=1999', 'period', /There are no figures for 1999\. Choose a period from 2023 to 2025/],
      ['period=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'period', /Enter the period as a year \(2024\)/],
      ['breakdown=shoe-size', 'breakdown', /Choose a breakdown from the list: “shoe-size” is not one of them/],
      ['breakdown=school', 'breakdown', /This page has no figures by school\. Choose from: Locality/],
      ['locality=Atlantis', 'locality', /There are no figures for the locality “Atlantis”/],
      ['locality=Carlisle&cohort=E', 'cohort', /Choose one group to follow/],
      ['period=2024&period=2025', 'period', /The period must be sent once, as text/],
    ];
    for (const [query, field, message] of cases) {
      const res = await page(`/dashboard/indicators/ehcp-issued-within-20-weeks?${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.match(res.body, /<title>Error: /, query);
      assert.match(res.body, new RegExp(`<a href="#${field}">`), query);
      assert.match(res.body, message, query);
      assert.ok(!res.body.includes('<script>alert(1)'), query);
    }
    const csv = await page('/dashboard/indicators/ehcp-issued-within-20-weeks/data.csv?period=1999');
    assert.equal(csv.statusCode, 400);
    assert.match(csv.body, /period: There are no figures for 1999/);
    const theme = await page('/dashboard/themes/camhs?breakdown=fsm');
    assert.equal(theme.statusCode, 400);
    assert.match(theme.body, /This page has no figures by free school meals/);
    for (const url of ['/dashboard/indicators/no-such-thing', '/dashboard/themes/nope', '/dashboard/priorities/7', '/dashboard/indicators/no-such-thing/data.csv']) {
      assert.equal((await page(url)).statusCode, 404, url);
    }
  });

  test('the CSV download: every figure of the view, suppressed ones blank and marked, benchmarks beside them, no formulas', async () => {
    const res = await page('/dashboard/indicators/ehcp-issued-within-20-weeks/data.csv?period=2025&breakdown=locality');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="ehcp-issued-within-20-weeks-2025\.csv"/);
    const lines = res.body.trimEnd().split('\r\n');
    assert.equal(lines[0], 'indicator_id,indicator,unit,source,area_code,area_name,period,period_label,breakdown,group,group_label,numerator,denominator,value,suppressed,note');
    const name = 'EHC plans issued within 20 weeks (including exceptions)';
    assert.ok(lines.includes(`ehcp-issued-within-20-weeks,${name},percent,computed,${AREA},Cumberland,2025,2025,,,,55,110,50,no,`));
    assert.ok(lines.includes(`ehcp-issued-within-20-weeks,${name},percent,computed,${AREA},Cumberland,2024,2024,,,,,,,yes,fewer than 5 children: not shown`));
    assert.ok(lines.includes(`ehcp-issued-within-20-weeks,${name},percent,computed,${AREA},Cumberland,2025,2025,locality,Millom,Millom,,,,yes,fewer than 5 children: not shown`));
    assert.ok(lines.includes(`ehcp-issued-within-20-weeks,${name},percent,DfE sen2-timeliness,E92000001,England,2024,2024,,,,,,46.4,no,`));
    assert.ok(lines.includes(`ehcp-issued-within-20-weeks,${name},percent,DfE sen2-timeliness,E06000057,Northumberland,2024,2024,,,,,,,yes,not available`));
    // A group named like a formula is text in a spreadsheet.
    assert.ok(lines.some((l) => l.includes(`locality,"'=HYPERLINK(""x"")","'=HYPERLINK(""x"")",10,20,50,no,`)), res.body);
    const priority = await page('/dashboard/priorities/aif2/data.csv');
    assert.equal(priority.statusCode, 200);
    assert.match(priority.body, /^indicator_id,/);
    assert.equal(priority.body.match(/^indicator_id,/gm)?.length, 1, 'one header');
    assert.match(priority.body, /camhs-waiting,Children waiting for a first CAMHS contact,count,computed,E06000063,Cumberland,2026-05,May 2026,,,,120,,120,no,/);
  });

  test('many schools: the table lists the 100 furthest from good, the school filter is a box for the URN, the CSV has every school', async () => {
    const { s } = ctx();
    // 105 schools' attendance in 2025/26: school 100000+i attends 80 + i/10 per cent; one suppressed.
    await s.db
      .insertInto('indicator_values')
      .values([
        { indicator_id: 'attendance-rate', area_code: AREA, period: '202526', numerator: 9000, denominator: 10000, value: 90 },
        ...Array.from({ length: 105 }, (_, i) => ({
          indicator_id: 'attendance-rate', area_code: AREA, period: '202526', breakdown: 'school', breakdown_value: String(100000 + i),
          numerator: i === 0 ? null : 800 + i, denominator: i === 0 ? null : 1000, value: i === 0 ? null : 80 + i / 10, suppressed: i === 0,
        })),
      ])
      .execute();
    const res = await page('/dashboard/indicators/attendance-rate?breakdown=school');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /The 100 schools with the lowest figures, of 105, are shown, lowest first\. The CSV download has them all\./);
    const rows = [...res.body.matchAll(/<th scope="row" class="govuk-table__header">School (\d+)<\/th>/g)].map((m) => m[1]);
    assert.equal(rows.length, 100);
    assert.equal(rows[0], '100001', 'the lowest first');
    assert.ok(!rows.includes('100000'), 'the suppressed school is after every figure, so not among the 100');
    assert.ok(!rows.includes('100104'), 'the highest is not shown');
    assert.match(res.body, /<input class="govuk-input govuk-input--width-10" id="school" name="school" type="text"/);
    const one = await page('/dashboard/indicators/attendance-rate?school=100104');
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /id="trend">School 100104 over time/);
    const unknown = await page('/dashboard/indicators/attendance-rate?school=999999');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /There are no figures for the school “999999”/);
    const csv = await page('/dashboard/indicators/attendance-rate/data.csv?breakdown=school');
    assert.equal(csv.body.match(/,school,\d+,/g)?.length, 105);
  });

  test('the CAMHS waits page: numbers waiting and waits by locality, the border area Millom included, and by provider', async () => {
    const res = await page('/dashboard/themes/camhs');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /By locality, May 2026/);
    assert.match(res.body, />Millom<\/th>\s*<td[^>]*>14<\/td>\s*<td[^>]*>49 days<span class="app-cell-detail">12 counted<\/span><\/td>/);
    assert.match(res.body, />Carlisle<\/th>\s*<td[^>]*>61<\/td>\s*<td[^>]*><span class="app-suppressed">fewer than 5 children: not shown<\/span>/);
    assert.match(res.body, />All of Cumberland<\/th>\s*<td[^>]*>120<\/td>\s*<td[^>]*>35 days/);
    const provider = await page('/dashboard/themes/camhs?breakdown=provider&period=2026-05');
    assert.equal(provider.statusCode, 200);
    assert.match(provider.body, />Lancashire and South Cumbria NHS Foundation Trust<\/th>\s*<td[^>]*>14<\/td>/);
    for (const key of ['health-checks', 'attendance', 'ehc', 'ap']) {
      const theme = await page(`/dashboard/themes/${key}`);
      assert.equal(theme.statusCode, 200, key);
    }
  });

  test('a priority page: each measure with its trend chart and table', async () => {
    const res = await page('/dashboard/priorities/3');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="govuk-heading-l">Priority 3: Improving outcomes<\/h1>/);
    assert.match(res.body, /<svg [^>]*aria-labelledby="trend-ehcp-issued-within-20-weeks-title/);
    assert.match(res.body, /href="\/dashboard\/priorities\/3\/data\.csv"/);
    assert.equal((await page('/dashboard/priorities/aif1')).statusCode, 200);
  });

  test('the board report for a period: HTML to print, and a PDF', async () => {
    const res = await page('/dashboard/report?period=2025');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /<h1 class="govuk-heading-l">Board report: 2025<\/h1>/);
    assert.match(res.body, /Figures as at 31 December 2025/);
    assert.match(res.body, /EHC plans issued within 20 weeks \(including exceptions\)<\/th>\s*<td[^>]*>50\.0%/);
    // CAMHS figures of 2026 had not begun by the end of 2025.
    assert.match(res.body, /Children waiting for a first CAMHS contact<\/th>\s*<td[^>]*>no figure yet/);
    assert.match(res.body, /Where we started: the strategy’s current position/);
    assert.match(res.body, /The action plan/);
    assert.match(res.body, /href="\/dashboard\/report\.pdf\?period=2025"/);

    const pdf = await page('/dashboard/report.pdf?period=2025');
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /board-report-2025\.pdf/);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    assert.match(text, /Cumberland SEND and AP Partnership Board report: 2025/);
    assert.match(text, /EHC plans issued within 20 weeks \(including exceptions\): 50\.0% in 2025 \(55 of 110\)/);
    assert.match(text, /Where we started/);
    assert.match(text, /The action plan/);
    assert.match(pdf.rawPayload.toString('latin1'), /\/StructTreeRoot/);

    const bad = await page('/dashboard/report?period=soon');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Error: /);
    assert.match(bad.body, /Enter the period as a year \(2025\)/);
    const future = await page('/dashboard/report?period=2099');
    assert.equal(future.statusCode, 400);
    assert.match(future.body, /2099 has not started yet/);
    assert.equal((await page('/dashboard/report.pdf?period=soon')).statusCode, 400);
    // No period: the current school year.
    assert.equal((await page('/dashboard/report')).statusCode, 200);
  });

  test('who may read it: leaders, analysts, casework managers, the DCO and forum members; not families or case officers', async () => {
    for (const role of ['analyst', 'casework-manager', 'designated-clinical-officer', 'forum-member'] as Role[]) {
      assert.equal((await page('/dashboard/indicators/ehcp-issued-within-20-weeks', role)).statusCode, 200, role);
    }
    for (const role of ['family', 'casework-officer', 'senco', 'health-professional'] as Role[]) {
      assert.equal((await page('/dashboard', role)).statusCode, 403, role);
      assert.equal((await page('/dashboard/indicators/ehcp-issued-within-20-weeks/data.csv', role)).statusCode, 403, role);
    }
    const anonymous = await ctx().client().get('/dashboard/report.pdf');
    assert.equal(anonymous.statusCode, 303);
  });
});
