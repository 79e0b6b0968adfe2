import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { AREA_CASE_ROLES } from '../../platform/access/roles.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { notFound } from '../../platform/web/errors.js';
import { errorView, type FieldError } from '../../platform/web/forms.js';
import { datePartsInError, dateValues, readDateInput } from '../../platform/web/date-input.js';
import type { ClockStep } from '../ehc/clock/index.js';
import { CASEWORK } from '../ehc/ehc.api.js';
import { SECTIONS, SECTION_KEYS } from '../ehc/ehc.codes.js';
import { currentVersion, versionLine } from '../plans/plans.present.js';
import { loadPlan, loadVersion } from '../plans/plans.queries.js';
import { preparingForAdulthood } from './ncy.js';
import { DECISIONS, PFA_AREA_KEYS, PFA_AREAS, PHASE_TRANSFERS } from './reviews.codes.js';
import { ceaseReasonItems, parseReviewForm, REVIEW_FORMS, type FormContext, type ReviewFormSpec } from './reviews.forms.js';
import { viewReview } from './reviews.model.js';
import { describePfa, pfaValues, routeRows } from './reviews.pfa.js';
import { CADENCES, ceaseReasonText, decisionLabel, STATE_TAGS, stepLabel, transferText } from './reviews.present.js';
import { loadReview, ReviewInputError, reviewsService, type ReviewRecord } from './reviews.service.js';

const VIEW = { access: access.child('reviewId', AREA_CASE_ROLES, ['family', 'school'], 'review') };
/** Schools hold most reviews: their SENCO records the meeting and the report too. */
const SCHOOL_OR_COUNCIL = { access: access.child('reviewId', CASEWORK, ['school'], 'review') };
/** The council's own decisions: casework staff only. */
const COUNCIL = { access: access.child('reviewId', CASEWORK, [], 'review') };

async function reviewOr404(s: Services, request: FastifyRequest): Promise<ReviewRecord> {
  const rec = await loadReview(s.db, (request.params as { reviewId: string }).reviewId);
  if (!rec) throw notFound('review');
  return rec;
}

const contextOf = (s: Services, rec: ReviewRecord): FormContext => ({ today: s.today(), dateOfBirth: rec.child.dateOfBirth, planActive: rec.plan.status !== 'ceased' });
const mayUse = (spec: ReviewFormSpec, role: string) => CASEWORK.includes(role as 'casework-officer') || (!spec.councilOnly && role === 'senco');

