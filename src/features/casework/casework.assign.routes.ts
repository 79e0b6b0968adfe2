import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { errorView, readForm } from '../../platform/web/forms.js';
import { inTransaction } from '../../db/transaction.js';
import { caseworkers } from './casework.queries.js';
import { CASE_ACCESS, auditView, loadCase } from './casework.case.js';

/**
 * Who the case's officer is. Requests families make online arrive with nobody assigned; an
 * officer takes one, or a manager passes a case on. Not a statutory event, so not on the
 * timeline: the audit log keeps who assigned whom, and the case page shows the officer.
 */
export async function caseworkAssignRoutes(app: FastifyInstance, s: Services) {
  const page = async (c: Awaited<ReturnType<typeof loadCase>>, selected: string, errors: { field: string; text: string }[]) => {
    const people = await caseworkers(s.db);
    return {
      title: 'Choose the officer for this case',
      c,
      caseHref: `/casework/requests/${c.request.id}`,
      officers: [{ value: '', text: 'Select an officer' }, ...people.map((p) => ({ value: p.id, text: p.name, selected: p.id === selected }))],
      ...errorView(errors),
    };
  };

  app.get('/casework/requests/:id/officer', { config: CASE_ACCESS }, async (request, reply) => {
    const c = await loadCase(s, (request.params as { id: string }).id);
    await auditView(s, request, c, 'officer');
    return reply.render('casework/views/officer.njk', await page(c, c.request.officer_user_id ?? request.user!.id, []));
  });

  app.post('/casework/requests/:id/officer', { config: CASE_ACCESS }, async (request, reply) => {
    const c = await loadCase(s, (request.params as { id: string }).id);
    const form = readForm(request.body, ['officer'], {}, 100);
    const officer = (await caseworkers(s.db)).find((p) => p.id === form.values.officer);
    if (!officer) {
      const errors = [{ field: 'officer', text: 'Select the officer from the list' }];
      return reply.render('casework/views/officer.njk', await page(c, '', errors), 400);
    }
    await inTransaction(s.db, async (tx) => {
      await tx.updateTable('ehc_requests').set({ officer_user_id: officer.id, updated_at: new Date() }).where('id', '=', c.request.id).execute();
      await s.audit.record(tx, {
        actor: actorOf(request),
        action: 'ehc.officer-assigned',
        outcome: 'succeeded',
        subjectType: 'ehc-request',
        subjectId: c.request.id,
        childId: c.request.child_id,
        requestId: request.id,
        details: { from: c.request.officer_user_id, to: officer.id },
      });
    });
    return reply.redirect(`/casework/requests/${c.request.id}?done=officer`, 303);
  });
}
