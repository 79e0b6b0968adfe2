import type { IndicatorDefinition } from '../indicator.types.js';
import { SMALL_NUMBERS } from './common.js';

/** Developmental checks (0–19): the inspection asked how well they identify need. */
export const healthCheckIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'health-check-coverage',
    name: 'Developmental checks completed',
    priority: 'aif2',
    theme: 'health-checks',
    definition: 'Of the health visiting and school nursing checks due in the academic year, the share where the child was seen.',
    numerator: 'Checks due in the year where the child was seen (no concern, concern or referred)',
    denominator: 'Checks due in the year, up to today',
    source: ['Health visiting and school nursing checks'],
    owner: 'Public health nursing lead',
    target: { value: 90, by: '202627' },
    goodDirection: 'up',
    unit: 'percent',
    suppression: SMALL_NUMBERS,
    periodKind: 'academic-year',
    breakdowns: ['check-type', 'locality'],
    caveats: ['A check declined by the family counts as not seen: it is a choice families may make.'],
  },
  {
    id: 'health-check-concern-confirmed-send',
    name: 'Concerns at checks later confirmed as SEND',
    priority: 'aif2',
    theme: 'health-checks',
    definition:
      'Of the children whose developmental check raised a concern or a referral, the share recorded with special educational needs (SEN support or an EHC plan) on a school census within 12 months: how well the checks identify need.',
    numerator: 'Children with a concern at a check who were recorded with SEN within 12 months after it',
    denominator: 'Children with a concern or referral at a check completed in the year, at least 12 months ago',
    source: ['Health visiting and school nursing checks', 'School census'],
    owner: 'Public health nursing lead',
    goodDirection: 'up',
    unit: 'percent',
    suppression: SMALL_NUMBERS,
    periodKind: 'academic-year',
    breakdowns: ['check-type'],
    caveats: [
      'Only children who can be linked to the school census count; children under school age are not on it, so checks before 2 years old rarely show here.',
      'A concern not confirmed is not a mistake: many early concerns are met without SEN support.',
    ],
  },
];
