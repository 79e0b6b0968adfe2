/**
 * COPY text written straight into bytes, for loads of millions of rows: no string is made per
 * row or per value, so the garbage collector has nothing to chase (building the same text as
 * strings cost more in collection than the load itself). ASCII values only; `copyText` escapes
 * anything else before it comes here.
 */
const TAB = 9;
const NEWLINE = 10;
const DIGITS = Array.from({ length: 100 }, (_, n) => Buffer.from(String(n), 'latin1'));

export class CopyBuffer {
  private bytes: Buffer;
  private length = 0;

  constructor(capacity = 1 << 20) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  get size(): number {
    return this.length;
  }

  put(value: Uint8Array): this {
    const n = value.length;
    this.reserve(n);
    const bytes = this.bytes;
    const at = this.length;
    // A short value is copied faster by hand than by set(), whose call costs more than the copy.
    if (n <= 16) for (let i = 0; i < n; i++) bytes[at + i] = value[i]!;
    else bytes.set(value, at);
    this.length = at + n;
    return this;
  }

  /** A whole number from 0 to 99 (counts of sessions). */
  putSmall(n: number): this {
    return this.put(DIGITS[n]!);
  }

  tab(): this {
    this.reserve(1);
    this.bytes[this.length++] = TAB;
    return this;
  }

  byte(b: number): this {
    this.reserve(1);
    this.bytes[this.length++] = b;
    return this;
  }

  endRow(): this {
    this.reserve(1);
    this.bytes[this.length++] = NEWLINE;
    return this;
  }

  /** What has been written, as a copy, and start again. */
  take(): Buffer {
    const out = Buffer.from(this.bytes.subarray(0, this.length));
    this.length = 0;
    return out;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + n));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}
