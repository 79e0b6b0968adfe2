/**
 * The school signals' weekly sums kept between early-warning runs (ADR 0017): each run sums
 * again only what changed (a day's import, a census, a new week), and its series are the same as
 * summing every pupil-week afresh.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../support/context.js';
import { addDays, CENSUS_HEADER, csvFiles } from '../support/csv-files.js';
import type { Db } from '../../src/db/database.js';
import type { Actor } from '../../src/platform/audit/audit.service.js';
import { seedAreaData } from '../../src/demo/area.seed.js';
import { importFile } from '../../src/features/data-hub/import/index.js';
import { schoolAndCohortSeries, type Series } from '../../src/features/early-warning/signals.js';

const csv = csvFiles('signal-cells');
const canonical = (series: readonly Series[]) =>
  series
    .map((s) => ({ key: s.key, points: [...s.points].sort((a, b) => a.period.localeCompare(b.period)) }))
    .sort((a, b) => a.key.localeCompare(b.key));

describeApp('early warning: the school signals’ weekly sums kept between runs', (ctx) => {
  const db = (): Db => ctx().s.db;
  let admin: Actor;
  let lastWeek = '';
  let pupils: { upn: string; urn: string }[] = [];
  const monday = () => addDays(lastWeek, 7);

  /** The series from the kept sums equal those summed afresh (the kept state forgotten). */
  async function assertSameAsAfresh(today: string) {
    const kept = await schoolAndCohortSeries(db(), today);
    assert.equal(kept.cells.mode, 'unchanged');
    await db().deleteFrom('derived_state').where('name', '=', 'early-warning-week-cells').execute();
    const afresh = await schoolAndCohortSeries(db(), today);
    assert.equal(afresh.cells.mode, 'rebuilt');
    assert.ok(afresh.schools.length > 0 && afresh.cohorts.length > 0);
    assert.deepEqual(canonical(kept.schools), canonical(afresh.schools));
    assert.deepEqual(canonical(kept.cohorts), canonical(afresh.cohorts));
  }

  before(async () => {
    const d = db();
    await seedAreaData(d, { scale: 0.01, seed: 7 });
    const u = await d.selectFrom('users').select(['id', 'organisation_id', 'role']).where('role', '=', 'administrator').executeTakeFirstOrThrow();
    admin = { userId: u.id, organisationId: u.organisation_id, role: u.role };
    lastWeek = String((await d.selectFrom('attendance_weeks').select((eb) => eb.fn.max('week_start').as('w')).executeTakeFirstOrThrow()).w);
    // Pupils with SEN on roll in the last week, so that their sessions count in the school signals.
    pupils = await d
      .selectFrom('attendance_weeks as w')
      .innerJoin('school_census as c', 'c.upn', 'w.upn')
      .select(['w.upn', 'w.urn'])
      .distinct()
      .where('w.week_start', '=', lastWeek)
      .where('c.sen_provision', 'in', ['E', 'K'])
      .orderBy('w.upn')
      .limit(3)
      .execute();
    assert.equal(pupils.length, 3);
  });

  test('the first run sums every week; the next, with nothing new, sums none', async () => {
    const first = await schoolAndCohortSeries(db(), monday());
    assert.equal(first.cells.mode, 'rebuilt');
    assert.ok(first.cells.weeks > 40, `${first.cells.weeks} weeks`);
    await assertSameAsAfresh(monday());
  });

  test("a day's import is summed for its week alone, and the series follow it", async () => {
    const before = await schoolAndCohortSeries(db(), monday());
    const file = csv('upn,urn,date,session,code', ...pupils.flatMap((p) => [`${p.upn},${p.urn},${monday()},AM,N`, `${p.upn},${p.urn},${monday()},PM,N`]));
    const s = await importFile(db(), admin, 'attendance', file);
    assert.equal(s.outcome, 'loaded', JSON.stringify(s.rejections));
    const after = await schoolAndCohortSeries(db(), monday());
    assert.deepEqual(after.cells, { mode: 'weeks', weeks: 1 });
    const missed = (series: readonly Series[]) => series.flatMap((x) => x.points).filter((p) => p.period === monday()).reduce((sum, p) => sum + p.x, 0);
    assert.equal(missed(after.schools) - missed(before.schools), 6, 'six sessions missed by pupils with SEN');
    await assertSameAsAfresh(monday());
  });

  test('a week that comes within today is summed when it does', async () => {
    const r = await schoolAndCohortSeries(db(), addDays(monday(), 7));
    assert.deepEqual(r.cells, { mode: 'weeks', weeks: 1 });
    await assertSameAsAfresh(addDays(monday(), 7));
  });

  test('a new school census sums every week again', async () => {
    const d = db();
    const latest = await d.selectFrom('school_census').selectAll().where('upn', '=', pupils[0]!.upn).orderBy('census_date', 'desc').executeTakeFirstOrThrow();
    const row = [addDays(monday(), -14), latest.urn, latest.upn, latest.forename, latest.surname, latest.date_of_birth, latest.gender ?? '', latest.postcode ?? '', latest.ncy, 'N', '', '', latest.fsm_eligible === null ? '' : String(latest.fsm_eligible)];
    const s = await importFile(d, admin, 'school-census', csv(CENSUS_HEADER, row.join(',')));
    assert.equal(s.outcome, 'loaded', JSON.stringify(s.rejections));
    const r = await schoolAndCohortSeries(d, addDays(monday(), 7));
    assert.equal(r.cells.mode, 'rebuilt');
    await assertSameAsAfresh(addDays(monday(), 7));
  });
});
