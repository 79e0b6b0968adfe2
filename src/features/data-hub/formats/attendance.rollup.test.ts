import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeUpn } from '../../../platform/identifiers/identifiers.js';
import { absenceBand, attendanceRate, AttendanceRollup, mergeWeek, pupilWeekOf, type PupilWeek } from './attendance.rollup.js';
import { registerCode } from './codes.js';
import type { AttendanceRecord } from './attendance.js';
import { parseDate, type DateValue } from './values.js';

const UPN = makeUpn('201001234567');
const OTHER = makeUpn('201001234568');
let nextLine = 2;

function session(upn: string, urn: string, date: string, s: 'AM' | 'PM', code: string, line = nextLine++): AttendanceRecord {
  const d = parseDate(date) as DateValue;
  const entry = registerCode(code)!;
  return { line, upn, urn, date: d.iso, day: d.day, session: s, code: entry.code, category: entry.category };
}

/** Ten sessions, Monday AM to Friday PM, from the Monday given. */
function week(rollup: AttendanceRollup, upn: string, urn: string, monday: string, codes: string[]): void {
  const start = (parseDate(monday) as DateValue).day;
  codes.forEach((code, i) => {
    const iso = new Date((start + Math.floor(i / 2)) * 86_400_000).toISOString().slice(0, 10);
    assert.equal(rollup.add(session(upn, urn, iso, i % 2 === 0 ? 'AM' : 'PM', code)), undefined);
  });
}

test('a worked week: each category counted, not-possible sessions left out of possible', () => {
  const rollup = new AttendanceRollup();
  week(rollup, UPN, '100001', '2026-03-16', ['/', '\\', 'L', 'I', 'N', 'B', '#', '#', 'U', 'M']);
  const [w] = [...rollup.weeks()];
  assert.deepEqual(w, {
    upn: UPN,
    urn: '100001',
    weekStart: '2026-03-16',
    possible: 8, // 10 sessions less two closures (#)
    attending: 4, // / \ L present, B approved activity
    present: 3,
    approvedActivity: 1,
    authorised: 2, // I M
    unauthorised: 2, // N U
    notPossible: 2,
    sessions: ['/', '\\', 'L', 'I', 'N', 'B', '#', '#', 'U', 'M'],
    codes: { '/': 1, '\\': 1, L: 1, I: 1, N: 1, B: 1, '#': 2, U: 1, M: 1 },
  } satisfies PupilWeek);
  // Absent 4 of 8 possible: 50%, so severe.
  assert.equal(absenceBand(w!.possible, w!.attending), 'severe');
  assert.equal(attendanceRate(w!.possible, w!.attending), 0.5);
});

test('weeks, schools and pupils are kept apart; sessions may arrive in any order', () => {
  const rollup = new AttendanceRollup();
  rollup.add(session(UPN, '100001', '2026-03-27', 'PM', 'O')); // Friday of the second week first
  rollup.add(session(UPN, '100001', '2026-03-16', 'AM', '/'));
  rollup.add(session(UPN, '100002', '2026-03-16', 'AM', 'D')); // dual registered: a second school
  rollup.add(session(OTHER, '100001', '2026-03-16', 'AM', 'G'));
  rollup.add(session(UPN, '100001', '2025-09-01', 'AM', '/')); // months before: the index widens back
  const weeks = [...rollup.weeks()].map((w) => [w.upn === UPN ? 'U' : 'O', w.urn, w.weekStart, w.possible, w.attending]);
  assert.deepEqual(weeks, [
    ['U', '100001', '2025-09-01', 1, 1],
    ['U', '100001', '2026-03-16', 1, 1],
    ['U', '100001', '2026-03-23', 1, 0],
    ['U', '100002', '2026-03-16', 0, 0],
    ['O', '100001', '2026-03-16', 1, 0],
  ]);
  assert.equal(rollup.pupilWeeks, 5);
  assert.equal(rollup.rows, 5);
});

