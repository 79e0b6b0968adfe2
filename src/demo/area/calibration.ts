/**
 * Every number the synthetic area is calibrated to, with where it comes from. Scale 1 is
 * Cumberland: the strategy's "current position" (../shared/seeds/001_*.txt); the patterns are from
 * the real national data in ../shared/data/external (docs/demo-area.md cites each file). Needs use
 * the CBDS codes of data-formats.md.
 */

/** The strategy's "current position in Cumberland" (2024). */
export const TARGETS = {
  population0to25: 72_313,
  /** "41,559 school-aged children (ages 5-18)": here the 14 year groups Reception to Year 13. */
  schoolAge: 41_559,
  schools: 172,
  specialSchools: 3,
  /** 5,223 = 13.6% of about 38,400 pupils on roll: the DfE's denominator (pupils in schools). */
  senSupport: 5_223,
  senSupportRateOfPupils: 0.136,
  /** 2,721 plans (ages 0-25) = 6.5% of the 41,559 school-age children: the strategy's own ratio. */
  ehcPlans: 2_721,
  ehcPlanRateOfSchoolAge: 0.065,
  mainstreamShareOfPlans: 0.586,
  asdShareOfPlans: 0.3596,
  ehcpKnownToSocialCare: 336,
  senSupportKnownToSocialCare: 253,
} as const;

export const NEEDS = ['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH', 'NSA'] as const;
export type Need = (typeof NEEDS)[number];
export const NEED_INDEX = Object.fromEntries(NEEDS.map((n, i) => [n, i])) as Record<Need, number>;
export const ASD = NEED_INDEX.ASD;
export const SEMH = NEED_INDEX.SEMH;
export const SLCN = NEED_INDEX.SLCN;
export const NSA = NEED_INDEX.NSA;

type Mix = Partial<Record<Need, number>>;

/** As an array of weights in NEEDS order. */
export function mixWeights(mix: Mix): number[] {
  return NEEDS.map((n) => mix[n] ?? 0);
}

/**
 * Where a plan holder is educated. The census carries mainstream, special and AP; the rest are
 * in the population (and in health, social care and post-16 data) but on no school roll here.
 * "elsewhere" is SEN2's other arrangements and not in education or training (NEET from 16).
 */
