import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { AREA_CASE_ROLES, type Role } from '../../platform/access/roles.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { notFound } from '../../platform/web/errors.js';
import { errorView, type FieldError } from '../../platform/web/forms.js';
import { formatLongDate } from '../ehc/clock/index.js';
import { CASEWORK } from '../ehc/ehc.api.js';
import { compareSections } from './plans.diff.js';
import { renderPlanPdf } from './plans.pdf.js';
import { ceaseReasonLabel, currentVersion, kindLabel, pdfFileName, sectionList, versionLine, versionNumber } from './plans.present.js';
import { loadPlan, loadVersion, type PlanRecord } from './plans.queries.js';

/** Who reaches a plan: area casework roles, and the family, school and advisers linked to the child. */
export const PLAN_ACCESS = { access: access.child('planId', AREA_CASE_ROLES, ['family', 'school', 'advice'], 'plan') };
/** Those who may also open the plan's reviews (the review pages' own rule). */
const REVIEW_ROLES: readonly Role[] = [...AREA_CASE_ROLES, 'family', 'senco'];

const TITLE = 'Education, health and care plan';

async function planOr404(s: Services, request: FastifyRequest): Promise<PlanRecord> {
  const plan = await loadPlan(s.db, (request.params as { planId: string }).planId);
  if (!plan) throw notFound('plan');
  return plan;
}

async function versionOr404(s: Services, request: FastifyRequest, plan: PlanRecord) {
  const n = versionNumber((request.params as { version?: string }).version);
  const v = n === undefined ? undefined : await loadVersion(s.db, plan.id, n);
  if (!v) throw notFound('version of this plan');
  return v;
}

async function audit(s: Services, request: FastifyRequest, plan: PlanRecord, action: 'plan.viewed' | 'plan.downloaded', details: Record<string, unknown>) {
  await s.audit.record(s.db, {
    actor: actorOf(request), action, outcome: 'allowed', subjectType: 'plan', subjectId: plan.id,
    childId: plan.child.id, requestId: request.id, details,
  });
}

/** What every plan page shows about the plan and the person looking. */
function common(plan: PlanRecord, request: FastifyRequest) {
  const role = request.user!.role;
  const latest = plan.versions.at(-1);
  return {
    plan,
    childName: `${plan.child.givenName} ${plan.child.familyName}`,
    ceaseReason: ceaseReasonLabel(plan.ceaseReason),
    versions: plan.versions.map((v) => ({ ...v, label: kindLabel(v.kind), href: `/plans/${plan.id}/versions/${v.version}` })),
    compareDefault: plan.versions.length >= 2 ? { from: plan.versions.at(-2)!.version, to: latest!.version } : null,
    caseHref: CASEWORK.includes(role) && plan.requestId ? `/casework/requests/${plan.requestId}` : null,
    toPlan: { text: 'Back to the plan', href: `/plans/${plan.id}` },
    reviews: REVIEW_ROLES.includes(role) ? plan.reviews : [],
  };
}