test('sessions are placed by weekday: Friday PM is the tenth, missing sessions are null', () => {
  const rollup = new AttendanceRollup();
  rollup.add(session(UPN, '100001', '2026-03-20', 'PM', 'G'));
  rollup.add(session(UPN, '100001', '2026-03-18', 'AM', 'I'));
  const [w] = [...rollup.weeks()];
  assert.deepEqual(w!.sessions, [null, null, null, null, 'I', null, null, null, null, 'G']);
});

test('a repeated session is rejected naming both lines, and not counted twice', () => {
  const rollup = new AttendanceRollup();
  assert.equal(rollup.add(session(UPN, '100001', '2026-03-16', 'AM', '/', 10)), undefined);
  assert.deepEqual(rollup.add(session(UPN, '100001', '2026-03-16', 'AM', '/', 42)), {
    line: 42,
    column: 'upn, urn, date, session',
    value: `${UPN}, 100001, 2026-03-16, AM`,
    reason: 'this row repeats line 10 (the same pupil, school, date and session)',
  });
  assert.equal(
    rollup.add(session(UPN, '100001', '2026-03-16', 'AM', 'N', 43))?.reason,
    'this row gives code N for the same pupil, school, date and session as line 10, which gives code /: keep the right one',
  );
  assert.equal(rollup.add(session(UPN, '100001', '2026-03-16', 'PM', '/', 44)), undefined);
  const [w] = [...rollup.weeks()];
  assert.equal(w!.possible, 2);
  assert.equal(rollup.rows, 2);
});

test('persistent absence from 10% of possible sessions, severe from 50%, over weeks', () => {
  const rollup = new AttendanceRollup();
  week(rollup, UPN, '100001', '2026-03-16', ['/', '\\', 'L', 'I', 'N', 'B', '#', '#', 'U', 'M']); // 8 possible, 4 attending
  week(rollup, UPN, '100001', '2026-03-23', ['/', '\\', '/', '\\', '/', '\\', '/', '\\', '/', 'O']); // 10 possible, 9 attending
  const weeks = [...rollup.weeks()];
  assert.deepEqual(
    weeks.map((w) => absenceBand(w.possible, w.attending)),
    ['severe', 'persistent'], // 50%, then exactly 10%
  );
  // Year to date: 18 possible, 13 attending: absent 5 of 18 = 27.8%.
  const possible = weeks.reduce((n, w) => n + w.possible, 0);
  const attending = weeks.reduce((n, w) => n + w.attending, 0);
  assert.deepEqual([possible, attending, absenceBand(possible, attending)], [18, 13, 'persistent']);
});

test('absence bands at their edges', () => {
  assert.equal(absenceBand(0, 0), 'none');
  assert.equal(absenceBand(10, 10), 'none');
  assert.equal(absenceBand(21, 19), 'none'); // 9.5%
  assert.equal(absenceBand(20, 18), 'persistent'); // 10% exactly
  assert.equal(absenceBand(10, 6), 'persistent'); // 40%
  assert.equal(absenceBand(10, 5), 'severe'); // 50% exactly
  assert.equal(absenceBand(10, 0), 'severe');
  assert.equal(attendanceRate(0, 0), null);
});

test('a school year for 300 pupils: one pupil-week per pupil per week, however many rows', () => {
  const rollup = new AttendanceRollup();
  const monday = (parseDate('2025-09-01') as DateValue).day;
  const upns = Array.from({ length: 300 }, (_, i) => makeUpn(String(300000000000 + i)));
  let line = 2;
  for (let w = 0; w < 39; w++) {
    for (let d = 0; d < 5; d++) {
      const day = monday + w * 7 + d;
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      for (const upn of upns) {
        for (const s of ['AM', 'PM'] as const) {
          const entry = registerCode(s === 'AM' ? '/' : '\\')!;
          rollup.add({ line: line++, upn, urn: '100001', date: iso, day, session: s, code: entry.code, category: entry.category });
        }
      }
    }
  }
  assert.equal(rollup.rows, 300 * 39 * 10);
  assert.equal(rollup.pupilWeeks, 300 * 39);
  let possible = 0;
  for (const w of rollup.weeks()) possible += w.possible;
  assert.equal(possible, 117_000);
});

