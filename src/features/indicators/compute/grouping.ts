import type { Breakdown, ComputedValue } from '../indicator.types.js';
import { rate } from '../stats.js';

/** Counts a numerator and denominator by group: the whole area ('') and each breakdown's values. */
export class RateTally {
  private readonly groups = new Map<string, { breakdown: Breakdown; value: string; n: number; d: number; children: Set<string> | null }>();

  constructor(
    private readonly indicatorId: string,
    private readonly per = 100,
  ) {}

  /**
   * Adds one case to the whole area and to each of its breakdown groups. `n`/`d` default to 1 and
   * 0/1 for a yes/no case; `child`, when the counts are not of children, names who it is about.
   */
  add(period: string, hit: boolean | number, groups: Partial<Record<Exclude<Breakdown, ''>, string | null | undefined>>, options: { d?: number; child?: string } = {}): void {
    const n = typeof hit === 'number' ? hit : hit ? 1 : 0;
    const d = options.d ?? 1;
    const bump = (breakdown: Breakdown, value: string) => {
      const key = `${period}\u0000${breakdown}\u0000${value}`;
      let g = this.groups.get(key);
      if (!g) this.groups.set(key, (g = { breakdown, value, n: 0, d: 0, children: options.child === undefined ? null : new Set() }));
      g.n += n;
      g.d += d;
      if (options.child !== undefined) g.children?.add(options.child);
    };
    bump('', '');
    for (const [breakdown, value] of Object.entries(groups)) if (value !== null && value !== undefined && value !== '') bump(breakdown as Breakdown, value);
  }

  values(): ComputedValue[] {
    const out: ComputedValue[] = [];
    for (const [key, g] of this.groups) {
      const period = key.slice(0, key.indexOf('\u0000'));
      out.push({
        indicatorId: this.indicatorId,
        period,
        breakdown: g.breakdown,
        breakdownValue: g.value,
        numerator: g.n,
        denominator: g.d,
        value: rate(g.n, g.d, this.per),
        ...(g.children ? { children: g.children.size } : {}),
      });
    }
    return out;
  }
}
