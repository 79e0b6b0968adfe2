import type { IndicatorDefinition } from '../indicator.types.js';
import { FEW_WAITS, SMALL_NUMBERS } from './common.js';

const SOURCE = ['CAMHS referrals (NHS providers’ monthly extracts)', 'Localities by postcode district'];
const WAIT_CAVEATS = [
  'Counts completed waits: children still waiting are not in the median until they are seen, so a growing list can make waits look shorter for a while. Read it beside the number waiting.',
  'Localities include the areas bordering other partnerships; children there may be seen by a provider outside Cumberland, shown by provider.',
];

function wait(id: string, name: string, what: 'first contact' | 'treatment', statistic: 'median' | '90th percentile'): IndicatorDefinition {
  const field = what === 'first contact' ? 'the first contact' : 'the start of treatment';
  return {
    id,
    name,
    priority: 'aif2',
    theme: 'camhs',
    definition:
      statistic === 'median'
        ? `The middle wait, in days, from a referral to child and adolescent mental health services (CAMHS) to ${field}, for children whose wait ended in the month: half waited less, half longer.`
        : `The wait, in days, from a CAMHS referral to ${field} that 9 in 10 children were seen within, for children whose wait ended in the month: it shows the longest waits the median hides.`,
    numerator: `The ${statistic} of the days from referral to ${field}`,
    denominator: `Referrals whose ${what} was in the month`,
    source: SOURCE,
    owner: 'Designated clinical officer (NHS)',
    ...(statistic === 'median' ? { target: { value: what === 'first contact' ? 28 : 126, note: 'the 4-week and 18-week ambitions' } } : {}),
    goodDirection: 'down',
    unit: 'days',
    suppression: FEW_WAITS,
    periodKind: 'month',
    breakdowns: ['locality', 'provider'],
    caveats: WAIT_CAVEATS,
  };
}

/** CAMHS waits: the inspection asked for accurate waits and numbers waiting in all areas, border areas included. */
export const camhsIndicators: readonly IndicatorDefinition[] = [
  {
    id: 'camhs-waiting',
    name: 'Children waiting for a first CAMHS contact',
    priority: 'aif2',
    theme: 'camhs',
    definition: 'The number of children referred to CAMHS and accepted, or not yet decided, who had not had a first contact at the end of the month.',
    numerator: 'Open referrals with no first contact at the month end',
    denominator: '',
    source: SOURCE,
    owner: 'Designated clinical officer (NHS)',
    goodDirection: 'down',
    unit: 'count',
    suppression: SMALL_NUMBERS,
    periodKind: 'month',
    breakdowns: ['locality', 'provider'],
    caveats: ['A referral signposted elsewhere or declined is not waiting, even if the child still needs help.'],
  },
  wait('camhs-median-wait-first-contact', 'Median wait for a first CAMHS contact', 'first contact', 'median'),
  wait('camhs-p90-wait-first-contact', 'Longest waits for a first CAMHS contact (90th percentile)', 'first contact', '90th percentile'),
  wait('camhs-median-wait-treatment', 'Median wait for CAMHS treatment', 'treatment', 'median'),
  wait('camhs-p90-wait-treatment', 'Longest waits for CAMHS treatment (90th percentile)', 'treatment', '90th percentile'),
];
