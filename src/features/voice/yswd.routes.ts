import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { errorView, readForm, required } from '../../platform/web/forms.js';
import { dateFields, datePartsInError, readDateInput } from '../../platform/web/date-input.js';
import { VOICE_STAFF } from './voice.roles.js';
import { SOURCE_KINDS, YSWD_STATUSES, actionItems, type SourceKind, type YswdInput, type YswdService, type YswdStatus } from './yswd.service.js';
import { MAX_FEEDBACK, feedbackPage, type FeedbackService } from './feedback.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = ['sourceKind', 'sourceLink', 'youSaid', 'weDid', 'status', 'actionId', 'published', ...dateFields('saidOn')];
const LABELS = { youSaid: 'What you said', weDid: 'What we did', sourceLink: 'The link' };
/** Feedback sent per address a minute. */
const FEEDBACK_PER_MINUTE = 10;

function readEntry(body: unknown): { values: Record<string, string>; errors: { field: string; text: string }[]; input?: YswdInput } {
  const form = readForm(body, FIELDS, LABELS, 2000);
  const v = form.values;
  if (!Object.hasOwn(SOURCE_KINDS, v.sourceKind!)) form.errors.push({ field: 'sourceKind', text: 'Select where this came from' });
  const link = v.sourceLink!.trim();
  if (link && (link.length > 500 || !(/^\/(?![/\\])\S*$/.test(link) || /^https:\/\/\S+$/.test(link))))
    form.errors.push({ field: 'sourceLink', text: 'Enter a link to a page on this site (starting with /) or a web address starting with https://' });
  required(form, 'youSaid', 'Enter what people said');
  if (!Object.hasOwn(YSWD_STATUSES, v.status!)) form.errors.push({ field: 'status', text: 'Select where this is up to' });
  if (v.status === 'done' && v.weDid!.trim() === '') form.errors.push({ field: 'weDid', text: 'Enter what we did, before marking it done' });
  if (v.actionId && !UUID.test(v.actionId)) form.errors.push({ field: 'actionId', text: 'Select an action from the list' });
  const date = readDateInput(v, 'saidOn', { label: 'The date', missing: 'Enter the date people said it' });
  if (date.error) form.errors.push(date.error);
  if (form.errors.length || !date.value) return form;
  return {
    ...form,
    input: {
      sourceKind: v.sourceKind as SourceKind,
      sourceLink: link,
      youSaid: v.youSaid!.trim(),
      weDid: v.weDid!.trim(),
      status: v.status as YswdStatus,
      actionId: v.actionId || null,
      published: v.published === 'yes',
      saidOn: date.value,
    },
  };
}