export const PLACEMENTS = ['mainstream', 'special', 'independent-special', 'ap', 'fe', 'early-years', 'ehe', 'elsewhere'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/**
 * Primary need of plans by placement, Cumberland 2024/25: sen2-ehcp-2025/data/sen_needs_all_plans.csv
 * (breakdown "Type of placement"; "need unknown" is folded into OTH). All plans together: ASD 36.0%.
 */
export const PLAN_NEEDS_BY_PLACEMENT: Record<Placement, Mix> = {
  mainstream: { ASD: 34.3, SLCN: 27.1, SEMH: 18.7, SLD: 8.5, PD: 5.9, SPLD: 1.7, HI: 1.5, VI: 1.2, MLD: 0.5, PMLD: 0.3, OTH: 0.3 },
  special: { ASD: 46.2, SLD: 17.1, SLCN: 12.7, SEMH: 9.4, PD: 8.0, PMLD: 3.9, SPLD: 1.2, VI: 0.8, HI: 0.3, MLD: 0.3 },
  'independent-special': { SEMH: 62.8, ASD: 16.7, SLCN: 9.0, SLD: 6.4, PD: 3.8, SPLD: 1.3 },
  ap: { SEMH: 93, ASD: 2.3, SLCN: 2.3, SLD: 2.3 },
  fe: { ASD: 34.8, SEMH: 22.9, SLCN: 16.6, SLD: 11, PD: 8.8, SPLD: 2.2, MLD: 1.3, HI: 0.9, VI: 0.6, PMLD: 0.6, OTH: 0.3 },
  'early-years': { ASD: 37.9, SLD: 27.6, SLCN: 17.2, PD: 13.8, HI: 3.4 },
  ehe: { SEMH: 50.7, ASD: 27.7, SLCN: 8.8, SLD: 5.4, PD: 4.1, MLD: 1.4, HI: 0.7, PMLD: 0.7, SPLD: 0.7 },
  elsewhere: { SEMH: 50.7, ASD: 27.7, SLCN: 8.8, SLD: 5.4, PD: 4.1, MLD: 1.4, HI: 0.7, PMLD: 0.7, SPLD: 0.7 },
};

/**
 * Primary need on SEN Support, England: dfe-la-sen-misc/sen_national.csv ("All pupils comparison",
 * 2021/22, the *_ss columns). Tilted by age when drawn (speech and language in the early years,
 * SEMH and SpLD later), as the national age profile is.
 */
export const SUPPORT_NEEDS: Mix = {
  SLCN: 25.1, SEMH: 20.0, MLD: 18.9, SPLD: 14.4, ASD: 7.6, NSA: 4.4, OTH: 4.3, PD: 2.2, HI: 1.6, VI: 0.9, MSI: 0.3, SLD: 0.2, PMLD: 0.1,
};

/** Plans by age (on 31 August), Cumberland 2024/25: sen_needs_all_plans.csv, "Child or young persons age". */
export const PLANS_BY_AGE: Record<number, number> = {
  2: 3, 3: 42, 4: 144, 5: 161, 6: 164, 7: 201, 8: 193, 9: 196, 10: 179, 11: 213, 12: 215, 13: 236, 14: 222,
  15: 191, 16: 173, 17: 130, 18: 99, 19: 63, 20: 38, 21: 16, 22: 10, 23: 3, 24: 1,
};

/**
 * Placement weights by age band, tuned so that all plans together come near the 2023/24
 * Cumberland mix in sen2-ehcp-2025/data/caseload.csv (mainstream 58.6%, special 20.7% incl.
 * independent 3.0%, AP 1.2%, FE 12.5%, elective home education 1.4%, educated elsewhere 5.1%,
 * early years 1.9%); the mainstream share is then made exact. FE can only hold the over-16s, so
 * it comes out lower and "elsewhere" higher.
 */
export function placementWeights(age: number): Record<Placement, number> {
  const none = { mainstream: 0, special: 0, 'independent-special': 0, ap: 0, fe: 0, 'early-years': 0, ehe: 0, elsewhere: 0 };
  if (age <= 3) return { ...none, 'early-years': 90, special: 5, mainstream: 5 };
  if (age <= 9) return { ...none, mainstream: 71, special: 21, 'independent-special': 1.5, ehe: 1.5, elsewhere: 5 };
  if (age <= 15) return { ...none, mainstream: 66, special: 20, 'independent-special': 3, ap: 3, ehe: 2, elsewhere: 6 };
  if (age <= 17) return { ...none, mainstream: 35, special: 19, 'independent-special': 2, fe: 40, elsewhere: 4 };
  if (age === 18) return { ...none, special: 27, fe: 59, elsewhere: 14 };
  return { ...none, fe: 81, elsewhere: 19 };
}

/** The age bands placementWeights() distinguishes. */
export function placementBand(age: number): number {
  return age <= 3 ? 0 : age <= 9 ? 1 : age <= 15 ? 2 : age <= 17 ? 3 : age === 18 ? 4 : 5;
}

/** Share of each year group (by academic age) on roll in the area's state schools. */
export function onRollRate(age: number): number {
  if (age === 2) return 0.04; // two-year-old places in school nurseries (N1)
  if (age === 3) return 0.5; // school nursery classes (N2); the rest in private and voluntary settings
  if (age >= 4 && age <= 15) return 0.972; // EHE 1.3%, independent or out-of-area schools 1.5%
  if (age === 16 || age === 17) return 0.42; // school sixth forms; most of the rest at college
  return 0;
}

export const EHE_RATE_OF_SCHOOL_AGE = 0.013;

/** Relative chance of being on SEN Support by academic age (the national profile by year group). */
export const SUPPORT_BY_AGE: Record<number, number> = {
  2: 4, 3: 5, 4: 8, 5: 11, 6: 13, 7: 15, 8: 16, 9: 17, 10: 17, 11: 15, 12: 14, 13: 13, 14: 13, 15: 12, 16: 7, 17: 6,
};

/**
 * Attendance: England 2025/26 year to date, attendance-2025-26/EES_ytd_data.csv (national rows).
 * Absence rate and persistent absence (10%+) by phase; AP from dfe-la-sen-misc/4_absence_2term_pru.csv
 * (PRUs, England 2022/23: absence 40.7%, persistent 81%, severe 37%).
 */
export const ATTENDANCE = {
  absence: { primary: 0.0528, secondary: 0.0849, special: 0.1317, ap: 0.407 },
  persistent: { primary: 0.138, secondary: 0.238, special: 0.361, ap: 0.81, total: 0.188 },
  /** Sessions late before registers closed (L), as a share of possible sessions (1.86%). */
  late: 0.0186,
  /** Educational visits (V) and approved sport (P), shares of possible sessions. */
  visit: 0.0073,
  sport: 0.0011,
} as const;

/**
 * How an unplanned absence is coded: sessions per code as a % of possible sessions, England
 * (same file, reason_* columns); the share of each code's sessions that are single sessions
 * rather than whole days; and the mean length in days of a whole-day spell. C2, E, S, B, K and W
 * come from the events that cause them instead.
 */
export const ABSENCE_CODES: Record<string, { share: number; single: number; days: number }> = {
  I: { share: 3.21, single: 0.065, days: 1.76 },
  O: { share: 1.649, single: 0.21, days: 1.8 },
  G: { share: 0.434, single: 0, days: 4 },
  C: { share: 0.422, single: 0.29, days: 1 },
  M: { share: 0.335, single: 1, days: 1 },
  U: { share: 0.23, single: 1, days: 1 },
  R: { share: 0.062, single: 0, days: 1 },
  N: { share: 0.05, single: 1, days: 1 },
  J1: { share: 0.016, single: 0, days: 1 },
  T: { share: 0.009, single: 0, days: 1 },
  C1: { share: 0.004, single: 0, days: 1 },
};

/**
 * Suspensions and permanent exclusions per 100 pupils a year: Cumbria 2016/17 in
 * ees-test-data-2019/exclusions_by_geographic_level.csv (secondary 11.78 and 0.24, primary 0.68 and
 * 0.01; special from England, 13.03), raised by half for the rise since (an assumption: later
 * figures are not in the external folder). About two suspensions per suspended pupil (England
 * secondary: 302,890 suspensions, 148,820 pupils).
 */
export const EXCLUSIONS = {
  suspensionsPer100: { primary: 1.0, secondary: 17.5, special: 19.5, ap: 30 },
  permanentPer100: { primary: 0.015, secondary: 0.36, special: 0.05, ap: 0 },
  /**
   * Log-scale spread of a school's suspension rate. Same file, school rows 2016/17: the top 20% of
   * secondaries had 55.2% of suspensions (top 10%: 38.6%), and 67.5% of primaries had none.
   */
  schoolSpread: { primary: 2.0, secondary: 0.95, special: 0.9, ap: 0.3 },
} as const;

/** Reasons for suspension, England secondary 2016/17 (exclusions_by_reason.csv), mapped to today's codes. */
export const SUSPENSION_REASONS: Record<string, number> = {
  PD: 88165, OT: 69495, PP: 48610, VA: 51835, VP: 12150, DA: 8820, DM: 5290, PA: 5075, TH: 4065, RA: 3870, BU: 3590,
  SM: 2500, MT: 1200, AB: 600, AD: 300,
};
export const PERMANENT_REASONS: Record<string, number> = {
  PD: 2295, OT: 1265, PP: 860, DA: 565, VA: 545, PA: 330, VP: 280, MT: 150, DM: 75, TH: 40,
};

/**
 * CAMHS. The NHS community data (nhs-mh-community/eng_ch_time_series_derived.csv) has 20% to 54% of
 * children waiting over 18 weeks by service in 2023, and MHSDS (the ED87 measures for QHM, 2022)
 * routine waits spread from under a week to over 12 weeks: we draw referral-to-treatment waits
 * from a log-normal with a median of 14 weeks and a long right tail (p90 about 38 weeks).
 */
export const CAMHS = {
  /** Referrals a year per child, by age band (under 5, 5-10, 11-15, 16-17). */
  referralRate: [0.002, 0.022, 0.048, 0.055],
  outcome: { accepted: 0.7, signposted: 0.2, declined: 0.1 },
  firstContactMedianWeeks: 4,
  firstContactSigma: 0.6,
  treatmentMedianWeeks: 14,
  treatmentSigma: 0.78,
  treatmentMedianWeeksMillom: 18,
  /** Accepted referrals discharged without treatment (did not engage). */
  dischargedUntreated: 0.08,
  treatmentMedianWeeksLength: 20,
} as const;

/** Health visiting and school nursing checks completed (assumed: no coverage data is in the external folder). */
export const CHECK_COVERAGE: Record<string, number> = {
  antenatal: 0.85, 'new-birth': 0.98, '6-8-week': 0.94, '1-year': 0.84, '2-2.5-year': 0.78,
  'school-entry': 0.9, 'year-6': 0.95, 'year-9': 0.62, '16-19': 0.4,
};

/**
 * Known to social care on the reference day. 336 with a plan and 253 on SEN Support are the
 * strategy's; the rest follow Cumbria's share of children in need with a plan (31%, sen_la.csv
 * 2021/22), which puts about 490 children with no SEN alongside them.
 */
export const SOCIAL_CARE = {
  knownWithoutSen: 490,
  statusMix: {
    E: { CIN: 62, CLA: 30, CP: 8 },
    K: { CIN: 45, CLA: 25, CP: 30 },
    N: { CIN: 50, CLA: 20, CP: 30 },
  },
  /** New episodes a year, per known child on the reference day. */
  newEpisodesPerYear: 0.45,
  cmePerYearPer1000: 1.8,
  eheDeregistrationsPerYearPer1000: 4,
} as const;

/** Post-16 destinations of 16 and 17 year olds not in a school sixth form (assumed; Cumberland's NEET rate is low). */
export const POST16 = {
  notInSchool: { education: 70, apprenticeship: 10, employment: 6, training: 4, neet: 6, unknown: 4 },
} as const;