export async function reviewPageRoutes(app: FastifyInstance, s: Services) {
  const service = reviewsService({ audit: s.audit });

  app.get('/reviews/:reviewId', { config: VIEW }, async (request, reply) => {
    const rec = await reviewOr404(s, request);
    const today = s.today();
    const r = rec.row;
    const v = viewReview(r, rec.child.dateOfBirth, rec.basisOn, today);
    const plan = await loadPlan(s.db, rec.plan.id);
    const role = request.user!.role;
    const ctx = contextOf(s, rec);
    await s.audit.record(s.db, {
      actor: actorOf(request), action: 'review.viewed', outcome: 'allowed', subjectType: 'annual-review', subjectId: r.id,
      childId: rec.child.id, requestId: request.id,
    });
    const done = (request.query as { done?: unknown }).done;
    const step = (st: ClockStep) =>
      ({ label: stepLabel(st), dueOn: st.dueOn, doneOn: st.doneOn, tag: STATE_TAGS[st.state] });
    return reply.render('reviews/views/review.njk', {
      title: 'Annual review',
      rec,
      r,
      v,
      childName: `${rec.child.givenName} ${rec.child.familyName}`,
      banner: typeof done === 'string' ? REVIEW_FORMS.find((f) => f.name === done)?.done : undefined,
      cadence: CADENCES[v.clock.deadlines.cadence],
      steps: v.clock.steps.map(step),
      amendmentSteps: v.amendment ? v.amendment.steps.map(step) : [],
      decision: decisionLabel(r.decision),
      ceaseReason: ceaseReasonText(r.cease_reason),
      transfer: transferText(v.transfer),
      pfa: v.pfaApplies ? describePfa(r.pfa as never) : null,
      planVersions: (plan?.versions ?? []).filter((x) => x.kind === 'amendment-proposal' || x.kind === 'amended-final').map((x) => ({ ...x, line: versionLine(x) })),
      caseHref: CASEWORK.includes(role) && rec.plan.requestId ? `/casework/requests/${rec.plan.requestId}` : null,
      forms: REVIEW_FORMS.filter((f) => mayUse(f, role) && f.offered(r, ctx)).map((f) => ({ href: `/reviews/${r.id}/${f.name}`, text: f.title })),
    });
  });

  /** Everything a form page shows besides the values typed. */
  async function formPage(spec: ReviewFormSpec, rec: ReviewRecord, values: Record<string, string>, errors: FieldError[]) {
    const today = s.today();
    const v = viewReview(rec.row, rec.child.dateOfBirth, rec.basisOn, today);
    const extra: Record<string, unknown> = {};
    if (spec.name === 'schedule') extra.invitationsBy = v.clock.deadlines.invitationsBy;
    if (spec.name === 'meeting') {
      // Shown when the meeting date typed, the one booked, or today puts the child in Year 9 or above.
      const typed = readDateInput(values, 'on', { label: 'Date', missing: '' }).value;
      const showPfa = values.pfaShown === 'yes' || v.pfaApplies || preparingForAdulthood(rec.child.dateOfBirth, typed ?? rec.row.meeting_on ?? today);
      Object.assign(extra, { showPfa, pfaAreas: PFA_AREA_KEYS.map((key) => ({ key, label: PFA_AREAS[key] })), routeRows: routeRows(values), ncy: v.ncy });
    }
    if (spec.name === 'decision') Object.assign(extra, { decisions: Object.entries(DECISIONS).map(([value, text]) => ({ value, text })), ceaseReasons: ceaseReasonItems(values.ceaseReason) });
    if (spec.name === 'amendments' || spec.name === 'amended-plan') extra.sections = SECTION_KEYS.map((key) => ({ key, label: SECTIONS[key] }));
    if (spec.name === 'phase-transfer') {
      extra.kinds = [
        ...Object.entries(PHASE_TRANSFERS).map(([value, t]) => ({ value, text: t.label, hint: { text: `The plan must be reviewed and amended by ${t.deadline} in the year of the transfer.` } })),
        { divider: 'or' },
        { value: 'none', text: 'No phase transfer' },
      ];
    }
    return {
      title: spec.title,
      spec,
      rec,
      v,
      childName: `${rec.child.givenName} ${rec.child.familyName}`,
      reviewHref: `/reviews/${rec.row.id}`,
      values,
      dateParts: datePartsInError(errors),
      ...extra,
      ...errorView(errors),
    };
  }

  /** The form's starting values: what is recorded, and the plan's sections for amendments. */
  async function initialValues(spec: ReviewFormSpec, rec: ReviewRecord): Promise<Record<string, string>> {
    const r = rec.row;
    switch (spec.name) {
      case 'schedule':
        return { ...(r.meeting_on ? dateValues('meetingOn', r.meeting_on) : {}), ...(r.invitations_sent_on ? dateValues('invitationsSentOn', r.invitations_sent_on) : {}) };
      case 'meeting':
        return { ...(r.meeting_on && r.meeting_on <= s.today() ? dateValues('on', r.meeting_on) : {}), notes: r.notes ?? '', ...pfaValues(r.pfa as never) };
      case 'phase-transfer': {
        const [kind, year] = (r.phase_transfer ?? '').split(':');
        return { kind: kind ?? '', year: year ?? '' };
      }
      case 'amendments':
      case 'amended-plan': {
        const plan = await loadPlan(s.db, rec.plan.id);
        const from = spec.name === 'amended-plan' ? plan?.versions.at(-1) : plan ? currentVersion(plan.versions) : undefined;
        const version = from ? await loadVersion(s.db, rec.plan.id, from.version) : undefined;
        return Object.fromEntries(SECTION_KEYS.map((k) => [`section-${k}`, version?.sections[k] ?? '']));
      }
      default:
        return {};
    }
  }

  for (const spec of REVIEW_FORMS) {
    const url = `/reviews/:reviewId/${spec.name}`;
    const config = spec.councilOnly ? COUNCIL : SCHOOL_OR_COUNCIL;

    app.get(url, { config }, async (request, reply) => {
      const rec = await reviewOr404(s, request);
      await s.audit.record(s.db, {
        actor: actorOf(request), action: 'review.viewed', outcome: 'allowed', subjectType: 'annual-review', subjectId: rec.row.id,
        childId: rec.child.id, requestId: request.id, details: { page: spec.name },
      });
      return reply.render('reviews/views/form.njk', await formPage(spec, rec, await initialValues(spec, rec), []));
    });

    app.post(url, { config }, async (request, reply) => {
      const rec = await reviewOr404(s, request);
      const parsed = parseReviewForm(spec, request.body, contextOf(s, rec));
      let errors = parsed.errors;
      if (parsed.change) {
        try {
          await service.record(s.db, actorOf(request), rec.row.id, parsed.change, s.today(), request.id);
          return reply.redirect(`/reviews/${rec.row.id}?done=${spec.name}`, 303);
        } catch (e) {
          if (!(e instanceof ReviewInputError)) throw e;
          const isDate = spec.dates.some((d) => d.name === e.field);
          errors = [{ field: isDate ? `${e.field}-day` : e.field, text: e.message }];
        }
      }
      return reply.render('reviews/views/form.njk', await formPage(spec, rec, parsed.values, errors), 400);
    });
  }
}
