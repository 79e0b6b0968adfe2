/**
 * The demo area's EHC casework, planned as pure data from "today" and a seed: about 120
 * children with requests from 2024 to today, at every stage. 2024's plans keep fixed dates in
 * 2024 (they are history, calibrated to Cumberland's timeliness: ehc.calibration.ts); every
 * other date counts back from today, so there is always something due soon and overdue.
 */
import { addDays, addMonths, daysBetween, laterOf, type IsoDate } from '../features/ehc/clock/index.js';
import type { Agency } from '../features/ehc/ehc.codes.js';
import { demoEmail } from './platform.seed.js';
import { DEMO_EXCEPTIONS_2024, DEMO_PLANS_2024, DEMO_WITHIN_2024 } from './ehc.calibration.js';
import { eventsOf, type AdvicePlan, type AdviserRef, type Life, type PlannedEvent } from './ehc.lifecycle.js';
import { DEMO_PFA_CHILD, ageOn, childMaker, dateOfBirthInYear, schoolYearOn, type PlannedChild } from './ehc.people.js';
import { SETTINGS } from './ehc.places.js';
import { STAFF, answererFor, healthTeamFor, socialCareTeamFor } from './ehc.staff.js';
import { COMMENTS, NOT_ASSESS_REASONS, NOT_ISSUE_REASONS, REASONS, adviceText, planSections, type ChildWords } from './ehc.text.js';
import { miaCase } from './ehc.mia.js';
import { rng, type Rng } from './prng.js';

export const DEMO_SEED = 0x5e4d03;
export { DEMO_PFA_CHILD };

export type ReviewPlan = 'history' | 'first-pending';

export interface PlannedCase {
  label: string;
  /** 'mia': the platform demo's child, already there. */
  child: PlannedChild | 'mia';
  officer: string | null;
  request: { receivedOn: IsoDate; requestedBy: 'parent' | 'young-person' | 'school' | 'professional'; requesterName: string | null; reason: string };
  events: PlannedEvent[];
  /** For an issued plan: hold the past reviews ('history') or leave the first one waiting. */
  reviews: ReviewPlan;
}

/** The day 2024's history ends by: plans are issued on or before it. */
const LAST_2024 = '2024-12-20';
const FIRST_RELATIVE_FINAL = '2025-01-06';
const OFFICERS = STAFF.filter((p) => p.role === 'casework-officer').map((p) => p.email);
const me = demoEmail('casework-officer');
const ON_TIME: Record<Agency, number> = { education: 0.85, psychology: 0.6, health: 0.65, 'social-care': 0.45, 'preparing-for-adulthood': 0.6, other: 0.7 };
const NIL: Record<Agency, number> = { education: 0, psychology: 0, health: 0.1, 'social-care': 0.35, 'preparing-for-adulthood': 0, other: 0 };

