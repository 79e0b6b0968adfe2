import type { Db } from '../../db/database.js';
import type { Updateable } from 'kysely';
import type { EhcRequest, EhcRequestTable } from '../../db/ehc.tables.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import {
  addWeeks, ClockInputError, computeAssessmentClock, checkException, formatLongDate, isIsoDate, nextReviewDue,
  type AssessmentClock, type CaseEvents,
} from './clock/index.js';
import { AGENCIES, isRequester, SECTION_KEYS, type Agency, type Requester } from './ehc.codes.js';
import { EhcInputError, EhcNotFoundError } from './ehc.errors.js';
import { eventDate, type EhcEvent } from './ehc.events.js';
import { stageOf } from './ehc.stage.js';
import { decisionLetter, notIssuingLetter } from './ehc.letters.js';

export interface NewRequest {
  childId: string;
  receivedOn: string;
  requestedBy: Requester;
  requesterName?: string | null;
  reason?: string | null;
  officerUserId?: string | null;
}

export interface EhcCase {
  request: EhcRequest;
  child: { id: string; givenName: string; familyName: string; dateOfBirth: string };
  advice: {
    id: string;
    agency: Agency;
    askedOn: string;
    dueOn: string;
    receivedOn: string | null;
    nilReturn: boolean;
    advice: Record<string, string>;
    teamName: string | null;
    assigneeName: string | null;
  }[];
  exceptions: { id: string; kind: 'a' | 'b' | 'c' | 'd'; from: string; to: string; reason: string }[];
  events: { id: string; type: string; occurredOn: string; data: Record<string, unknown>; visibleToFamily: boolean; recordedAt: Date }[];
  clock: AssessmentClock;
}

