import { CAMHS_WAIT_WEEKS } from './thresholds.js';
import { daysBetween } from './dates.js';
import { date, text, type FlagCandidate } from './types.js';

export interface CamhsReferral {
  referralId: string;
  providerCode: string;
  referralDate: string;
  outcome: string | null;
  firstContactDate: string | null;
  treatmentStartDate: string | null;
  dischargeDate: string | null;
  extractDate: string;
}

/** The child's SEN provision at their latest census on or before today. */
export interface SenStatus {
  provision: string;
  censusDate: string;
  urn: string;
}

/**
 * SEN Support with a long CAMHS wait: on SEN Support at the latest census, and an accepted
 * referral with no treatment started nor discharge, more than 18 weeks old. One flag a referral.
 */
export function senSupportCamhsWait(childId: string, sen: SenStatus | null, referrals: readonly CamhsReferral[], today: string): FlagCandidate[] {
  if (!sen || sen.provision !== 'K') return [];
  const out: FlagCandidate[] = [];
  for (const r of referrals) {
    if (r.outcome !== 'accepted' || r.referralDate > today) continue;
    if (r.treatmentStartDate && r.treatmentStartDate <= today) continue;
    if (r.dischargeDate && r.dischargeDate <= today) continue;
    const weeks = Math.floor(daysBetween(r.referralDate, today) / 7);
    if (weeks <= CAMHS_WAIT_WEEKS) continue;
    out.push({
      rule: 'camhs-wait',
      childId,
      episode: r.referralId,
      team: 'health',
      urn: null,
      summary: `On SEN Support and waiting ${weeks} weeks for CAMHS treatment since an accepted referral.`,
      evidence: {
        items: [
          date('Referred to CAMHS', r.referralDate),
          text('Provider', r.providerCode),
          r.firstContactDate ? date('First contact', r.firstContactDate) : text('First contact', 'None recorded'),
          text('Treatment started', 'Not by the latest extract'),
          date('Latest CAMHS extract', r.extractDate),
          text('Weeks waiting', `${weeks} (we flag more than ${CAMHS_WAIT_WEEKS})`),
          date('On SEN Support at the census of', sen.censusDate),
        ],
      },
    });
  }
  return out;
}
