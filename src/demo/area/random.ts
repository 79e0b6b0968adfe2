/**
 * The synthetic area's only source of randomness: mulberry32 streams, each seeded from the run's
 * seed and a label ("people", "attendance 2024 901234", ...). Independent streams mean one
 * dataset's draws never shift another's, so writing a subset of the files gives the same bytes as
 * writing them all. Never Math.random.
 */

/** A 32-bit hash of the seed and labels (FNV-1a, then a murmur3 finaliser to spread the bits). */
export function hashSeed(seed: number, ...labels: (string | number)[]): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  h = Math.imul(h ^ (seed / 4294967296), 0x01000193) >>> 0;
  for (const label of labels) {
    const text = String(label);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ 0x2f, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index drawn by weight, from cumulative weights (see cumulative()). */
  index(cum: Float64Array): number {
    const u = this.next() * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A standard normal deviate (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A log-normal deviate with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A gamma deviate with shape k and mean k (Marsaglia and Tsang). */
  gamma(k: number): number {
    if (k < 1) return this.gamma(k + 1) * Math.pow(1 - this.next(), 1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Shuffles in place (Fisher-Yates) and returns the array. */
  shuffle<T, A extends { length: number; [i: number]: T }>(items: A): A {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
}

/** A stream for one purpose: the same (seed, labels) always gives the same draws. */
export function stream(seed: number, ...labels: (string | number)[]): Random {
  return new Random(hashSeed(seed, ...labels));
}

export function cumulative(weights: readonly number[]): Float64Array {
  const cum = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) cum[i] = total += Math.max(0, weights[i]!);
  return cum;
}

/**
 * Splits a whole number into parts proportional to weights, exactly (largest remainder), so a
 * calibrated share comes out right at every scale rather than drifting with rounding.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]![1]]! += 1;
  return parts;
}

/**
 * Picks `count` of `n` items without replacement, item i with weight w(i) (Efraimidis-Spirakis):
 * the draw behind every quota (who is on SEN Support, who is known to social care).
 */
export function weightedSample(random: Random, n: number, count: number, weight: (i: number) => number): number[] {
  const keys: { i: number; key: number }[] = [];
  for (let i = 0; i < n; i++) {
    const w = weight(i);
    if (w > 0) keys.push({ i, key: Math.log(1 - random.next()) / w });
  }
  keys.sort((a, b) => b.key - a.key || a.i - b.i);
  return keys.slice(0, count).map((k) => k.i);
}
