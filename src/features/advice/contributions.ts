/**
 * The measure the area inspection asked for, pure: of the plans issued in a period, the share
 * with health advice and with social care advice received, and received on time; by team and
 * by locality.
 *
 * For each plan and agency:
 * - asked: the council asked that agency for advice at least once;
 * - received: at least one of those requests was answered. A nil return ("no needs in my
 *   area") is an answer and counts; silence does not;
 * - received on time: every request to that agency was answered by its due date;
 * - nil returns: every answer received from that agency was a nil return.
 * Shares are of all the plans in the group, so a plan for which nobody was asked counts
 * against the share: not asking is the first failure the measure should show.
 */
import type { Agency } from '../ehc/ehc.codes.js';

export type GroupBy = 'team' | 'locality';
export const isGroupBy = (v: unknown): v is GroupBy => v === 'team' || v === 'locality';

export const NO_TEAM = 'No team';
export const UNKNOWN_LOCALITY = 'Unknown';
export const NOT_ASKED = 'No health or social care advice asked';

export interface PlanAdvice {
  agency: Agency;
  /** The team asked; for a person asked by name, their team; null when they have none. */
  team: { id: string; name: string } | null;
  dueOn: string;
  receivedOn: string | null;
  nilReturn: boolean;
}

export interface IssuedPlan {
  requestId: string;
  locality: string | null;
  advice: readonly PlanAdvice[];
}

export interface AgencyMeasure {
  asked: number;
  received: number;
  receivedOnTime: number;
  nilReturns: number;
}

export interface GroupMeasure {
  group: string;
  plans: number;
  health: AgencyMeasure;
  socialCare: AgencyMeasure;
}

export interface Contributions {
  total: GroupMeasure;
  groups: GroupMeasure[];
}

const zero = (): AgencyMeasure => ({ asked: 0, received: 0, receivedOnTime: 0, nilReturns: 0 });
const empty = (group: string): GroupMeasure => ({ group, plans: 0, health: zero(), socialCare: zero() });

/** Adds one plan's advice from one agency to a group's counts. */
function count(m: AgencyMeasure, advice: readonly PlanAdvice[]): void {
  if (advice.length === 0) return;
  m.asked++;
  const answered = advice.filter((a) => a.receivedOn !== null);
  if (answered.length === 0) return;
  m.received++;
  if (answered.length === advice.length && advice.every((a) => a.receivedOn! <= a.dueOn)) m.receivedOnTime++;
  if (answered.every((a) => a.nilReturn)) m.nilReturns++;
}

function add(g: GroupMeasure, advice: readonly PlanAdvice[]): void {
  g.plans++;
  count(g.health, advice.filter((a) => a.agency === 'health'));
  count(g.socialCare, advice.filter((a) => a.agency === 'social-care'));
}

/**
 * By locality each plan is in one group (the child's locality). By team a plan is in the group
 * of every team asked for its health or social care advice, counting only that team's advice,
 * so the team rows may add up to more than the total; plans with neither asked form a group.
 */
export function computeContributions(plans: readonly IssuedPlan[], by: GroupBy): Contributions {
  const total = empty('All plans');
  const groups = new Map<string, GroupMeasure>();
  const group = (key: string, label: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = empty(label)));
    return g;
  };
  for (const plan of plans) {
    add(total, plan.advice);
    if (by === 'locality') {
      const locality = plan.locality?.trim() || UNKNOWN_LOCALITY;
      add(group(`locality:${locality}`, locality), plan.advice);
      continue;
    }
    const measured = plan.advice.filter((a) => a.agency === 'health' || a.agency === 'social-care');
    if (measured.length === 0) {
      add(group('not-asked', NOT_ASKED), []);
      continue;
    }
    const teams = new Map(measured.map((a) => [a.team?.id ?? 'none', a.team?.name ?? NO_TEAM]));
    for (const [id, name] of teams) add(group(`team:${id}`, name), measured.filter((a) => (a.team?.id ?? 'none') === id));
  }
  const last = new Set([NO_TEAM, UNKNOWN_LOCALITY, NOT_ASKED]);
  const sorted = [...groups.values()].sort((a, b) => Number(last.has(a.group)) - Number(last.has(b.group)) || a.group.localeCompare(b.group) || 0);
  return { total, groups: sorted };
}

/** A count as a share of the group's plans, 0 to 1; null when the group has no plans. */
export function share(n: number, plans: number): number | null {
  return plans === 0 ? null : n / plans;
}

/** "40%", rounded to a whole percent; "–" when there is nothing to divide by. */
export function percent(n: number, plans: number): string {
  const s = share(n, plans);
  return s === null ? '–' : `${Math.round(s * 100)}%`;
}
