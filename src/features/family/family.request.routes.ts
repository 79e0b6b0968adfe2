import { sql } from 'kysely';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { datePartsInError } from '../../platform/web/date-input.js';
import { errorView, readForm, type FieldError } from '../../platform/web/forms.js';
import { RELATIONSHIPS } from '../ehc/ehc.codes.js';
import { EhcInputError } from '../ehc/ehc.errors.js';
import { formatLongDate } from '../ehc/clock/index.js';
import { auditFamilyView, FAMILY_CASE, FAMILY_ONLY, loadFamilyCase } from './family.access.js';
import { checkRequest, MAX_STORY, REQUEST_FIELDS, requestErrorField, type CheckedRequest } from './family.forms.js';
import * as q from './family.queries.js';

/** How a parent or young person says who they are to the child, in their own voice. */
export const RELATIONSHIP_WORDS: Record<(typeof RELATIONSHIPS)[number], string> = {
  mother: 'Mother',
  father: 'Father',
  carer: 'Carer or foster carer',
  guardian: 'Guardian',
  grandparent: 'Grandparent',
  'young-person': 'I am the young person (aged 16 to 25)',
  other: 'Other',
};

/** A parent or young person asks for an EHC needs assessment online. */
export async function familyRequestRoutes(app: FastifyInstance, s: Services) {
  const page = async (request: FastifyRequest, values: Record<string, string>, errors: FieldError[]) => {
    const ids = await s.access.linkedChildIds(s.db, request.user!, ['family']);
    const [children, settings] = await Promise.all([q.childrenByIds(s.db, ids), q.schools(s.db)]);
    return {
      title: 'Ask for an assessment of your child’s needs',
      values,
      children: children.map((c) => ({ value: c.id, text: `${c.given_name} ${c.family_name}`, hint: { text: `Born ${formatLongDate(c.date_of_birth)}` } })),
      schools: [{ value: '', text: 'Not in this list' }, ...settings.map((o) => ({ value: o.id, text: o.name, selected: values.schoolId === o.id }))],
      relationships: RELATIONSHIPS.map((r) => ({ value: r, text: RELATIONSHIP_WORDS[r] })),
      dateParts: datePartsInError(errors),
      ...errorView(errors),
    };
  };

  app.get('/family/request', { config: FAMILY_ONLY }, async (request, reply) => reply.render('family/views/request.njk', await page(request, {}, [])));

  app.post('/family/request', { config: FAMILY_ONLY }, async (request, reply) => {
    const form = readForm(request.body, REQUEST_FIELDS, {}, MAX_STORY);
    const linked = await s.access.linkedChildIds(s.db, request.user!, ['family']);
    const today = s.today();
    const checked = checkRequest(form, today, linked);
    if (checked) {
      try {
        const id = await s.db.transaction().execute((tx) => submit(tx, request, checked, today));
        return reply.redirect(`/family/requests/${id}/requested`, 303);
      } catch (e) {
        if (!(e instanceof EhcInputError)) throw e;
        form.errors.push({ field: requestErrorField(e.field), text: e.message });
      }
    }
    return reply.render('family/views/request.njk', await page(request, form.values, form.errors), 400);
  });

  /**
   * One transaction: the child (if new, with this parent as their family), then the request.
   * The parent's own row is locked first, so a double-click cannot add the child twice; a
   * child already linked with the same name and date of birth is the same child, and the EHC
   * service then refuses a second request while one is in progress.
   */
  async function submit(tx: Db, request: FastifyRequest, input: CheckedRequest, today: string): Promise<string> {
    const user = request.user!;
    await tx.selectFrom('users').select('id').where('id', '=', user.id).forUpdate().execute();
    let childId = input.childId;
    if (!childId && input.newChild) {
      const same = await tx
        .selectFrom('children')
        .innerJoin('case_links', 'case_links.child_id', 'children.id')
        .select('children.id')
        .where('case_links.user_id', '=', user.id)
        .where('case_links.kind', '=', 'family')
        .where('case_links.ended_at', 'is', null)
        .where(sql<boolean>`lower(children.given_name) = lower(${input.newChild.givenName})`)
        .where(sql<boolean>`lower(children.family_name) = lower(${input.newChild.familyName})`)
        .where('children.date_of_birth', '=', input.newChild.dateOfBirth)
        .executeTakeFirst();
      childId = same?.id ?? null;
      if (!childId) {
        childId = await s.children.create(tx, input.newChild, today);
        await s.children.addFamilyMember(tx, childId, { name: user.name, relationship: input.relationship, email: user.email, userId: user.id, mainContact: true });
        await s.audit.record(tx, { actor: actorOf(request), action: 'child.created', outcome: 'succeeded', subjectType: 'child', subjectId: childId, childId, requestId: request.id, details: { via: 'family' } });
      }
    }
    return s.ehc.createRequest(
      tx,
      actorOf(request),
      { childId: childId!, receivedOn: today, requestedBy: input.requestedBy, requesterName: user.name, reason: input.reason },
      today,
      request.id,
    );
  }

  app.get('/family/requests/:id/requested', { config: FAMILY_CASE }, async (request, reply) => {
    const c = await loadFamilyCase(s, (request.params as { id: string }).id);
    await auditFamilyView(s, request, c.request.child_id, { type: 'ehc-request', id: c.request.id }, 'request-sent');
    return reply.render('family/views/request-sent.njk', { title: 'We have your request', c });
  });
}
