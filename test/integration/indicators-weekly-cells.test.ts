/**
 * The weekly attendance cells kept between recomputes (ADR 0017): after each kind of change (a
 * day's import, an undo, a census that moves a pupil between cohorts, nothing at all) the
 * recompute does only the work the change calls for, and its figures are the same as an
 * aggregate afresh over every pupil-week.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { addDays, CENSUS_HEADER, csvFiles } from '../support/csv-files.js';
import type { Db } from '../../src/db/database.js';
import type { Actor } from '../../src/platform/audit/audit.service.js';
import { seedAreaData } from '../../src/demo/area.seed.js';
import { importFile, undoImport } from '../../src/features/data-hub/import/index.js';
import { rollUpWeekly, weeklyRates, type WeeklyRate } from '../../src/features/indicators/compute/attendance.compute.js';
import { keptWeeklyCells } from '../../src/features/indicators/compute/weekly-cells.js';
import { boundsOf } from '../../src/features/indicators/periods.js';
import type { RecomputeResult } from '../../src/features/indicators/recompute.js';

const TODAY = '2026-09-01';
const csv = csvFiles('weekly-cells');

const sorted = (rates: readonly WeeklyRate[]) =>
  [...rates].sort((a, b) => a.week.localeCompare(b.week) || a.breakdown.localeCompare(b.breakdown) || a.group.localeCompare(b.group));

describeApp('indicators: weekly attendance kept between recomputes', (ctx) => {
  const db = (): Db => ctx().s.db;
  let admin: Actor;
  let years: string[] = [];
  /** Three pupils on roll in the data's last week, and that week's Monday. */
  let pupils: { upn: string; urn: string }[] = [];
  let lastWeek = '';

  const recompute = (): Promise<RecomputeResult> => ctx().s.indicators.recompute(db(), TODAY);

  /** The kept cells, rolled up, equal the aggregate afresh over every pupil-week, for every year. */
  async function assertSameAsAfresh() {
    for (const period of years) {
      const { from } = boundsOf(period);
      const to = boundsOf(period).to < TODAY ? boundsOf(period).to : TODAY;
      const afresh = sorted(await weeklyRates(db(), period, from, to));
      const kept = sorted(rollUpWeekly(await keptWeeklyCells(db(), period, from, to)));
      assert.ok(afresh.length > 0, `${period} has weekly figures`);
      assert.deepEqual(kept, afresh, `the kept cells of ${period} are the aggregate afresh`);
    }
  }

  /** Every stored value, as the store holds it. */
  async function store() {
    const rows = await db()
      .selectFrom('indicator_values')
      .select(['indicator_id', 'period', 'breakdown', 'breakdown_value', 'numerator', 'denominator', 'value', 'suppressed'])
      .orderBy('indicator_id').orderBy('period').orderBy('breakdown').orderBy('breakdown_value')
      .execute();
    return rows.map((r) => ({ ...r, numerator: r.numerator === null ? null : Number(r.numerator), denominator: r.denominator === null ? null : Number(r.denominator), value: r.value === null ? null : Number(r.value) }));
  }

  /** The store after this recompute is the store a recompute with nothing kept makes. */
  async function assertStoreSameAsAfresh() {
    const kept = await store();
    await db().deleteFrom('derived_values').execute();
    await db().deleteFrom('derived_state').execute();
    const r = await recompute();
    assert.deepEqual(r.weeklyCells.map((c) => c.mode), years.map(() => 'rebuilt'));
    assert.deepEqual(await store(), kept, 'the same values as with nothing kept');
  }

  /** The kept weekly attendance for the whole area in a week: sessions attended and possible. */
  async function keptWeek(week: string) {
    const period = years.find((y) => boundsOf(y).from <= week && week <= boundsOf(y).to)!;
    const area = rollUpWeekly(await keptWeeklyCells(db(), period, week, week)).find((r) => r.breakdown === '');
    return area && { attending: area.attending, possible: area.possible };
  }

  before(async () => {
    const d = db();
    await seedAreaData(d, { scale: 0.01, seed: 5 });
    const u = await d.selectFrom('users').select(['id', 'organisation_id', 'role']).where('role', '=', 'administrator').executeTakeFirstOrThrow();
    admin = { userId: u.id, organisationId: u.organisation_id, role: u.role };
    const last = await d.selectFrom('attendance_weeks').select((eb) => eb.fn.max('week_start').as('w')).executeTakeFirstOrThrow();
    lastWeek = String(last.w);
    pupils = await d.selectFrom('attendance_weeks').select(['upn', 'urn']).where('week_start', '=', lastWeek).orderBy('upn').limit(3).execute();
    assert.equal(pupils.length, 3);
  });

  test('the first recompute builds every year whole, and the same as afresh', async () => {
    const r = await recompute();
    years = r.years;
    assert.ok(years.length >= 2, `two school years of data, got ${years.join()}`);
    assert.deepEqual(r.weeklyCells.map((c) => c.mode), years.map(() => 'rebuilt'));
    await assertSameAsAfresh();
  });

  test('with nothing imported since, the next recompute aggregates nothing again', async () => {
    const r = await recompute();
    assert.deepEqual(r.weeklyCells.map((c) => c.mode), years.map(() => 'unchanged'));
  });

  const monday = () => addDays(lastWeek, 7);
  let mondayImport = '';
  let tuesdayImport = '';
  test("a day's attendance in a new week: only that week is aggregated, in its year", async () => {
    const file = csv('upn,urn,date,session,code', ...pupils.flatMap((p, i) => [`${p.upn},${p.urn},${monday()},AM,/`, `${p.upn},${p.urn},${monday()},PM,${i === 0 ? 'N' : '/'}`]));
    const s = await importFile(db(), admin, 'attendance', file);
    assert.equal(s.outcome, 'loaded', JSON.stringify(s.rejections));
    mondayImport = s.importId!;
    const r = await recompute();
    const year = r.weeklyCells.find((c) => c.mode !== 'unchanged');
    assert.deepEqual(year?.weeks, [monday()]);
    assert.equal(r.weeklyCells.filter((c) => c.mode !== 'unchanged').length, 1, 'the other year is left alone');
    assert.deepEqual(r.yearsChanged, [year!.period], "only that year's values are computed again");
    await assertSameAsAfresh();
    await assertStoreSameAsAfresh();
    assert.deepEqual(await keptWeek(monday()), { attending: 5, possible: 6 });
  });

  test("the next day's import merges into that week, and the figures follow", async () => {
    const tuesday = addDays(monday(), 1);
    const file = csv('upn,urn,date,session,code', ...pupils.flatMap((p) => [`${p.upn},${p.urn},${tuesday},AM,/`, `${p.upn},${p.urn},${tuesday},PM,I`]));
    const s = await importFile(db(), admin, 'attendance', file);
    assert.equal(s.outcome, 'loaded', JSON.stringify(s.rejections));
    tuesdayImport = s.importId!;
    const r = await recompute();
    assert.deepEqual(r.weeklyCells.filter((c) => c.mode === 'weeks').map((c) => c.weeks), [[monday()]]);
    await assertSameAsAfresh();
    assert.deepEqual(await keptWeek(monday()), { attending: 8, possible: 12 });
    await assertStoreSameAsAfresh();
  });

  test("undoing the later day's import takes its sessions out of the kept week", async () => {
    // The earlier day cannot be undone while the later day's rows hold its sessions.
    await assert.rejects(undoImport(db(), admin, mondayImport), (e: Error) => {
      assert.match(e.message, new RegExp(`Import ${mondayImport} cannot be undone on its own: a later import added sessions .* Undo it before this one: file-\\d+\\.csv \\(import ${tuesdayImport}`));
      return true;
    });
    await undoImport(db(), admin, tuesdayImport);
    const r = await recompute();
    assert.deepEqual(r.weeklyCells.filter((c) => c.mode === 'weeks').map((c) => c.weeks), [[monday()]]);
    await assertSameAsAfresh();
    assert.deepEqual(await keptWeek(monday()), { attending: 5, possible: 6 });
    // Then the earlier day can go too, and its week with it.
    await undoImport(db(), admin, mondayImport);
    const again = await recompute();
    assert.deepEqual(again.weeklyCells.filter((c) => c.mode === 'weeks').map((c) => c.weeks), [[monday()]]);
    await assertSameAsAfresh();
    assert.equal(await keptWeek(monday()), undefined);
    await assertStoreSameAsAfresh();
  });

  test("a suspension in last school year's data makes that year's values be computed again", async () => {
    const last = years[0]!;
    const { from } = boundsOf(last);
    const before = await db().selectFrom('indicator_values').select(['numerator']).where('indicator_id', '=', 'suspension-rate').where('period', '=', last).where('breakdown', '=', '').executeTakeFirstOrThrow();
    const file = csv('upn,urn,start_date,category,sessions,reason', `${pupils[1]!.upn},${pupils[1]!.urn},${addDays(from, 30)},suspension,2,PD`);
    const s = await importFile(db(), admin, 'suspensions-exclusions', file);
    assert.equal(s.outcome, 'loaded', JSON.stringify(s.rejections));
    const r = await recompute();
    assert.deepEqual(r.yearsChanged, [], 'no pupil-week changed');
    const after = await db().selectFrom('indicator_values').select(['numerator']).where('indicator_id', '=', 'suspension-rate').where('period', '=', last).where('breakdown', '=', '').executeTakeFirstOrThrow();
    assert.equal(Number(after.numerator), Number(before.numerator) + 1);
    await assertStoreSameAsAfresh();
  });

  test('a census that moves a pupil into another cohort rebuilds that year whole', async () => {
    const d = db();
    const latest = await d
      .selectFrom('school_census')
      .selectAll()
      .where('upn', '=', pupils[0]!.upn)
      .where('sen_provision', '!=', 'E')
      .orderBy('census_date', 'desc')
      .executeTakeFirst();
    assert.ok(latest, 'the pupil is on a census without an EHC plan');
    const row = [addDays(monday(), 1), latest.urn, latest.upn, latest.forename, latest.surname, latest.date_of_birth, latest.gender ?? '', latest.postcode ?? '', latest.ncy, 'E', 'ASD', '', latest.fsm_eligible === null ? '' : String(latest.fsm_eligible)];
    const file = csv(CENSUS_HEADER, row.join(','));
    const s = await importFile(d, admin, 'school-census', file);
    assert.equal(s.outcome, 'loaded', JSON.stringify(s.rejections));
    const plans = async () =>
      (await d.selectFrom('indicator_weekly_cells').select(['pupils']).where('week_start', '=', lastWeek).where('sen_provision', '=', 'E').execute()).reduce((n, c) => n + Number(c.pupils), 0);
    const before = await plans();
    const r = await recompute();
    const changed = r.weeklyCells.filter((c) => c.mode !== 'unchanged');
    assert.deepEqual(changed.map((c) => c.mode), ['rebuilt']);
    await assertSameAsAfresh();
    assert.equal(await plans(), before + 1, 'one more pupil with a plan in the last week');
    await assertStoreSameAsAfresh();
  });
});