/** The request for an EHC needs assessment, its events, and the statutory clock over them. */
export function ehcService(deps: { audit: AuditService }) {
  async function load(db: Db, requestId: string, lock = false): Promise<EhcRequest> {
    let q = db.selectFrom('ehc_requests').selectAll().where('id', '=', requestId);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new EhcNotFoundError('request for assessment');
    return row;
  }

  function clockInput(request: EhcRequest, advice: EhcCase['advice'], exceptions: EhcCase['exceptions']): CaseEvents {
    return {
      receivedOn: request.received_on,
      decision: request.decision && request.decision_on ? { on: request.decision_on, outcome: request.decision as 'assess' | 'not-assess' } : null,
      advice: advice.map((a) => ({ agency: a.agency, askedOn: a.askedOn, receivedOn: a.receivedOn, nilReturn: a.nilReturn })),
      draftIssuedOn: request.draft_issued_on,
      commentsReceivedOn: request.comments_received_on,
      finalIssuedOn: request.final_issued_on,
      notIssuingOn: request.not_issuing_on,
      exceptions: exceptions.map((e) => ({ kind: e.kind, from: e.from, to: e.to, reason: e.reason })),
    };
  }

  async function details(db: Db, request: EhcRequest) {
    const [advice, exceptions] = await Promise.all([
      db
        .selectFrom('advice_requests')
        .leftJoin('teams', 'teams.id', 'advice_requests.team_id')
        .leftJoin('users', 'users.id', 'advice_requests.assignee_user_id')
        .select([
          'advice_requests.id', 'advice_requests.agency', 'advice_requests.asked_on', 'advice_requests.due_on',
          'advice_requests.received_on', 'advice_requests.nil_return', 'advice_requests.advice',
          'teams.name as team_name', 'users.name as assignee_name',
        ])
        .where('advice_requests.request_id', '=', request.id)
        .orderBy('advice_requests.asked_on')
        .orderBy('advice_requests.agency')
        .execute(),
      db.selectFrom('ehc_exceptions').selectAll().where('request_id', '=', request.id).orderBy('from_on').execute(),
    ]);
    return {
      advice: advice.map((a) => ({
        id: a.id,
        agency: a.agency as Agency,
        askedOn: a.asked_on,
        dueOn: a.due_on,
        receivedOn: a.received_on,
        nilReturn: a.nil_return,
        advice: a.advice,
        teamName: a.team_name,
        assigneeName: a.assignee_name,
      })),
      exceptions: exceptions.map((e) => ({ id: e.id, kind: e.kind as 'a', from: e.from_on, to: e.to_on, reason: e.reason })),
    };
  }

  /** Checks the case's facts against the clock's rules (dates in order, nothing impossible). */
  function check(request: EhcRequest, d: Awaited<ReturnType<typeof details>>, today: string): AssessmentClock {
    try {
      return computeAssessmentClock(clockInput(request, d.advice, d.exceptions), today);
    } catch (e) {
      if (e instanceof ClockInputError) throw new EhcInputError(fieldFor(e.field), e.message);
      throw e;
    }
  }

  async function audit(db: Db, actor: Actor | null, request: EhcRequest, action: string, requestId?: string, details?: Record<string, unknown>) {
    await deps.audit.record(db, {
      actor,
      action,
      outcome: 'succeeded',
      subjectType: 'ehc-request',
      subjectId: request.id,
      childId: request.child_id,
      ...(requestId ? { requestId } : {}),
      ...(details ? { details } : {}),
    });
  }

  return {
    async createRequest(db: Db, actor: Actor | null, input: NewRequest, today: string, httpRequestId?: string): Promise<string> {
      if (!isIsoDate(input.receivedOn)) throw new EhcInputError('receivedOn', 'Enter the date the request was received as a real date, like 2026-03-17');
      if (input.receivedOn > today) throw new EhcInputError('receivedOn', 'The date the request was received must be today or in the past');
      if (!isRequester(input.requestedBy)) throw new EhcInputError('requestedBy', 'Select who made the request');
      return inTransaction(db, async (tx) => {
        const child = await tx.selectFrom('children').select('id').where('id', '=', input.childId).executeTakeFirst();
        if (!child) throw new EhcInputError('childId', 'There is no child with that id');
        const open = await tx
          .selectFrom('ehc_requests')
          .select('id')
          .where('child_id', '=', input.childId)
          .where('stage', 'in', ['requested', 'assessing', 'drafting', 'draft-issued'])
          .executeTakeFirst();
        if (open) throw new EhcInputError('childId', 'This child already has a request for assessment in progress');
        const row = await tx
          .insertInto('ehc_requests')
          .values({
            child_id: input.childId,
            received_on: input.receivedOn,
            requested_by: input.requestedBy,
            requester_name: input.requesterName?.trim() || null,
            reason: input.reason?.trim() || null,
            officer_user_id: input.officerUserId ?? null,
            updated_at: new Date(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('ehc_events')
          .values({
            request_id: row.id,
            type: 'request-received',
            occurred_on: input.receivedOn,
            recorded_by: actor?.userId ?? null,
            data: JSON.stringify({ requestedBy: input.requestedBy }),
          })
          .execute();
        await audit(tx, actor, row, 'ehc.request.created', httpRequestId);
        return row.id;
      });
    },

    async recordEvent(db: Db, actor: Actor | null, requestId: string, event: EhcEvent, today: string, httpRequestId?: string): Promise<string> {
      return inTransaction(db, async (tx) => {
        const request = await load(tx, requestId, true);
        const when = eventDate(event);
        if (!isIsoDate(when)) throw new EhcInputError(dateField(event), 'Enter a real date, like 2026-03-17');
        if (when > today) throw new EhcInputError(dateField(event), 'The date must be today or in the past');
        if (when < request.received_on) throw new EhcInputError(dateField(event), `The date must be on or after the request was received (${request.received_on})`);
        const update: Updateable<EhcRequestTable> & Partial<Pick<EhcRequest, 'decision' | 'decision_on' | 'draft_issued_on' | 'final_issued_on' | 'not_issuing_on' | 'comments_received_on'>> = {};
        const data: Record<string, unknown> = {};
        let visibleToFamily = true;

        switch (event.type) {
          case 'decision': {
            if (request.decision) throw new EhcInputError('outcome', 'The decision whether to assess has already been recorded');
            if (event.outcome === 'not-assess' && !event.reasons?.trim()) {
              throw new EhcInputError('reasons', 'Give the reasons for deciding not to assess: the family has a right to them');
            }
            Object.assign(update, { decision: event.outcome, decision_on: event.on, decision_reasons: event.reasons?.trim() || null });
            Object.assign(data, { outcome: event.outcome });
            break;
          }
          case 'advice-requested': {
            if (request.decision !== 'assess') throw new EhcInputError('agency', 'Advice is asked for once the council has decided to assess');
            const assignee = event.assigneeEmail
              ? await tx.selectFrom('users').select(['id', 'name']).where('email', '=', event.assigneeEmail.trim().toLowerCase()).executeTakeFirst()
              : undefined;
            if (event.assigneeEmail && !assignee) throw new EhcInputError('assigneeEmail', `There is no user with the email ${event.assigneeEmail}`);
            const team = event.teamId ? await tx.selectFrom('teams').select(['id', 'name']).where('id', '=', event.teamId).executeTakeFirst() : undefined;
            if (event.teamId && !team) throw new EhcInputError('teamId', 'Select a team from the list');
            if (!team && !assignee) throw new EhcInputError('teamId', `Choose the team or the person to ask for ${AGENCIES[event.agency].toLowerCase()} advice`);
            const ar = await tx
              .insertInto('advice_requests')
              .values({
                request_id: request.id,
                child_id: request.child_id,
                agency: event.agency,
                team_id: team?.id ?? null,
                assignee_user_id: assignee?.id ?? null,
                asked_on: event.askedOn,
                due_on: addWeeks(event.askedOn, 6),
                question: event.question?.trim() || null,
                advice: '{}',
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await tx
              .insertInto('case_links')
              .values({ child_id: request.child_id, kind: 'advice', ...(assignee ? { user_id: assignee.id } : { team_id: team!.id }) })
              .execute();
            Object.assign(data, { agency: event.agency, adviceRequestId: ar.id, to: assignee?.name ?? team?.name });
            break;
          }
          case 'advice-received': {
            let q = tx.selectFrom('advice_requests').selectAll().where('request_id', '=', request.id).where('received_on', 'is', null);
            if (event.adviceRequestId) q = q.where('id', '=', event.adviceRequestId);
            else if (event.agency) q = q.where('agency', '=', event.agency);
            else throw new EhcInputError('adviceRequestId', 'Say which advice request this answers');
            const outstanding = await q.execute();
            if (outstanding.length === 0) throw new EhcInputError('adviceRequestId', 'There is no outstanding advice request that this answers');
            if (outstanding.length > 1) throw new EhcInputError('adviceRequestId', 'Several advice requests to that agency are outstanding: say which one by its id');
            const ar = outstanding[0]!;
            if (event.receivedOn < ar.asked_on) throw new EhcInputError('receivedOn', `Advice cannot arrive before it was asked for (${ar.asked_on})`);
            const advice = sectionsOnly(event.advice ?? {});
            if (!event.nilReturn && Object.keys(advice).length === 0) {
              throw new EhcInputError('advice', 'Write the advice, or say that you found no needs in your area');
            }
            await tx
              .updateTable('advice_requests')
              .set({ received_on: event.receivedOn, nil_return: event.nilReturn, advice: JSON.stringify(advice), answered_by: actor?.userId ?? null })
              .where('id', '=', ar.id)
              .execute();
            Object.assign(data, { agency: ar.agency, adviceRequestId: ar.id, nilReturn: event.nilReturn });
            break;
          }
          case 'draft-issued': {
            if (request.decision !== 'assess') throw new EhcInputError('on', 'A draft plan follows a decision to assess');
            if (request.draft_issued_on) throw new EhcInputError('on', 'The draft plan has already been issued');
            const planId = await ensurePlan(tx, request);
            await addVersion(tx, planId, 'draft', event.on, event.sections ?? (await assembleFromAdvice(tx, request.id)), actor);
            update.draft_issued_on = event.on;
            break;
          }
          case 'comments-received': {
            if (!request.draft_issued_on) throw new EhcInputError('on', 'Comments follow a draft plan');
            if (event.on < request.draft_issued_on) throw new EhcInputError('on', `Comments cannot come before the draft (${request.draft_issued_on})`);
            // The clock counts the first comments: a second set is kept but never moves the date.
            if (!request.comments_received_on || event.on < request.comments_received_on) update.comments_received_on = event.on;
            if (event.preferredSetting) update.preferred_setting = event.preferredSetting.trim();
            const version = await latestVersion(tx, request.id);
            if (version && (event.comments || event.preferredSetting)) {
              await tx
                .insertInto('plan_comments')
                .values({ plan_version_id: version.id, author_user_id: actor?.userId ?? null, body: event.comments?.trim() || '(no comments)', preferred_setting: event.preferredSetting?.trim() || null })
                .execute();
            }
            Object.assign(data, { preferredSetting: event.preferredSetting ?? null });
            break;
          }
          case 'final-issued': {
            if (request.decision !== 'assess') throw new EhcInputError('on', 'A plan follows a decision to assess');
            if (request.final_issued_on) throw new EhcInputError('on', 'The final plan has already been issued');
            if (request.not_issuing_on) throw new EhcInputError('on', 'The council decided not to issue a plan for this request');
            if (request.draft_issued_on && event.on < request.draft_issued_on) {
              throw new EhcInputError('on', `The final plan cannot come before the draft (${request.draft_issued_on})`);
            }
            const planId = await ensurePlan(tx, request);
            const previous = await latestVersion(tx, request.id);
            await addVersion(tx, planId, 'final', event.on, event.sections ?? previous?.sections ?? (await assembleFromAdvice(tx, request.id)), actor);
            await tx.updateTable('plans').set({ status: 'active' }).where('id', '=', planId).execute();
            const child = await tx.selectFrom('children').select('date_of_birth').where('id', '=', request.child_id).executeTakeFirstOrThrow();
            await tx.insertInto('annual_reviews').values({ plan_id: planId, child_id: request.child_id, due_by: nextReviewDue(event.on, child.date_of_birth).dueBy }).execute();
            update.final_issued_on = event.on;
            break;
          }
          case 'not-issuing': {
            if (request.final_issued_on) throw new EhcInputError('on', 'The final plan has already been issued');
            if (request.decision !== 'assess') throw new EhcInputError('on', 'A decision not to issue follows an assessment');
            Object.assign(update, { not_issuing_on: event.on, not_issuing_reasons: event.reasons.trim() });
            break;
          }
          case 'exception': {
            try {
              checkException({ kind: event.kind, from: event.from, to: event.to, reason: event.reason }, 'exception');
            } catch (e) {
              if (e instanceof ClockInputError) throw new EhcInputError(fieldFor(e.field), e.message);
              throw e;
            }
            await tx.insertInto('ehc_exceptions').values({ request_id: request.id, kind: event.kind, from_on: event.from, to_on: event.to, reason: event.reason.trim() }).execute();
            Object.assign(data, { kind: event.kind, from: event.from, to: event.to });
            visibleToFamily = true;
            break;
          }
          case 'mediation':
          case 'tribunal':
            update[event.type] = event.status;
            Object.assign(data, { status: event.status, notes: event.notes ?? null });
            break;
          case 'note':
            Object.assign(data, { text: event.text });
            visibleToFamily = false;
            break;
        }

        const next = { ...request, ...update } as EhcRequest;
        const d = await details(tx, next);
        check(next, d, today);
        next.stage = stageOf({
          decision: next.decision,
          notIssuingOn: next.not_issuing_on,
          finalIssuedOn: next.final_issued_on,
          draftIssuedOn: next.draft_issued_on,
          adviceAsked: d.advice.length,
          adviceOutstanding: d.advice.filter((a) => !a.receivedOn).length,
        });
        await tx.updateTable('ehc_requests').set({ ...update, stage: next.stage, updated_at: new Date() }).where('id', '=', request.id).execute();
        const ev = await tx
          .insertInto('ehc_events')
          .values({ request_id: request.id, type: event.type, occurred_on: when, recorded_by: actor?.userId ?? null, data: JSON.stringify(data), visible_to_family: visibleToFamily })
          .returning('id')
          .executeTakeFirstOrThrow();

        // Letters the family is entitled to: the reasons and their rights (reg 5(3), 10(2)).
        if (event.type === 'decision' && event.outcome === 'not-assess') {
          await addDocument(tx, next, 'decision-letter', 'Our decision not to assess', decisionLetter(next, event.reasons!), actor);
        }
        if (event.type === 'not-issuing') {
          await addDocument(tx, next, 'not-issuing-letter', 'Our decision not to issue a plan', notIssuingLetter(next, event.reasons), actor);
        }
        await audit(tx, actor, next, `ehc.${event.type}`, httpRequestId);
        return ev.id;
      });
    },

    /** The case with its clock. The caller has checked access and audits the view. */
    async getCase(db: Db, requestId: string, today: string): Promise<EhcCase> {
      const request = await load(db, requestId);
      const [d, child, events] = await Promise.all([
        details(db, request),
        db.selectFrom('children').select(['id', 'given_name', 'family_name', 'date_of_birth']).where('id', '=', request.child_id).executeTakeFirstOrThrow(),
        db.selectFrom('ehc_events').selectAll().where('request_id', '=', request.id).orderBy('occurred_on').orderBy('recorded_at').execute(),
      ]);
      return {
        request,
        child: { id: child.id, givenName: child.given_name, familyName: child.family_name, dateOfBirth: child.date_of_birth },
        ...d,
        events: events.map((e) => ({ id: e.id, type: e.type, occurredOn: e.occurred_on, data: e.data, visibleToFamily: e.visible_to_family, recordedAt: e.recorded_at })),
        clock: check(request, d, today),
      };
    },

    childIdOf: async (db: Db, requestId: string): Promise<string | undefined> =>
      (await db.selectFrom('ehc_requests').select('child_id').where('id', '=', requestId).executeTakeFirst())?.child_id,
  };

  async function ensurePlan(tx: Db, request: EhcRequest): Promise<string> {
    const existing = await tx.selectFrom('plans').select('id').where('request_id', '=', request.id).executeTakeFirst();
    if (existing) return existing.id;
    return (await tx.insertInto('plans').values({ child_id: request.child_id, request_id: request.id }).returning('id').executeTakeFirstOrThrow()).id;
  }

  async function latestVersion(tx: Db, requestId: string) {
    return tx
      .selectFrom('plan_versions')
      .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
      .select(['plan_versions.id', 'plan_versions.sections', 'plan_versions.version'])
      .where('plans.request_id', '=', requestId)
      .orderBy('plan_versions.version', 'desc')
      .executeTakeFirst();
  }

  async function addVersion(tx: Db, planId: string, kind: string, issuedOn: string, sections: Record<string, string>, actor: Actor | null) {
    const last = await tx.selectFrom('plan_versions').select(tx.fn.max('version').as('v')).where('plan_id', '=', planId).executeTakeFirst();
    await tx
      .insertInto('plan_versions')
      .values({ plan_id: planId, version: Number(last?.v ?? 0) + 1, kind, issued_on: issuedOn, sections: JSON.stringify(sectionsOnly(sections)), created_by: actor?.userId ?? null })
      .execute();
  }

  async function assembleFromAdvice(tx: Db, requestId: string): Promise<Record<string, string>> {
    const rows = await tx.selectFrom('advice_requests').select(['agency', 'advice', 'nil_return', 'received_on']).where('request_id', '=', requestId).execute();
    return assembleSectionsFromAdvice(rows.map((r) => ({ agency: r.agency as Agency, advice: r.advice, nilReturn: r.nil_return, receivedOn: r.received_on })));
  }

  async function addDocument(tx: Db, request: EhcRequest, kind: string, title: string, body: string, actor: Actor | null) {
    await tx.insertInto('documents').values({ child_id: request.child_id, request_id: request.id, kind, title, body, created_by: actor?.userId ?? null }).execute();
  }
}

/**
 * A first draft: each section made from the advice that informs it, with its source named.
 * Pure, so the casework pages can pre-fill the draft form with exactly what the service would write.
 */
export function assembleSectionsFromAdvice(
  rows: readonly { agency: Agency; advice: Record<string, string>; nilReturn: boolean; receivedOn: string | null }[],
): Record<string, string> {
  const out: Record<string, string[]> = {};
  const k: string[] = [];
  for (const r of rows) {
    if (!r.receivedOn) continue;
    const label = AGENCIES[r.agency];
    k.push(`${label} advice, received ${formatLongDate(r.receivedOn)}${r.nilReturn ? ': no needs identified in this area' : ''}`);
    for (const [section, text] of Object.entries(r.advice)) (out[section] ??= []).push(`${label}: ${text}`);
  }
  const sections: Record<string, string> = Object.fromEntries(Object.entries(out).map(([s, t]) => [s, t.join('\n\n')]));
  if (k.length) sections.K = k.join('\n');
  return sections;
}

function sectionsOnly(sections: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of SECTION_KEYS) {
    const v = sections[key];
    if (typeof v === 'string' && v.trim()) out[key] = v.trim();
  }
  return out;
}

function dateField(e: EhcEvent): string {
  return e.type === 'advice-requested' ? 'askedOn' : e.type === 'advice-received' ? 'receivedOn' : e.type === 'exception' ? 'from' : 'on';
}

/** The clock names fields by its own paths ("advice[0].receivedOn"); callers know the last part. */
function fieldFor(clockField: string): string {
  return clockField.split('.').at(-1)!.replace(/\[\d+\]/, '');
}

export type EhcService = ReturnType<typeof ehcService>;
