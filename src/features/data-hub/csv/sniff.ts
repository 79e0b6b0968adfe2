/**
 * A look at the first kilobyte before parsing: files that are not CSV text are refused with a
 * message that says what they look like and what to do, instead of thousands of row rejections.
 */
import { CsvError } from './csv-error.js';

export const SNIFF_BYTES = 1024;

const SAVE_AS = "save it from the spreadsheet as 'CSV UTF-8 (comma delimited)' and try again";

/** Throws a CsvError when the start of a file is not UTF-8 text. `complete` means this is the whole file. */
export function sniff(head: Uint8Array, complete: boolean): void {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    throw new CsvError('binary', `The file is an Excel workbook or another zip archive, not CSV: ${SAVE_AS}.`);
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new CsvError('binary', `The file is an old Excel (.xls) workbook, not CSV: ${SAVE_AS}.`);
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) throw new CsvError('binary', 'The file is a PDF, not CSV.');
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    throw new CsvError('binary', `The file is UTF-16 text (Excel's 'Unicode text'), not UTF-8 CSV: ${SAVE_AS}.`);
  }
  const n = Math.min(head.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) {
      throw new CsvError('binary', `The file is not text: it contains NUL bytes, so it is a binary file, not CSV. If it is a spreadsheet, ${SAVE_AS}.`);
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) controls++;
  }
  if (controls > 8 && controls * 16 > n) {
    throw new CsvError('binary', `The file is not text: it is full of control characters, so it is a binary file, not CSV. If it is a spreadsheet, ${SAVE_AS}.`);
  }
  // A multi-byte character cut at the sniff boundary is not an error.
  const bad = firstInvalidUtf8(head.subarray(0, n), complete && n === head.length);
  if (bad !== -1) {
    throw new CsvError('encoding', encodingMessage(lineAt(head, bad)), lineAt(head, bad));
  }
}

export function encodingMessage(line: number): string {
  return `Line ${line} is not UTF-8 text (the file was probably saved as 'CSV' in the Windows character set): ${SAVE_AS}.`;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1.
 * A sequence cut off by the end of `bytes` counts as invalid only when `atEnd` is true.
 */
export function firstInvalidUtf8(bytes: Uint8Array, atEnd: boolean): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return atEnd ? i : -1;
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
