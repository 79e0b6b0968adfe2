import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { errorView, type FieldError } from '../../platform/web/forms.js';
import { datePartsInError } from '../../platform/web/date-input.js';
import { AGENCIES, ADVICE_SECTIONS, SECTIONS, SECTION_KEYS } from '../ehc/ehc.codes.js';
import { EhcInputError } from '../ehc/ehc.errors.js';
import { assembleSectionsFromAdvice, type EhcCase } from '../ehc/ehc.service.js';
import { EXCEPTION_KINDS } from '../ehc/clock/index.js';
import { ACTIONS, fieldForError, parseAction, type ActionSpec } from './casework.actions.js';
import { CASE_ACCESS, auditView, loadCase } from './casework.case.js';
import { MEDIATION_STATUSES, TRIBUNAL_STATUSES } from './casework.present.js';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, text }));

/** What each form shows besides the values typed: choices, and the draft's pre-filled sections. */
async function choices(s: Services, spec: ActionSpec, c: EhcCase, values: Record<string, string>) {
  switch (spec.name) {
    case 'advice': {
      const teams = await s.db.selectFrom('teams').select(['id', 'name', 'agency']).orderBy('name').execute();
      return {
        agencies: Object.entries(AGENCIES).map(([value, text]) => ({
          value,
          text,
          hint: { text: `Informs sections ${ADVICE_SECTIONS[value as keyof typeof AGENCIES].join(', ')} of the plan` },
        })),
        teams: [
          { value: '', text: 'Select a team' },
          ...teams.map((t) => ({ value: t.id, text: `${t.name} (${AGENCIES[t.agency as keyof typeof AGENCIES] ?? t.agency})`, selected: values.teamId === t.id })),
        ],
      };
    }
    case 'draft':
      return { sections: SECTION_KEYS.map((key) => ({ key, label: SECTIONS[key] })) };
    case 'exception':
      return { kinds: Object.entries(EXCEPTION_KINDS).map(([value, hint]) => ({ value, text: `Exception (${value})`, hint: { text: hint } })) };
    case 'mediation':
      return { statuses: options(MEDIATION_STATUSES) };
    case 'tribunal':
      return { statuses: options(TRIBUNAL_STATUSES) };
    default:
      return {};
  }
}

/** Pre-fill the draft with what the service would assemble from the advice received. */
function initialValues(spec: ActionSpec, c: EhcCase): Record<string, string> {
  if (spec.name !== 'draft') return {};
  return assembleSectionsFromAdvice(c.advice);
}

export async function caseworkActionRoutes(app: FastifyInstance, s: Services) {
  const page = async (spec: ActionSpec, c: EhcCase, values: Record<string, string>, errors: FieldError[]) => ({
    title: spec.title,
    spec,
    c,
    caseHref: `/casework/requests/${c.request.id}`,
    values,
    dateParts: datePartsInError(errors),
    ...(await choices(s, spec, c, values)),
    ...errorView(errors),
  });

  for (const spec of ACTIONS) {
    const url = `/casework/requests/:id/${spec.name}`;

    app.get(url, { config: CASE_ACCESS }, async (request, reply) => {
      const c = await loadCase(s, (request.params as { id: string }).id);
      await auditView(s, request, c, spec.name);
      return reply.render('casework/views/action.njk', await page(spec, c, initialValues(spec, c), []));
    });

    app.post(url, { config: CASE_ACCESS }, async (request, reply) => {
      const c = await loadCase(s, (request.params as { id: string }).id);
      const today = s.today();
      const parsed = parseAction(spec, request.body, { receivedOn: c.request.received_on, draftIssuedOn: c.request.draft_issued_on, today });
      let errors = parsed.errors;
      if (parsed.event) {
        try {
          await s.ehc.recordEvent(s.db, actorOf(request), c.request.id, parsed.event, today, request.id);
          return reply.redirect(`/casework/requests/${c.request.id}?done=${spec.name}`, 303);
        } catch (e) {
          if (!(e instanceof EhcInputError)) throw e;
          errors = [{ field: fieldForError(spec, e.field), text: e.message }];
        }
      }
      return reply.render('casework/views/action.njk', await page(spec, c, parsed.values, errors), 400);
    });
  }
}
