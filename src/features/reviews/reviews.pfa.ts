/**
 * Preparing for Adulthood at a review from Year 9 (reg 20(6), 21(6)): for each of the four
 * areas the outcome agreed and the progress towards it, and the route planner's steps. Pure:
 * reads the form into the record stored in annual_reviews.pfa, with GOV.UK error messages.
 */
import type { FieldError } from '../../platform/web/forms.js';
import { MAX_ROUTE_STEPS, PFA_AREA_KEYS, PFA_AREAS, type PfaArea } from './reviews.codes.js';

export interface RouteStep {
  step: string;
  byWhen: string;
  who: string;
}

export interface Pfa {
  outcomes: Record<PfaArea, { outcome: string; progress: string }>;
  routePlanner: RouteStep[];
}

export const pfaFieldNames = (): string[] => [
  ...PFA_AREA_KEYS.flatMap((a) => [`pfa-${a}-outcome`, `pfa-${a}-progress`]),
  ...Array.from({ length: MAX_ROUTE_STEPS }, (_, i) => [`route-${i}-step`, `route-${i}-byWhen`, `route-${i}-who`]).flat(),
];

const lower = (area: PfaArea) => PFA_AREAS[area].toLowerCase();

export function readPfa(values: Record<string, string>, errors: FieldError[]): Pfa {
  const v = (name: string) => values[name]?.trim() ?? '';
  const outcomes = {} as Pfa['outcomes'];
  for (const area of PFA_AREA_KEYS) {
    const outcome = v(`pfa-${area}-outcome`);
    if (!outcome) errors.push({ field: `pfa-${area}-outcome`, text: `Enter the outcome agreed for ${lower(area)}` });
    outcomes[area] = { outcome, progress: v(`pfa-${area}-progress`) };
  }
  const routePlanner: RouteStep[] = [];
  for (let i = 0; i < MAX_ROUTE_STEPS; i++) {
    const row = { step: v(`route-${i}-step`), byWhen: v(`route-${i}-byWhen`), who: v(`route-${i}-who`) };
    if (!row.step && !row.byWhen && !row.who) continue;
    const n = i + 1;
    if (!row.step) errors.push({ field: `route-${i}-step`, text: `Enter what step ${n} of the route planner is, or clear its row` });
    if (!row.byWhen) errors.push({ field: `route-${i}-byWhen`, text: `Enter when step ${n} of the route planner should be done by` });
    if (!row.who) errors.push({ field: `route-${i}-who`, text: `Enter who will do step ${n} of the route planner` });
    routePlanner.push(row);
  }
  return { outcomes, routePlanner };
}

/** The form's values showing a stored record, for editing it. */
export function pfaValues(pfa: Partial<Pfa> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const area of PFA_AREA_KEYS) {
    const o = pfa?.outcomes?.[area];
    out[`pfa-${area}-outcome`] = o?.outcome ?? '';
    out[`pfa-${area}-progress`] = o?.progress ?? '';
  }
  (pfa?.routePlanner ?? []).slice(0, MAX_ROUTE_STEPS).forEach((r, i) => {
    out[`route-${i}-step`] = r.step;
    out[`route-${i}-byWhen`] = r.byWhen;
    out[`route-${i}-who`] = r.who;
  });
  return out;
}

/** How many route planner rows the form shows: those filled in and two blank, at least three. */
export function routeRows(values: Record<string, string>): number {
  let last = -1;
  for (let i = 0; i < MAX_ROUTE_STEPS; i++) {
    if (['step', 'byWhen', 'who'].some((f) => values[`route-${i}-${f}`]?.trim())) last = i;
  }
  return Math.min(MAX_ROUTE_STEPS, Math.max(3, last + 3));
}

/** The stored record for a page: areas in order with their names. */
export function describePfa(pfa: Partial<Pfa> | null | undefined) {
  if (!pfa?.outcomes) return null;
  return {
    outcomes: PFA_AREA_KEYS.map((area) => ({ area, label: PFA_AREAS[area], ...(pfa.outcomes?.[area] ?? { outcome: '', progress: '' }) })),
    routePlanner: pfa.routePlanner ?? [],
  };
}
