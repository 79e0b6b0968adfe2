/**
 * The area's places. Postcode districts are the real public outward codes of each part of
 * Cumberland (geography, not personal data); every full postcode is invented: a real district,
 * then a random inward code of the right shape, so no address is anyone's.
 *
 * Millom (LA18) is part of the old Copeland borough but its health services are commissioned by
 * NHS Lancashire and South Cumbria ICB (QE1), the rest of Cumberland by NHS North East and North
 * Cumbria ICB (QHM): it is reported as its own border locality, as in the demo EHC data.
 * CA2 (Carlisle) and CA20 to CA28 (Copeland) exercise the longest-prefix rule of data-formats.md.
 */
import { cumulative, type Random } from './random.js';

export const LOCALITY_NAMES = ['Allerdale', 'Carlisle', 'Copeland', 'Millom'] as const;
export type LocalityName = (typeof LOCALITY_NAMES)[number];

export const ICB = {
  nenc: { code: 'QHM', name: 'NHS North East and North Cumbria ICB' },
  lsc: { code: 'QE1', name: 'NHS Lancashire and South Cumbria ICB' },
} as const;

/** Specialist CAMHS providers (real public ODS codes of the two NHS trusts). */
export const CAMHS_PROVIDERS = {
  cntw: { code: 'RX4', name: 'Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust' },
  lscft: { code: 'RW5', name: 'Lancashire and South Cumbria NHS Foundation Trust' },
} as const;

export interface Locality {
  index: number;
  name: LocalityName;
  icbCode: string;
  camhsProvider: string;
  /** Share of the area's children and young people (old district populations). */
  share: number;
  /** Share of households eligible for free school meals. */
  fsmRate: number;
  /** [district, weight] */
  districts: readonly (readonly [string, number])[];
}

export const LOCALITIES: readonly Locality[] = [
  {
    index: 0, name: 'Allerdale', icbCode: ICB.nenc.code, camhsProvider: CAMHS_PROVIDERS.cntw.code, share: 0.35, fsmRate: 0.24,
    districts: [['CA14', 30], ['CA15', 14], ['CA13', 12], ['CA7', 18], ['CA12', 8]],
  },
  {
    index: 1, name: 'Carlisle', icbCode: ICB.nenc.code, camhsProvider: CAMHS_PROVIDERS.cntw.code, share: 0.4, fsmRate: 0.21,
    districts: [['CA1', 24], ['CA2', 26], ['CA3', 20], ['CA4', 8], ['CA5', 7], ['CA6', 6], ['CA8', 6]],
  },
  {
    index: 2, name: 'Copeland', icbCode: ICB.nenc.code, camhsProvider: CAMHS_PROVIDERS.cntw.code, share: 0.215, fsmRate: 0.25,
    districts: [['CA28', 36], ['CA22', 14], ['CA25', 14], ['CA26', 6], ['CA27', 4], ['CA20', 6], ['CA21', 4], ['CA24', 4], ['CA23', 3], ['CA18', 2], ['CA19', 2]],
  },
  {
    index: 3, name: 'Millom', icbCode: ICB.lsc.code, camhsProvider: CAMHS_PROVIDERS.lscft.code, share: 0.035, fsmRate: 0.22,
    districts: [['LA18', 1]],
  },
];

const DISTRICT_CUM = LOCALITIES.map((l) => cumulative(l.districts.map((d) => d[1])));
const LOCALITY_CUM = cumulative(LOCALITIES.map((l) => l.share));

/** Letters a postcode's inward code may use (never C, I, K, M, O or V). */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export function pickLocality(random: Random): number {
  return random.index(LOCALITY_CUM);
}

/** An invented postcode in a locality: a real district and a random inward code. */
export function inventPostcode(random: Random, locality: number): string {
  const l = LOCALITIES[locality]!;
  const district = l.districts[random.index(DISTRICT_CUM[locality]!)]![0];
  const sector = random.int(1, 9);
  return `${district} ${sector}${INWARD_LETTERS[random.int(0, 19)]}${INWARD_LETTERS[random.int(0, 19)]}`;
}

/** The rows of localities.csv: every district with its locality and ICB. */
export function localityRows(): string[][] {
  const rows: string[][] = [];
  for (const l of LOCALITIES) for (const [district] of l.districts) rows.push([district, l.name, l.icbCode]);
  return rows.sort((a, b) => a[0]!.localeCompare(b[0]!, 'en', { numeric: true }));
}
