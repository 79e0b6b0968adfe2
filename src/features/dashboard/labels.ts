/**
 * Names for what the indicator store holds as codes: breakdown groups, the DfE's suppression
 * markers, priorities and themes. Codes come from the import formats' code lists where there is
 * one; a code we do not know is shown as it is, never dropped.
 */
import { HEALTH_CHECKS, SEN_NEEDS, SEN_PROVISION, SOCIAL_CARE_STATUSES } from '../data-hub/formats/codes.js';
import type { Priority } from '../indicators/indicator.types.js';

const fromList = (list: { entries: readonly { code: string; label: string }[] }) => new Map(list.entries.map((e) => [e.code, e.label]));

const SEN_PROVISION_WORDS = new Map([
  ...fromList(SEN_PROVISION),
  ['ehcp', 'Education, health and care plan'],
  ['sen-support', 'SEN support'],
  ['no-sen', 'No special educational need'],
]);

/** The labels of each breakdown's groups that are codes. Localities and providers are names already. */
const GROUP_LABELS: Record<string, ReadonlyMap<string, string>> = {
  'sen-provision': SEN_PROVISION_WORDS,
  cohort: SEN_PROVISION_WORDS,
  'primary-need': new Map([...fromList(SEN_NEEDS), ['none', 'No primary need recorded']]),
  'social-care': new Map([...fromList(SOCIAL_CARE_STATUSES), ['none', 'Not known to social care'], ['known', 'Known to social care']]),
  fsm: new Map([
    ['true', 'Eligible for free school meals'],
    ['false', 'Not eligible for free school meals'],
    ['yes', 'Eligible for free school meals'],
    ['no', 'Not eligible for free school meals'],
    ['fsm', 'Eligible for free school meals'],
    ['not-fsm', 'Not eligible for free school meals'],
  ]),
  'check-type': fromList(HEALTH_CHECKS),
  agency: new Map([
    ['health', 'Health'],
    ['social-care', 'Social care'],
    ['education', 'Education'],
    ['educational-psychology', 'Educational psychology'],
  ]),
  phase: new Map([
    ['primary', 'Primary'],
    ['secondary', 'Secondary'],
    ['special', 'Special'],
    ['all-through', 'All-through'],
    ['post-16', 'Post-16'],
  ]),
};

/** A group's name: a school's name by its URN (from `schools`), a code's meaning, or the value itself. */
export function groupLabel(breakdown: string, value: string, schools: ReadonlyMap<string, string> = new Map()): string {
  if (breakdown === 'school') return schools.get(value) ?? `School ${value}`;
  return GROUP_LABELS[breakdown]?.get(value) ?? GROUP_LABELS[breakdown]?.get(value.toLowerCase()) ?? (value || 'Not recorded');
}

/** What the DfE's suppression markers mean (their "symbols used" guidance). */
export const MARKERS: Record<string, string> = {
  x: 'not available',
  c: 'not published, to protect confidentiality',
  z: 'does not apply',
  low: 'a small number that rounds to 0',
  u: 'low reliability',
  ':': 'not available',
  '..': 'not available',
};

export function markerText(marker: string | null): string {
  if (!marker) return 'not published';
  return MARKERS[marker.toLowerCase()] ?? `not published (marked “${marker}”)`;
}

/** The strategy's priorities and the inspection's areas for improvement, as the pages name them. */
export const PRIORITY_PAGES: readonly { key: string; priority: Priority; title: string; short: string }[] = [
  { key: '1', priority: 1, title: 'Priority 1: Working together and building trust', short: 'Working together and building trust' },
  { key: '2', priority: 2, title: 'Priority 2: High quality local provision and services', short: 'High quality local provision and services' },
  { key: '3', priority: 3, title: 'Priority 3: Improving outcomes', short: 'Improving outcomes' },
  { key: '4', priority: 4, title: 'Priority 4: Preparing for and moving into adulthood', short: 'Preparing for and moving into adulthood' },
  { key: '5', priority: 5, title: 'Priority 5: A supportive, effective alternative provision', short: 'A supportive, effective alternative provision' },
  { key: '6', priority: 6, title: 'Priority 6: Valuing our children and young people and achieving best value', short: 'Achieving best value' },
  {
    key: 'aif1',
    priority: 'aif1',
    title: 'Area for improvement 1: Contributions to EHC plans from all partners',
    short: 'Contributions to EHC plans from all partners, especially health and social care',
  },
  {
    key: 'aif2',
    priority: 'aif2',
    title: 'Area for improvement 2: Understanding the impact of our work',
    short: 'Understanding impact: CAMHS waits, developmental checks, attendance, exclusions and suspensions',
  },
];

/**
 * The theme pages: the inspection's and the strategy's subjects, each a set of indicators. The
 * table compares the theme's measures by one breakdown; schools are left to each indicator's
 * page, which lists the schools furthest from where they should be.
 */
export const THEME_PAGES: readonly { key: string; title: string; intro: string; matrixBreakdowns: readonly string[] }[] = [
  {
    key: 'camhs',
    title: 'CAMHS waits',
    intro: 'How long children wait for child and adolescent mental health services (CAMHS), and how many are waiting, by locality and by provider. Millom, which borders Lancashire and South Cumbria, is shown on its own.',
    matrixBreakdowns: ['locality', 'provider'],
  },
  {
    key: 'health-checks',
    title: 'Developmental checks',
    intro: 'How many children have their health and development checks, and how well the checks find children who turn out to have special educational needs.',
    matrixBreakdowns: ['check-type', 'locality'],
  },
  {
    key: 'attendance',
    title: 'Attendance, suspensions and exclusions',
    intro: 'School attendance, persistent and severe absence, suspensions and permanent exclusions, for all pupils and by SEN provision, so that patterns suggesting children are vulnerable show early.',
    matrixBreakdowns: ['sen-provision', 'locality', 'social-care', 'fsm', 'phase', 'primary-need'],
  },
  {
    key: 'ehc',
    title: 'EHC plan timeliness and contributions',
    intro: 'Whether education, health and care (EHC) plans are issued on time, whether decisions and annual reviews are on time, and whether health and social care contribute to every plan.',
    matrixBreakdowns: ['locality', 'agency', 'primary-need'],
  },
  {
    key: 'ap',
    title: 'Alternative provision',
    intro: 'How many children are in alternative provision, for how long, and how many go back to school.',
    matrixBreakdowns: ['sen-provision'],
  },
  {
    key: 'post-16',
    title: 'Post-16 activity',
    intro: 'Whether young people aged 16 and 17 are in education, employment or training.',
    matrixBreakdowns: ['sen-provision'],
  },
  {
    key: 'sen',
    title: 'SEN support and EHC plans',
    intro: 'How many pupils receive SEN support or have an EHC plan, by primary need, locality and school.',
    matrixBreakdowns: ['primary-need', 'locality', 'fsm', 'social-care'],
  },
  {
    key: 'survey',
    title: 'What families tell us',
    intro: 'Measures from the surveys of children, young people and families.',
    matrixBreakdowns: [],
  },
];
