import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Actor, AuditService } from '../../platform/audit/audit.service.js';
import { digest, newSecret } from '../../platform/auth/secrets.js';
import type { NotificationsService } from '../../platform/notifications/notifications.service.js';
import type { Question } from './survey.questions.js';
import { publishable, tally, type AnswerRow, type PublishedResult, type QuestionResult } from './survey.results.js';
import { refreshSurveyIndicators } from '../indicators/library/survey.js';
import { annualSurveyQuestions } from './survey.template.js';

export interface Survey {
  id: string;
  title: string;
  description: string;
  kind: 'general' | 'annual';
  year: number | null;
  anonymous: boolean;
  audience: 'open' | 'list';
  openToken: string | null;
  status: 'draft' | 'open' | 'closed';
  publishResults: boolean;
}

export interface NewSurvey {
  title: string;
  description: string;
  anonymous: boolean;
  audience: 'open' | 'list';
  /** The SEND Annual Survey of that year, from the strategy's statements for families. */
  annualYear?: number;
}

export type Submission =
  | { outcome: 'stored' }
  /** The same form (its one-time nonce) was sent before: stored once, thanked again. */
  | { outcome: 'duplicate' }
  /** A list invitation's link was used already. */
  | { outcome: 'token-used' };

class TokenUsed extends Error {}

const FIRST_OF_MONTH = (iso: string) => `${iso.slice(0, 7)}-01`;

/** A token in a survey link: random, URL-safe, 43 characters. */
export const isTokenShaped = (t: string) => /^[A-Za-z0-9_-]{20,64}$/.test(t);

/**
 * Published figures (and the survey indicators) move only in steps of at least this many
 * answers, so that someone watching them change cannot see one person's answers.
 */
export const PUBLISH_BATCH = 5;

