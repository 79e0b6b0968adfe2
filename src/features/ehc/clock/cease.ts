/**
 * Why a plan ceased: the SEN2 CeaseReason codes (SEN2 person-level schema 2024,
 * ceasereasontype; shared/data/external/sen2-spec). `label` is the return's wording, for
 * professionals and returns; `plainLabel` is for families.
 */
export const SEN2_CEASE_REASONS = {
  '1': { label: 'Reached maximum age', plainLabel: 'Reached the age when the plan ends' },
  '2': { label: 'Ongoing educational or training needs being met without an EHC plan', plainLabel: 'Needs are now met without a plan' },
  '3': { label: 'Moved on to higher education', plainLabel: 'Went on to university or other higher education' },
  '4': { label: 'Moved on to paid employment, excluding apprenticeships', plainLabel: 'Went into a paid job (not an apprenticeship)' },
  '5': { label: 'Transferred to another LA', plainLabel: 'Moved to another council area' },
  '6': { label: 'Young person no longer wishes to engage in education', plainLabel: 'Chose to stop education or training' },
  '7': { label: 'Child or young person has moved abroad', plainLabel: 'Moved to another country' },
  '8': { label: 'Child or young person deceased', plainLabel: 'Died' },
  '9': { label: 'Other', plainLabel: 'Another reason' },
} as const satisfies Record<string, { label: string; plainLabel: string }>;

export type Sen2CeaseReasonCode = keyof typeof SEN2_CEASE_REASONS;

export function isSen2CeaseReasonCode(value: unknown): value is Sen2CeaseReasonCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SEN2_CEASE_REASONS, value);
}
