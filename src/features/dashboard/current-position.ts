/**
 * "The current position in Cumberland": the figures the partnership's SEND and AP strategy
 * 2024 to 2028 starts from (page 7), kept as reference data so the headline page can set
 * today's live measures beside them. They are the strategy's published figures, not ours:
 * each keeps the strategy's words for what it counts, and where the strategy gave one, the
 * national figure it compared with.
 *
 * `live` names the indicator that measures the same thing now, and which part of its value
 * to read; where the strategy's definition differs from the indicator's, `difference` says how.
 */
export const CURRENT_POSITION_SOURCE = {
  title: 'Cumberland Local Area SEND and Alternative Provision Strategy 2024 to 2028',
  section: 'The Current Position in Cumberland (page 7)',
  published: '2024',
  /** The area these figures describe; the headline page shows them only for it. */
  areaCode: 'E06000063',
} as const;

export interface PositionFigure {
  id: string;
  /** What the strategy counted, in its words (lightly shortened). */
  label: string;
  value: number;
  unit: 'count' | 'percent' | 'pounds-million' | 'square-km';
  /** A share the strategy gave with the count: "5,223 (13.6%)". */
  share?: number;
  /** When the figure is of: the strategy dates some ("in 2023", "23/24"); the rest are as at 2024. */
  asOf: string;
  /** The national figure the strategy set beside it. */
  national?: { value: number; unit: 'percent' };
  /** The strategy's comparison with an earlier year. */
  change?: string;
  live?: {
    indicatorId: string;
    /** value: the indicator's figure; denominator/numerator: its count (plans issued, say). */
    read: 'value' | 'numerator' | 'denominator';
    difference?: string;
  };
}

export const CURRENT_POSITION: readonly PositionFigure[] = [
  { id: 'population-0-25', label: 'Children and young people aged 0 to 25 in Cumberland', value: 72313, unit: 'count', share: 26.4, asOf: '2024' },
  { id: 'school-age', label: 'School-aged children (ages 5 to 18)', value: 41559, unit: 'count', asOf: '2024' },
  {
    id: 'sen-support',
    label: 'Children and young people receiving SEN Support',
    value: 5223,
    unit: 'count',
    share: 13.6,
    asOf: '2024',
    national: { value: 13.6, unit: 'percent' },
    live: { indicatorId: 'sen-support-rate', read: 'value', difference: 'The live measure is the share of pupils on the school census.' },
  },
  {
    id: 'ehcp',
    label: 'Children and young people with an EHC plan',
    value: 2721,
    unit: 'count',
    share: 6.5,
    asOf: '2024',
    national: { value: 4.8, unit: 'percent' },
    live: {
      indicatorId: 'ehcp-rate',
      read: 'value',
      difference: 'The strategy’s 6.5% is of school-aged children; the live measure is of pupils on the school census, so it leaves out plans for children not in the area’s schools.',
    },
  },
  { id: 'ehcp-mainstream', label: 'Children and young people with an EHC plan educated in a mainstream school', value: 58.6, unit: 'percent', asOf: '2024' },
  {
    id: 'new-ehcps',
    label: 'New EHC plans issued in the year',
    value: 428,
    unit: 'count',
    asOf: '2023',
    change: 'an increase of 14.4% from 2022',
    live: { indicatorId: 'ehcp-issued-within-20-weeks', read: 'denominator', difference: 'The live figure counts the new plans issued in the service’s casework in the year.' },
  },
  { id: 'ehcp-autism', label: 'EHC plans whose primary need is autism', value: 35.96, unit: 'percent', asOf: '2024' },
  { id: 'schools', label: 'Schools in Cumberland, of which 3 are special schools', value: 172, unit: 'count', asOf: '2024' },
  { id: 'high-needs-budget', label: 'High Needs Budget', value: 35.48, unit: 'pounds-million', asOf: '2023/24' },
  { id: 'ehcp-social-care', label: 'Children with an EHC plan known to social care services', value: 336, unit: 'count', asOf: '2024' },
  { id: 'sen-support-social-care', label: 'Children on SEN Support known to social care services', value: 253, unit: 'count', asOf: '2024' },
  { id: 'area', label: 'The area Cumberland covers: just over a fifth (21%) of the North West region', value: 3012, unit: 'square-km', asOf: '2024' },
];

/** The strategy's figure as it wrote it: "5,223 (13.6%)", "58.6%", "£35.480m", "3,012 square km". */
export function positionText(f: PositionFigure): string {
  switch (f.unit) {
    case 'percent':
      return `${f.value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;
    case 'pounds-million':
      return `£${f.value.toFixed(3)}m`;
    case 'square-km':
      return `${f.value.toLocaleString('en-GB')} square km`;
    case 'count':
      return f.share === undefined ? f.value.toLocaleString('en-GB') : `${f.value.toLocaleString('en-GB')} (${f.share}%)`;
  }
}
