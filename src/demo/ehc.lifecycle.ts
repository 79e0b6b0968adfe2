/**
 * One demo case's life as offsets from the day the request was received, turned into the
 * dated events the EHC service records. Events after "today" are dropped, so a case's stage
 * follows from how long ago it started; an advice answer due after today is still outstanding.
 */
import { addDays, compareDates, type IsoDate } from '../features/ehc/clock/index.js';
import type { Agency, SectionKey } from '../features/ehc/ehc.codes.js';
import type { EhcEvent } from '../features/ehc/ehc.events.js';

/** Who is asked: a named person (by email) or a team (by its key in ehc.staff.ts). */
export type AdviserRef = { user: string } | { team: string };

export type PlannedEvent =
  | Exclude<EhcEvent, { type: 'advice-requested' } | { type: 'advice-received' }>
  | { type: 'advice-requested'; agency: Agency; askedOn: IsoDate; to: AdviserRef; question?: string }
  | { type: 'advice-received'; agency: Agency; receivedOn: IsoDate; nilReturn: boolean; advice?: Partial<Record<SectionKey, string>>; by: string };

export interface AdvicePlan {
  agency: Agency;
  to: AdviserRef;
  /** Who answers (an email): the named person, or the team's manager. */
  by: string;
  /** Days from being asked to the answer; null: never answered (yet). */
  delay: number | null;
  nil: boolean;
  advice: Partial<Record<SectionKey, string>>;
}

export interface Life {
  receivedOn: IsoDate;
  decision?: { after: number; outcome: 'assess' | 'not-assess'; reasons?: string };
  /** Days after the request that advice was asked for. */
  askedAfter?: number;
  advice?: AdvicePlan[];
  draft?: { after: number; sections: Partial<Record<SectionKey, string>> };
  comments?: { after: number; comments: string; preferredSetting: string };
  final?: { after: number; sections: Partial<Record<SectionKey, string>> };
  notIssuing?: { after: number; reasons: string };
  exception?: { kind: 'a' | 'b' | 'c' | 'd'; from: IsoDate; to: IsoDate; reason: string };
  markers?: { type: 'mediation' | 'tribunal'; after: number; status: string; notes?: string }[];
  notes?: { after: number; text: string }[];
}

const ORDER: Record<PlannedEvent['type'], number> = {
  decision: 0, 'advice-requested': 1, 'advice-received': 2, exception: 3, note: 4, 'draft-issued': 5,
  'comments-received': 6, 'final-issued': 7, 'not-issuing': 8, mediation: 9, tribunal: 10,
};

function dateOf(e: PlannedEvent): IsoDate {
  switch (e.type) {
    case 'advice-requested': return e.askedOn;
    case 'advice-received': return e.receivedOn;
    case 'exception': return e.from;
    default: return e.on;
  }
}

/** The case's events up to and including today, in the order they happened. */
export function eventsOf(life: Life, today: IsoDate): PlannedEvent[] {
  const at = (days: number) => addDays(life.receivedOn, days);
  const out: PlannedEvent[] = [];
  if (life.decision) out.push({ type: 'decision', on: at(life.decision.after), outcome: life.decision.outcome, ...(life.decision.reasons ? { reasons: life.decision.reasons } : {}) });
  if (life.decision?.outcome === 'assess' && life.askedAfter !== undefined) {
    const askedOn = at(life.askedAfter);
    for (const a of life.advice ?? []) {
      out.push({ type: 'advice-requested', agency: a.agency, askedOn, to: a.to });
      if (a.delay !== null) {
        out.push({ type: 'advice-received', agency: a.agency, receivedOn: addDays(askedOn, a.delay), nilReturn: a.nil, ...(a.nil ? {} : { advice: a.advice }), by: a.by });
      }
    }
  }
  if (life.exception) out.push({ type: 'exception', ...life.exception });
  for (const n of life.notes ?? []) out.push({ type: 'note', on: at(n.after), text: n.text });
  if (life.draft) out.push({ type: 'draft-issued', on: at(life.draft.after), sections: life.draft.sections });
  if (life.draft && life.comments) out.push({ type: 'comments-received', on: at(life.draft.after + life.comments.after), comments: life.comments.comments, preferredSetting: life.comments.preferredSetting });
  if (life.final) out.push({ type: 'final-issued', on: at(life.final.after), sections: life.final.sections });
  if (life.notIssuing) out.push({ type: 'not-issuing', on: at(life.notIssuing.after), reasons: life.notIssuing.reasons });
  for (const m of life.markers ?? []) out.push({ type: m.type, on: at(m.after), status: m.status, ...(m.notes ? { notes: m.notes } : {}) });
  return out
    .filter((e) => compareDates(dateOf(e), today) <= 0)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => compareDates(dateOf(a.e), dateOf(b.e)) || ORDER[a.e.type] - ORDER[b.e.type] || a.i - b.i)
    .map(({ e }) => e);
}

export { dateOf as plannedEventDate };
