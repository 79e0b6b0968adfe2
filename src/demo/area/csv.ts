/**
 * The files' columns (exactly data-formats.md's, in its order) and a buffered file writer: rows go
 * into one large buffer that is written out when full, so memory stays at one buffer however
 * large the file, and each write is a big sequential one. The hot attendance loop writes bytes
 * into the buffer directly.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';

export const COLUMNS = {
  localities: ['postcode_prefix', 'locality', 'icb_code'],
  schools: ['urn', 'name', 'type', 'phase', 'postcode', 'locality'],
  'school-census': ['census_date', 'urn', 'upn', 'forename', 'surname', 'date_of_birth', 'gender', 'postcode', 'ncy', 'sen_provision', 'primary_need', 'secondary_need', 'fsm_eligible'],
  attendance: ['upn', 'urn', 'date', 'session', 'code'],
  'suspensions-exclusions': ['upn', 'urn', 'start_date', 'category', 'sessions', 'reason'],
  'camhs-referrals': ['extract_date', 'referral_id', 'nhs_number', 'forename', 'surname', 'date_of_birth', 'postcode', 'provider_code', 'icb_code', 'referral_date', 'first_contact_date', 'treatment_start_date', 'discharge_date', 'referral_outcome'],
  'health-checks': ['nhs_number', 'forename', 'surname', 'date_of_birth', 'postcode', 'check', 'due_date', 'completed_date', 'outcome', 'domains'],
  'social-care': ['la_child_id', 'upn', 'nhs_number', 'forename', 'surname', 'date_of_birth', 'status', 'start_date', 'end_date'],
  'ap-placements': ['upn', 'ap_urn', 'commissioner', 'commissioner_urn', 'start_date', 'planned_end_date', 'end_date', 'sessions_per_week', 'reason', 'outcome'],
  'post-16-activity': ['uln', 'upn', 'month', 'activity'],
} as const;

export type Dataset = keyof typeof COLUMNS;
export const DATASETS = Object.keys(COLUMNS) as Dataset[];

export function fileNameOf(dataset: Dataset): string {
  return `${dataset}.csv`;
}

/** RFC 4180: quote a field holding a comma, quote or line break; double its quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const DEFAULT_CHUNK = 4 * 1024 * 1024;

export class FileSink {
  buf: Buffer;
  pos = 0;
  rows = 0;
  bytes = 0;
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');

  constructor(readonly path: string, chunk = DEFAULT_CHUNK) {
    this.fd = fs.openSync(path, 'w');
    this.buf = Buffer.allocUnsafe(chunk);
  }

  /** Makes room for n more bytes. */
  reserve(n: number): void {
    if (this.pos + n > this.buf.length) this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }

  /** A line of already-escaped text (no newline). */
  line(text: string): void {
    this.reserve(text.length * 3 + 1);
    this.pos += this.buf.write(text, this.pos, 'utf8');
    this.buf[this.pos++] = 10;
  }

  header(columns: readonly string[]): void {
    this.line(columns.join(','));
  }

  /** The first row written: the faults option copies it to make near-valid bad rows. */
  first: readonly string[] | undefined;

  row(fields: readonly string[]): void {
    if (!this.first) this.first = fields.slice();
    let text = '';
    for (let i = 0; i < fields.length; i++) text += (i ? ',' : '') + csvField(fields[i]!);
    this.line(text);
    this.rows++;
  }

  flush(): void {
    if (this.pos === 0) return;
    const chunk = this.buf.subarray(0, this.pos);
    this.hash.update(chunk);
    let written = 0;
    while (written < chunk.length) written += fs.writeSync(this.fd, chunk, written, chunk.length - written);
    this.bytes += chunk.length;
    this.pos = 0;
  }

  /** Flushes, closes, and returns the file's SHA-256. */
  close(): string {
    this.flush();
    fs.closeSync(this.fd);
    return this.hash.digest('hex');
  }
}

/** The ASCII bytes of a string, for the hot loops. */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
