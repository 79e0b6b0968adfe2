import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { errorView, readForm, type FieldError } from '../../platform/web/forms.js';
import { SECTION_KEYS, SECTIONS } from '../ehc/ehc.codes.js';
import { EhcInputError } from '../ehc/ehc.errors.js';
import type { EhcCase } from '../ehc/ehc.service.js';
import { auditFamilyView, FAMILY_CASE, loadFamilyCase } from './family.access.js';
import { checkComments, COMMENT_FIELDS, MAX_COMMENTS } from './family.forms.js';
import { commentPeriod } from './family.phrasing.js';
import { whatHappensNext } from './family.present.js';
import * as q from './family.queries.js';

const LABELS: Record<string, string> = {
  comments: 'Your comments',
  preferredSetting: 'The school or setting',
  ...Object.fromEntries(SECTION_KEYS.map((k) => [`section-${k}`, `Your comments on section ${k}`])),
};

/** The family comments on the draft plan while it is a draft: after the draft, before the final. */
export async function familyCommentRoutes(app: FastifyInstance, s: Services) {
  const page = async (c: EhcCase, values: Record<string, string>, errors: FieldError[]) => {
    const id = c.request.id;
    const [draft, earlier] = await Promise.all([q.latestDraft(s.db, id), q.commentsOn(s.db, id)]);
    const sections = draft?.sections ?? {};
    return {
      title: 'Comment on the draft plan',
      c,
      draft,
      sections: SECTION_KEYS.map((k) => ({ key: k, label: SECTIONS[k], paragraphs: (sections[k] ?? '').split(/\n+/).filter((p) => p.trim()), field: `section-${k}` })),
      period: c.clock.deadlines.draftComments ? commentPeriod(c.clock.deadlines.draftComments, s.today()) : '',
      earlier,
      values,
      maxComments: MAX_COMMENTS,
      ...errorView(errors),
    };
  };

  /** Comments are for a draft that is out and not yet final (ehc.stage: 'draft-issued'). */
  const closed = (reply: FastifyReply, c: EhcCase, status: number) =>
    reply.render('family/views/comments-closed.njk', { title: 'You cannot comment on a draft plan now', c }, status);

  const load = async (request: FastifyRequest) => loadFamilyCase(s, (request.params as { id: string }).id);

  app.get('/family/requests/:id/comments', { config: FAMILY_CASE }, async (request, reply) => {
    const c = await load(request);
    await auditFamilyView(s, request, c.request.child_id, { type: 'ehc-request', id: c.request.id }, 'draft-plan');
    if (c.request.stage !== 'draft-issued') return closed(reply, c, 200);
    return reply.render('family/views/comments.njk', await page(c, {}, []));
  });

  app.post('/family/requests/:id/comments', { config: FAMILY_CASE }, async (request, reply) => {
    const c = await load(request);
    if (c.request.stage !== 'draft-issued') return closed(reply, c, 409);
    const form = readForm(request.body, COMMENT_FIELDS, LABELS, MAX_COMMENTS);
    const checked = checkComments(form);
    if (checked) {
      try {
        const today = s.today();
        await s.ehc.recordEvent(s.db, actorOf(request), c.request.id, { type: 'comments-received', on: today, ...checked }, today, request.id);
        return reply.redirect(`/family/requests/${c.request.id}/comments/sent`, 303);
      } catch (e) {
        if (!(e instanceof EhcInputError)) throw e;
        form.errors.push({ field: e.field === 'preferredSetting' ? 'preferredSetting' : 'comments', text: e.message });
      }
    }
    await auditFamilyView(s, request, c.request.child_id, { type: 'ehc-request', id: c.request.id }, 'draft-plan');
    return reply.render('family/views/comments.njk', await page(c, form.values, form.errors), 400);
  });

  app.get('/family/requests/:id/comments/sent', { config: FAMILY_CASE }, async (request, reply) => {
    const c = await load(request);
    await auditFamilyView(s, request, c.request.child_id, { type: 'ehc-request', id: c.request.id }, 'comments-sent');
    return reply.render('family/views/comments-sent.njk', { title: 'We have your comments', c, next: whatHappensNext(c, s.today()) });
  });
}
