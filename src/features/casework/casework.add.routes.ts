import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { notFound } from '../../platform/web/errors.js';
import { errorView, readForm, type FieldError } from '../../platform/web/forms.js';
import { datePartsInError } from '../../platform/web/date-input.js';
import { REQUESTERS, RELATIONSHIPS } from '../ehc/ehc.codes.js';
import { CASEWORK } from '../ehc/ehc.api.js';
import { EhcInputError } from '../ehc/ehc.errors.js';
import { CONTACT_PREFERENCES, RELATIONSHIP_LABELS } from './casework.present.js';
import { checkNewChild, checkNewRequest, CHILD_FIELDS, REQUEST_FIELDS, childErrorField } from './casework.add.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CASEWORK_ONLY = { access: access.roles(...CASEWORK) };

export async function caseworkAddRoutes(app: FastifyInstance, s: Services) {
  const childPage = async (values: Record<string, string>, errors: FieldError[]) => {
    const schools = await s.db.selectFrom('organisations').select(['id', 'name']).where('kind', 'in', ['school', 'ap-provider']).orderBy('name').execute();
    return {
      title: 'Add a child or young person',
      values,
      schools: [{ value: '', text: 'Select a school or setting' }, ...schools.map((o) => ({ value: o.id, text: o.name, selected: values.schoolId === o.id }))],
      relationships: [{ value: '', text: 'Select a relationship' }, ...RELATIONSHIPS.map((r) => ({ value: r, text: RELATIONSHIP_LABELS[r] ?? r, selected: values.relationship === r }))],
      contactPreferences: Object.entries(CONTACT_PREFERENCES).map(([value, text]) => ({ value, text })),
      dateParts: datePartsInError(errors),
      ...errorView(errors),
    };
  };

  app.get('/casework/children/new', { config: CASEWORK_ONLY }, async (_request, reply) =>
    reply.render('casework/views/child-new.njk', await childPage({}, [])),
  );

  app.post('/casework/children/new', { config: CASEWORK_ONLY }, async (request, reply) => {
    const form = readForm(request.body, CHILD_FIELDS, {}, 500);
    const checked = checkNewChild(form, s.today());
    if (checked.child) {
      try {
        const childId = await s.db.transaction().execute(async (tx) => {
          const id = await s.children.create(tx, checked.child!, s.today());
          await s.children.addFamilyMember(tx, id, { ...checked.member!, mainContact: true });
          await s.audit.record(tx, { actor: actorOf(request), action: 'child.created', outcome: 'succeeded', subjectType: 'child', subjectId: id, childId: id, requestId: request.id });
          return id;
        });
        return reply.redirect(`/casework/requests/new?childId=${childId}`, 303);
      } catch (e) {
        if (!(e instanceof EhcInputError)) throw e;
        form.errors.push({ field: childErrorField(e.field), text: e.message });
      }
    }
    return reply.render('casework/views/child-new.njk', await childPage(form.values, form.errors), 400);
  });

  const childFor = async (childId: unknown) => {
    const child = typeof childId === 'string' && UUID.test(childId) ? await s.children.get(s.db, childId) : undefined;
    if (!child) throw notFound('child');
    return child;
  };

  const requestPage = (child: Awaited<ReturnType<typeof childFor>>, values: Record<string, string>, errors: FieldError[]) => ({
    title: 'Record a request for an EHC needs assessment',
    child,
    values,
    requesters: Object.entries(REQUESTERS).map(([value, text]) => ({ value, text })),
    dateParts: datePartsInError(errors),
    ...errorView(errors),
  });

  app.get('/casework/requests/new', { config: CASEWORK_ONLY }, async (request, reply) => {
    const child = await childFor((request.query as { childId?: unknown }).childId);
    return reply.render('casework/views/request-new.njk', requestPage(child, {}, []));
  });

  app.post('/casework/requests/new', { config: CASEWORK_ONLY }, async (request, reply) => {
    const child = await childFor((request.query as { childId?: unknown }).childId);
    const form = readForm(request.body, REQUEST_FIELDS, {}, 10000);
    const input = checkNewRequest(form, s.today());
    if (input) {
      try {
        // Whoever records the request is its officer, and sees it in their queue.
        const id = await s.ehc.createRequest(s.db, actorOf(request), { childId: child.id, ...input, officerUserId: request.user!.id }, s.today(), request.id);
        return reply.redirect(`/casework/requests/${id}?done=request`, 303);
      } catch (e) {
        if (!(e instanceof EhcInputError)) throw e;
        form.errors.push({ field: e.field === 'receivedOn' ? 'receivedOn-day' : e.field === 'requestedBy' ? 'requestedBy' : 'child', text: e.message });
      }
    }
    return reply.render('casework/views/request-new.njk', requestPage(child, form.values, form.errors), 400);
  });
}