export async function plansRoutes(app: FastifyInstance, s: Services) {
  app.get('/plans/:planId', { config: PLAN_ACCESS }, async (request, reply) => {
    const plan = await planOr404(s, request);
    const current = currentVersion(plan.versions);
    const version = current ? await loadVersion(s.db, plan.id, current.version) : undefined;
    await audit(s, request, plan, 'plan.viewed', { page: 'plan', version: current?.version ?? null });
    const proposal = plan.versions.at(-1)?.kind === 'amendment-proposal' ? plan.versions.at(-1) : undefined;
    const base = common(plan, request);
    return reply.render('plans/views/plan.njk', {
      ...base,
      back: base.caseHref ? { text: 'Back to the case', href: base.caseHref } : { text: 'Back to the home page', href: '/home' },
      title: TITLE,
      version,
      isCurrent: true,
      versionLine: version ? versionLine(version) : null,
      proposal: proposal ? { ...proposal, line: versionLine(proposal) } : null,
      sections: version ? sectionList(version.sections) : [],
    });
  });

  app.get('/plans/:planId/versions/:version', { config: PLAN_ACCESS }, async (request, reply) => {
    const plan = await planOr404(s, request);
    const version = await versionOr404(s, request, plan);
    const current = currentVersion(plan.versions);
    await audit(s, request, plan, 'plan.viewed', { page: 'version', version: version.version });
    const base = common(plan, request);
    return reply.render('plans/views/plan.njk', {
      ...base,
      back: base.toPlan,
      title: `${TITLE}: version ${version.version}`,
      version,
      isCurrent: current?.version === version.version,
      current: current ? { ...current, line: versionLine(current) } : null,
      versionLine: versionLine(version),
      sections: sectionList(version.sections),
    });
  });

  app.get('/plans/:planId/compare', { config: PLAN_ACCESS }, async (request, reply) => {
    const plan = await planOr404(s, request);
    const base = common(plan, request);
    const query = request.query as Record<string, unknown>;
    const chosen = { from: query.from ?? String(base.compareDefault?.from ?? ''), to: query.to ?? String(base.compareDefault?.to ?? '') };
    const errors: FieldError[] = [];
    const from = versionNumber(chosen.from);
    const to = versionNumber(chosen.to);
    const known = (n: number | undefined) => n !== undefined && plan.versions.some((v) => v.version === n);
    if (plan.versions.length >= 2) {
      if (!known(from)) errors.push({ field: 'from', text: 'Select the version to compare from' });
      if (!known(to)) errors.push({ field: 'to', text: 'Select the version to compare with' });
      if (errors.length === 0 && from === to) errors.push({ field: 'to', text: 'Select two different versions to compare' });
    }
    const [a, b] = errors.length || plan.versions.length < 2
      ? [undefined, undefined]
      : await Promise.all([loadVersion(s.db, plan.id, from!), loadVersion(s.db, plan.id, to!)]);
    const sections = a && b ? compareSections(a.sections, b.sections) : [];
    if (a && b) await audit(s, request, plan, 'plan.viewed', { page: 'compare', from: a.version, to: b.version });
    const options = (selected: unknown) => plan.versions.map((v) => ({ value: String(v.version), text: versionLine(v), selected: String(selected) === String(v.version) }));
    return reply.render('plans/views/compare.njk', {
      ...base,
      title: `Compare versions of the ${TITLE.toLowerCase()}`,
      fromOptions: options(chosen.from),
      toOptions: options(chosen.to),
      fromLine: a ? versionLine(a) : null,
      toLine: b ? versionLine(b) : null,
      changed: sections.filter((x) => x.status !== 'unchanged'),
      unchanged: sections.filter((x) => x.status === 'unchanged'),
      compared: Boolean(a && b),
      ...errorView(errors),
    }, errors.length ? 400 : 200);
  });

  app.get('/plans/:planId/versions/:version/print', { config: PLAN_ACCESS }, async (request, reply) => {
    const plan = await planOr404(s, request);
    const version = await versionOr404(s, request, plan);
    await audit(s, request, plan, 'plan.viewed', { page: 'print', version: version.version });
    return reply.render('plans/views/print.njk', {
      title: `${plan.child.givenName} ${plan.child.familyName}: ${TITLE.toLowerCase()}, version ${version.version}`,
      heading: TITLE,
      plan,
      childName: `${plan.child.givenName} ${plan.child.familyName}`,
      versionLine: versionLine(version),
      sections: sectionList(version.sections).map((x) => ({ ...x, paragraphs: x.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) })),
      pdfHref: `/plans/${plan.id}/versions/${version.version}.pdf`,
      backHref: `/plans/${plan.id}/versions/${version.version}`,
    });
  });

  app.get('/plans/:planId/versions/:version.pdf', { config: PLAN_ACCESS }, async (request, reply) => {
    const plan = await planOr404(s, request);
    const version = await versionOr404(s, request, plan);
    const childName = `${plan.child.givenName} ${plan.child.familyName}`;
    const pdf = await renderPlanPdf({
      title: `${TITLE}: ${childName}`,
      childName,
      dateOfBirth: formatLongDate(plan.child.dateOfBirth),
      versionLine: versionLine(version),
      areaName: s.config.area.name,
      sections: sectionList(version.sections),
    });
    await audit(s, request, plan, 'plan.downloaded', { version: version.version, format: 'pdf' });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${pdfFileName(plan.child.givenName, plan.child.familyName, version.version)}"`)
      .send(pdf);
  });
}
