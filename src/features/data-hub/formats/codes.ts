/**
 * Every code list of the import formats (docs: data-formats.md), with its meanings, in one place:
 * importers validate against these, and pages and charts label with them.
 */

export interface CodeEntry<C extends string> {
  readonly code: C;
  readonly label: string;
}

export interface CodeList<C extends string> {
  /** What one code is called in a sentence: "is not a ${noun}". */
  readonly noun: string;
  readonly entries: readonly CodeEntry<C>[];
  /** The code a value stands for, matched without regard to case; undefined when it is not one. */
  lookup(value: string): C | undefined;
  label(code: C): string;
}

export function codeList<C extends string>(noun: string, entries: readonly CodeEntry<C>[]): CodeList<C> {
  const byValue = new Map<string, C>();
  const labels = new Map<C, string>();
  for (const entry of entries) {
    byValue.set(entry.code, entry.code);
    byValue.set(entry.code.toLowerCase(), entry.code);
    byValue.set(entry.code.toUpperCase(), entry.code);
    labels.set(entry.code, entry.label);
  }
  return {
    noun,
    entries,
    lookup: (value) => byValue.get(value) ?? byValue.get(value.toLowerCase()),
    label: (code) => labels.get(code) ?? code,
  };
}

// ---------------------------------------------------------------------------------------------
// Attendance register codes (DfE "Working together to improve school attendance", August 2024)

/** Register codes changed on this date: H, F, J and Y were withdrawn; earlier sessions may carry them. */
export const REGISTER_CODES_CHANGED = '2024-08-19';

export type AttendanceCategory = 'present' | 'approved-activity' | 'authorised' | 'unauthorised' | 'not-possible';

export const ATTENDANCE_CATEGORIES: readonly CodeEntry<AttendanceCategory>[] = [
  { code: 'present', label: 'Present' },
  { code: 'approved-activity', label: 'Attending an approved educational activity' },
  { code: 'authorised', label: 'Authorised absence' },
  { code: 'unauthorised', label: 'Unauthorised absence' },
  { code: 'not-possible', label: 'Not a possible session' },
];

export interface RegisterCodeEntry {
  readonly code: string;
  readonly label: string;
  readonly category: AttendanceCategory;
  /** Withdrawn on 19 August 2024: allowed only on earlier sessions. */
  readonly withdrawn?: true;
}

export const REGISTER_CODES: readonly RegisterCodeEntry[] = [
  { code: '/', label: 'Present (morning)', category: 'present' },
  { code: '\\', label: 'Present (afternoon)', category: 'present' },
  { code: 'L', label: 'Late, arriving before the register closed', category: 'present' },
  { code: 'P', label: 'Participating in a supervised sporting activity', category: 'approved-activity' },
  { code: 'K', label: 'Attending education provision arranged by the local authority', category: 'approved-activity' },
  { code: 'B', label: 'Attending any other approved educational activity (off-site)', category: 'approved-activity' },
  { code: 'V', label: 'Attending an educational visit or trip', category: 'approved-activity' },
  { code: 'W', label: 'Attending work experience', category: 'approved-activity' },
  { code: 'C', label: 'Leave of absence for exceptional circumstances', category: 'authorised' },
  { code: 'C1', label: 'Leave of absence for a regulated performance or employment abroad', category: 'authorised' },
  { code: 'C2', label: 'Leave of absence on a part-time timetable', category: 'authorised' },
  { code: 'E', label: 'Suspended or permanently excluded, with no alternative provision made', category: 'authorised' },
  { code: 'I', label: 'Illness (not a medical or dental appointment)', category: 'authorised' },
  { code: 'J1', label: 'Leave of absence to attend an interview', category: 'authorised' },
  { code: 'M', label: 'Medical or dental appointment', category: 'authorised' },
  { code: 'R', label: 'Religious observance', category: 'authorised' },
  { code: 'S', label: 'Study leave', category: 'authorised' },
  { code: 'T', label: 'Parent travelling for occupational purposes (mobile child)', category: 'authorised' },
  { code: 'G', label: 'Holiday not granted by the school', category: 'unauthorised' },
  { code: 'N', label: 'Reason for absence not yet established', category: 'unauthorised' },
  { code: 'O', label: 'Absent in other or unknown circumstances', category: 'unauthorised' },
  { code: 'U', label: 'Arrived after the register closed', category: 'unauthorised' },
  { code: 'D', label: 'Dual registered: attending another school', category: 'not-possible' },
  { code: 'Q', label: 'Unable to attend: lack of access arrangements', category: 'not-possible' },
  { code: 'X', label: 'Not required to attend (non-compulsory school age)', category: 'not-possible' },
  { code: 'Y1', label: 'Unable to attend: transport normally provided not available', category: 'not-possible' },
  { code: 'Y2', label: 'Unable to attend: widespread disruption to travel', category: 'not-possible' },
  { code: 'Y3', label: 'Unable to attend: part of the school premises closed', category: 'not-possible' },
  { code: 'Y4', label: 'Unable to attend: whole school site unexpectedly closed', category: 'not-possible' },
  { code: 'Y5', label: 'Unable to attend: in criminal justice detention', category: 'not-possible' },
  { code: 'Y6', label: 'Unable to attend: public health guidance or law', category: 'not-possible' },
  { code: 'Y7', label: 'Unable to attend: any other unavoidable cause', category: 'not-possible' },
  { code: 'Z', label: 'Not on the admission register', category: 'not-possible' },
  { code: '#', label: 'Planned whole or partial school closure', category: 'not-possible' },
  // Withdrawn on 19 August 2024. Categories as the DfE's published statistics count them
  // (data-dictionary.csv): F is a "management and legacy" code there, so not a possible session.
  { code: 'H', label: 'Holiday authorised by the school (withdrawn August 2024)', category: 'authorised', withdrawn: true },
  { code: 'F', label: 'Extended family holiday (withdrawn)', category: 'not-possible', withdrawn: true },
  { code: 'J', label: 'Attending an interview (withdrawn August 2024; now J1)', category: 'approved-activity', withdrawn: true },
  { code: 'Y', label: 'Unable to attend: enforced closure (withdrawn August 2024)', category: 'not-possible', withdrawn: true },
];