export function surveyService(deps: { audit: AuditService; notifications: NotificationsService; baseUrl: string; areaCode: string }) {
  const { audit, notifications, baseUrl } = deps;

  async function questionsOf(db: Db, surveyId: string): Promise<Question[]> {
    const rows = await db.selectFrom('survey_questions').selectAll().where('survey_id', '=', surveyId).orderBy('position').execute();
    const positionOf = new Map(rows.map((r) => [r.id, r.position]));
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      kind: r.kind,
      text: r.text,
      hint: r.hint,
      options: Array.isArray(r.options) ? (r.options as string[]) : [],
      required: r.required,
      showIf: r.show_if_question_id && r.show_if_value !== null ? { position: positionOf.get(r.show_if_question_id)!, value: r.show_if_value } : null,
    }));
  }

  /** Adds questions; a conditional one names an earlier question by position (this batch's or `ids`). */
  async function insertQuestions(db: Db, surveyId: string, questions: readonly (Omit<Question, 'id'> & { statementId?: string | null })[], ids = new Map<number, string>()) {
    for (const q of [...questions].sort((a, b) => a.position - b.position)) {
      const row = await db
        .insertInto('survey_questions')
        .values({
          survey_id: surveyId,
          position: q.position,
          kind: q.kind,
          text: q.text,
          hint: q.hint,
          options: JSON.stringify(q.options),
          required: q.required,
          statement_id: q.statementId ?? null,
          show_if_question_id: q.showIf ? ids.get(q.showIf.position)! : null,
          show_if_value: q.showIf?.value ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(q.position, row.id);
    }
  }

  async function results(db: Db, surveyId: string): Promise<{ responses: number; questions: QuestionResult[] }> {
    const questions = await questionsOf(db, surveyId);
    const rows: AnswerRow[] = (
      await db
        .selectFrom('survey_answers as a')
        .innerJoin('survey_responses as r', 'r.id', 'a.response_id')
        .select(['a.question_id', 'a.response_id', 'a.value'])
        .where('r.survey_id', '=', surveyId)
        .execute()
    ).map((r) => ({ questionId: r.question_id, responseId: r.response_id, value: r.value }));
    return { responses: await responseCount(db, surveyId), questions: tally(questions, rows) };
  }

  async function responseCount(db: Db, surveyId: string): Promise<number> {
    const r = await db.selectFrom('survey_responses').select(sql<number>`count(*)`.as('n')).where('survey_id', '=', surveyId).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * Refreshes what the public and the indicators see: the publishable results, and each
   * statement's totals for the survey indicators.
   */
  async function snapshot(db: Db, surveyId: string): Promise<void> {
    await inTransaction(db, async (tx) => {
      const survey = await tx.selectFrom('surveys').select(['kind']).where('id', '=', surveyId).forUpdate().executeTakeFirstOrThrow();
      const { responses, questions } = await results(tx, surveyId);
      await tx.updateTable('surveys').set({ published_responses: responses, published_results: JSON.stringify(publishable(questions)) }).where('id', '=', surveyId).execute();
      await tx.deleteFrom('survey_statement_totals').where('survey_id', '=', surveyId).execute();
      const statements = await tx.selectFrom('survey_questions').select('id').where('survey_id', '=', surveyId).where('statement_id', 'is not', null).execute();
      const withStatement = new Set(statements.map((q) => q.id));
      const totals = questions
        .filter((q) => withStatement.has(q.question.id) && q.agreeing)
        .map((q) => ({ survey_id: surveyId, question_id: q.question.id, agreeing: q.agreeing!.count, with_view: q.agreeing!.of }));
      if (totals.length) await tx.insertInto('survey_statement_totals').values(totals).execute();
      if (survey.kind === 'annual') await refreshSurveyIndicators(tx, deps.areaCode);
    });
  }

  return {
    questionsOf,
    snapshot,

    /** After an answer: refreshes the published figures once enough new answers have come in. */
    async refreshIfDue(db: Db, surveyId: string): Promise<boolean> {
      const s = await db.selectFrom('surveys').select('published_responses').where('id', '=', surveyId).executeTakeFirstOrThrow();
      if ((await responseCount(db, surveyId)) - s.published_responses < PUBLISH_BATCH) return false;
      await snapshot(db, surveyId);
      return true;
    },

    /** The results as last published: counts suppressed, no free text. */
    async published(db: Db, surveyId: string): Promise<{ responses: number; questions: PublishedResult[] } | undefined> {
      const s = await db.selectFrom('surveys').select(['published_responses', 'published_results']).where('id', '=', surveyId).executeTakeFirst();
      if (!s || s.published_results === null) return undefined;
      return { responses: s.published_responses, questions: s.published_results as PublishedResult[] };
    },

    async get(db: Db, id: string): Promise<Survey | undefined> {
      const r = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toSurvey(r);
    },

    async list(db: Db) {
      const rows = await db
        .selectFrom('surveys')
        .selectAll('surveys')
        .select((eb) => eb.selectFrom('survey_responses').select(eb.fn.countAll<number>().as('n')).whereRef('survey_responses.survey_id', '=', 'surveys.id').as('responses'))
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((r) => ({ ...toSurvey(r), responses: Number(r.responses ?? 0) }));
    },

    async create(db: Db, actor: Actor, input: NewSurvey): Promise<string> {
      return inTransaction(db, async (tx) => {
        const row = await tx
          .insertInto('surveys')
          .values({
            title: input.title,
            description: input.description,
            kind: input.annualYear ? 'annual' : 'general',
            year: input.annualYear ?? null,
            anonymous: input.anonymous,
            audience: input.audience,
            created_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (input.annualYear) await insertQuestions(tx, row.id, await annualSurveyQuestions(tx));
        await audit.record(tx, { actor, action: 'survey.created', outcome: 'succeeded', subjectType: 'survey', subjectId: row.id, details: { title: input.title, annualYear: input.annualYear ?? null } });
        return row.id;
      });
    },

    async addQuestion(db: Db, actor: Actor, surveyId: string, q: Omit<Question, 'id' | 'position'>): Promise<void> {
      await inTransaction(db, async (tx) => {
        const last = await tx.selectFrom('survey_questions').select((eb) => eb.fn.max('position').as('p')).where('survey_id', '=', surveyId).executeTakeFirst();
        const position = Number(last?.p ?? 0) + 1;
        const ids = new Map((await questionsOf(tx, surveyId)).map((x) => [x.position, x.id]));
        await insertQuestions(tx, surveyId, [{ ...q, position }], ids);
        await audit.record(tx, { actor, action: 'survey.question-added', outcome: 'succeeded', subjectType: 'survey', subjectId: surveyId, details: { position, kind: q.kind } });
      });
    },

    /** Opens (making the open link's token on first opening), closes, or publishes results. */
    async update(db: Db, actor: Actor, surveyId: string, change: { status?: 'open' | 'closed'; publishResults?: boolean }): Promise<void> {
      await inTransaction(db, async (tx) => {
        const s = await tx.selectFrom('surveys').selectAll().where('id', '=', surveyId).forUpdate().executeTakeFirstOrThrow();
        await tx
          .updateTable('surveys')
          .set({
            ...(change.status ? { status: change.status } : {}),
            ...(change.publishResults !== undefined ? { publish_results: change.publishResults } : {}),
            ...(change.status === 'open' && s.audience === 'open' && !s.open_token ? { open_token: newSecret() } : {}),
          })
          .where('id', '=', surveyId)
          .execute();
        await audit.record(tx, { actor, action: 'survey.updated', outcome: 'succeeded', subjectType: 'survey', subjectId: surveyId, details: change });
        // Publishing shows the figures as they are; closing publishes the final figures.
        if (change.publishResults || change.status === 'closed') await snapshot(tx, surveyId);
      });
    },

    /**
     * Invites people by email: one single-use link each, through the outbox. Someone already
     * invited is not invited twice. Returns how many were new.
     */
    async invite(db: Db, actor: Actor, surveyId: string, emails: readonly string[], today: string): Promise<number> {
      return inTransaction(db, async (tx) => {
        const survey = toSurvey(await tx.selectFrom('surveys').selectAll().where('id', '=', surveyId).executeTakeFirstOrThrow());
        let added = 0;
        for (const email of emails) {
          const invitee = await tx
            .insertInto('survey_invitees')
            .values({ survey_id: surveyId, email, invited_on: today })
            .onConflict((oc) => oc.columns(['survey_id', 'email']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!invitee) continue;
          const token = newSecret();
          await tx.insertInto('survey_invite_tokens').values({ token_hash: digest(token), survey_id: surveyId, invitee_id: invitee.id }).execute();
          await notifications.queueEmail(tx, {
            to: email,
            template: 'survey-invitation',
            subject: `${survey.title}: tell us what you think`,
            body: [
              `We would like to hear from you. Please answer our survey: ${survey.title}.`,
              '',
              `Answer the survey: ${baseUrl}/s/${token}`,
              '',
              survey.anonymous
                ? 'Your answers are anonymous. We do not keep your name, your email address or the time you answered with them. Nobody, not even our system administrators, can tell which answers are yours.'
                : 'This survey is not anonymous: we keep your answers with your email address so that we can follow them up with you.',
              'The link is for you only and works once.',
            ].join('\n'),
          });
          added++;
        }
        await audit.record(tx, { actor, action: 'survey.invited', outcome: 'succeeded', subjectType: 'survey', subjectId: surveyId, details: { invited: added } });
        return added;
      });
    },

    /** Invitees and whether each has answered (their link used), never which answers are theirs. */
    async invitees(db: Db, surveyId: string) {
      const rows = await db
        .selectFrom('survey_invitees as i')
        .leftJoin('survey_invite_tokens as t', 't.invitee_id', 'i.id')
        .select(['i.email', 'i.invited_on', 't.token_hash'])
        .where('i.survey_id', '=', surveyId)
        .orderBy('i.email')
        .execute();
      return rows.map((r) => ({ email: r.email, invitedOn: r.invited_on, responded: r.token_hash === null }));
    },

    /** The survey a link opens: its open token, or a list invitee's unused single-use token. */
    async findByToken(db: Db, token: string): Promise<{ survey: Survey; inviteTokenHash?: string } | undefined> {
      if (!isTokenShaped(token)) return undefined;
      const open = await db.selectFrom('surveys').selectAll().where('open_token', '=', token).executeTakeFirst();
      if (open) return { survey: toSurvey(open) };
      const hash = digest(token);
      const invited = await db.selectFrom('survey_invite_tokens as t').innerJoin('surveys as s', 's.id', 't.survey_id').selectAll('s').where('t.token_hash', '=', hash).executeTakeFirst();
      if (invited) return { survey: toSurvey(invited), inviteTokenHash: hash };
      return undefined;
    },

    /** Whether a form with this one-time nonce was stored already. */
    async wasSubmitted(db: Db, nonce: string): Promise<boolean> {
      return !!(await db.selectFrom('survey_submissions').select('nonce_hash').where('nonce_hash', '=', digest(nonce)).executeTakeFirst());
    },

    /**
     * Stores one response. An anonymous response keeps no user, no invitee and only its month;
     * nothing about the request (address, time) is written and the submission is not audited,
     * because an audit entry would name who answered and when. The form's one-time nonce makes
     * a double-clicked submit store once; a list invitation's token is deleted as it is used.
     */
    async submit(
      db: Db,
      input: { survey: Survey; inviteTokenHash?: string; answers: Map<string, string[]>; nonce: string; userId: string | null; today: string },
    ): Promise<Submission> {
      const { survey } = input;
      try {
        return await inTransaction(db, async (tx) => {
          const fresh = await tx
            .insertInto('survey_submissions')
            .values({ nonce_hash: digest(input.nonce), survey_id: survey.id, used_on: FIRST_OF_MONTH(input.today) })
            .onConflict((oc) => oc.column('nonce_hash').doNothing())
            .returning('nonce_hash')
            .executeTakeFirst();
          if (!fresh) return { outcome: 'duplicate' } as const;
          let inviteeId: string | null = null;
          if (input.inviteTokenHash) {
            const used = await tx.deleteFrom('survey_invite_tokens').where('token_hash', '=', input.inviteTokenHash).returning('invitee_id').executeTakeFirst();
            if (!used) throw new TokenUsed();
            inviteeId = used.invitee_id;
          }
          const response = await tx
            .insertInto('survey_responses')
            .values(
              survey.anonymous
                ? { survey_id: survey.id, responded_on: FIRST_OF_MONTH(input.today), respondent_user_id: null, invitee_id: null }
                : { survey_id: survey.id, responded_on: input.today, respondent_user_id: input.userId, invitee_id: inviteeId },
            )
            .returning('id')
            .executeTakeFirstOrThrow();
          const rows = [...input.answers].flatMap(([questionId, values]) => values.map((value) => ({ response_id: response.id, question_id: questionId, value })));
          if (rows.length) await tx.insertInto('survey_answers').values(rows).execute();
          return { outcome: 'stored' } as const;
        });
      } catch (e) {
        if (e instanceof TokenUsed) return { outcome: 'token-used' };
        throw e;
      }
    },

    results,
  };
}

export type SurveyService = ReturnType<typeof surveyService>;

type SurveyRow = {
  id: string;
  title: string;
  description: string;
  kind: 'general' | 'annual';
  year: number | null;
  anonymous: boolean;
  audience: 'open' | 'list';
  open_token: string | null;
  status: 'draft' | 'open' | 'closed';
  publish_results: boolean;
};

function toSurvey(r: SurveyRow): Survey {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    kind: r.kind,
    year: r.year,
    anonymous: r.anonymous,
    audience: r.audience,
    openToken: r.open_token,
    status: r.status,
    publishResults: r.publish_results,
  };
}
