import type { EhcCase } from './ehc.service.js';

/** The case as the API returns it: the contract other systems integrate with. */
export function caseToJson(c: EhcCase) {
  const r = c.request;
  return {
    id: r.id,
    childId: r.child_id,
    receivedOn: r.received_on,
    requestedBy: r.requested_by,
    stage: r.stage,
    decision: r.decision ? { on: r.decision_on, outcome: r.decision, reasons: r.decision_reasons } : null,
    draftIssuedOn: r.draft_issued_on,
    commentsReceivedOn: r.comments_received_on,
    preferredSetting: r.preferred_setting,
    finalIssuedOn: r.final_issued_on,
    notIssuingOn: r.not_issuing_on,
    mediation: r.mediation,
    tribunal: r.tribunal,
    deadlines: {
      decision: c.clock.deadlines.decision,
      notIssueBy: c.clock.deadlines.notIssueBy,
      finalPlan: c.clock.deadlines.finalPlan,
      draftComments: c.clock.deadlines.draftComments,
      advice: c.advice.map((a, i) => ({
        id: a.id,
        agency: a.agency,
        askedOn: a.askedOn,
        dueOn: a.dueOn,
        receivedOn: a.receivedOn,
        nilReturn: a.nilReturn,
        state: c.clock.deadlines.advice[i]?.state ?? null,
      })),
    },
    steps: c.clock.steps.map((s) => ({ step: s.step, label: s.label, agency: s.agency ?? null, dueOn: s.dueOn, doneOn: s.doneOn, state: s.state })),
    timeliness: { finalWithin20Weeks: c.clock.timeliness.finalWithin20Weeks, exceptionApplies: c.clock.timeliness.exceptionApplies },
    exceptions: c.exceptions.map((e) => ({ kind: e.kind, from: e.from, to: e.to, reason: e.reason })),
    events: c.events.map((e) => ({ id: e.id, type: e.type, occurredOn: e.occurredOn, data: e.data })),
  };
}

const date = { type: ['string', 'null'], format: 'date' };
const state = { type: ['string', 'null'], enum: ['not-due', 'due-soon', 'overdue', 'met', 'met-late', 'not-applicable', null] };

export const CASE_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    childId: { type: 'string' },
    receivedOn: { type: 'string', format: 'date' },
    requestedBy: { type: 'string' },
    stage: { type: 'string' },
    decision: { type: ['object', 'null'], properties: { on: date, outcome: { type: 'string' }, reasons: { type: ['string', 'null'] } } },
    draftIssuedOn: date,
    commentsReceivedOn: date,
    preferredSetting: { type: ['string', 'null'] },
    finalIssuedOn: date,
    notIssuingOn: date,
    mediation: { type: ['string', 'null'] },
    tribunal: { type: ['string', 'null'] },
    deadlines: {
      type: 'object',
      properties: {
        decision: { type: 'string', format: 'date' },
        notIssueBy: { type: 'string', format: 'date' },
        finalPlan: { type: 'string', format: 'date' },
        draftComments: date,
        advice: {
          type: 'array',
          items: {
            type: 'object',
            properties: { id: { type: 'string' }, agency: { type: 'string' }, askedOn: { type: 'string' }, dueOn: { type: 'string' }, receivedOn: date, nilReturn: { type: 'boolean' }, state },
          },
        },
      },
    },
    steps: {
      type: 'array',
      items: { type: 'object', properties: { step: { type: 'string' }, label: { type: 'string' }, agency: { type: ['string', 'null'] }, dueOn: date, doneOn: date, state } },
    },
    timeliness: {
      type: 'object',
      properties: { finalWithin20Weeks: { type: ['boolean', 'null'] }, exceptionApplies: { type: 'boolean' } },
    },
    exceptions: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' } } } },
    events: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, type: { type: 'string' }, occurredOn: { type: 'string' }, data: { type: 'object', additionalProperties: true } } } },
  },
} as const;