const registerCodes = new Map(REGISTER_CODES.map((entry) => [entry.code, entry]));
for (const entry of REGISTER_CODES) registerCodes.set(entry.code.toLowerCase(), entry);
/** One-character codes by character code: most rows, found without hashing. */
const singleCharacter: (RegisterCodeEntry | undefined)[] = [];
for (const [code, entry] of registerCodes) if (code.length === 1) singleCharacter[code.charCodeAt(0)] = entry;

/** The register code a value stands for (any case), or undefined. Whether it was in force on a date is the caller's check. */
export function registerCode(value: string): RegisterCodeEntry | undefined {
  if (value.length === 1) return singleCharacter[value.charCodeAt(0)];
  return registerCodes.get(value) ?? registerCodes.get(value.toUpperCase());
}

/** Attending counts present and approved educational activity; possible excludes not-possible codes. */
export function isAttending(category: AttendanceCategory): boolean {
  return category === 'present' || category === 'approved-activity';
}

// ---------------------------------------------------------------------------------------------
// Schools

export type SchoolType = 'mainstream' | 'special' | 'ap' | 'independent-special' | 'early-years' | 'post-16';
export const SCHOOL_TYPES = codeList<SchoolType>('school type', [
  { code: 'mainstream', label: 'Mainstream school' },
  { code: 'special', label: 'Special school' },
  { code: 'ap', label: 'Alternative provision' },
  { code: 'independent-special', label: 'Independent special school' },
  { code: 'early-years', label: 'Early years setting' },
  { code: 'post-16', label: 'Post-16 provider' },
]);

export type SchoolPhase = 'nursery' | 'primary' | 'secondary' | 'all-through' | 'post-16';
export const SCHOOL_PHASES = codeList<SchoolPhase>('phase', [
  { code: 'nursery', label: 'Nursery' },
  { code: 'primary', label: 'Primary' },
  { code: 'secondary', label: 'Secondary' },
  { code: 'all-through', label: 'All-through' },
  { code: 'post-16', label: 'Post-16' },
]);

// ---------------------------------------------------------------------------------------------
// School census (CBDS codes)

export type NationalCurriculumYear =
  | 'N1' | 'N2' | 'R' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12' | '13' | '14';
export const NATIONAL_CURRICULUM_YEARS = codeList<NationalCurriculumYear>('national curriculum year', [
  { code: 'N1', label: 'Nursery 1' },
  { code: 'N2', label: 'Nursery 2' },
  { code: 'R', label: 'Reception' },
  ...(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'] as const).map((y) => ({
    code: y,
    label: `Year ${y}`,
  })),
]);