export async function yswdRoutes(app: FastifyInstance, s: Services, yswd: YswdService, feedback: FeedbackService) {
  const staff = { config: { access: access.roles(...VOICE_STAFF) } };

  app.get('/you-said-we-did', { config: { access: access.public() } }, async (_request, reply) => {
    const entries = await yswd.list(s.db, { publishedOnly: true });
    return reply.render('voice/views/you-said-we-did.njk', {
      title: 'You said, we did',
      groups: (Object.keys(YSWD_STATUSES) as YswdStatus[]).map((status) => ({ status, heading: YSWD_STATUSES[status], entries: entries.filter((e) => e.status === status) })),
      sourceKinds: SOURCE_KINDS,
      feedback: await feedback.list(s.db, 'published'),
    });
  });

  const formPage = async (reply: FastifyReply, entryId: string | null, values: Record<string, string>, extra: Record<string, unknown> = {}, status = 200) =>
    reply.render(
      'voice/views/yswd-form.njk',
      {
        title: entryId ? 'Change a “you said, we did” entry' : 'Add a “you said, we did” entry',
        entryId,
        values,
        sourceKinds: Object.entries(SOURCE_KINDS).map(([value, text]) => ({ value, text })),
        statuses: Object.entries(YSWD_STATUSES).map(([value, text]) => ({ value, text })),
        actionItems: actionItems(await yswd.actions(s.db), values.actionId),
        ...extra,
      },
      status,
    );

  app.get('/voice/you-said-we-did', staff, async (_request, reply) =>
    reply.render('voice/views/yswd-list.njk', { title: 'You said, we did', entries: await yswd.list(s.db, { publishedOnly: false }), statuses: YSWD_STATUSES }),
  );

  app.get('/voice/you-said-we-did/new', staff, async (request, reply) => {
    const { source, link } = request.query as { source?: string; link?: string };
    const [y, m, d] = s.today().split('-');
    return formPage(reply, null, {
      sourceKind: source && Object.hasOwn(SOURCE_KINDS, source) ? source : '',
      sourceLink: typeof link === 'string' ? feedbackPage(link) === link ? link : '' : '',
      status: 'listening',
      published: 'yes',
      'saidOn-day': String(Number(d)),
      'saidOn-month': String(Number(m)),
      'saidOn-year': y!,
    });
  });

  const save = async (request: FastifyRequest, reply: FastifyReply) => {
    const entryId = (request.params as { entryId?: string }).entryId ?? null;
    if (entryId && !(UUID.test(entryId) && (await yswd.get(s.db, entryId)))) return reply.callNotFound();
    const read = readEntry(request.body);
    if (read.input?.actionId && !(await yswd.actions(s.db)).some((a) => a.id === read.input!.actionId)) read.errors.push({ field: 'actionId', text: 'Select an action from the list' });
    if (read.errors.length || !read.input) return formPage(reply, entryId, read.values, { ...errorView(read.errors), dateParts: datePartsInError(read.errors) }, 400);
    await yswd.save(s.db, actorOf(request)!, entryId, read.input);
    return reply.redirect('/voice/you-said-we-did', 303);
  };
  app.post('/voice/you-said-we-did', staff, save);
  app.post('/voice/you-said-we-did/:entryId', staff, save);

  app.get('/voice/you-said-we-did/:entryId', staff, async (request, reply) => {
    const { entryId } = request.params as { entryId: string };
    const e = UUID.test(entryId) ? await yswd.get(s.db, entryId) : undefined;
    if (!e) return reply.callNotFound();
    const [y, m, d] = String(e.said_on).split('-');
    return formPage(reply, e.id, {
      sourceKind: e.source_kind,
      sourceLink: e.source_link,
      youSaid: e.you_said,
      weDid: e.we_did,
      status: e.status,
      actionId: e.action_id ?? '',
      published: e.published ? 'yes' : '',
      'saidOn-day': String(Number(d)),
      'saidOn-month': String(Number(m)),
      'saidOn-year': y!,
    });
  });

  // ---- Feedback on any page -------------------------------------------------------------

  app.get('/feedback', { config: { access: access.public() } }, async (request, reply) => {
    const { page } = request.query as { page?: unknown };
    return reply.render('voice/views/feedback.njk', { title: 'Tell us what you think of this page', values: { page: feedbackPage(page) } });
  });

  app.post(
    '/feedback',
    { config: { access: access.public(), rateLimit: { max: FEEDBACK_PER_MINUTE, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: (r: FastifyRequest) => `${r.ip}|feedback` } } },
    async (request, reply) => {
      const form = readForm(request.body, ['page', 'useful', 'comment'], { comment: 'Your comment' }, 5000);
      const v = form.values;
      if (v.useful && !['yes', 'no'].includes(v.useful)) form.errors.push({ field: 'useful', text: 'Select yes or no' });
      if (v.comment!.length > MAX_FEEDBACK) form.errors.push({ field: 'comment', text: `Your comment must be ${MAX_FEEDBACK.toLocaleString('en-GB')} characters or fewer (it has ${v.comment!.length.toLocaleString('en-GB')})` });
      if (!form.errors.length && !v.useful && v.comment!.trim() === '') form.errors.push({ field: 'useful', text: 'Select whether this page was useful, or write a comment' });
      const page = feedbackPage(v.page);
      if (form.errors.length) return reply.render('voice/views/feedback.njk', { title: 'Tell us what you think of this page', values: { ...v, page }, ...errorView(form.errors), dateParts: datePartsInError(form.errors) }, 400);
      await feedback.submit(s.db, { page, useful: (v.useful || null) as 'yes' | 'no' | null, comment: v.comment!.trim(), today: s.today() });
      return reply.render('voice/views/feedback-sent.njk', { title: 'Thank you for your feedback', page });
    },
  );

  app.get('/voice/feedback', staff, async (_request, reply) =>
    reply.render('voice/views/feedback-moderate.njk', { title: 'Feedback on our pages', waiting: await feedback.list(s.db, 'new'), published: await feedback.list(s.db, 'published') }),
  );

  app.post('/voice/feedback/:feedbackId', staff, async (request, reply) => {
    const { feedbackId } = request.params as { feedbackId: string };
    const form = readForm(request.body, ['decision', 'reply'], { reply: 'The reply' }, 2000);
    const decision = form.values.decision === 'publish' ? 'published' : form.values.decision === 'reject' ? 'rejected' : undefined;
    if (!decision || !UUID.test(feedbackId) || form.errors.length) {
      const errors = form.errors.length ? form.errors : [{ field: 'decision', text: 'Choose whether to publish or reject this feedback' }];
      return reply.render('voice/views/feedback-moderate.njk', { title: 'Feedback on our pages', waiting: await feedback.list(s.db, 'new'), published: await feedback.list(s.db, 'published'), ...errorView(errors) }, 400);
    }
    const ok = await feedback.moderate(s.db, actorOf(request)!, feedbackId, { status: decision, reply: form.values.reply!.trim() });
    if (!ok) return reply.callNotFound();
    return reply.redirect('/voice/feedback', 303);
  });
}
