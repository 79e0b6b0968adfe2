/** CAMHS numbers waiting and waits, by month, locality (border areas included) and provider. Pure rules. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Breakdown, ComputedValue, IndicatorComputation } from '../indicator.types.js';
import { boundsOf, daysBetween, monthOf } from '../periods.js';
import { median, percentile } from '../stats.js';

export interface ReferralFacts {
  referralDate: string;
  firstContactDate: string | null;
  treatmentStartDate: string | null;
  dischargeDate: string | null;
  outcome: string | null;
  extractDate: string;
  locality: string;
  provider: string;
}

/** Referrals signposted elsewhere or declined are not waiting for CAMHS. */
const NOT_WAITING = new Set(['signposted', 'declined']);

function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

export function camhsValues(referrals: readonly ReferralFacts[], today: string): ComputedValue[] {
  if (referrals.length === 0) return [];
  const out: ComputedValue[] = [];
  const first = referrals.map((r) => r.referralDate).sort()[0]!;
  const lastExtract = referrals.map((r) => r.extractDate).sort().at(-1)!;
  const end = lastExtract < today ? lastExtract : today;
  const groupsOf = (r: ReferralFacts): [Breakdown, string][] => [['', ''], ['locality', r.locality], ['provider', r.provider]];

  for (const month of months(monthOf(first), monthOf(end))) {
    const { to } = boundsOf(month);
    const asAt = to < end ? to : end;
    // Waiting at the month's end (or the extract date, for the last month).
    // The whole area always has a count, 0 included.
    const waiting = new Map<string, { breakdown: Breakdown; value: string; n: number }>([['\u0000', { breakdown: '', value: '', n: 0 }]]);
    const waits: Record<'first' | 'treatment', Map<string, { breakdown: Breakdown; value: string; days: number[] }>> = { first: new Map(), treatment: new Map() };
    for (const r of referrals) {
      const isWaiting =
        r.referralDate <= asAt &&
        !(r.outcome && NOT_WAITING.has(r.outcome)) &&
        (r.firstContactDate === null || r.firstContactDate > asAt) &&
        (r.dischargeDate === null || r.dischargeDate > asAt);
      for (const [breakdown, value] of groupsOf(r)) {
        const key = `${breakdown}\u0000${value}`;
        if (isWaiting) {
          const w = waiting.get(key) ?? { breakdown, value, n: 0 };
          w.n++;
          waiting.set(key, w);
        }
        for (const [kind, date] of [['first', r.firstContactDate], ['treatment', r.treatmentStartDate]] as const) {
          if (date === null || monthOf(date) !== month || date > end) continue;
          const m = waits[kind];
          const w = m.get(key) ?? { breakdown, value, days: [] };
          w.days.push(daysBetween(r.referralDate, date));
          m.set(key, w);
        }
      }
    }
    for (const w of waiting.values()) out.push({ indicatorId: 'camhs-waiting', period: month, breakdown: w.breakdown, breakdownValue: w.value, numerator: w.n, denominator: null, value: w.n });
    for (const [kind, m] of Object.entries(waits)) {
      const suffix = kind === 'first' ? 'first-contact' : 'treatment';
      for (const w of m.values()) {
        const base = { period: month, breakdown: w.breakdown, breakdownValue: w.value, numerator: null, denominator: w.days.length };
        out.push({ ...base, indicatorId: `camhs-median-wait-${suffix}`, value: median(w.days) });
        out.push({ ...base, indicatorId: `camhs-p90-wait-${suffix}`, value: percentile(w.days, 90) });
      }
    }
  }
  return out;
}

export async function loadReferrals(db: Kysely<DB>): Promise<ReferralFacts[]> {
  const rows = await sql<{
    referral_date: string; first_contact_date: string | null; treatment_start_date: string | null; discharge_date: string | null;
    referral_outcome: string | null; extract_date: string; locality: string | null; provider_code: string;
  }>`
    select f.referral_date, f.first_contact_date, f.treatment_start_date, f.discharge_date, f.referral_outcome, f.extract_date,
      l.locality, f.provider_code
    from camhs_referrals f left join localities l on l.postcode_prefix = split_part(f.postcode, ' ', 1)
  `.execute(db);
  return rows.rows.map((r) => ({
    referralDate: r.referral_date,
    firstContactDate: r.first_contact_date,
    treatmentStartDate: r.treatment_start_date,
    dischargeDate: r.discharge_date,
    outcome: r.referral_outcome,
    extractDate: r.extract_date,
    locality: r.locality ?? 'Unknown',
    provider: r.provider_code,
  }));
}

export const camhsComputation: IndicatorComputation = {
  ids: ['camhs-waiting', 'camhs-median-wait-first-contact', 'camhs-p90-wait-first-contact', 'camhs-median-wait-treatment', 'camhs-p90-wait-treatment'],
  async compute({ db, today }) {
    return camhsValues(await loadReferrals(db), today);
  },
};