export type SenProvision = 'E' | 'K' | 'N';
export const SEN_PROVISION = codeList<SenProvision>('SEN provision code', [
  { code: 'E', label: 'Education, health and care plan' },
  { code: 'K', label: 'SEN support' },
  { code: 'N', label: 'No special educational need' },
]);

export type SenNeed = 'SPLD' | 'MLD' | 'SLD' | 'PMLD' | 'SEMH' | 'SLCN' | 'HI' | 'VI' | 'MSI' | 'PD' | 'ASD' | 'OTH' | 'NSA';
export const SEN_NEEDS = codeList<SenNeed>('SEN type of need', [
  { code: 'SPLD', label: 'Specific learning difficulty' },
  { code: 'MLD', label: 'Moderate learning difficulty' },
  { code: 'SLD', label: 'Severe learning difficulty' },
  { code: 'PMLD', label: 'Profound and multiple learning difficulty' },
  { code: 'SEMH', label: 'Social, emotional and mental health' },
  { code: 'SLCN', label: 'Speech, language and communication needs' },
  { code: 'HI', label: 'Hearing impairment' },
  { code: 'VI', label: 'Vision impairment' },
  { code: 'MSI', label: 'Multi-sensory impairment' },
  { code: 'PD', label: 'Physical disability' },
  { code: 'ASD', label: 'Autistic spectrum disorder' },
  { code: 'OTH', label: 'Other difficulty or disability' },
  { code: 'NSA', label: 'SEN support but no specialist assessment of type of need' },
]);

export type Gender = 'M' | 'F';
export const GENDERS = codeList<Gender>('gender code', [
  { code: 'M', label: 'Male' },
  { code: 'F', label: 'Female' },
]);

// ---------------------------------------------------------------------------------------------
// Suspensions and permanent exclusions

export type ExclusionCategory = 'suspension' | 'permanent';
export const EXCLUSION_CATEGORIES = codeList<ExclusionCategory>('category', [
  { code: 'suspension', label: 'Suspension' },
  { code: 'permanent', label: 'Permanent exclusion' },
]);

export type ExclusionReason =
  | 'PP' | 'PA' | 'VP' | 'VA' | 'BU' | 'RA' | 'DA' | 'DM' | 'TH' | 'PD' | 'MT' | 'SM' | 'AB' | 'AD' | 'OT';
export const EXCLUSION_REASONS = codeList<ExclusionReason>('DfE suspension and exclusion reason code', [
  { code: 'PP', label: 'Physical assault against a pupil' },
  { code: 'PA', label: 'Physical assault against an adult' },
  { code: 'VP', label: 'Verbal abuse or threatening behaviour against a pupil' },
  { code: 'VA', label: 'Verbal abuse or threatening behaviour against an adult' },
  { code: 'BU', label: 'Bullying' },
  { code: 'RA', label: 'Racist abuse' },
  { code: 'DA', label: 'Drug and alcohol related' },
  { code: 'DM', label: 'Damage' },
  { code: 'TH', label: 'Theft' },
  { code: 'PD', label: 'Persistent disruptive behaviour' },
  { code: 'MT', label: 'Use or threat of use of an offensive weapon or prohibited item' },
  { code: 'SM', label: 'Inappropriate use of social media or online technology' },
  { code: 'AB', label: 'Abuse against sexual orientation or gender identity' },
  { code: 'AD', label: 'Abuse relating to disability' },
  { code: 'OT', label: 'Other' },
]);

// ---------------------------------------------------------------------------------------------
// CAMHS referrals

export type ReferralOutcome = 'accepted' | 'signposted' | 'declined';
export const REFERRAL_OUTCOMES = codeList<ReferralOutcome>('referral outcome', [
  { code: 'accepted', label: 'Accepted' },
  { code: 'signposted', label: 'Signposted elsewhere' },
  { code: 'declined', label: 'Declined' },
]);

// ---------------------------------------------------------------------------------------------
// Health checks (Healthy Child Programme and the 5-19 programme)

export type HealthCheck =
  | 'antenatal' | 'new-birth' | '6-8-week' | '1-year' | '2-2.5-year' | 'school-entry' | 'year-6' | 'year-9' | '16-19';
