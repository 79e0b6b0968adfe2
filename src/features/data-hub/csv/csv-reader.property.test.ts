import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { CsvError } from './csv-error.js';
import { readCsvBatches } from './csv-reader.js';
import { csvRow } from './csv-writer.js';

function chunked(bytes: Uint8Array, cuts: number[]): Readable {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    if (p > from) chunks.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  if (from < bytes.length) chunks.push(bytes.subarray(from));
  return Readable.from(chunks);
}

async function read(stream: Readable) {
  const rows: string[][] = [];
  const lines: number[] = [];
  for await (const batch of readCsvBatches(stream, { skipBlankRecords: false, batchSize: 7 })) {
    rows.push(...batch.rows);
    lines.push(...batch.lines);
    assert.equal(batch.malformed.length, 0);
  }
  return { rows, lines };
}

/** Text with what makes CSV hard: separators, quotes, line breaks, spaces, any Unicode. No NUL (binary). */
const cell = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', ' ', 'a', 'é', '😀', '\ufeff'), maxLength: 8 }),
  )
  .map((s) => s.replace(/\u0000/g, ''));

const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 });

test('any table of strings written with RFC 4180 quoting reads back exactly, with its line numbers', async () => {
  await fc.assert(
    fc.asyncProperty(
      table,
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      fc.boolean(),
      fc.array(fc.nat(), { maxLength: 20 }),
      async (rows, eol, bom, finalEol, cuts) => {
        // A leading U+FEFF is always taken for a byte-order mark.
        fc.pre(!rows[0]![0]!.startsWith('\ufeff'));
        const records = rows.map((r) => csvRow(r));
        const text = (bom ? '\ufeff' : '') + records.join(eol) + (finalEol ? eol : '');
        const expectedLines: number[] = [];
        let line = 1;
        for (const record of records) {
          expectedLines.push(line);
          line += (record.match(/\n/g)?.length ?? 0) + 1;
        }
        const result = await read(chunked(Buffer.from(text), cuts));
        assert.deepEqual(result.rows, rows);
        assert.deepEqual(result.lines, expectedLines);
      },
    ),
    { numRuns: 300 },
  );
});

type Mangle = { kind: 'set' | 'insert' | 'delete'; at: number; byte: number };

const interestingByte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(0x22, 0x2c, 0x0a, 0x0d, 0x00, 0xef, 0xbb, 0xbf, 0xc3, 0xe2, 0xf0, 0x80, 0xff),
);

test('random damage to a file never throws anything but a CsvError', async () => {
  await fc.assert(
    fc.asyncProperty(
      table,
      fc.array(fc.record({ kind: fc.constantFrom('set', 'insert', 'delete'), at: fc.nat(), byte: interestingByte }), {
        minLength: 1,
        maxLength: 12,
      }),
      fc.option(fc.nat(), { nil: undefined }),
      fc.array(fc.nat(), { maxLength: 10 }),
      async (rows, mangles: Mangle[], truncateAt, cuts) => {
        const bytes = [...Buffer.from(rows.map((r) => csvRow(r)).join('\r\n'))];
        for (const m of mangles) {
          const at = bytes.length === 0 ? 0 : m.at % (bytes.length + (m.kind === 'insert' ? 1 : 0));
          if (m.kind === 'set' && bytes.length > 0) bytes[at] = m.byte;
          else if (m.kind === 'insert') bytes.splice(at, 0, m.byte);
          else if (bytes.length > 0) bytes.splice(at, 1);
        }
        if (truncateAt !== undefined) bytes.length = Math.min(bytes.length, truncateAt % (bytes.length + 1));
        try {
          for await (const batch of readCsvBatches(chunked(Uint8Array.from(bytes), cuts), { maxRecordLength: 256 })) {
            for (let i = 0; i < batch.rows.length; i++) {
              assert.ok(Array.isArray(batch.rows[i]));
              assert.ok(batch.lines[i]! >= 1);
            }
          }
        } catch (error) {
          if (!(error instanceof CsvError)) throw error;
          assert.ok(error.message.length > 0);
        }
      },
    ),
    { numRuns: 500 },
  );
});
