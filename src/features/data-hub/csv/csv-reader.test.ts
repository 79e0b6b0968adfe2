import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { CsvError, type CsvErrorCode } from './csv-error.js';
import { openCsv, readCsvBatches, type CsvReadOptions } from './csv-reader.js';

/** Bytes as a stream of chunks of a given size (every boundary gets exercised somewhere). */
function source(input: string | Uint8Array, chunkSize = 64 * 1024): Readable {
  const bytes = typeof input === 'string' ? Buffer.from(input) : Buffer.from(input);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

async function readAll(input: string | Uint8Array, options: CsvReadOptions = {}, chunkSize?: number) {
  const rows: string[][] = [];
  const lines: number[] = [];
  const malformed: { line: number; reason: string }[] = [];
  let blank = 0;
  for await (const batch of readCsvBatches(source(input, chunkSize), options)) {
    rows.push(...batch.rows);
    lines.push(...batch.lines);
    malformed.push(...batch.malformed);
    blank += batch.blank;
  }
  return { rows, lines, malformed, blank };
}

async function failure(input: string | Uint8Array | Readable, options: CsvReadOptions = {}): Promise<CsvError> {
  try {
    const stream = input instanceof Readable ? input : source(input);
    for await (const _ of readCsvBatches(stream, options)) {
      // drain
    }
  } catch (error) {
    assert.ok(error instanceof CsvError, `expected a CsvError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the file to be refused');
}

async function assertRefused(input: string | Uint8Array | Readable, code: CsvErrorCode, message: RegExp, line?: number) {
  const error = await failure(input);
  assert.equal(error.code, code, error.message);
  assert.match(error.message, message);
  if (line !== undefined) assert.equal(error.line, line);
}

test('RFC 4180: quoted commas, doubled quotes, CRLF and LF, a final line without a line ending', async () => {
  const { rows, lines } = await readAll('a,b,c\r\n1,"x, y",3\r\n"say ""hi""",,z\nlast,"",end');
  assert.deepEqual(rows, [
    ['a', 'b', 'c'],
    ['1', 'x, y', '3'],
    ['say "hi"', '', 'z'],
    ['last', '', 'end'],
  ]);
  assert.deepEqual(lines, [1, 2, 3, 4]);
});

test('a UTF-8 byte-order mark is dropped, and only at the start', async () => {
  const { rows } = await readAll('\ufeffupn,urn\r\nA,\ufeffB\r\n');
  assert.deepEqual(rows, [['upn', 'urn'], ['A', '\ufeffB']]);
});

test('line numbers are where each record starts, counting line breaks inside quoted fields', async () => {
  const { rows, lines } = await readAll('h1,h2\n"two\nlines",x\n\n"three\r\nlines\nhere",y\nlast,z\n');
  assert.deepEqual(lines, [1, 2, 5, 8]);
  assert.deepEqual(rows[2], ['three\r\nlines\nhere', 'y']);
});

test('blank lines are skipped; rows of empty fields are skipped and counted', async () => {
  const result = await readAll('a,b\n\n,\n1,2\n\r\n , \n');
  assert.deepEqual(result.rows, [['a', 'b'], ['1', '2'], [' ', ' ']]);
  assert.deepEqual(result.lines, [1, 4, 6]);
  assert.equal(result.blank, 1);
  const kept = await readAll('a,b\n,\n', { skipBlankRecords: false });
  assert.deepEqual(kept.rows, [['a', 'b'], ['', '']]);
});

test('every split of the bytes into chunks reads the same: multi-byte characters, CRLF and quotes', async () => {
  const text = 'name,note\r\n"Zoë ""Z"" Ångström","a,\r\nb"\r\n€uro,😀\r\nplain,"x"\r\n';
  const expected = await readAll(text);
  assert.deepEqual(expected.rows[1], ['Zoë "Z" Ångström', 'a,\r\nb']);
  for (let size = 1; size <= 12; size++) {
    assert.deepEqual(await readAll(text, {}, size), expected, `chunks of ${size} bytes`);
  }
});

test('rows come in batches of the requested size, with the bytes read so far', async () => {
  const text = `h\n${Array.from({ length: 10 }, (_, i) => String(i)).join('\n')}\n`;
  const batches = [];
  for await (const batch of readCsvBatches(source(text, 4), { batchSize: 3 })) batches.push(batch);
  assert.deepEqual(
    batches.map((b) => b.rows.length),
    [3, 3, 3, 2],
  );
  assert.equal(batches.at(-1)!.bytesRead, Buffer.byteLength(text));
  assert.ok(batches[0]!.bytesRead <= batches[1]!.bytesRead);
});

test('openCsv hands back the header, then the rows after it', async () => {
  const csv = await openCsv(source('\n\nupn,urn\nA,1\nB,2\n'));
  assert.deepEqual(csv.header, ['upn', 'urn']);
  assert.equal(csv.headerLine, 3);
  const rows = [];
  for await (const batch of csv.batches) rows.push(...batch.rows.map((r, i) => [batch.lines[i], ...r]));
  assert.deepEqual(rows, [[4, 'A', '1'], [5, 'B', '2']]);
  const headerOnly = await openCsv(source('upn,urn\r\n'));
  let count = 0;
  for await (const batch of headerOnly.batches) count += batch.rows.length;
  assert.equal(count, 0);
});

test('an empty file is refused: no bytes, a byte-order mark alone, blank lines, empty fields', async () => {
  for (const input of ['', '\ufeff', '\n\r\n\n']) {
    await assertRefused(input, 'empty', /^The file is empty\.$/);
  }
  await assert.rejects(openCsv(source(',,,\n,,\n')), (e: unknown) => e instanceof CsvError && e.code === 'empty');
});

test('a binary file is refused with what it looks like', async () => {
  await assertRefused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'binary', /Excel workbook/);
  await assertRefused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'binary', /old Excel \(\.xls\)/);
  await assertRefused(Buffer.from('%PDF-1.7\n'), 'binary', /PDF/);
  await assertRefused(Buffer.from('\ufeffupn,urn\r\n', 'utf16le').subarray(0), 'binary', /UTF-16/);
  await assertRefused(Buffer.from('upn,urn\nA\u0000B,1\n'), 'binary', /NUL bytes/);
  const random = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256));
  const error = await failure(random);
  assert.ok(error.code === 'binary' || error.code === 'encoding', error.message);
});

test('text that is not UTF-8 is refused, naming the first line with it', async () => {
  // "£" in Windows-1252 is the single byte 0xA3.
  await assertRefused(Buffer.concat([Buffer.from('name,fee\nA,'), Buffer.from([0xa3]), Buffer.from('5\n')]), 'encoding', /^Line 2 is not UTF-8/, 2);
  const good = Buffer.from(`h,v\n${'a,b\n'.repeat(100_000)}`);
  const bad = Buffer.concat([good, Buffer.from([0x41, 0xa3, 0x0a])]);
  const error = await failure(source(bad, 4096));
  assert.equal(error.code, 'encoding');
  assert.equal(error.line, 100_002);
  // cut off in the middle of a character at the very end
  await assertRefused(Buffer.concat([Buffer.from('h\nZo'), Buffer.from([0xc3])]), 'encoding', /Line 2/);
});

test('a record over the length limit is an error naming its line, without reading the rest', async () => {
  const options = { maxRecordLength: 1024 };
  const long = `h\nok\n${'x'.repeat(2000)}\nafter\n`;
  const error = await failure(long, options);
  assert.equal(error.code, 'record-too-long');
  assert.equal(error.line, 3);
  assert.match(error.message, /Line 3 is longer than 1 KiB/);

  // An endless line: the reader must stop at the limit, not run out of memory.
  let served = 0;
  const endless = new Readable({
    read() {
      served += 65536;
      this.push(Buffer.alloc(65536, 0x61));
    },
  });
  const endlessError = await failure(endless);
  assert.equal(endlessError.code, 'record-too-long');
  assert.match(endlessError.message, /Line 1 is longer than 1 MiB/);
  assert.ok(served < 4 * 1024 * 1024, `read ${served} bytes`);
});

test('a quote that is never closed: mid-file it runs past the limit, at the end it is named', async () => {
  const runaway = `h,v\n1,"unclosed\n${'2,b\n'.repeat(400)}`;
  const error = await failure(runaway, { maxRecordLength: 1024 });
  assert.equal(error.code, 'record-too-long');
  assert.match(error.message, /record starting on line 2 .* missing its closing quote/);
  await assertRefused('h,v\n1,2\n3,"open\nstill open', 'unclosed-quote', /starting on line 3 is never closed/, 3);
});

test('text after a closing quote makes that record malformed; the rest still read', async () => {
  const result = await readAll('a,b\n"x"y,1\n2,3\n');
  assert.deepEqual(result.rows, [['a', 'b'], ['2', '3']]);
  assert.deepEqual(result.malformed, [
    { line: 2, reason: 'has text after the closing quote of a field (a quote inside a quoted field must be doubled, as "")' },
  ]);
  await assert.rejects(openCsv(source('"a"b,c\n1,2\n')), (e: unknown) => e instanceof CsvError && e.code === 'malformed-header');
});

test('a quote inside an unquoted field is kept as written', async () => {
  const { rows } = await readAll('h,v\n5\'10",x\n');
  assert.deepEqual(rows[1], ['5\'10"', 'x']);
});

test('old Mac line endings (CR alone) are refused with what to do', async () => {
  await assertRefused('upn,urn\r1,2\r3,4\r', 'line-endings', /carriage returns alone/, 1);
});