export const HEALTH_CHECKS = codeList<HealthCheck>('health check', [
  { code: 'antenatal', label: 'Antenatal contact' },
  { code: 'new-birth', label: 'New birth visit' },
  { code: '6-8-week', label: '6 to 8 week review' },
  { code: '1-year', label: '1 year review' },
  { code: '2-2.5-year', label: '2 to 2½ year review' },
  { code: 'school-entry', label: 'School entry health assessment' },
  { code: 'year-6', label: 'Year 6 health review' },
  { code: 'year-9', label: 'Year 9 health review' },
  { code: '16-19', label: '16 to 19 health review' },
]);

export type HealthOutcome = 'no-concern' | 'concern' | 'referred' | 'declined' | 'not-seen';
export const HEALTH_OUTCOMES = codeList<HealthOutcome>('health check outcome', [
  { code: 'no-concern', label: 'No concern' },
  { code: 'concern', label: 'Concern' },
  { code: 'referred', label: 'Referred' },
  { code: 'declined', label: 'Declined' },
  { code: 'not-seen', label: 'Not seen' },
]);

export type HealthDomain =
  | 'communication' | 'gross-motor' | 'fine-motor' | 'problem-solving' | 'personal-social'
  | 'emotional-health' | 'hearing' | 'vision' | 'weight';
export const HEALTH_DOMAINS = codeList<HealthDomain>('health check domain', [
  { code: 'communication', label: 'Communication' },
  { code: 'gross-motor', label: 'Gross motor' },
  { code: 'fine-motor', label: 'Fine motor' },
  { code: 'problem-solving', label: 'Problem solving' },
  { code: 'personal-social', label: 'Personal-social' },
  { code: 'emotional-health', label: 'Emotional health' },
  { code: 'hearing', label: 'Hearing' },
  { code: 'vision', label: 'Vision' },
  { code: 'weight', label: 'Weight' },
]);

// ---------------------------------------------------------------------------------------------
// Social care

export type SocialCareStatus = 'CIN' | 'CP' | 'CLA' | 'CME' | 'EHE';
export const SOCIAL_CARE_STATUSES = codeList<SocialCareStatus>('social care status', [
  { code: 'CIN', label: 'Child in need' },
  { code: 'CP', label: 'Child protection plan' },
  { code: 'CLA', label: 'Looked after' },
  { code: 'CME', label: 'Missing education' },
  { code: 'EHE', label: 'Elective home education' },
]);

// ---------------------------------------------------------------------------------------------
// Alternative provision placements

export type ApCommissioner = 'school' | 'la';
export const AP_COMMISSIONERS = codeList<ApCommissioner>('commissioner', [
  { code: 'school', label: 'A school' },
  { code: 'la', label: 'The local authority' },
]);

export type ApReason = 'suspension' | 'medical' | 'behaviour-support' | 'awaiting-place' | 'sen' | 'other';
export const AP_REASONS = codeList<ApReason>('placement reason', [
  { code: 'suspension', label: 'Suspension' },
  { code: 'medical', label: 'Medical' },
  { code: 'behaviour-support', label: 'Behaviour support' },
  { code: 'awaiting-place', label: 'Awaiting a school place' },
  { code: 'sen', label: 'Special educational needs' },
  { code: 'other', label: 'Other' },
]);

export type ApOutcome = 'reintegrated' | 'new-school' | 'special-school' | 'ehe' | 'post-16' | 'other';
export const AP_OUTCOMES = codeList<ApOutcome>('placement outcome', [
  { code: 'reintegrated', label: 'Reintegrated into their school' },
  { code: 'new-school', label: 'Moved to a new school' },
  { code: 'special-school', label: 'Moved to a special school' },
  { code: 'ehe', label: 'Elective home education' },
  { code: 'post-16', label: 'Moved on to post-16 education or training' },
  { code: 'other', label: 'Other' },
]);

// ---------------------------------------------------------------------------------------------
// Post-16 activity

export type Post16Activity = 'education' | 'apprenticeship' | 'employment' | 'training' | 'neet' | 'unknown';
export const POST16_ACTIVITIES = codeList<Post16Activity>('post-16 activity', [
  { code: 'education', label: 'Education' },
  { code: 'apprenticeship', label: 'Apprenticeship' },
  { code: 'employment', label: 'Employment' },
  { code: 'training', label: 'Training' },
  { code: 'neet', label: 'Not in education, employment or training' },
  { code: 'unknown', label: 'Activity not known' },
]);
