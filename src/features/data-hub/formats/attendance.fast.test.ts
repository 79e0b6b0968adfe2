import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { makeUpn } from '../../../platform/identifiers/identifiers.js';
import { CsvError } from '../csv/csv-error.js';
import { openCsv } from '../csv/csv-reader.js';
import { csvField } from '../csv/csv-writer.js';
import { attendance } from './attendance.js';
import { readAttendance } from './attendance.fast.js';
import { AttendanceRollup } from './attendance.rollup.js';
import { checkHeader, malformedRejection, type Rejection } from './dataset.js';

const UPN = makeUpn('201001234567');

function chunks(text: string, cuts: number[]): Readable {
  const bytes = Buffer.from(text);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    if (p > from) out.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  out.push(bytes.subarray(from));
  return Readable.from(out);
}

/** The general way, row by row: the reference the fast path must match. */
async function generalWay(text: string) {
  const csv = await openCsv(Readable.from([Buffer.from(text)]));
  const header = checkHeader(attendance, csv.header);
  if (!header.ok) return { ok: false as const, errors: header.errors };
  const rollup = new AttendanceRollup();
  const rejections: Rejection[] = [];
  let rowsRead = 0;
  let blankRows = 0;
  for await (const batch of csv.batches) {
    blankRows += batch.blank;
    rowsRead += batch.rows.length + batch.malformed.length;
    for (const bad of batch.malformed) rejections.push(malformedRejection(bad.line, bad.reason));
    batch.rows.forEach((fields, i) => {
      const record = header.validate(fields, batch.lines[i]!, rejections);
      if (!record) return;
      const repeat = rollup.add(record);
      if (repeat) rejections.push(repeat);
    });
  }
  return { ok: true as const, rollup, rejections, rowsRead, blankRows };
}

const byLine = (rs: Rejection[]) => [...rs].sort((a, b) => a.line - b.line);

test('a worked file: rows loaded into pupil-weeks, rejections in file order, counts', async () => {
  const text = [
    'UPN,urn,date,session,code',
    `${UPN},100001,2026-03-16,AM,/`,
    `${UPN},100001,2026-03-16,PM,\\`,
    `${UPN},100001,2026-03-17,AM,N`,
    `${UPN},100001,2026-03-17,AM,N`, // a repeat
    `${UPN},100001,2026-03-14,AM,/`, // a Saturday
    ',,,,',
    `${UPN},100001,17/03/2026,pm,i`, // day first, lower case: the slow way, accepted
  ].join('\r\n');
  const result = await readAttendance(Readable.from([Buffer.from(text)]));
  assert.ok(result.ok);
  assert.deepEqual([result.rowsRead, result.rowsLoaded, result.rowsRejected, result.blankRows], [6, 4, 2, 1]);
  assert.equal(result.rowsFast, 2); // line 3, and line 4 (line 2 was the pupil's first; 5 a repeat)
  assert.deepEqual(
    result.rejections.map((r) => [r.line, r.reason]),
    [
      [5, 'this row repeats line 4 (the same pupil, school, date and session)'],
      [6, 'date 2026-03-14 is a Saturday: attendance is recorded only on weekdays'],
    ],
  );
  const [week] = [...result.rollup.weeks()];
  assert.deepEqual(week!.sessions, ['/', '\\', 'N', 'I', null, null, null, null, null, null]);
});

test('a header missing columns refuses the file; an empty or binary file is a CsvError', async () => {
  const refused = await readAttendance(Readable.from([Buffer.from('upn,urn,date\n')]));
  assert.deepEqual(refused, {
    ok: false,
    errors: ['The file has no session and code columns, which the attendance format requires.'],
    warnings: [],
  });
  await assert.rejects(readAttendance(Readable.from([Buffer.from('')])), (e: unknown) => e instanceof CsvError && e.code === 'empty');
  await assert.rejects(readAttendance(Readable.from([Buffer.from(',,,\n')])), (e: unknown) => e instanceof CsvError && e.code === 'empty');
  await assert.rejects(
    readAttendance(Readable.from([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])])),
    (e: unknown) => e instanceof CsvError && e.code === 'binary',
  );
});

