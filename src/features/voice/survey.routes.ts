import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { errorView, readForm, required, type FieldError } from '../../platform/web/forms.js';
import { newSecret } from '../../platform/auth/secrets.js';
import { discloseCount } from '../../platform/disclosure/disclosure.js';
import { VOICE_STAFF } from './voice.roles.js';
import { QUESTION_KINDS, checkNewQuestion, readAnswers, type Question } from './survey.questions.js';
import { questionFields } from './survey.present.js';
import { resultsCsv, staffCharts, publicCharts } from './survey.report.js';
import type { Survey, SurveyService } from './survey.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Survey answers sent per address a minute. */
export const ANSWERS_PER_MINUTE = 30;
/** Most invitations one form sends. */
const MAX_INVITEES = 500;

function anonymityText(survey: Survey): string {
  return survey.anonymous
    ? 'This survey is anonymous. We do not keep your name, your account, your email address, your internet address or the time you answered. Nobody, not even our system administrators, can tell which answers are yours. This also means we cannot find or change your answers after you send them.'
    : 'This survey is not anonymous: we keep your answers with your name or email address, so that we can follow them up with you.';
}

export async function surveyRoutes(app: FastifyInstance, s: Services, surveys: SurveyService) {
  const staff = { config: { access: access.roles(...VOICE_STAFF) } };
  const open = { config: { access: access.public() } };

  async function surveyOr404(id: string, reply: FastifyReply): Promise<Survey | undefined> {
    const survey = UUID.test(id) ? await surveys.get(s.db, id) : undefined;
    if (!survey) reply.callNotFound();
    return survey;
  }

  // ---- Answering: public, by link --------------------------------------------------------

  app.get('/have-your-say', open, async (_request, reply) => {
    const all = await surveys.list(s.db);
    return reply.render('voice/views/have-your-say.njk', {
      title: 'Have your say',
      openSurveys: all.filter((x) => x.status === 'open' && x.audience === 'open' && x.openToken),
      published: all.filter((x) => x.publishResults),
    });
  });

  const renderForm = async (reply: FastifyReply, token: string, survey: Survey, state: { values: Record<string, string | string[]>; errors: FieldError[]; nonce: string }, status = 200) => {
    const questions = await surveys.questionsOf(s.db, survey.id);
    const ev = errorView(state.errors);
    return reply.render(
      'voice/views/answer.njk',
      { title: survey.title, survey, token, nonce: state.nonce, anonymity: anonymityText(survey), fields: questionFields(questions, state.values, ev.errorFor), ...ev },
      status,
    );
  };

  /** The survey behind a link, or the page that says why it cannot be answered. */
  async function openLink(token: string, request: { user?: unknown; url: string }, reply: FastifyReply) {
    const found = await surveys.findByToken(s.db, token);
    if (!found) {
      await reply.render('voice/views/link-problem.njk', { title: 'This survey link does not work', reason: 'unknown' }, 404);
      return undefined;
    }
    if (found.survey.status !== 'open') {
      await reply.render('voice/views/link-problem.njk', { title: found.survey.status === 'closed' ? 'This survey has closed' : 'This survey is not open yet', reason: found.survey.status, survey: found.survey }, 410);
      return undefined;
    }
    // A named open-link survey needs to know who is answering; an invitation's link says who.
    if (!found.survey.anonymous && !found.inviteTokenHash && !request.user) {
      await reply.redirect(`/sign-in?returnTo=${encodeURIComponent(`/s/${token}`)}`, 303);
      return undefined;
    }
    return found;
  }

  app.get('/s/:token', open, async (request, reply) => {
    const { token } = request.params as { token: string };
    const found = await openLink(token, request, reply);
    if (!found) return reply;
    return renderForm(reply, token, found.survey, { values: {}, errors: [], nonce: newSecret() });
  });

  // Answers per address a minute: plenty for a family (or a school's shared connection), too
  // few to stuff an open survey. The address is used only for this count, in memory.
  const answerLimit = { max: ANSWERS_PER_MINUTE, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: (r: FastifyRequest) => `${r.ip}|survey` };
  app.post('/s/:token', { config: { access: access.public(), rateLimit: answerLimit } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const body = (request.body ?? {}) as Record<string, unknown>;
    const nonce = typeof body._nonce === 'string' && /^[A-Za-z0-9_-]{43}$/.test(body._nonce) ? body._nonce : undefined;
    // Thank whoever sends the same form again, even after a list link was used by the first send.
    const found = await surveys.findByToken(s.db, token);
    if (!found && nonce && (await surveys.wasSubmitted(s.db, nonce))) return reply.redirect(`/s/${token}/thank-you`, 303);
    const ok = await openLink(token, request, reply);
    if (!ok) return reply;
    const questions: Question[] = await surveys.questionsOf(s.db, ok.survey.id);
    const read = readAnswers(questions, body);
    if (!nonce) read.errors.unshift({ field: questions[0] ? `q${questions[0].position}` : 'q1', text: 'Something went wrong with the form. Check your answers and send them again.' });
    if (read.errors.length) return renderForm(reply, token, ok.survey, { values: read.values, errors: read.errors, nonce: nonce ?? newSecret() }, 400);
    const result = await surveys.submit(s.db, {
      survey: ok.survey,
      ...(ok.inviteTokenHash ? { inviteTokenHash: ok.inviteTokenHash } : {}),
      answers: read.answers,
      nonce: nonce!,
      userId: ok.survey.anonymous ? null : (request.user?.id ?? null),
      today: s.today(),
    });
    if (result.outcome === 'token-used') return reply.render('voice/views/link-problem.njk', { title: 'You have already answered this survey', reason: 'used' }, 409);
    if (result.outcome === 'stored') await surveys.refreshIfDue(s.db, ok.survey.id);
    return reply.redirect(`/s/${token}/thank-you`, 303);
  });

  app.get('/s/:token/thank-you', open, async (_request, reply) => reply.render('voice/views/thank-you.njk', { title: 'Thank you for your answers' }));

  app.get('/have-your-say/results/:surveyId', open, async (request, reply) => {
    const { surveyId } = request.params as { surveyId: string };
    const survey = UUID.test(surveyId) ? await surveys.get(s.db, surveyId) : undefined;
    if (!survey || !survey.publishResults) return reply.callNotFound();
    const published = await surveys.published(s.db, survey.id);
    return reply.render('voice/views/results-public.njk', {
      title: `Results: ${survey.title}`,
      survey,
      responses: discloseCount(published?.responses ?? 0).text,
      questions: publicCharts(published?.questions ?? []),
    });
  });

  // ---- Running surveys: partnership leaders and the forum ----------------------------------

  app.get('/voice/surveys', staff, async (_request, reply) => {
    return reply.render('voice/views/surveys.njk', { title: 'Surveys', surveys: await surveys.list(s.db) });
  });

  const NEW_FIELDS = ['title', 'description', 'anonymous', 'audience', 'template', 'year'];
  app.get('/voice/surveys/new', staff, async (_request, reply) =>
    reply.render('voice/views/survey-new.njk', { title: 'Make a survey', values: { anonymous: 'yes', audience: 'open', template: 'blank', year: s.today().slice(0, 4) } }),
  );

  app.post('/voice/surveys', staff, async (request, reply) => {
    const form = readForm(request.body, NEW_FIELDS, { title: 'The title', description: 'The introduction' });
    const { values, errors } = form;
    if (values.template !== 'annual') required(form, 'title', 'Enter the survey’s title');
    if (values.description!.length > 2000) errors.push({ field: 'description', text: 'The introduction must be 2,000 characters or fewer' });
    if (!['yes', 'no'].includes(values.anonymous!)) errors.push({ field: 'anonymous', text: 'Select whether answers are anonymous' });
    if (!['open', 'list'].includes(values.audience!)) errors.push({ field: 'audience', text: 'Select who can answer' });
    if (!['blank', 'annual'].includes(values.template!)) errors.push({ field: 'template', text: 'Select how to start the survey' });
    const year = Number(values.year);
    if (values.template === 'annual') {
      if (!/^\d{4}$/.test(values.year!.trim()) || year < 2000 || year > 2100) errors.push({ field: 'year', text: 'Enter the survey year as 4 numbers, for example 2027' });
      else if (await s.db.selectFrom('surveys').select('id').where('kind', '=', 'annual').where('year', '=', year).executeTakeFirst())
        errors.push({ field: 'year', text: `There is already a SEND Annual Survey for ${year}` });
    }
    if (errors.length) return reply.render('voice/views/survey-new.njk', { title: 'Make a survey', values, ...errorView(errors) }, 400);
    const annual = values.template === 'annual';
    const id = await surveys.create(s.db, actorOf(request)!, {
      title: annual && !values.title!.trim() ? `SEND Annual Survey ${year}` : values.title!.trim(),
      description: values.description!.trim(),
      anonymous: values.anonymous === 'yes',
      audience: values.audience as 'open' | 'list',
      ...(annual ? { annualYear: year } : {}),
    });
    return reply.redirect(`/voice/surveys/${id}`, 303);
  });

  const manage = async (reply: FastifyReply, survey: Survey, extra: Record<string, unknown> = {}, status = 200) => {
    const questions = await surveys.questionsOf(s.db, survey.id);
    return reply.render(
      'voice/views/survey.njk',
      {
        title: survey.title,
        survey,
        questions,
        kinds: Object.entries(QUESTION_KINDS).map(([value, text]) => ({ value, text })),
        openLink: survey.openToken ? `${s.config.baseUrl}/s/${survey.openToken}` : null,
        invitees: survey.audience === 'list' ? await surveys.invitees(s.db, survey.id) : [],
        values: {},
        ...extra,
      },
      status,
    );
  };

  app.get('/voice/surveys/:surveyId', staff, async (request, reply) => {
    const survey = await surveyOr404((request.params as { surveyId: string }).surveyId, reply);
    return survey ? manage(reply, survey) : reply;
  });

  app.post('/voice/surveys/:surveyId/questions', staff, async (request, reply) => {
    const survey = await surveyOr404((request.params as { surveyId: string }).surveyId, reply);
    if (!survey) return reply;
    const form = readForm(request.body, ['kind', 'text', 'hint', 'options', 'showIfPosition', 'showIfValue'], { text: 'The question', hint: 'The hint', options: 'The answers to choose from' }, 5000);
    if (form.values.text!.length > 500) form.errors.push({ field: 'text', text: 'The question must be 500 characters or fewer' });
    if (form.values.hint!.length > 500) form.errors.push({ field: 'hint', text: 'The hint must be 500 characters or fewer' });
    if (survey.status !== 'draft') form.errors.push({ field: 'text', text: 'Questions can only be added before the survey opens' });
    const checked = form.errors.length ? { errors: [] } : checkNewQuestion(form.values as never, await surveys.questionsOf(s.db, survey.id));
    const errors = [...form.errors, ...checked.errors];
    if (errors.length || !('question' in checked) || !checked.question) return manage(reply, survey, { values: form.values, ...errorView(errors) }, 400);
    await surveys.addQuestion(s.db, actorOf(request)!, survey.id, checked.question);
    return reply.redirect(`/voice/surveys/${survey.id}#questions`, 303);
  });

  app.post('/voice/surveys/:surveyId/status', staff, async (request, reply) => {
    const survey = await surveyOr404((request.params as { surveyId: string }).surveyId, reply);
    if (!survey) return reply;
    const { values } = readForm(request.body, ['change'], {}, 40);
    const change = values.change === 'open' ? { status: 'open' as const } : values.change === 'close' ? { status: 'closed' as const } : values.change === 'publish' ? { publishResults: true } : values.change === 'unpublish' ? { publishResults: false } : undefined;
    if (!change) return manage(reply, survey, { ...errorView([{ field: 'change', text: 'Choose what to change' }]) }, 400);
    if (change.status === 'open' && (await surveys.questionsOf(s.db, survey.id)).length === 0)
      return manage(reply, survey, { ...errorView([{ field: 'text', text: 'Add at least one question before opening the survey' }]) }, 400);
    await surveys.update(s.db, actorOf(request)!, survey.id, change);
    return reply.redirect(`/voice/surveys/${survey.id}`, 303);
  });

  app.post('/voice/surveys/:surveyId/invitees', staff, async (request, reply) => {
    const survey = await surveyOr404((request.params as { surveyId: string }).surveyId, reply);
    if (!survey) return reply;
    const form = readForm(request.body, ['emails'], { emails: 'The list of email addresses' }, 64 * 1024);
    const lines = form.values.emails!.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
    const bad = lines.filter((e) => !EMAIL.test(e) || e.length > 254);
    if (survey.audience !== 'list') form.errors.push({ field: 'emails', text: 'This survey is answered by its open link, not by invitation' });
    else if (!lines.length) form.errors.push({ field: 'emails', text: 'Enter the email addresses to invite, one on each line' });
    else if (bad.length) form.errors.push({ field: 'emails', text: `Check these email addresses: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}` });
    else if (lines.length > MAX_INVITEES) form.errors.push({ field: 'emails', text: `Invite ${MAX_INVITEES} people or fewer at a time` });
    if (form.errors.length) return manage(reply, survey, { values: form.values, ...errorView(form.errors) }, 400);
    const added = await surveys.invite(s.db, actorOf(request)!, survey.id, [...new Set(lines)], s.today());
    return manage(reply, survey, { invited: added });
  });

  app.get('/voice/surveys/:surveyId/results', staff, async (request, reply) => {
    const survey = await surveyOr404((request.params as { surveyId: string }).surveyId, reply);
    if (!survey) return reply;
    const { format } = request.query as { format?: string };
    const results = await surveys.results(s.db, survey.id);
    await s.audit.record(s.db, { actor: actorOf(request), action: 'survey.results-viewed', outcome: 'allowed', subjectType: 'survey', subjectId: survey.id, requestId: request.id, details: { format: format === 'csv' ? 'csv' : 'html' } });
    if (format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="survey-results-${survey.id}.csv"`)
        .send(resultsCsv(results.questions));
    }
    return reply.render('voice/views/results.njk', { title: `Results: ${survey.title}`, survey, responses: results.responses, questions: staffCharts(results.questions) });
  });
}
