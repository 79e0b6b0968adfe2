/**
 * Comparator areas: the local authorities an area is set beside, as the DfE's statistical
 * neighbours are. Cumberland (E06000063) was formed in April 2023 and the DfE's published
 * neighbour model (LAIT) still lists Cumbria's; so we chose ten areas alike in what drives SEND
 * and attendance figures: rural or small-town, coastal, northern, with pockets of deprivation,
 * and the other half of old Cumbria. Recorded in docs/indicators.md. Set AREA_COMPARATORS (a
 * comma-separated list of ONS codes) to use another set; for other areas, there is no default.
 */
export const CUMBERLAND_COMPARATORS: readonly { code: string; name: string }[] = [
  { code: 'E06000064', name: 'Westmorland and Furness' },
  { code: 'E06000057', name: 'Northumberland' },
  { code: 'E06000047', name: 'County Durham' },
  { code: 'E06000052', name: 'Cornwall' },
  { code: 'E06000003', name: 'Redcar and Cleveland' },
  { code: 'E06000012', name: 'North East Lincolnshire' },
  { code: 'E06000005', name: 'Darlington' },
  { code: 'E06000001', name: 'Hartlepool' },
  { code: 'E06000051', name: 'Shropshire' },
  { code: 'E10000019', name: 'Lincolnshire' },
];

const ONS_LA = /^E(0[6-9]|10)\d{6}$/;

/** Parses AREA_COMPARATORS; throws a message naming the bad code. */
export function parseComparators(raw: string): string[] {
  const codes = raw.split(',').map((c) => c.trim()).filter(Boolean);
  for (const c of codes) if (!ONS_LA.test(c)) throw new RangeError(`AREA_COMPARATORS: "${c}" is not an ONS local authority code such as E06000064`);
  return [...new Set(codes)];
}

export function comparatorsFor(areaCode: string, configured?: readonly string[]): readonly string[] {
  if (configured && configured.length > 0) return configured.filter((c) => c !== areaCode);
  return areaCode === 'E06000063' ? CUMBERLAND_COMPARATORS.map((c) => c.code) : [];
}
