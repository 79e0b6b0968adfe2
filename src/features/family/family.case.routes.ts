import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import type { StepId } from '../ehc/clock/index.js';
import { HttpError, notFound } from '../../platform/web/errors.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { auditFamilyView, FAMILY_CASE, FAMILY_ONLY, loadFamilyCase, UUID } from './family.access.js';
import { adviceSentences, adviceStatus, agencyWords, capitalise, councilDeadline, exceptionSentences, isCouncilDeadline } from './family.phrasing.js';
import { familyTimeline, nextInOneLine, stageWords, whatHappensNext } from './family.present.js';
import { letterBlocks } from './family.letters.js';
import * as q from './family.queries.js';

export async function familyCaseRoutes(app: FastifyInstance, s: Services) {
  app.get('/family', { config: FAMILY_ONLY }, async (request, reply) => {
    const today = s.today();
    const ids = await s.access.linkedChildIds(s.db, request.user!, ['family']);
    const [children, requests] = await Promise.all([q.childrenByIds(s.db, ids), q.requestsOf(s.db, ids)]);
    const cases = new Map(await Promise.all(requests.map(async (r) => [r.id, await s.ehc.getCase(s.db, r.id, today)] as const)));
    for (const child of children) {
      await auditFamilyView(s, request, child.id, { type: 'child', id: child.id }, 'children');
    }
    return reply.render('family/views/children.njk', {
      title: 'Your children',
      children: children.map((c) => ({
        ...c,
        requests: requests
          .filter((r) => r.child_id === c.id)
          .map((r) => ({ id: r.id, receivedOn: r.received_on, stage: stageWords(r.stage), next: nextInOneLine(cases.get(r.id)!, today) })),
      })),
    });
  });

  app.get('/family/requests/:id', { config: FAMILY_CASE }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const today = s.today();
    const c = await loadFamilyCase(s, id);
    const r = c.request;
    const [chasing, letters, plan, officer] = await Promise.all([
      q.adviceChasing(s.db, id),
      q.lettersOf(s.db, id),
      q.planOf(s.db, id),
      q.officerName(s.db, r.officer_user_id),
    ]);
    const reviewDueBy = plan && r.final_issued_on ? await q.firstReviewDue(s.db, plan.id) : null;
    await auditFamilyView(s, request, r.child_id, { type: 'ehc-request', id }, 'case');

    const advice = c.advice.map((a) => {
      const facts = { ...a, ...(chasing.get(a.id) ?? {}) };
      return { title: capitalise(agencyWords(a.agency)), who: a.assigneeName ?? a.teamName, sentences: adviceSentences(facts, today), tag: adviceStatus(facts, today) };
    });
    const deadlines = c.clock.steps
      .filter((st) => isCouncilDeadline(st.step as StepId) && st.state !== 'not-applicable')
      .map((st) => councilDeadline(st.step, st.dueOn, st.doneOn, today));
    return reply.render('family/views/case.njk', {
      title: `${c.child.givenName} ${c.child.familyName}’s assessment`,
      c,
      stage: stageWords(r.stage),
      next: whatHappensNext(c, today, { reviewDueBy }),
      officer,
      canComment: r.stage === 'draft-issued',
      advice,
      deadlines,
      timeline: familyTimeline(c.events),
      exceptions: c.exceptions.map((e) => ({ sentences: exceptionSentences(e.kind, e.from, e.to), reason: e.reason })),
      letters,
      planId: r.final_issued_on && plan ? plan.id : null,
    });
  });

  app.get('/family/documents/:documentId', { config: FAMILY_ONLY }, async (request, reply) => {
    const { documentId } = request.params as { documentId: string };
    if (!UUID.test(documentId)) throw notFound('letter');
    const doc = await q.documentById(s.db, documentId);
    if (!doc) throw notFound('letter');
    if (!(await s.access.linkedTo(s.db, request.user!, doc.child_id, ['family']))) {
      await s.audit.record(s.db, {
        actor: actorOf(request),
        action: 'access.refused',
        outcome: 'refused',
        subjectType: 'document',
        subjectId: doc.id,
        childId: doc.child_id,
        requestId: request.id,
        details: { method: request.method, route: request.routeOptions.url },
      });
      throw new HttpError(403, 'forbidden', 'You do not have permission to see this');
    }
    // A letter still being written, or an internal one, is not there as far as the family knows.
    if (!doc.visible_to_family) throw notFound('letter');
    await auditFamilyView(s, request, doc.child_id, { type: 'document', id: doc.id }, 'letter');
    return reply.render('family/views/letter.njk', { title: doc.title, doc, blocks: letterBlocks(doc.body), backTo: doc.request_id ? `/family/requests/${doc.request_id}` : '/family' });
  });
}
