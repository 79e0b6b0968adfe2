import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { makeUpn } from '../../../platform/identifiers/identifiers.js';
import { CsvError } from '../csv/csv-error.js';
import { openCsv } from '../csv/csv-reader.js';
import { csvRow } from '../csv/csv-writer.js';
import { attendance } from './attendance.js';
import { AttendanceRollup } from './attendance.rollup.js';
import { checkHeader, type Rejection } from './dataset.js';
import { DATASETS, DATASET_NAMES, formatFor } from './index.js';

/** Values near the formats' own, and anything at all. */
const value = fc.oneof(
  fc.constantFrom(
    '', ' ', makeUpn('201001234567'), 'A201001234567', '9434765919', '100001', '1234567890', '2026-03-16', '14/03/2026',
    '2026-02-30', '2026-03', 'AM', 'PM', '/', 'H', 'C1', 'E', 'K', 'N', 'NSA', 'ASD', 'true', 'suspension', 'permanent',
    '4', '-1', 'accepted', 'concern', 'communication;vision', 'CIN', 'school', 'la', 'neet', 'CA28 6AB', 'CA28', 'QE1',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

test('every format turns any row into a record or at least one rejection, and never throws', () => {
  fc.assert(
    fc.property(fc.constantFrom(...DATASET_NAMES), fc.array(fc.array(value, { maxLength: 16 }), { maxLength: 20 }), (name, rows) => {
      const format = formatFor(name);
      const header = checkHeader(format, format.columns.map((c) => c.name));
      assert.ok(header.ok);
      rows.forEach((row, i) => {
        const fields = format.columns.map((_, c) => row[c] ?? '');
        const rejections: Rejection[] = [];
        const record = header.validate(fields, i + 2, rejections);
        if (record) {
          assert.deepEqual(rejections, []);
          assert.equal(record.line, i + 2);
          assert.equal(typeof format.keyOf(record), 'string');
        } else {
          assert.ok(rejections.length > 0, `${name}: a row refused without a reason`);
          for (const r of rejections) {
            assert.equal(r.line, i + 2);
            assert.ok(r.column === '' || format.columns.some((c) => r.column === c.name), r.column);
            assert.ok(r.reason.length > 0);
          }
        }
      });
    }),
    { numRuns: 500 },
  );
});

test('a mangled attendance file never crashes reading, validation or the rollup: only a CsvError', async () => {
  const upn = makeUpn('201001234567');
  const good = ['upn,urn,date,session,code', ...['16', '17', '18'].flatMap((d) => [`${upn},100001,2026-03-${d},AM,/`, `${upn},100001,2026-03-${d},PM,N`])].join('\r\n');
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ at: fc.nat(), byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x22, 0x2c, 0x0a, 0x0d)) }), {
        minLength: 1,
        maxLength: 8,
      }),
      async (damage) => {
        const bytes = Buffer.from(good);
        for (const d of damage) bytes[d.at % bytes.length] = d.byte;
        try {
          const csv = await openCsv(Readable.from([bytes]));
          const header = checkHeader(attendance, csv.header);
          if (!header.ok) {
            assert.ok(header.errors.length > 0);
            return;
          }
          const rollup = new AttendanceRollup();
          const rejections: Rejection[] = [];
          for await (const batch of csv.batches) {
            batch.rows.forEach((fields, i) => {
              const record = header.validate(fields, batch.lines[i]!, rejections);
              if (record) rollup.add(record);
            });
          }
          for (const week of rollup.weeks()) assert.ok(week.possible <= 10);
        } catch (error) {
          if (!(error instanceof CsvError)) throw error;
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('any row written by the CSV writer and read back validates the same as the original', async () => {
  const format = DATASETS['school-census'];
  const names = format.columns.map((c) => c.name);
  // No NUL: the reader refuses a file with NUL bytes as binary.
  const text = value.map((v) => v.replace(/\u0000/g, ''));
  await fc.assert(
    fc.asyncProperty(fc.array(text, { minLength: names.length, maxLength: names.length }), async (row) => {
      const direct = checkHeader(format, names);
      assert.ok(direct.ok);
      const expected: Rejection[] = [];
      const record = direct.validate(row, 2, expected);
      const csv = await openCsv(Readable.from([Buffer.from(`${csvRow(names)}\r\n${csvRow(row)}\r\n`)]), { skipBlankRecords: false });
      const header = checkHeader(format, csv.header);
      assert.ok(header.ok);
      for await (const batch of csv.batches) {
        const got: Rejection[] = [];
        assert.deepEqual(header.validate(batch.rows[0]!, batch.lines[0]!, got), record);
        assert.deepEqual(got, expected);
      }
    }),
    { numRuns: 200 },
  );
});
