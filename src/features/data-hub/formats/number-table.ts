/**
 * A hash table from whole numbers (below 2^53) to small non-negative integers, in typed arrays:
 * no allocation per lookup and no boxed keys, unlike a Map with keys beyond 2^31. For the
 * attendance fast path's pupil lookup, once per row.
 */
export class NumberTable {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  private static slot(key: number, mask: number): number {
    // Mix the high and low 32 bits (keys go up to 2^43 here).
    const low = key >>> 0;
    const high = (key / 4294967296) >>> 0;
    return (Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
  }

  /** The value for a key (keys must be whole numbers ≥ 0), or -1. */
  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = NumberTable.slot(key, mask);
    for (;;) {
      const k = keys[i]!;
      if (k === key) return this.values[i]!;
      if (k === -1) return -1;
      i = (i + 1) & mask;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = this.mask;
    let i = NumberTable.slot(key, mask);
    for (;;) {
      const k = keys[i]!;
      if (k === key) {
        this.values[i] = value;
        return;
      }
      if (k === -1) {
        keys[i] = key;
        this.values[i] = value;
        this.count++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const size = oldKeys.length * 2;
    this.keys = new Float64Array(size).fill(-1);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i]! !== -1) this.set(oldKeys[i]!, oldValues[i]!);
  }
}
