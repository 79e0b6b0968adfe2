import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { STAGES, type Stage } from '../ehc/ehc.codes.js';
import { EXCEPTION_KINDS } from '../ehc/clock/index.js';
import { ACTIONS, actionNamed } from './casework.actions.js';
import { adviceStatus, agencyName, describeEvent, STATE_TAGS, stepLabel } from './casework.present.js';
import { childRows, requestRows, timelinessText } from './casework.summary.js';
import { CASE_ACCESS, auditView, loadCase } from './casework.case.js';
import { isOpenStage } from './casework.queries.js';

export async function caseworkCaseRoutes(app: FastifyInstance, s: Services) {
  app.get('/casework/requests/:id', { config: CASE_ACCESS }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const c = await loadCase(s, id);
    const today = s.today();
    const r = c.request;
    const [child, family, documents, plan, officer] = await Promise.all([
      s.children.get(s.db, r.child_id),
      s.children.family(s.db, r.child_id),
      s.db.selectFrom('documents').select(['id', 'title', 'body', 'created_at', 'visible_to_family']).where('request_id', '=', id).orderBy('created_at').execute(),
      s.db.selectFrom('plans').select('id').where('request_id', '=', id).executeTakeFirst(),
      r.officer_user_id ? s.db.selectFrom('users').select('name').where('id', '=', r.officer_user_id).executeTakeFirst() : undefined,
    ]);
    const review = plan
      ? await s.db.selectFrom('annual_reviews').select(['id', 'due_by']).where('plan_id', '=', plan.id).orderBy('due_by', 'desc').executeTakeFirst()
      : undefined;
    await auditView(s, request, c, 'case');

    const stage = r.stage as Stage;
    const done = (request.query as { done?: unknown }).done;
    const banner = done === 'request' ? 'Request recorded' : done === 'officer' ? 'Officer changed' : typeof done === 'string' ? actionNamed(done)?.done : undefined;
    return reply.render('casework/views/case.njk', {
      title: `${c.child.givenName} ${c.child.familyName}`,
      banner,
      c,
      child,
      childRows: childRows(child, family[0]),
      requestRows: requestRows(r),
      stageLabel: STAGES[stage]?.staff ?? stage,
      officerName: officer?.name ?? 'Not assigned',
      open: isOpenStage(stage),
      steps: c.clock.steps.map((st) => ({ label: stepLabel(st), dueOn: st.dueOn, doneOn: st.doneOn, tag: STATE_TAGS[st.state] })),
      timelinessText: timelinessText(c),
      advice: c.advice.map((a, i) => ({
        agency: agencyName(a.agency),
        askedOf: a.assigneeName ?? a.teamName ?? 'Not recorded',
        askedOn: a.askedOn,
        dueOn: a.dueOn,
        status: adviceStatus(a, today),
        tag: STATE_TAGS[c.clock.deadlines.advice[i]?.state ?? 'not-due'],
      })),
      exceptions: c.exceptions.map((e) => ({ ...e, label: EXCEPTION_KINDS[e.kind] })),
      documents,
      plan,
      review,
      timeline: [...c.events].reverse().map((e) => ({ ...describeEvent(e), on: e.occurredOn, internal: !e.visibleToFamily })),
      actions: ACTIONS.filter((a) => a.stages.includes(stage)).map((a) => ({ href: `/casework/requests/${id}/${a.name}`, text: a.title })),
    });
  });

}