export function planDemo(today: IsoDate, seed = DEMO_SEED): PlannedCase[] {
  const r = rng(seed);
  const make = childMaker(r, today);
  const cases: PlannedCase[] = [];
  const words = (c: PlannedChild, on: IsoDate): ChildWords => ({ givenName: c.givenName, need: c.need, pfa: schoolYearOn(c.dateOfBirth, on) >= 9 });

  /** Who is asked for each agency's advice, and how long each takes; `named` overrides the route. */
  function advicePlan(r: Rng, c: PlannedChild, askedOn: IsoDate, budget: number, named: Partial<Record<Agency, string>> = {}): AdvicePlan[] {
    const agencies: Agency[] = ['education', 'psychology'];
    if (named.health || r.chance(0.92)) agencies.push('health');
    if (named['social-care'] || r.chance(0.8)) agencies.push('social-care');
    if (schoolYearOn(c.dateOfBirth, askedOn) >= 9) agencies.push('preparing-for-adulthood');
    return agencies.map((agency) => {
      const route = routeFor(agency, c, r, named[agency]);
      const late = !r.chance(ON_TIME[agency]) && budget >= 43;
      const delay = late ? r.int(43, Math.min(90, budget)) : r.int(Math.min(14, budget), Math.min(42, budget));
      return { agency, ...route, delay, nil: r.chance(NIL[agency]), advice: adviceText(agency, words(c, askedOn)) };
    });
  }

  /** A whole case that ends in a plan, `days` after the request; late or not follows from `days`. */
  function issued(c: PlannedChild, receivedOn: IsoDate, days: number, extra: Partial<Life> = {}, draftAt?: number): Life {
    const within = days <= 140;
    const decisionAfter = extra.decision?.after ?? (within ? r.int(21, 42) : r.chance(0.25) ? r.int(43, 70) : r.int(25, 42));
    const askedAfter = extra.askedAfter ?? decisionAfter + r.int(0, 4);
    const draftAfter = draftAt ?? days - (within ? r.int(15, 21) : r.int(15, 35));
    const advice = advicePlan(r, c, addDays(receivedOn, askedAfter), draftAfter - 2 - askedAfter);
    const received = advice.filter((a) => a.delay !== null).map((a) => `${labelOf(a.agency)} advice, received ${addDays(receivedOn, askedAfter + a.delay!)}${a.nil ? ': no needs identified in this area' : ''}`);
    const social = advice.some((a) => a.agency === 'social-care' && !a.nil);
    const draftSections = planSections(words(c, receivedOn), { socialCareNeeds: social, setting: `To be agreed after the family’s comments. Current setting: ${c.setting.name}.`, adviceFrom: received });
    const preferred = r.chance(0.8) ? c.setting.name : r.pick(SETTINGS.filter((s) => s.phase === 'special')).name;
    const commented = r.chance(0.7);
    return {
      receivedOn,
      decision: { after: decisionAfter, outcome: 'assess' },
      askedAfter,
      advice,
      draft: { after: draftAfter, sections: draftSections },
      ...(commented ? { comments: { after: r.int(5, 15), comments: r.pick(COMMENTS), preferredSetting: preferred } } : {}),
      final: { after: days, sections: { ...draftSections, I: commented ? preferred : c.setting.name } },
      ...extra,
    };
  }

  function add(label: string, c: PlannedChild | 'mia', life: Life, officer: string | null, reviews: ReviewPlan = 'history') {
    const child = c === 'mia' ? null : c;
    const requestedBy = child && ageOn(child.dateOfBirth, life.receivedOn) >= 16 && r.chance(0.3) ? 'young-person' : r.weighted([['parent', 55], ['school', 35], ['professional', 10]] as const);
    const requesterName = requestedBy === 'parent' ? (child?.family[0]!.name ?? 'Sam Parker') : requestedBy === 'school' ? (child?.setting.name ?? 'Fellside Primary School') : requestedBy === 'professional' ? 'Community paediatrician' : child ? `${child.givenName} ${child.familyName}` : null;
    cases.push({ label, child: c, officer, request: { receivedOn: life.receivedOn, requestedBy, requesterName, reason: r.pick(REASONS) }, events: eventsOf(life, today), reviews });
  }

  // --- 2024: history, fixed in the calendar year, calibrated to Cumberland -----------------
  const r24 = rng(seed ^ 0x2024);
  const flags = r24.shuffle([...Array(DEMO_PLANS_2024).keys()].map((i) => i < DEMO_WITHIN_2024));
  let exceptions = 0;
  flags.forEach((within, i) => {
    const c = make({ minAge: 4, maxAge: 19 });
    if (!within && exceptions < DEMO_EXCEPTIONS_2024) {
      exceptions += 1;
      // Advice asked of the school just before the summer closure (24 July to 4 September 2024).
      const life = issued(c, '2024-06-10', r24.int(175, 190), { decision: { after: 36, outcome: 'assess' }, askedAfter: 38 });
      add(`2024 #${i} (exception a)`, c, { ...life, exception: { kind: 'a', from: '2024-07-17', to: '2024-08-28', reason: `Advice was asked of ${c.setting.name} on 18 July 2024, in the week before it closed for the summer (24 July to 4 September).` } }, r24.pick(OFFICERS));
      return;
    }
    const days = within ? (i === flags.indexOf(true) ? 140 : r24.int(98, 139)) : r24.chance(0.75) ? r24.int(141, 250) : r24.int(251, 330);
    const receivedOn = addDays('2024-01-02', r24.int(0, daysBetween('2024-01-02', LAST_2024) - days));
    add(`2024 #${i}`, c, issued(c, receivedOn, days, r24.chance(0.05) ? { markers: [{ type: 'tribunal', after: days + 40, status: 'appeal-registered', notes: 'Appeal against section I (placement).' }] } : {}), r24.pick([...OFFICERS, me]));
  });

  // --- Since 2024: plans, refusals and decisions not to issue, counted back from today ------
  const finalWindow = (earliest: number, latest: number): IsoDate => {
    const from = laterOf(addDays(today, -earliest), FIRST_RELATIVE_FINAL);
    const to = laterOf(addDays(today, -latest), from);
    return addDays(from, r.int(0, daysBetween(from, to)));
  };
  // About as timely as Cumberland's 2024 plans: 13 of 30 within 20 weeks; the exceptions late.
  const since = r.shuffle([...Array(30).keys()].map((i) => i < 13));
  for (let i = 0; i < 30; i++) {
    const c = make({ minAge: 3 });
    const within = since[i]! && i !== 3 && i !== 7;
    const days = within ? r.int(98, 140) : r.chance(0.8) ? r.int(150, 260) : r.int(261, 400);
    const final = finalWindow(640, 10);
    const extra: Partial<Life> = {};
    if (i === 3) extra.exception = { kind: 'c', from: addDays(final, -days + 30), to: addDays(final, -days + 60), reason: 'The parent was in hospital for a month and asked us to pause the assessment.' };
    if (i === 7) extra.exception = { kind: 'd', from: addDays(final, -days + 50), to: addDays(final, -days + 85), reason: 'The family was abroad for five weeks for a family funeral.' };
    if (i === 11 || i === 19) extra.markers = [{ type: 'tribunal', after: days + 30, status: i === 11 ? 'appeal-registered' : 'decided', notes: 'Appeal against sections F and I.' }];
    add(`issued #${i}`, c, issued(c, addDays(final, -days), days, extra), r.chance(0.5) ? me : r.pick(OFFICERS));
  }
  // Plans whose first review is overdue, or due in the next few weeks (not the under-5s' cadence).
  for (let i = 0; i < 5; i++) {
    const c = make({ minAge: 7, maxAge: 17 });
    const final = i < 3 ? laterOf(addDays(addMonths(today, -12), -r.int(10, 80)), FIRST_RELATIVE_FINAL) : addDays(addMonths(today, -12), r.int(5, 40));
    const days = i % 2 ? r.int(105, 140) : r.int(150, 220);
    add(`review ${i < 3 ? 'overdue' : 'due soon'} #${i}`, c, issued(c, addDays(final, -days), days), me, 'first-pending');
  }
  // The Year 10 young person whose first review is in four weeks.
  {
    const pfa = make({ dateOfBirth: dateOfBirthInYear(r, 10, today), locality: 'Allerdale', name: DEMO_PFA_CHILD });
    const final = addDays(addMonths(today, -12), 28);
    add('Year 10, review due soon', pfa, issued(pfa, addDays(final, -150), 150), me, 'first-pending');
  }
  for (let i = 0; i < 6; i++) {
    const c = make({ minAge: 3 });
    const after = r.chance(0.7) ? r.int(28, 42) : r.int(43, 56);
    const markers: Life['markers'] = i < 3 ? [{ type: 'mediation', after: after + r.int(10, 30), status: i === 0 ? 'requested' : 'held' }] : [];
    if (i === 1) markers.push({ type: 'tribunal', after: after + 60, status: 'appeal-registered', notes: 'Appeal against the decision not to assess.' });
    add(`not assessing #${i}`, c, { receivedOn: addDays(today, -r.int(after + 90, 420)), decision: { after, outcome: 'not-assess', reasons: r.pick(NOT_ASSESS_REASONS) }, markers }, r.pick([me, ...OFFICERS]));
  }
  for (let i = 0; i < 4; i++) {
    const c = make({ minAge: 4 });
    const receivedOn = addDays(today, -r.int(140, 450));
    const askedAfter = r.int(25, 42);
    add(`not issuing #${i}`, c, {
      receivedOn, decision: { after: askedAfter - 1, outcome: 'assess' }, askedAfter,
      advice: advicePlan(r, c, addDays(receivedOn, askedAfter), 50),
      notIssuing: { after: r.int(95, 118), reasons: r.pick(NOT_ISSUE_REASONS) },
      ...(i === 0 ? { markers: [{ type: 'mediation' as const, after: 130, status: 'agreed' }] } : {}),
    }, r.pick([me, ...OFFICERS]));
  }

  // --- Open cases: every stage, due soon and overdue ---------------------------------------
  const openOfficer = () => (r.chance(0.65) ? me : r.chance(0.85) ? r.pick(OFFICERS) : null);
  for (let i = 0; i < 8; i++) {
    const c = make();
    const ago = i < 6 ? r.int(1, 27) : r.int(43, 55);
    add(`requested #${i}`, c, { receivedOn: addDays(today, -ago) }, i === 0 ? null : openOfficer());
  }
  // Assessing: the demo health professional, social worker and psychologist each have
  // outstanding requests due soon, late, and not yet due ([agency, days since asked]).
  const queue: [Agency, string, number][] = [
    ['psychology', demoEmail('educational-psychologist'), 5], ['health', demoEmail('health-professional'), 12],
    ['social-care', demoEmail('social-worker'), 20], ['social-care', demoEmail('social-worker'), 37],
    ['health', demoEmail('health-professional'), 38], ['psychology', demoEmail('educational-psychologist'), 39],
    ['health', demoEmail('health-professional'), 40], ['health', demoEmail('health-professional'), 49],
    ['social-care', demoEmail('social-worker'), 55], ['psychology', demoEmail('educational-psychologist'), 60],
  ];
  for (let i = 0; i < 16; i++) {
    const c = make();
    const [agency, email, askedAgo] = queue[i] ?? [null, null, r.int(3, 70)];
    const decisionAfter = r.int(20, 40);
    const askedAfter = decisionAfter + r.int(0, 3);
    const receivedOn = addDays(today, -(askedAgo + askedAfter));
    const advice = advicePlan(r, c, addDays(receivedOn, askedAfter), 90, agency ? { [agency]: email! } : {});
    for (const a of advice) if (a.agency === agency) a.delay = null;
    if (!advice.some((a) => a.delay === null || a.delay > askedAgo)) advice[advice.length - 1]!.delay = null;
    add(`assessing #${i}`, c, { receivedOn, decision: { after: decisionAfter, outcome: 'assess' }, askedAfter, advice }, agency ? me : openOfficer());
  }
  for (let i = 0; i < 5; i++) {
    const c = make();
    const receivedOn = addDays(today, -r.int(80, 165));
    const askedAfter = r.int(25, 42);
    const budget = daysBetween(addDays(receivedOn, askedAfter), today) - 1;
    add(`drafting #${i}`, c, { receivedOn, decision: { after: askedAfter - 1, outcome: 'assess' }, askedAfter, advice: advicePlan(r, c, addDays(receivedOn, askedAfter), budget) }, i === 4 ? null : openOfficer());
  }
  for (let i = 0; i < 7; i++) {
    const c = make();
    // The draft went 1 to 25 days ago; the final plan (30 days after it) is still to come.
    const draftAgo = r.int(1, 25);
    const draftAfter = r.int(85, 150);
    const life = issued(c, addDays(today, -(draftAgo + draftAfter)), draftAfter + 30, {}, draftAfter);
    if (i === 2) life.exception = { kind: 'c', from: addDays(life.receivedOn, 40), to: addDays(life.receivedOn, 70), reason: 'The young person was seriously ill and could not be seen by the advisers.' };
    add(`draft issued #${i}`, c, life, openOfficer());
  }
  cases.push(miaCase(today));
  return cases;
}

function routeFor(agency: Agency, c: PlannedChild, r: Rng, named?: string): { to: AdviserRef; by: string } {
  if (named) return { to: { user: named }, by: named };
  const team = (key: string) => ({ to: { team: key }, by: answererFor(key) });
  switch (agency) {
    case 'education': return { to: { user: c.setting.sencoEmail }, by: c.setting.sencoEmail };
    case 'health': return r.chance(0.15) && c.locality !== 'Millom' ? { to: { user: demoEmail('health-professional') }, by: demoEmail('health-professional') } : team(healthTeamFor(c.locality));
    case 'social-care': return team(socialCareTeamFor(c.locality));
    case 'psychology': {
      const who = r.weighted([['team', 3], [demoEmail('educational-psychologist'), 2], ['sophie.lowther@staff.send-hub.example', 5]] as const);
      return who === 'team' ? team('eps') : { to: { user: who }, by: who };
    }
    default: return team('pfa');
  }
}

function labelOf(agency: Agency): string {
  return ({ education: 'Education', health: 'Health', psychology: 'Educational psychology', 'social-care': 'Social care', 'preparing-for-adulthood': 'Preparing for adulthood', other: 'Other' } as const)[agency];
}
