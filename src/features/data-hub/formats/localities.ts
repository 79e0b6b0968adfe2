/**
 * localities: postcode prefixes to localities and ICBs. The longest matching prefix wins (`CA28`
 * Allerdale, `LA18` Millom: a border area served by another ICB).
 */
import { normalisePostcode } from '../../../platform/identifiers/identifiers.js';
import { columns, labelOf, REQUIRED, type DatasetFormat, type ImportRecord, type RowChecker } from './dataset.js';

export interface LocalityRecord extends ImportRecord {
  /** Normalised: capitals, one space between outward and inward parts (`CA28`, `LA18 4`, `CA`). */
  readonly postcodePrefix: string;
  readonly locality: string;
  readonly icbCode: string;
}

/** An area (`CA`), a district (`CA28`), a sector (`CA28 6`) or a whole postcode (`CA28 6AB`). */
const PREFIX = /^([A-Z]{1,2})(\d[A-Z\d]?)?(?: (\d)([A-Z]{1,2})?)?$/;

/** A prefix in canonical form, or undefined when it is not one. */
export function normalisePostcodePrefix(value: string): string | undefined {
  const upper = value.trim().toUpperCase().replace(/\s+/g, ' ');
  if (PREFIX.test(upper)) {
    const m = PREFIX.exec(upper)!;
    if (!m[2] && m[3]) return undefined; // a sector needs a district
    return upper;
  }
  return normalisePostcode(upper); // a whole postcode written without its space
}

/** ICB codes: ODS (`QE1`) or ONS (`E54000050`); letters and digits. */
const ICB_CODE = /^[A-Z0-9]{3,9}$/;

export const localities: DatasetFormat<LocalityRecord> = {
  name: 'localities',
  title: 'Localities by postcode prefix',
  columns: columns('postcode_prefix locality icb_code'),
  naturalKey: ['postcode_prefix'],
  sameKey: 'the same postcode prefix',
  keyOf: (r) => r.postcodePrefix,
  validateRow(row: RowChecker): LocalityRecord | undefined {
    const rawPrefix = row.text('postcode_prefix', REQUIRED, 10);
    const postcodePrefix = rawPrefix === null ? null : normalisePostcodePrefix(rawPrefix);
    if (rawPrefix !== null && !postcodePrefix) {
      row.reject(
        'postcode_prefix',
        `postcode prefix ${rawPrefix} is not a postcode area, district or sector (like CA, CA28 or CA28 6)`,
      );
    }
    const locality = row.text('locality', REQUIRED);
    const icb = row.text('icb_code', REQUIRED, 20);
    const icbCode = icb?.toUpperCase() ?? null;
    if (icbCode !== null && !ICB_CODE.test(icbCode)) {
      row.reject('icb_code', `${labelOf('icb_code')} ${icb} is not an ICB code (like QE1 or E54000050)`);
    }
    if (row.failed) return undefined;
    return { line: row.line, postcodePrefix: postcodePrefix!, locality: locality!, icbCode: icbCode! };
  },
};

/** Parts of a normalised postcode or prefix: area letters, district, sector digit, unit letters. */
function partsOf(value: string): { area: string; outward: string; inward: string } {
  const [outward = '', inward = ''] = value.split(' ');
  return { area: /^[A-Z]+/.exec(outward)?.[0] ?? '', outward, inward };
}

/**
 * Finds the locality of a postcode: the longest prefix that matches whole parts of it (`CA2`
 * matches `CA2 8AB` but not `CA28 6AB`).
 */
export class LocalityTable {
  private readonly entries: { prefix: string; area: string; outward: string; inward: string; record: LocalityRecord }[];

  constructor(records: Iterable<LocalityRecord>) {
    this.entries = [...records]
      .map((record) => ({ prefix: record.postcodePrefix, ...partsOf(record.postcodePrefix), record }))
      .sort((a, b) => b.prefix.replace(' ', '').length - a.prefix.replace(' ', '').length);
  }

  /** The locality of a postcode (any spacing or case), or undefined. */
  find(postcode: string): LocalityRecord | undefined {
    const normal = normalisePostcode(postcode);
    if (!normal) return undefined;
    const p = partsOf(normal);
    for (const e of this.entries) {
      const matches =
        e.outward === e.area // an area alone
          ? p.area === e.area
          : e.inward === ''
            ? p.outward === e.outward
            : p.outward === e.outward && p.inward.startsWith(e.inward);
      if (matches) return e.record;
    }
    return undefined;
  }
}
