import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { notFound } from '../../platform/web/errors.js';
import { EhcNotFoundError } from '../ehc/ehc.errors.js';
import type { EhcCase } from '../ehc/ehc.service.js';

/**
 * Who sees the family pages. A request's pages open only through the family's own case link:
 * no area-wide role, so a caseworker uses the casework pages and a parent sees only their own
 * child. The list, the request form and letters are for the family role; a letter is then
 * checked against the family's links (documents have no access rule of their own).
 */
export const FAMILY_CASE = { access: access.child('id', [], ['family'], 'ehc-request') };
export const FAMILY_ONLY = { access: access.roles('family') };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case with its clock; the access rule has already found the request. */
export async function loadFamilyCase(s: Services, id: string): Promise<EhcCase> {
  try {
    return await s.ehc.getCase(s.db, id, s.today());
  } catch (e) {
    if (e instanceof EhcNotFoundError) throw notFound('request');
    throw e;
  }
}

/** Every family view of a child's data is audited, with the child. */
export async function auditFamilyView(s: Services, request: FastifyRequest, childId: string, subject: { type: string; id: string }, page: string) {
  await s.audit.record(s.db, {
    actor: actorOf(request),
    action: 'family.case.viewed',
    outcome: 'allowed',
    subjectType: subject.type,
    subjectId: subject.id,
    childId,
    requestId: request.id,
    details: { page },
  });
}