test('a week made from its sessions counts as the rollup does; a newer file is laid over a stored week', () => {
  const rollup = new AttendanceRollup();
  week(rollup, UPN, '100001', '2026-04-20', ['/', '\\', 'L', 'I', 'N', 'B', '#', '#', 'U', 'M']);
  const rolled = [...rollup.weeks()][0]!;
  assert.deepEqual(pupilWeekOf(rolled.upn, rolled.urn, rolled.weekStart, rolled.sessions), rolled);

  const tuesday = pupilWeekOf(UPN, '100001', '2026-04-20', [null, null, 'O', 'O', null, null, null, null, null, null]);
  const merged = mergeWeek('/,/,,,,,,,,', tuesday);
  assert.deepEqual(merged.sessions, ['/', '/', 'O', 'O', null, null, null, null, null, null]);
  assert.deepEqual([merged.possible, merged.attending, merged.unauthorised], [4, 2, 2]);
  const corrected = mergeWeek('/,/,O,O,,,,,,', pupilWeekOf(UPN, '100001', '2026-04-20', [null, null, 'I', null, null, null, null, null, null, null]));
  assert.deepEqual(corrected.sessions.slice(0, 4), ['/', '/', 'I', 'O']);
  assert.deepEqual(corrected.codes, { '/': 2, I: 1, O: 1 });
});

test('pupils are handed out as soon as the file moves past them, each once', () => {
  const rollup = new AttendanceRollup();
  const THIRD = makeUpn('201001234569');
  rollup.add(session(UPN, '100001', '2026-03-16', 'AM', '/'));
  rollup.add(session(UPN, '100002', '2026-03-23', 'AM', '/')); // the same pupil at a second school
  assert.deepEqual([...rollup.finishedWeeks()], [], 'nothing is finished while the first pupil is read');
  rollup.add(session(OTHER, '100001', '2026-03-16', 'AM', 'N'));
  const first = [...rollup.finishedWeeks()].map((w) => [w.upn === UPN ? 'U' : 'O', w.urn, w.weekStart]);
  assert.deepEqual(first, [['U', '100001', '2026-03-16'], ['U', '100002', '2026-03-23']], 'both schools of the finished pupil');
  assert.deepEqual([...rollup.finishedWeeks()], [], 'handed out once');
  rollup.add(session(THIRD, '100001', '2026-03-16', 'AM', '/'));
  rollup.close();
  assert.deepEqual([...rollup.finishedWeeks()].map((w) => w.upn), [OTHER, THIRD], 'the last pupil is finished at close');
  assert.equal(rollup.reopenedPupils, 0);
  assert.deepEqual([...rollup.reopenedWeeks()], []);
});

test('a pupil whose rows come back after the file moved on is reopened, and its weeks are given whole', () => {
  const rollup = new AttendanceRollup();
  rollup.add(session(UPN, '100001', '2026-03-16', 'AM', '/'));
  rollup.add(session(OTHER, '100001', '2026-03-16', 'AM', '/'));
  assert.deepEqual([...rollup.finishedWeeks()].map((w) => w.sessions.filter(Boolean).length), [1]);
  rollup.add(session(UPN, '100001', '2026-03-16', 'PM', 'N')); // UPN again: not sorted by pupil
  rollup.add(session(OTHER, '100001', '2026-03-16', 'PM', '\\'));
  rollup.add(session(UPN, '100001', '2026-03-17', 'AM', '/'));
  rollup.close();
  assert.equal(rollup.reopenedPupils, 2, 'both pupils came back');
  assert.deepEqual([...rollup.finishedWeeks()].map((w) => w.upn), [OTHER], 'OTHER ended once before it came back; UPN was handed out already');
  const whole = [...rollup.reopenedWeeks()].map((w) => [w.upn === UPN ? 'U' : 'O', w.possible, w.attending]);
  assert.deepEqual(whole, [['U', 3, 2], ['O', 2, 2]]);
});

