import type { IndicatorDefinition } from '../indicator.types.js';
import { SMALL_NUMBERS } from './common.js';

const SOURCE = ['School census'];

/** SEN support and EHC plan rates among pupils, by primary need. */
export const senIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'sen-support-rate',
    name: 'Pupils on SEN support',
    priority: 3,
    theme: 'sen',
    definition: 'The share of pupils in Cumberland’s schools receiving SEN support (special educational needs support without an EHC plan), on the latest school census of the academic year. By primary need, the share of all pupils on SEN support with that need.',
    numerator: 'Pupils recorded with SEN support (provision K)',
    denominator: 'All pupils on the census',
    source: SOURCE,
    owner: 'Head of SEND (local authority)',
    goodDirection: 'neither',
    unit: 'percent',
    suppression: SMALL_NUMBERS,
    periodKind: 'academic-year',
    breakdowns: ['primary-need', 'locality', 'school', 'fsm', 'social-care'],
    caveats: ['Schools identify SEN support differently; a school’s rate reflects its practice as well as its pupils’ needs.'],
  },
  {
    id: 'ehcp-rate',
    name: 'Pupils with an EHC plan',
    priority: 3,
    theme: 'sen',
    definition: 'The share of pupils in Cumberland’s schools with an education, health and care plan, on the latest school census of the academic year. By primary need, the share of all pupils with a plan for that need.',
    numerator: 'Pupils recorded with an EHC plan (provision E)',
    denominator: 'All pupils on the census',
    source: SOURCE,
    owner: 'Head of SEND (local authority)',
    goodDirection: 'neither',
    unit: 'percent',
    suppression: SMALL_NUMBERS,
    periodKind: 'academic-year',
    breakdowns: ['primary-need', 'locality', 'school', 'fsm', 'social-care'],
    caveats: ['Counts pupils in the area’s schools: children with a plan educated elsewhere, or not in school, are not in it.'],
  },
];
