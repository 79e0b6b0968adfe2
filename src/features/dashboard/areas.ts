/**
 * The areas a local figure is read beside: England, the area's region, and comparator areas.
 * The region comes from the DfE's geography (each local authority is in one region); the
 * comparators are the statistical neighbours the indicator library chooses (and configures),
 * read here through one adapter so the pages never guess them.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { CUMBERLAND_COMPARATORS, comparatorsFor } from '../indicators/comparators.js';
import { regionOf } from '../indicators/indicators.queries.js';

export const ENGLAND = { code: 'E92000001', name: 'England' } as const;

/**
 * The region of the local authorities this service is set up for. Another area adds its line
 * here (the DfE's files carry region_code beside each new_la_code).
 */
const REGION_OF: Record<string, { code: string; name: string }> = {
  E06000063: { code: 'E12000002', name: 'North West' }, // Cumberland
  E06000064: { code: 'E12000002', name: 'North West' }, // Westmorland and Furness
};

export interface AreaContext {
  code: string;
  name: string;
  region: { code: string; name: string } | null;
  /** Statistical neighbours, in the order they are shown. */
  comparators: { code: string; name: string }[];
}

export function areaContext(area: { code: string; name: string }, comparators: readonly { code: string; name: string }[] = []): AreaContext {
  return { code: area.code, name: area.name, region: REGION_OF[area.code] ?? null, comparators: comparators.filter((c) => c.code !== area.code) };
}

/** Every benchmark area code worth reading for a page: England, the region, the area's own published figure, comparators. */
export function benchmarkCodes(ctx: AreaContext): string[] {
  return [ENGLAND.code, ...(ctx.region ? [ctx.region.code] : []), ctx.code, ...ctx.comparators.map((c) => c.code)];
}

/** The running service's area, with the comparators the indicator library chooses or AREA_COMPARATORS sets. */
export function serviceArea(config: { area: { code: string; name: string }; areaComparators?: readonly string[] }): AreaContext {
  const names = new Map(CUMBERLAND_COMPARATORS.map((c) => [c.code, c.name]));
  const codes = comparatorsFor(config.area.code, config.areaComparators);
  return areaContext(config.area, codes.map((code) => ({ code, name: names.get(code) ?? code })));
}

/** The region from the DfE's files (`region_code` beside the area's own rows) when this module does not know it. */
export async function withRegion(db: Kysely<DB>, ctx: AreaContext): Promise<AreaContext> {
  if (ctx.region) return ctx;
  const code = await regionOf(db, ctx.code);
  if (!code) return ctx;
  const row = await db.selectFrom('benchmark_values').select('area_name').where('area_code', '=', code).limit(1).executeTakeFirst();
  return { ...ctx, region: { code, name: row?.area_name ?? code } };
}