// Values that take the fast path, values that must not, and values that are wrong.
const upn = fc.constantFrom(UPN, UPN, makeUpn('201001234568'), makeUpn('20100123456A'), 'A201001234567', ` ${UPN}`, '');
const urn = fc.constantFrom('100001', '100001', '100002', '10000X', ' 100001', '');
const date = fc.constantFrom(
  '2026-03-16', '2026-03-16', '2026-03-17', '2026-03-20', '2026-03-14', '2026-02-30', '16/03/2026', '2024-07-15',
  '2024-08-19', '2026-3-16', '',
);
const session = fc.constantFrom('AM', 'PM', 'AM', 'PM', 'am', 'XM', '');
const code = fc.constantFrom('/', '\\', '/', 'N', 'C1', 'c1', 'H', 'J', 'A', 'Y8', '#', ' /', '');
/** Mostly clean rows of two pupils (so many are repeats of a pupil: the fast path), some messy. */
const clean = fc.tuple(
  fc.constantFrom(UPN, makeUpn('20100123456A')),
  fc.constantFrom('100001', '100002'),
  fc.constantFrom(
    ...['16', '17', '18', '19', '20', '23', '24', '25', '26', '27'].map((d) => `2026-03-${d}`),
    '2024-07-15',
  ),
  fc.constantFrom('AM', 'PM'),
  fc.constantFrom('/', '\\', '/', 'N', 'C1', 'H', '#'),
);
const row = fc.oneof(
  { weight: 12, arbitrary: clean },
  { weight: 6, arbitrary: fc.tuple(upn, urn, date, session, code) },
  { weight: 1, arbitrary: fc.constant(['', '', '', '', '']) },
);
const style = fc.oneof(
  { weight: 12, arbitrary: fc.constant('none') },
  { weight: 1, arbitrary: fc.constantFrom('quote', 'trailing-empty', 'malformed') },
);

test('the fast path gives exactly what the general validator and rollup give, on any file', async () => {
  let fastRows = 0;
  let slowRows = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(row, { minLength: 0, maxLength: 80, size: 'max' }),
      fc.array(fc.nat(), { maxLength: 6 }), // rows to repeat
      // Column order: often data-formats.md's own (the canonical fast path), else any.
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([0, 1, 2, 3, 4]) },
        { weight: 1, arbitrary: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }) },
      ),
      fc.boolean(), // an extra, unknown column
      fc.constantFrom('\n', '\r\n'),
      fc.array(style, { minLength: 80, maxLength: 80 }),
      fc.array(fc.nat(), { maxLength: 8 }),
      async (rows, repeats, order, extraColumn, eol, styles, cuts) => {
        const all = [...rows, ...repeats.filter(() => rows.length > 0).map((r) => rows[r % rows.length]!)];
        const names = ['upn', 'urn', 'date', 'session', 'code'];
        const header = [...order.map((i) => names[i]!), ...(extraColumn ? ['note'] : [])].join(',');
        const lines = all.map((r, i) => {
          const fields = [...order.map((c) => r[c]!), ...(extraColumn ? ['x'] : [])];
          switch (styles[i % styles.length]) {
            case 'quote':
              return fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');
            case 'trailing-empty':
              return `${fields.map((f) => csvField(f)).join(',')},,`;
            case 'malformed':
              return `"${fields[0]}"x,${fields.slice(1).join(',')}`;
            default:
              return fields.map((f) => csvField(f)).join(',');
          }
        });
        const text = [header, ...lines].join(eol) + eol;
        const fast = await readAttendance(chunks(text, cuts));
        const general = await generalWay(text);
        assert.ok(fast.ok && general.ok);
        assert.deepEqual(byLine(fast.rejections), byLine(general.rejections));
        assert.deepEqual([...fast.rollup.weeks()], [...general.rollup.weeks()]);
        assert.equal(fast.rowsLoaded, general.rollup.rows);
        assert.equal(fast.rowsRead, general.rowsRead);
        assert.equal(fast.blankRows, general.blankRows);
        assert.equal(fast.rowsRead, fast.rowsLoaded + fast.rowsRejected);
        fastRows += fast.rowsFast;
        slowRows += fast.rowsRead - fast.rowsFast;
      },
    ),
    { numRuns: 400 },
  );
  // Both ways were exercised.
  assert.ok(fastRows > 1000 && slowRows > 1000, `fast ${fastRows}, slow ${slowRows}`);
});
