/**
 * Helpers for the generator's tests: read a generated CSV (our files never quote, except names
 * with no comma, so a split on commas is exact), fast enough for millions of attendance rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Calls fn for each data line's fields (up to `limit` lines); returns the header. */
export function eachRow(file: string, fn: (fields: string[], line: number) => void, limit = Infinity): string[] {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(Math.min(8 * 1024 * 1024, Math.max(64 * 1024, fs.fstatSync(fd).size)));
  let rest = '';
  let header: string[] | undefined;
  let line = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const text = rest + buf.toString('utf8', 0, n);
      let start = 0;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
        const fields = text.slice(start, i).split(',');
        start = i + 1;
        line++;
        if (!header) header = fields;
        else fn(fields, line);
        if (line > limit) return header;
      }
      rest = text.slice(start);
    }
  } finally {
    fs.closeSync(fd);
  }
  return header ?? [];
}

/** All rows as objects keyed by column: for the small files. */
export function readRows(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').split('\n');
  const header = head!.split(',');
  return lines.filter((l) => l).map((l) => {
    const fields = l.split(',');
    return Object.fromEntries(header.map((h, i) => [h, fields[i] ?? '']));
  });
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `send-hub-${name}-`));
}

/** The column lists of data-formats.md, by dataset heading; undefined if the document is not there. */
export function documentedColumns(): Map<string, string[]> | undefined {
  const doc = new URL('../../../../shared/docs/data-formats.md', import.meta.url);
  if (!fs.existsSync(doc)) return undefined;
  const text = fs.readFileSync(doc, 'utf8');
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(/^## (\S+)[^\n]*\n+`([^`]+)`/gm)) {
    out.set(m[1]!, m[2]!.split(',').map((c) => c.trim()));
  }
  return out;
}

export function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
}
