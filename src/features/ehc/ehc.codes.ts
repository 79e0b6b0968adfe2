/** The EHC pathway's codes and the words people see for them, in one place. */

export const AGENCIES = {
  education: 'Education',
  health: 'Health',
  psychology: 'Educational psychology',
  'social-care': 'Social care',
  'preparing-for-adulthood': 'Preparing for adulthood',
  other: 'Other',
} as const;
export type Agency = keyof typeof AGENCIES;
export const isAgency = (v: unknown): v is Agency => typeof v === 'string' && Object.hasOwn(AGENCIES, v);

/** The plan's sections (SEND Regulations 2014, reg 12). */
export const SECTIONS = {
  A: 'Views, interests and aspirations',
  B: 'Special educational needs',
  C: 'Health needs',
  D: 'Social care needs',
  E: 'Outcomes',
  F: 'Special educational provision',
  G: 'Health provision',
  H1: 'Social care provision (Chronically Sick and Disabled Persons Act 1970, section 2)',
  H2: 'Other social care provision',
  I: 'Placement',
  J: 'Personal budget',
  K: 'Advice and information',
} as const;
export type SectionKey = keyof typeof SECTIONS;
export const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[];

/** The sections each adviser's answer informs (issue #3; CoP 9.49-9.55). */
export const ADVICE_SECTIONS: Record<Agency, readonly SectionKey[]> = {
  education: ['B', 'F'],
  health: ['C', 'G'],
  psychology: ['B', 'E', 'F'],
  'social-care': ['D', 'H1', 'H2'],
  'preparing-for-adulthood': ['E', 'F'],
  other: ['B', 'E'],
};

export const REQUESTERS = {
  parent: 'A parent or carer',
  'young-person': 'The young person',
  school: 'A school or college',
  professional: 'A professional',
  other: 'Someone else',
} as const;
export type Requester = keyof typeof REQUESTERS;
export const isRequester = (v: unknown): v is Requester => typeof v === 'string' && Object.hasOwn(REQUESTERS, v);

/** Where a case is, in words for professionals and for families. */
export const STAGES = {
  requested: { staff: 'Request received', family: 'We have your request' },
  assessing: { staff: 'Assessing', family: 'We are assessing your child’s needs' },
  'not-assessing': { staff: 'Decided not to assess', family: 'We decided not to assess' },
  drafting: { staff: 'Drafting the plan', family: 'We are writing the draft plan' },
  'draft-issued': { staff: 'Draft plan with the family', family: 'The draft plan is ready for your comments' },
  'not-issuing': { staff: 'Decided not to issue a plan', family: 'We decided not to issue a plan' },
  'final-issued': { staff: 'Plan issued', family: 'The plan has been issued' },
} as const;
export type Stage = keyof typeof STAGES;

export const RELATIONSHIPS = ['mother', 'father', 'carer', 'guardian', 'grandparent', 'young-person', 'other'] as const;