test('a reopened pupil’s changes: new weeks to write as usual, and weeks written before that gained sessions, whole', () => {
  const rollup = new AttendanceRollup();
  rollup.add(session(UPN, '100001', '2026-03-16', 'AM', '/'));
  rollup.add(session(UPN, '100002', '2026-03-16', 'AM', 'D'));
  rollup.add(session(OTHER, '100001', '2026-03-16', 'AM', '/'));
  const first = rollup.takeFinished();
  assert.deepEqual(first.map((p) => p.upn), [UPN]);
  const written: string[] = [];
  rollup.eachWeek(first[0]!, (urn, week) => written.push(`${urn} ${week}`)); // as the writer does
  assert.deepEqual(written.sort(), ['100001 2026-03-16', '100002 2026-03-16']);
  rollup.add(session(UPN, '100001', '2026-03-23', 'AM', 'N')); // back: a new week at a school written before
  rollup.add(session(UPN, '100003', '2026-03-23', 'AM', '/')); // a school not seen before
  rollup.add(session(UPN, '100001', '2026-03-16', 'PM', 'L')); // and a week written before gains a session
  rollup.close();
  const { pupils, changedWeeks } = rollup.reopenedChanges();
  assert.deepEqual(pupils.map((p) => p.upn), [UPN]);
  const unwritten: string[] = [];
  rollup.eachWeek(pupils[0]!, (urn, week) => unwritten.push(`${urn} ${week}`), true);
  assert.deepEqual(unwritten.sort(), ['100001 2026-03-23', '100003 2026-03-23'], 'only the weeks not handed out before');
  const none: string[] = [];
  rollup.eachWeek(pupils[0]!, (urn, week) => none.push(`${urn} ${week}`), true);
  assert.deepEqual(none, [], 'and once handed out, they are not handed out again');
  assert.deepEqual(
    changedWeeks.map((w) => [w.urn, w.weekStart, w.sessions.slice(0, 2)]),
    [['100001', '2026-03-16', ['/', 'L']]],
    'the changed week, whole; 100002 and the new weeks are not merged',
  );
});

test('line numbers are kept until a page of pupils is written; a repeat after that still is refused, naming what it can', () => {
  const rollup = new AttendanceRollup();
  // 70,000 pupils with one session each, sorted, written 500 at a time as the importer does: more
  // than a page (65,536 pupil-weeks) of pupils written.
  const pupils = 70_000;
  const upnOf = (i: number) => makeUpn(String(201100000000 + i));
  let written = 0;
  const write = () => {
    for (const pupil of rollup.takeFinished()) rollup.eachWeek(pupil, () => written++);
  };
  for (let i = 0; i < pupils; i++) {
    assert.equal(rollup.add(session(upnOf(i), '100001', '2026-03-16', 'AM', '/', 10 + i)), undefined);
    if (i % 500 === 499) write();
  }
  assert.ok(written > 65_536, `${written} pupil-weeks written`);
  // The first pupil's rows come back (an unsorted file): its page was written and let its lines go.
  const early = rollup.add(session(upnOf(0), '100001', '2026-03-16', 'AM', '/', 99_999_990));
  assert.equal(early?.reason, 'this row repeats an earlier row (the same pupil, school, date and session)');
  const changed = rollup.add(session(upnOf(1), '100001', '2026-03-16', 'AM', 'N', 99_999_991));
  assert.match(changed!.reason, /^this row gives code N for the same pupil, school, date and session as an earlier row, which gives code \/: keep the right one$/);
  // The last pupils' page is still being filled: its repeats name the line.
  const late = rollup.add(session(upnOf(pupils - 1), '100001', '2026-03-16', 'AM', '/', 99_999_992));
  assert.equal(late?.reason, `this row repeats line ${10 + pupils - 1} (the same pupil, school, date and session)`);
  // And a reopened pupil's new session still counts, and is handed out as a change to merge.
  assert.equal(rollup.add(session(upnOf(0), '100001', '2026-03-17', 'PM', 'N', 99_999_993)), undefined);
  const { changedWeeks } = rollup.reopenedChanges();
  assert.deepEqual(changedWeeks.find((w) => w.upn === upnOf(0))?.sessions, ['/', null, null, 'N', null, null, null, null, null, null]);
});
