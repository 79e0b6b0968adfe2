/**
 * Reading the DfE's published statistics files as they are (explore-education-statistics CSVs):
 * case-insensitive column names, the two forms of time_period, geographic levels, and the
 * symbols the DfE publishes instead of a number. Pure.
 */
import type { DfeSource, GeographicLevel } from '../indicator.types.js';
import { periodKindOf } from '../periods.js';

/**
 * The DfE's symbols (the EES "symbols" convention and the SEN2 files):
 *   x   not available            c    confidential (suppressed to protect people)
 *   z   not applicable           low  a positive number that rounds to 0
 *   u   low reliability          :    not available (older files)
 *   ~   rounds to 0 (older)      -    nil or not applicable (older files)
 *   ..  not available            [x] [c] [z] [low] the bracketed form of newer tables
 */
export const DFE_MARKERS: ReadonlySet<string> = new Set(['x', 'c', 'z', 'low', 'u', ':', '~', '-', '..', 'k', 'w', 'n/a', 'na']);

export type ParsedMeasure = { ok: true; value: number | null; marker: string | null } | { ok: false; reason: string };

export function parseMeasure(raw: string | undefined): ParsedMeasure {
  const text = (raw ?? '').trim();
  if (text === '') return { ok: true, value: null, marker: null };
  const plain = text.replace(/,/g, '');
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain)) return { ok: true, value: Number(plain), marker: null };
  const marker = text.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (DFE_MARKERS.has(marker)) return { ok: true, value: null, marker };
  return { ok: false, reason: `is neither a number nor one of the DfE's markers (${[...DFE_MARKERS].join(', ')})` };
}

export function levelOf(raw: string): GeographicLevel | undefined {
  const l = raw.trim().toLowerCase();
  if (l === 'national') return 'national';
  if (l === 'regional') return 'regional';
  if (l === 'local authority') return 'la';
  return undefined;
}

/** The period of a row: '2024' (calendar year) or '202425' (academic year), as published. */
export function periodOfRow(raw: string): string | undefined {
  const p = raw.trim();
  const kind = periodKindOf(p);
  return kind === 'calendar-year' || kind === 'academic-year' ? p : undefined;
}

/** Which file a header is: by the measures it holds. */
export function detectSource(columns: ReadonlySet<string>): DfeSource | undefined {
  if (columns.has('pc_plans_issued_within_20_weeks')) return 'sen2-timeliness';
  if (columns.has('requests_received_in_year')) return 'sen2-requests';
  if (columns.has('ehcplans') && columns.has('mainstream_total')) return 'sen2-caseload';
  if (columns.has('attendance_perc') && columns.has('education_phase')) return 'attendance-ytd';
  return undefined;
}

export const SOURCE_TITLES: Record<DfeSource, string> = {
  'sen2-timeliness': 'SEN2: EHC plans issued within 20 weeks (timeliness_20_week.csv)',
  'sen2-requests': 'SEN2: requests for EHC needs assessments (requests.csv)',
  'sen2-caseload': 'SEN2: EHC plans maintained (caseload.csv)',
  'attendance-ytd': 'Pupil attendance in schools, year to date (EES_ytd_data.csv)',
};

/** The columns naming the area at each level. */
export function areaOf(level: GeographicLevel, get: (column: string) => string): { code: string; name: string } {
  if (level === 'national') return { code: get('country_code'), name: get('country_name') };
  if (level === 'regional') return { code: get('region_code'), name: get('region_name') };
  return { code: get('new_la_code'), name: get('la_name') };
}
